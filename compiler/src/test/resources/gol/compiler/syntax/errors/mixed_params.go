package main

func f(a, b int, []int) {
}

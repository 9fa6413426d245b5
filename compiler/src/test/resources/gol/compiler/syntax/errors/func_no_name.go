package main

func () {
}

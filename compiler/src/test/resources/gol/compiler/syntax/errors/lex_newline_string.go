package main

func main() {
	x := "abc
}

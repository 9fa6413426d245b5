package main

func main() {
	go f
	x := 1 2
}

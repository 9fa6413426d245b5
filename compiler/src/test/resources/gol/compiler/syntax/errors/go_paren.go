package main

func main() {
	go (f())
}

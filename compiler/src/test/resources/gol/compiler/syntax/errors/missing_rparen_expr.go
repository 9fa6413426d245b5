package main

func main() {
	_ = (1 + 2
}

package main

func main() {
	_ = x.1
}

package main

func main() {
	_ = a[]
}

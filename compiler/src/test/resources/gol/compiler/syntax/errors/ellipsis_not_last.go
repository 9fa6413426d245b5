package main

func main() {
	f(a..., b)
}

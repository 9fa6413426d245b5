package main

func main() {
	if x == T{} {
	}
}

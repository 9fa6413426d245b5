package main

func main() {
	for range x; {
	}
}

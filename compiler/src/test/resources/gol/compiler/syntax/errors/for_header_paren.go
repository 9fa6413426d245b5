package main

func main() {
	for x) {
	}
}

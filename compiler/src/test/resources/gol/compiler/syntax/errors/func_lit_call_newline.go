package main

func main() {
	func() {
	}
	()
}

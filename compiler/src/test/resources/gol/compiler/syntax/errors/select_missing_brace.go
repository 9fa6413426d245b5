package main

func main() {
	select x {
	}
}

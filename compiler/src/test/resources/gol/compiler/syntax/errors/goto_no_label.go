package main

func main() {
	goto
}

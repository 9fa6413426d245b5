package main

func main() {
	x := var
}

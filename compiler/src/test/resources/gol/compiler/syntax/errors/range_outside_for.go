package main

func main() {
	x := range y
}

package main

func main() {
	x := []int{}
	for a, b, c := range x {
	}
}

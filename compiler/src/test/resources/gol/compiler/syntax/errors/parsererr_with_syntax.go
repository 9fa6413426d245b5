package main

func main() {
	var a []int
	_ = a[1::3]
	x := 1 2
}

package main

func main() {
	var x interface{}
	y := x.(type)
	_ = y
}

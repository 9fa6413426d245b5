package main

func main() {
	select {
	case x > 1:
	}
	x := 1 2
}

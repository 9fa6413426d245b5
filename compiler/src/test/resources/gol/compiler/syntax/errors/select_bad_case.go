package main

func main() {
	select {
	case x > 1:
	}
}

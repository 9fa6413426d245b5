package main

func main() {
	select {
	case <-c
	}
}

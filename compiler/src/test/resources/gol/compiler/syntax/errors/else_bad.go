package main

func main() {
	if true {
	} else for {
	}
}

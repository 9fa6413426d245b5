package main

func (a, b T) f() {
	x := 1 2
}

package main

func f() int { return 1 } x

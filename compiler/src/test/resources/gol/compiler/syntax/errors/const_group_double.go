package main

const (
	a = 1;;
)

package main

func foo() {
	bar(1, // comment
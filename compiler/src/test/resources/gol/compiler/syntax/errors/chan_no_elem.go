package main

type T struct {
	ch chan
}

package main

type T struct {
	(U)
}

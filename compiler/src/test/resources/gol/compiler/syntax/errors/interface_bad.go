package main

type I interface {
	1
}

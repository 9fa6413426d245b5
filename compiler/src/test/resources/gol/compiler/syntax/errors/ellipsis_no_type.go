package main

func g(x int) (...)

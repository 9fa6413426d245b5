package main

var c <-int

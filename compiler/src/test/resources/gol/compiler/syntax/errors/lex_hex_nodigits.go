package main

var x = 0x

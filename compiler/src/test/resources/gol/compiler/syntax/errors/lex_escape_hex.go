package main

var x = "\x4"

package main

var x = 09

package main

var x = 1p10

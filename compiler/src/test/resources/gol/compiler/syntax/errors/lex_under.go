package main

var x = 1__0

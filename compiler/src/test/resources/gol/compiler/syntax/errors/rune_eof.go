package main

var x = 'a
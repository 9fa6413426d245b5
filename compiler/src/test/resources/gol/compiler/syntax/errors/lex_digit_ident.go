package main

var x = ١

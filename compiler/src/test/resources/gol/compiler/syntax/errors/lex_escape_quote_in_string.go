package main

var x = "\'"

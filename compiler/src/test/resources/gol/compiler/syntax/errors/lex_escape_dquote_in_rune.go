package main

var x = '\"'

package main

var x = 1

import "fmt"

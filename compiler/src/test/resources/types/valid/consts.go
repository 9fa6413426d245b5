package main

import (
	"fmt"
	"math"
	"time"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

const big = 1 << 100
const small = big >> 98
const f = 1.5
const s = "héllo" + ` raw`
const r = 'x' + 1
const typed int64 = 1 << 40
const mask = ^uint8(0)

func main() {
	fmt.Println(Sunday, Monday, Tuesday, KB, MB, GB, small, f*2, s, r, typed, mask)
	var x float64 = 1
	var y = 3 / 2
	var z = 3 / 2.0
	d := 2 * time.Second
	fmt.Println(x, y, z, d, math.MaxInt64, math.Pi, uint64(math.MaxUint64))
	const huge = 1e300 * 1e300 / 1e300
	fmt.Println(huge, 0x1p-2, 0o17, 0b101, 1_000_000, '\n', "\x41\u00e9\U0001F600")
	var u uint = 1
	fmt.Println(u<<3, 1<<u, len(s), len([3]int{}), cap([2]string{}))
	var arr [KB / 256]int
	fmt.Println(len(arr), -5%3, -5/3, 7&^5, 6|1, 6^3)
}

package main

import "fmt"

var a = b + c
var b = f()
var c = 2
var total int

func f() int { return c * 10 }

type Celsius float64
type Temp = Celsius

type Node struct {
	val  int
	next *Node
}

type List []*Node

func (l List) Len() int { return len(l) }

func (n *Node) Push(v int) *Node { return &Node{val: v, next: n} }

func init() { total = a }

func main() {
	var t Temp = 21.5
	n := (*Node)(nil).Push(1).Push(2)
	l := List{n, n.next}
	fmt.Println(a, b, c, total, t, n.val, l.Len())
	type local struct{ x, y int }
	p := local{1, 2}
	fmt.Println(p.x + p.y)
	var (
		i, j = 1, 2
		k    string
	)
	i, j = j, i
	fmt.Println(i, j, k)
}

package main

import "fmt"

type Animal interface {
	Sound() string
}

type Dog struct{ name string }
type Cat struct{ name string }

func (d Dog) Sound() string  { return d.name + " woof" }
func (c *Cat) Sound() string { return c.name + " meow" }

type Pair struct {
	a, b interface{}
}

type Tree struct {
	Left, Right *Tree
	Val         int
}

func (t *Tree) Insert(v int) *Tree {
	if t == nil {
		return &Tree{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree) Walk(f func(int)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

type Op func(int, int) int

type Matrix [2][2]int

func sum(nums ...int) (total int) {
	for _, n := range nums {
		total += n
	}
	return
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func main() {
	animals := []Animal{Dog{"rex"}, &Cat{"tom"}}
	for _, a := range animals {
		fmt.Println(a.Sound())
	}
	var t *Tree
	for _, v := range []int{5, 3, 8} {
		t = t.Insert(v)
	}
	t.Walk(func(v int) { fmt.Print(v, " ") })
	fmt.Println()
	ops := map[string]Op{"add": func(a, b int) int { return a + b }}
	fmt.Println(ops["add"](1, 2), sum(), sum(1, 2, 3), sum([]int{4, 5}...))
	q, r := divmod(7, 2)
	var m Matrix
	m[0][1] = 5
	p := Pair{1, "x"}
	fmt.Println(q, r, m, p.a, p.b)
	var e interface{} = m
	if mm, ok := e.(Matrix); ok {
		fmt.Println(mm[0][1])
	}
	type kv struct {
		k string
		v int
	}
	kvs := []kv{{"a", 1}, {k: "b"}}
	kp := &kvs[0]
	kp.v = 10
	fmt.Println(kvs, len(kvs[1].k))
	var arr [5]int
	sl := arr[:]
	sl[0] = 1
	ptr := &arr
	fmt.Println(len(ptr), ptr[0], cap(sl[1:3]))
	x := 10
	px := &x
	*px += 5
	pp := &px
	**pp *= 2
	fmt.Println(x)
	var fn func() = nil
	if fn == nil {
		fmt.Println("nil func")
	}
	s := make([]string, 3)
	s[0], s[1] = "a", "b"
	s = s[:2]
	fmt.Println(s, string("abc"[1]), "abc"[0] == 'a')
	var iface fmt.Stringer
	_ = iface
	bs := []byte("hi")
	bs[0] = 'H'
	rs := []rune("héllo")
	fmt.Println(string(bs), string(rs[1]), len(rs))
	const c = 'a'
	var ch byte = c
	var rn rune = c
	fmt.Println(ch, rn, c+1)
}

// Every construct of the grammar at least once. Syntactically valid Go (go/parser accepts it);
// it is a parser test and does not type-check.
package constructs

import (
	_ "embed"
	. "fmt"
	str "strings"
)

const (
	A = iota
	B
	C, D = iota * 2, "d"
	_
	E float64 = 1 << 3
)

const Single = 'x'

type (
	Alias  = int
	Celsius float64
	Pair   [2]int
	Any    [...]int
	Fn     func(int, string) (bool, error)
	Ch     chan<- <-chan int
	Tree   struct {
		Left, Right *Tree
		Value       interface{ Less(Tree) bool }
		str.Builder
		*Pair "tagged"
	}
)

var (
	x, y int = 1, 2
	z        = []map[string]*Tree{{"a": {Value: nil}}}
	arr      = [...]string{2: "c", 0: "a"}
	p        = &struct{ a, b int }{1, 2}
)

func variadic(format string, args ...interface{}) {}

func (t *Tree) Walk(f func(*Tree) bool) {
	if t == nil || !f(t) {
		return
	}
	t.Left.Walk(f)
	t.Right.Walk(f)
}

func noBody(int) int

func stmts(ch chan int, xs []int) (n int, err error) {
	var i, j = 0, len(xs)
	type local struct{ v int }
	const k = 3
	i++
	j--
	i += 2
	i -= 1
	i *= 3
	i /= 2
	i %= 5
	i &= 7
	i |= 8
	i ^= 1
	i <<= 2
	i >>= 1
	i &^= 4
	i, j = j, i
	_ = local{v: k}
	{
		nested := 1
		_ = nested
	}
	;
	if i := 1; i > 0 {
	} else if i < 0 {
	} else {
	}
	for {
		break
	}
	for i < j {
		i++
	}
	for i := 0; i < 10; i++ {
		continue
	}
	for ; ; {
		break
	}
	for range xs {
	}
	for k := range xs {
		_ = k
	}
	for k, v := range xs {
		_, _ = k, v
	}
	for i, j = range xs {
	}
	switch {
	case i > j:
		fallthrough
	case i < j:
	default:
	}
	switch x := i; x {
	case 1, 2:
	}
	switch j := interface{}(i); j.(type) {
	}
	select {
	case v := <-ch:
		_ = v
	case v, ok := <-ch:
		_, _ = v, ok
	case i = <-ch:
	case <-ch:
	case ch <- 1:
	default:
	}
outer:
	for {
		for {
			continue outer
		}
	}
	goto end
end:
	go variadic("%d", 1, 2)
	defer variadic("x", xs)
	defer func() { recover() }()
	Println(str.ToUpper("x"), xs[1:2:3], xs[:], xs[i:], xs[:j])
	return len(xs), nil
}

func exprs() {
	a := 1 + 2*3 - 4/5%6<<1>>2&3&^4 | 5 ^ 6
	b := a == 1 || a != 2 && a < 3 || a <= 4 && a > 5 || a >= 6
	c := -a + +a ^ ^a
	d := !b
	e := &a
	f := *e
	g := <-make(chan int)
	h := (<-chan int)(nil)
	i := []byte("x")
	j := (*int)(nil)
	k := func(x int) int { return x }(1)
	l := interface{}(1).(int)
	m := map[[2]int]string{{1, 2}: "p"}
	n := [][]int{{1}, {2, 3}, {}}
	o := struct{}{}
	p := 1.5e3 + .5 + 1. + 0x1p-2 + 1i + 0o17 + 0b101 + 017 + 1_000 + 0xFF
	q := 'a' + '\n' + '\x41' + '\u00e9' + '\U0001F600' + '\101' + '\''
	r := "a\tb\"c" + `raw
string\n`
	s := x.(type2)
	_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _ = a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s
}

type type2 int

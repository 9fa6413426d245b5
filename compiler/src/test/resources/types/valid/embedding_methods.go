package main

import (
	"errors"
	"fmt"
	"strings"
)

type Logger interface {
	Log(string)
}

type Service struct {
	Logger
	name string
}

type printLogger struct{ prefix string }

func (p *printLogger) Log(s string) { fmt.Println(p.prefix + s) }

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

type Path []Point

func (p Path) Len() int { return len(p) }

type Flag bool

type Grid [3][3]int

type Handler func(string) error

func (h Handler) Serve(s string) error { return h(s) }

func makeAdder(n int) func(int) int {
	return func(x int) int { return x + n }
}

func fact(n int) (r int) {
	if n <= 1 {
		return 1
	}
	r = n * fact(n-1)
	return
}

func variadic(prefix string, args ...interface{}) string {
	return prefix + fmt.Sprint(args...)
}

var errBad = errors.New("bad")

func main() {
	s := Service{&printLogger{"> "}, "svc"}
	s.Log("hello")
	logf := s.Log
	logf("again")
	p := Point{1, 2}
	add := p.Add
	fmt.Println(add(Point{3, 4}), Point.Add(p, p), Path{p, p}.Len())
	var f Flag = 1 < 2
	if f {
		fmt.Println("flag")
	}
	var g Grid
	g[1][1] = 5
	h := g
	fmt.Println(g == h, p == Point{1, 2})
	seen := map[Point]bool{{1, 2}: true}
	fmt.Println(seen[p], len(seen))
	var handler Handler = func(s string) error {
		if s == "" {
			return errBad
		}
		return nil
	}
	fmt.Println(handler.Serve(""), handler("x") == nil)
	adders := []func(int) int{}
	for i := 0; i < 3; i++ {
		i := i
		adders = append(adders, makeAdder(i))
	}
	for _, a := range adders {
		fmt.Print(a(10), " ")
	}
	fmt.Println(fact(5), variadic("v:", 1, "a", 2.5))
	type celsius float64
	type fahrenheit float64
	c := celsius(100)
	fh := fahrenheit(c*9/5 + 32)
	fmt.Println(fh)
	var sb strings.Builder
	for i, r := range "héllo" {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteRune(r)
	}
	fmt.Println(sb.String())
	var ifc interface{} = &p
	if pp, ok := ifc.(*Point); ok {
		pp.X = 9
	}
	fmt.Println(p.X)
	ch := make(chan Point, 1)
	ch <- Point{}
	select {
	case pt, ok := <-ch:
		fmt.Println(pt, ok)
	default:
	}
	matrix := [][]int{{1, 2}, {3, 4}}
	for _, row := range matrix {
		for j := range row {
			row[j] *= 2
		}
	}
	fmt.Println(matrix)
	var e error
	if e == nil {
		e = fmt.Errorf("wrapped: %w", errBad)
	}
	fmt.Println(errors.Is(e, errBad), errors.Unwrap(e) == errBad)
	x := 10
	ptr := &x
	inc := func() { *ptr++ }
	inc()
	fmt.Println(x, *ptr)
	const big = 1 << 40
	var i64 int64 = big
	var f32 float32 = big
	fmt.Println(i64, f32, big/1024)
	var u8 byte = 'a'
	u8 -= 32
	fmt.Printf("%c %d %v\n", u8, u8, string(rune(u8)))
	bs := make([]byte, 0, 10)
	bs = append(bs, "hi"...)
	n := copy(bs[:1], "x")
	fmt.Println(string(bs), n, cap(bs) >= 2)
	var arr [5]int
	for i := range arr {
		arr[i] = i * i
	}
	sl := arr[1:4]
	fmt.Println(sl, len(sl), cap(sl), arr[len(arr)-1])
	switch v := interface{}(3.5).(type) {
	case int, int64:
		fmt.Println("int", v)
	case float64:
		fmt.Println("float", v+1)
	}
	var nilMap map[string]int
	fmt.Println(nilMap["x"], len(nilMap))
	type pair struct {
		k string
		v int
	}
	ps := []pair{{"a", 1}}
	ps[0].v++
	fmt.Println(ps)
}

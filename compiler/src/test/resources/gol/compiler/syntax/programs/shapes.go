package main

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Shape
	fmt.Stringer
	Name() string
}

type Rect struct {
	W, H float64
}

type Circle struct {
	R float64 `json:"r"`
}

func (r Rect) Area() float64       { return r.W * r.H }
func (r Rect) Perimeter() float64  { return 2 * (r.W + r.H) }
func (c *Circle) Area() float64    { return math.Pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * math.Pi * c.R }

var ErrEmpty = errors.New("empty")

func largest(shapes ...Shape) (best Shape, err error) {
	if len(shapes) == 0 {
		return nil, ErrEmpty
	}
	best = shapes[0]
	for _, s := range shapes[1:] {
		if s.Area() > best.Area() {
			best = s
		}
	}
	return
}

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func describe(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprint("int ", x)
	case Shape:
		return fmt.Sprintf("shape %.2f", x.Area())
	case func() int:
		return "func"
	default:
		return "other"
	}
}

func main() {
	shapes := []Shape{Rect{3, 4}, &Circle{R: 1}, Rect{W: 1, H: 10}}
	b, err := largest(shapes...)
	if err != nil {
		panic(err)
	}
	fmt.Println(describe(b), describe(nil), describe(42))
	next := counter()
	next()
	fmt.Println(next())

	done := make(chan struct{})
	ticks := make(chan int, 1)
	go func() {
		defer close(done)
		for i := 0; i < 3; i++ {
			ticks <- i
		}
	}()
	var sb strings.Builder
loop:
	for {
		select {
		case t := <-ticks:
			fmt.Fprintf(&sb, "%d;", t)
		case <-done:
			break loop
		}
	}
	fmt.Println(sb.String())
	m := map[string][]int{"a": {1, 2}, "b": nil}
	if v, ok := m["a"]; ok && len(v) > 1 {
		fmt.Println(v[1:], v[:1], cap(v[0:1:2]))
	}
}

package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Shape
	Name() string
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r Rect) Name() string       { return "rect" }

type Base struct{ ID int }

func (b *Base) SetID(id int) { b.ID = id }
func (b Base) Describe() string { return fmt.Sprint("base ", b.ID) }

type Derived struct {
	Base
	Label string
}

type MyErr struct{ code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.code) }

func find(ok bool) error {
	if !ok {
		return &MyErr{42}
	}
	return nil
}

func main() {
	var s Shape = Rect{2, 3}
	var n Named = Rect{1, 1}
	fmt.Println(s.Area(), n.Name(), n.Perimeter())
	if r, ok := s.(Rect); ok {
		fmt.Println(r.W)
	}
	d := Derived{Base{1}, "x"}
	d.SetID(7)
	fmt.Println(d.ID, d.Describe(), d.Base.ID)
	f := d.Describe
	g := (*Base).SetID
	g(&d.Base, 9)
	fmt.Println(f(), d.ID)
	err := find(false)
	var me *MyErr
	if errors.As(err, &me) {
		fmt.Println(me.code)
	}
	fmt.Fprintln(os.Stderr, "to stderr", err)
	var sb strings.Builder
	sb.WriteString("a")
	fmt.Fprintf(&sb, "%d", 5)
	fmt.Println(sb.String(), sb.Len())
	var st fmt.Stringer
	fmt.Println(st == nil)
	switch v := interface{}(d).(type) {
	case nil:
		fmt.Println("nil")
	case Shape, error:
		fmt.Println("shape or error", v)
	case Derived:
		fmt.Println("derived", v.Label)
	default:
		fmt.Println(v)
	}
	pts := []struct{ X, Y int }{{1, 2}, {3, 4}}
	m := map[string]*Rect{"a": {1, 2}}
	arr := [...]Rect{{1, 1}, 2: {2, 2}}
	fmt.Println(pts[1].Y, m["a"].H, len(arr))
}

package main

import (
	"fmt"
	"os"
	"strconv"
)

type Base struct{ id int }

func (b *Base) ID() int     { return b.id }
func (b *Base) SetID(i int) { b.id = i }

type Mid struct{ *Base }
type Top struct {
	Mid
	Name string `json:"name"`
}

type ErrorWithCode interface {
	error
	Code() int
}

type codeErr struct{ c int }

func (e codeErr) Error() string { return "code " + strconv.Itoa(e.c) }
func (e codeErr) Code() int     { return e.c }

type Bits uint8

const (
	B0 Bits = 1 << iota
	B1
	B2
)

const n = len([3]int{})

func get() (int, error) { return 3, nil }

func find(xs []int, x int) int {
	i := 0
loop:
	if i < len(xs) {
		if xs[i] == x {
			return i
		}
		i++
		goto loop
	}
	return -1
}

func main() {
	t := Top{Mid{&Base{1}}, "top"}
	t.SetID(5)
	fmt.Println(t.ID(), t.Mid.Base.id, t.Name, (*Base).ID(t.Base))
	var e ErrorWithCode = codeErr{7}
	var plain error = e
	fmt.Println(e.Code(), plain.Error(), B0|B2, B1, n)
	anon := struct {
		A int
		B string
	}{1, "x"}
	fmt.Println(anon.A, anon.B)
	ops := map[string]func(float64, float64) float64{
		"add": func(a, b float64) float64 { return a + b },
	}
	fmt.Println(ops["add"](1, 2))
	count := 0
	incr := func() { count++ }
	incr()
	incr()
	xs := []int{1, 2, 3}
	xs[0], xs[2] = xs[2], xs[0]
	fmt.Println(count, xs, find(xs, 2))
	s := ""
	for i := 0; i < 3; i++ {
		s += strconv.Itoa(i)
	}
	switch v, err := get(); {
	case err != nil:
		fmt.Println(err)
	case v > 2:
		fmt.Println("big")
	}
	if v, err := get(); err != nil {
		fmt.Println(err)
	} else if v == 3 {
		fmt.Println("three", s)
	} else {
		fmt.Println(v)
	}
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			ch <- i
		}
		close(ch)
	}()
	go func() {
		for v := range ch {
			fmt.Println("got", v)
		}
		done <- true
	}()
	<-done
outer:
	for i := 0; i < 2; i++ {
		select {
		case <-done:
			continue outer
		default:
			break outer
		}
	}
	b := []byte("const")
	dst := make([]byte, 2)
	fmt.Println(copy(dst, b), string(dst))
	if len(os.Args) > 10 {
		panic("too many")
	}
	var iface interface{} = t
	switch x := iface.(type) {
	case fmt.Stringer:
		fmt.Println("stringer", x)
	case Top:
		fmt.Println("top", x.Name)
	}
	fn := fmt.Sprintf
	fmt.Println(fn("%03d", 7))
	var arrp *[3]int = &[3]int{1, 2, 3}
	for i, v := range arrp {
		fmt.Print(i, v)
	}
	fmt.Println(len(arrp))
}

package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		return "zero"
	}
	return "pos"
}

func loop() int {
	for {
		return 1
	}
}

func sw(x int) int {
	switch x {
	case 1, 2:
		fallthrough
	case 3:
		return 3
	default:
		return 0
	}
}

func sel(c chan int, d chan string) int {
	select {
	case v := <-c:
		return v
	case s, ok := <-d:
		if ok {
			return len(s)
		}
		return -1
	}
}

func main() {
	m := map[string]int{"a": 1}
	if v, ok := m["a"]; ok {
		fmt.Println(v)
	}
	v, ok := m["b"]
	fmt.Println(v, ok)
	delete(m, "a")
	for k, v := range m {
		fmt.Println(k, v)
	}
	for i := range "héllo" {
		_ = i
	}
	for range [3]int{} {
	}
	c := make(chan int, 1)
	c <- 1
	x, ok2 := <-c
	close(c)
	for y := range c {
		_ = y
	}
	var arr [4]int
	s := arr[1:3:4]
	s = append(s, 1, 2)
	s = append(s, s...)
	b := append([]byte("ab"), "cd"...)
	n := copy(b, "xy")
	fmt.Println(x, ok2, s, string(b), n, classify(-1), loop(), sw(1))
	str := "abc"
	fmt.Println(str[1], str[1:], string(rune(65)), []rune(str), string([]byte{65}))
	i := 0
outer:
	for {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
			if i > 2 {
				break outer
			}
			i++
		}
	}
	p := new(int)
	*p = 5
	q := &arr
	q[0] = *p
	fmt.Println(arr[0], i)
	go func() {}()
	defer fmt.Println("done")
	var iface interface{} = 1.5
	switch iface.(type) {
	case int:
	case float64:
		fmt.Println("float")
	}
	fmt.Println(sel(make(chan int), make(chan string)) == 0)
	goto end
end:
	fmt.Println("end")
}

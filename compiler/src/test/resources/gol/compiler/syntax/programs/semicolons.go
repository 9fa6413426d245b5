// Automatic semicolon insertion cases.
package main

import "fmt" // a comment after a token that gets a semicolon

func f(x int) int {
	x++
	x--
	if x > 0 {
		return x
	} else {
		return -x
	}
}

func g() (int, string) {
	return 1,
		"two"
}

func h() {
	return
}

func comments() int {
	a := 1 /* a one-line comment does not end the line */ + 2
	b := a /* a comment spanning
	lines ends it */
	c := []int{
		1,
		2,
	}
	fmt.Println(a, b, c[0],
		c[1])
	for i := 0; i < 3; i++ { continue }
	x := map[string]int{"a": 1}; _ = x
	s := `raw
string` + "after"
	_ = s
	return a +
		b
}

func brk() {
	for {
		break
	}
	for {
		if true { break } else { continue }
	}
	switch 1 {
	case 1:
		fallthrough
	default:
	}
	var arr [3]int
	_ = arr[1]
	_ = (arr)
}

package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }

var ErrNotFound = errors.New("not found")

type Counter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *Counter) Inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[k]++
}

func parse(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("parse %q: %w", s, err)
	}
	return n, nil
}

func main() {
	var wg sync.WaitGroup
	c := Counter{n: make(map[string]int)}
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c.Inc(strconv.Itoa(i % 3))
		}(i)
	}
	wg.Wait()
	keys := make([]string, 0, len(c.n))
	for k := range c.n {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys, runtime.NumGoroutine() >= 1, runtime.NumCPU() > 0)
	start := time.Now()
	time.Sleep(time.Millisecond)
	el := time.Since(start)
	fmt.Println(el > 0, el.Seconds() > 0, time.Duration(1500)*time.Microsecond)
	if _, err := parse("x"); err != nil {
		fmt.Fprintln(os.Stderr, err, errors.Is(err, ErrNotFound))
	}
	fmt.Println(math.Sqrt(2), math.Floor(-1.5), math.Inf(1), math.MaxInt64, math.Pi*2)
	fmt.Println(strings.Repeat("ab", 3), strings.Split("a,b", ","), strings.Join([]string{"x", "y"}, "-"))
	fmt.Println(strings.Fields(" a b "), strings.ToUpper("x"), strings.TrimSpace(" y "), strings.HasPrefix("abc", "ab"))
	fmt.Println(unicode.IsUpper('A'), utf8.RuneCountInString("héllo"), strconv.Quote("a\n"), strconv.FormatInt(255, 16))
	v, _ := strconv.ParseFloat("1.5", 64)
	b, _ := strconv.ParseBool("true")
	fmt.Printf("%v %v %T\n", v, b, byLen{})
	ss := byLen{"ccc", "a", "bb"}
	sort.Slice(ss, func(i, j int) bool { return ss.Less(i, j) })
	if len(os.Args) > 5 {
		os.Exit(3)
	}
	ch := time.After(time.Millisecond)
	<-ch
	var once sync.Once
	once.Do(func() { fmt.Println("once") })
	f := 3.0
	i := int(f) + int(math.Round(f))
	var u8 uint8 = 200
	u8 += 100
	var x int64 = 1 << 62
	fmt.Println(i, u8, x>>60, -7/2, -7%2, 7.0/2, 1e3, float32(0.1))
}

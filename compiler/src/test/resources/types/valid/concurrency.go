package main

import "fmt"

type State int

const (
	Idle State = iota
	Running
	Done
)

func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Running:
		return "running"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

type Queue struct {
	items []int
}

func (q *Queue) Push(x int) { q.items = append(q.items, x) }
func (q *Queue) Pop() (int, bool) {
	if len(q.items) == 0 {
		return 0, false
	}
	x := q.items[0]
	q.items = q.items[1:]
	return x, true
}

func worker(id int, jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * 2
	}
	_ = id
}

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- i
		}
	}()
	return out
}

func main() {
	fmt.Println(Idle, Running, Done)
	var q Queue
	q.Push(1)
	q.Push(2)
	for {
		x, ok := q.Pop()
		if !ok {
			break
		}
		fmt.Println(x)
	}
	jobs := make(chan int, 10)
	results := make(chan int, 10)
	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}
	for j := 0; j < 5; j++ {
		jobs <- j
	}
	close(jobs)
	total := 0
	for a := 0; a < 5; a++ {
		total += <-results
	}
	fmt.Println(total)
	for v := range gen(3) {
		fmt.Print(v)
	}
	fmt.Println()
	done := make(chan struct{})
	timeout := make(chan bool, 1)
	go func() { done <- struct{}{} }()
	select {
	case <-done:
		fmt.Println("done")
	case <-timeout:
	}
	var nilch chan int
	select {
	case v := <-nilch:
		fmt.Println(v)
	default:
		fmt.Println("default")
	}
	s := State(7)
	fmt.Println(s.String(), s)
	var st fmt.Stringer = Running
	fmt.Println(st)
	x := 5
	switch {
	case x > 3 && x < 10:
		fmt.Println("mid")
		fallthrough
	case x > 100:
		fmt.Println("fell")
	default:
	}
	switch y := x * 2; y {
	case 10:
		fmt.Println("ten")
	}
}

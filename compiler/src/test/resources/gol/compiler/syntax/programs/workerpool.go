package main

import (
	"fmt"
	"sync"
	"time"
)

type job struct {
	id    int
	input []int
}

type result struct {
	job *job
	sum int
}

func worker(id int, jobs <-chan job, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		s := 0
		for _, v := range j.input {
			s += v
		}
		time.Sleep(time.Millisecond * time.Duration(id))
		j := j
		results <- result{job: &j, sum: s}
	}
}

func main() {
	const numJobs, numWorkers = 8, 3
	jobs := make(chan job, numJobs)
	results := make(chan result, numJobs)
	var wg sync.WaitGroup
	for w := 1; w <= numWorkers; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for i := 0; i < numJobs; i++ {
		jobs <- job{i, []int{i, i * 2, i * i}}
	}
	close(jobs)
	go func() {
		wg.Wait()
		close(results)
	}()
	total := 0
	for r := range results {
		total += r.sum
	}
	fmt.Printf("total=%d\n", total)
}

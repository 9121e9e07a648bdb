package coop

import (
	"context"
	"iter"
	"runtime"
	"sync"
)

// Workers returns n, or GOMAXPROCS when n is 0 or less: the number of
// goroutines of a registry-wide computation asked for n.
func Workers(n int) int {
	if n <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return n
}

// InBatches spreads a registry over worker goroutines, as screening it
// against the programmes and computing its national statistics do. It reads
// seq once, in order, on the calling goroutine, copies its cooperatives into
// batches of up to size (256 when size is 0 or less) and hands each batch to
// one of Workers(workers) goroutines, which calls work(w, batch) with its
// number w, 0 to Workers(workers)-1: state kept per worker needs no lock.
// work must not keep the batch, which is reused for later cooperatives.
// InBatches returns when every batch handed out is done, with the number of
// cooperatives read, or with ctx's error when ctx is done first (the batches
// already handed out are finished, the rest of seq is not read).
func InBatches(ctx context.Context, seq iter.Seq[Cooperative], workers, size int, work func(w int, batch []Cooperative)) (int, error) {
	workers = Workers(workers)
	if size <= 0 {
		size = 256
	}
	jobs := make(chan []Cooperative, workers*2)
	// Batches go back to the reader once done, so that a registry is copied
	// into a few reused buffers.
	free := make(chan []Cooperative, workers*3)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for batch := range jobs {
				work(w, batch)
				select {
				case free <- batch[:0]:
				default:
				}
			}
		}()
	}
	n, err := 0, error(nil)
	batch := make([]Cooperative, 0, size)
	send := func() bool {
		if err = ctx.Err(); err != nil {
			return false
		}
		select {
		case jobs <- batch:
		case <-ctx.Done():
			err = ctx.Err()
			return false
		}
		select {
		case batch = <-free:
		default:
			batch = make([]Cooperative, 0, size)
		}
		return true
	}
	for c := range seq {
		batch = append(batch, c)
		n++
		if len(batch) == size && !send() {
			break
		}
	}
	if err == nil && len(batch) > 0 {
		send()
	}
	close(jobs)
	wg.Wait()
	if err != nil {
		return 0, err
	}
	return n, nil
}

package fan

import (
	"context"
	"iter"
	"runtime"
	"sync"
)

// Workers returns n, or GOMAXPROCS when n is 0 or less.
func Workers(n int) int {
	if n <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return n
}

// Chunks reads seq on the calling goroutine, copies its elements into chunks
// of up to batch elements and hands each chunk to one of workers goroutines,
// which calls work(w, chunk) with its number w, 0 to workers-1: state kept
// per worker needs no lock. work must not keep the chunk, which is reused
// for later elements. Chunks returns when every chunk handed out is done,
// with the number of elements read, or with ctx's error when ctx is done
// first (the chunks already handed out are finished, the rest of seq is not
// read).
func Chunks[T any](ctx context.Context, seq iter.Seq[T], workers, batch int, work func(w int, chunk []T)) (int, error) {
	workers = Workers(workers)
	if batch <= 0 {
		batch = 256
	}
	jobs := make(chan []T, workers*2)
	free := make(chan []T, workers*3)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for chunk := range jobs {
				work(w, chunk)
				select {
				case free <- chunk[:0]:
				default:
				}
			}
		}()
	}
	n, err := 0, error(nil)
	chunk := make([]T, 0, batch)
	send := func() bool {
		if err = ctx.Err(); err != nil {
			return false
		}
		select {
		case jobs <- chunk:
		case <-ctx.Done():
			err = ctx.Err()
			return false
		}
		select {
		case chunk = <-free:
		default:
			chunk = make([]T, 0, batch)
		}
		return true
	}
	for x := range seq {
		chunk = append(chunk, x)
		n++
		if len(chunk) == batch && !send() {
			break
		}
	}
	if err == nil && len(chunk) > 0 {
		send()
	}
	close(jobs)
	wg.Wait()
	if err != nil {
		return 0, err
	}
	return n, nil
}

package httpapi

import (
	"crypto/sha256"
	"net/http"
	"sync"
	"time"
)

// idempotency remembers the responses to POST requests that carried an
// Idempotency-Key, so that a retried request gets the first response
// instead of acting twice.
type idempotency struct {
	mu      sync.Mutex
	entries map[string]*stored
	order   []string
	max     int
	ttl     time.Duration
	now     func() time.Time
}

type stored struct {
	body     [32]byte // SHA-256 of the request body
	done     bool
	status   int
	header   http.Header
	response []byte
	at       time.Time
}

func newIdempotency(max int, ttl time.Duration, now func() time.Time) *idempotency {
	return &idempotency{entries: map[string]*stored{}, max: max, ttl: ttl, now: now}
}

// begin claims key for a request with the given body. It returns the
// stored response to replay, or reserved true when the caller must handle
// the request and then call finish; conflict is set when the key is in use
// by a request still running or by a request with another body.
func (s *idempotency) begin(key string, body []byte) (replay *stored, reserved bool, conflict string) {
	sum := sha256.Sum256(body)
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.entries[key]; ok && s.now().Sub(e.at) < s.ttl {
		switch {
		case e.body != sum:
			return nil, false, "the Idempotency-Key was used for another request"
		case !e.done:
			return nil, false, "a request with this Idempotency-Key is still being processed"
		}
		return e, false, ""
	}
	for len(s.order) >= s.max {
		delete(s.entries, s.order[0])
		s.order = s.order[1:]
	}
	s.entries[key] = &stored{body: sum, at: s.now()}
	s.order = append(s.order, key)
	return nil, true, ""
}

// finish records the response of a reserved key; a server error releases
// the key so that the request can be retried.
func (s *idempotency) finish(key string, status int, header http.Header, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.entries[key]
	if !ok {
		return
	}
	if status >= 500 {
		delete(s.entries, key)
		return
	}
	e.done, e.status, e.header, e.response = true, status, header.Clone(), append([]byte(nil), body...)
}

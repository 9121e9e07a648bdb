package httpapi

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// aggregates keeps the replies of the aggregate routes (statistics over the
// whole registry) computed on one version of the read model: an aggregate
// for a date depends only on the registry's state, which the version of
// the read model names (the position of the last commit it holds, the same
// on every server that follows one database). A repeated request is
// answered from the cache, and a client that sends back the ETag gets 304
// Not Modified without any work; the ETag carries the version, so no two
// bodies computed on different states share one.
type aggregates struct {
	mu      sync.Mutex
	version uint64
	replies map[string]cached
}

// cached is a reply kept with its ETag.
type cached struct {
	body        []byte
	contentType string
	etag        string
}

// maxAggregates bounds the replies kept between two changes.
const maxAggregates = 256

// aggregate answers an aggregate route from the cache, or computes it,
// keeps it and answers. The key is the route, its query in canonical
// order, the languages and formats asked and today's date (the default
// date of the figures). Server-Timing says how long the computation and
// the encoding took, or that the cache answered.
func (a *api) aggregate(c *call) bool {
	m, err := a.reg.ReadModel(c.ctx)
	if err != nil {
		c.w.Header().Set("Cache-Control", "no-store")
		a.fail(c, err)
		return false
	}
	c.model = m
	version := m.Version()
	q, _ := url.ParseQuery(c.r.URL.RawQuery) // checked by checkQuery
	key := strings.Join([]string{c.r.Method, c.r.URL.Path, q.Encode(), c.r.Header.Get("Accept"),
		c.r.Header.Get("Accept-Language"), c.today().String()}, "\x00")
	sum := sha256.Sum256([]byte(key))
	etag := `W/"` + strconv.FormatUint(version, 10) + "-" + hex.EncodeToString(sum[:8]) + `"`
	h := c.w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", etag)
	h.Add("Vary", "Accept, Accept-Language")
	if match := c.r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
		h.Set("Server-Timing", "cache;dur=0")
		c.w.WriteHeader(http.StatusNotModified)
		return true
	}
	a.agg.mu.Lock()
	if a.agg.replies == nil || a.agg.version < version {
		a.agg.version, a.agg.replies = version, map[string]cached{}
	}
	var hit cached
	found := false
	if a.agg.version == version {
		hit, found = a.agg.replies[key]
	}
	a.agg.mu.Unlock()
	if found {
		h.Set("Server-Timing", "cache;dur=0")
		h.Set("Content-Type", hit.contentType)
		c.w.WriteHeader(http.StatusOK)
		_, _ = c.w.Write(hit.body)
		return true
	}
	start := time.Now()
	rep, err := c.rt.Handle(c)
	if err != nil {
		h.Del("ETag")
		h.Set("Cache-Control", "no-store")
		a.fail(c, err)
		return false
	}
	computed := time.Now()
	body, contentType, err := render(rep)
	if err != nil {
		a.writeError(c.w, c.r, err)
		return false
	}
	h.Set("Server-Timing", timing("compute", computed.Sub(start))+", "+timing("encode", time.Since(computed)))
	a.agg.mu.Lock()
	if a.agg.version == version && len(a.agg.replies) < maxAggregates {
		a.agg.replies[key] = cached{body: body, contentType: contentType, etag: etag}
	}
	a.agg.mu.Unlock()
	h.Set("Content-Type", contentType)
	c.w.WriteHeader(rep.status)
	_, _ = c.w.Write(body)
	return true
}

// timing is a Server-Timing metric: its name and duration in milliseconds.
func timing(name string, d time.Duration) string {
	return name + ";dur=" + strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 2, 64)
}

// render encodes a reply's body.
func render(rep reply) ([]byte, string, error) {
	if rep.raw != nil {
		return rep.raw, rep.contentType, nil
	}
	b, err := encodeJSON(nil, rep.value)
	if err != nil {
		return nil, "", err
	}
	return append(b, '\n'), "application/json", nil
}

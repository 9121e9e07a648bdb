package httpapi

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// result is the reply of a write's outcome v, with status: a cooperative
// with its version as ETag, redacted unless the principal's scope covers
// it, and its Location when it was just registered; the cooperatives of a
// support action redacted alike.
func (c *call) result(status int, v any) reply {
	switch x := v.(type) {
	case coop.Cooperative:
		rep := c.cooperative(status, x)
		if c.rt.Location {
			rep.location = "/v1/cooperatives/" + x.ID.String()
		}
		return rep
	case registry.RecordedAction:
		out := x
		out.Cooperatives = make([]coop.Cooperative, len(x.Cooperatives))
		for i := range x.Cooperatives {
			out.Cooperatives[i] = x.Cooperatives[i]
			c.redact(&out.Cooperatives[i])
		}
		return reply{status: status, value: out}
	}
	return reply{status: status, value: v}
}

// write writes a reply.
func (a *api) write(c *call, rep reply) bool {
	if rep.streamed {
		return true
	}
	if rep.etag != "" {
		c.w.Header().Set("ETag", rep.etag)
	}
	if rep.location != "" {
		c.w.Header().Set("Location", rep.location)
	}
	if c.rt.Auth == scopedWrite && (rep.status == http.StatusOK || rep.status == http.StatusCreated) && preferMinimal(c.r) {
		// RFC 7240: the client needs only the status and headers.
		c.w.Header().Set("Preference-Applied", "return=minimal")
		c.w.Header().Add("Vary", "Prefer")
		c.w.Header().Set("Content-Length", "0")
		c.w.WriteHeader(rep.status)
		return true
	}
	if rep.raw != nil {
		c.w.Header().Set("Content-Type", rep.contentType)
		c.w.WriteHeader(rep.status)
		_, _ = c.w.Write(rep.raw)
		return true
	}
	buf := buffers.Get().(*[]byte)
	defer func() {
		if cap(*buf) <= maxPooledBuffer {
			buffers.Put(buf)
		}
	}()
	b, err := encodeJSON((*buf)[:0], rep.value)
	*buf = b
	if err != nil {
		a.writeError(c.w, c.r, err)
		return false
	}
	c.w.Header().Set("Content-Type", "application/json")
	c.w.WriteHeader(rep.status)
	b = append(b, '\n')
	*buf = b
	_, _ = c.w.Write(b)
	return true
}

// buffers are the buffers replies are encoded in, reused so that a reply of
// a large register does not allocate its megabytes each time.
var buffers = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// maxPooledBuffer bounds the buffers kept for reuse.
const maxPooledBuffer = 16 << 20

func etag(version int64) string { return `"` + strconv.FormatInt(version, 10) + `"` }

// encodeJSON appends v to b as json.Marshal writes it; cooperatives and
// pages of them, whose member registers can hold thousands of members,
// through coop.Cooperative.AppendJSON.
func encodeJSON(b []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case coop.Cooperative:
		return x.AppendJSON(b), nil
	case registry.Page:
		if x.Items == nil {
			break
		}
		b = append(b, `{"items":[`...)
		for i := range x.Items {
			if i > 0 {
				b = append(b, ',')
			}
			b = x.Items[i].AppendJSON(b)
		}
		b = append(b, `],"total":`...)
		b = strconv.AppendInt(b, int64(x.Total), 10)
		if x.Next != "" {
			next, err := json.Marshal(x.Next)
			if err != nil {
				return b, err
			}
			b = append(append(b, `,"next":`...), next...)
		}
		return append(b, '}'), nil
	}
	j, err := json.Marshal(v)
	return append(b, j...), err
}

// preferMinimal reports whether the request asks, in its Prefer headers
// (RFC 7240), for return=minimal: the status and headers of a write,
// without the representation it made.
func preferMinimal(r *http.Request) bool {
	for _, line := range r.Header.Values("Prefer") {
		for _, pref := range strings.Split(line, ",") {
			name, value, _ := strings.Cut(strings.TrimSpace(pref), "=")
			value, _, _ = strings.Cut(value, ";")
			if strings.EqualFold(strings.TrimSpace(name), "return") && strings.EqualFold(strings.Trim(strings.TrimSpace(value), `"`), "minimal") {
				return true
			}
		}
	}
	return false
}

package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// Client calls a Taawun server with the library's own types: one method
// per operation of the API, each taking a context. A refusal comes back as
// a *coop.Error with the server's code, message, article and field errors,
// so that errors.Is(err, coop.ErrNotFound) and coop.ErrorCode work across
// the wire as they do in process.
//
// A Client is safe for concurrent use.
type Client struct {
	base  string
	http  *http.Client
	token string
	lang  coop.Lang
}

// ClientOptions configures a Client. The zero value is usable.
type ClientOptions struct {
	// HTTPClient sends the requests; http.DefaultClient when nil.
	HTTPClient *http.Client
	// Token is sent as a bearer token on every request; anonymous when
	// empty (the registry's public facts only).
	Token string
	// Lang is the language of the errors the server returns (sent as
	// Accept-Language): English by default, whose messages carry the
	// values; French or Arabic for a program that shows them to officers.
	Lang coop.Lang
}

// NewClient returns a client of the server at base, e.g.
// "https://taawun.example.ma" (the /v1 prefix is added by the methods).
func NewClient(base string, opts *ClientOptions) *Client {
	if opts == nil {
		opts = &ClientOptions{}
	}
	c := &Client{base: strings.TrimSuffix(base, "/"), http: opts.HTTPClient, token: opts.Token, lang: opts.Lang}
	if c.lang == "" {
		c.lang = coop.EN
	}
	if c.http == nil {
		c.http = http.DefaultClient
	}
	return c
}

// CallOption adds a guard or a key to a writing call.
type CallOption func(*http.Request)

// IfVersion makes the write conditional on the cooperative's version
// (If-Match): a stale version is refused with coop.Conflict and nothing
// is written.
func IfVersion(v int64) CallOption {
	return func(r *http.Request) { r.Header.Set("If-Match", strconv.Quote(strconv.FormatInt(v, 10))) }
}

// IdempotencyKey makes a retried write safe: the server performs the
// first request with the key once and answers its retries with the same
// result.
func IdempotencyKey(key string) CallOption {
	return func(r *http.Request) { r.Header.Set("Idempotency-Key", key) }
}

// ReturnMinimal asks the server for the status and headers of a write
// without its body (Prefer: return=minimal, RFC 7240): the call's result
// is then left as it was, and a client that needs only the new version
// reads it from the ETag.
func ReturnMinimal() CallOption {
	return func(r *http.Request) { r.Header.Set("Prefer", "return=minimal") }
}

// do sends one request and decodes the success body into out (unless nil
// or the body is empty).
func (c *Client) do(ctx context.Context, method, path string, query url.Values, body, out any, opts []CallOption) error {
	req, err := c.request(ctx, method, path, query, body, out)
	if err != nil {
		return err
	}
	for _, o := range opts {
		o(req)
	}
	res, err := c.send(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		return &coop.Error{Code: coop.Unavailable, Op: "httpapi.Client", Message: "the reply was cut", Err: err}
	}
	return decodeReply(data, out)
}

// send sends req and returns the server's successful response, whose body
// the caller closes; a server out of reach is Unavailable, and a refusal
// the library's error it carries.
func (c *Client) send(req *http.Request) (*http.Response, error) {
	res, err := c.http.Do(req)
	if err != nil {
		if ctx := req.Context(); ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &coop.Error{Code: coop.Unavailable, Op: "httpapi.Client", Message: "the server cannot be reached", Err: err}
	}
	if res.StatusCode >= 300 {
		defer res.Body.Close()
		data, err := io.ReadAll(res.Body)
		if err != nil {
			return nil, &coop.Error{Code: coop.Unavailable, Op: "httpapi.Client", Message: "the reply was cut", Err: err}
		}
		return nil, problemError(res.StatusCode, data)
	}
	return res, nil
}

// request makes the request of a call: its URL, its body as JSON (or CSV),
// the media type it accepts for out, and the client's token.
func (c *Client) request(ctx context.Context, method, path string, query url.Values, body, out any) (*http.Request, error) {
	u := c.base + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	var rd io.Reader
	contentType := "application/json"
	switch b := body.(type) {
	case nil:
	case csvBody:
		rd, contentType = b.r, "text/csv"
	default:
		j, err := json.Marshal(b)
		if err != nil {
			return nil, &coop.Error{Code: coop.Invalid, Op: "httpapi.Client", Message: "the request cannot be encoded", Err: err}
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return nil, &coop.Error{Code: coop.Invalid, Op: "httpapi.Client", Message: "the request cannot be made", Err: err}
	}
	if body != nil {
		req.Header.Set("Content-Type", contentType)
	}
	accept := "application/json"
	if _, ok := out.(io.Writer); ok {
		accept = "text/csv"
	}
	req.Header.Set("Accept", accept)
	req.Header.Set("Accept-Language", string(c.lang))
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	return req, nil
}

// decodeReply gives a success body to out: written to it when it is a
// writer, decoded as JSON otherwise (unless out is nil or the body empty).
func decodeReply(data []byte, out any) error {
	if w, ok := out.(io.Writer); ok {
		_, err := w.Write(data)
		return err
	}
	if out == nil || len(data) == 0 {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return &coop.Error{Code: coop.Internal, Op: "httpapi.Client", Message: "the reply cannot be read", Err: err}
	}
	return nil
}

// codeOfProblem maps the adapter's own HTTP codes to the library's.
var codeOfProblem = map[string]coop.Code{
	codeUnauthenticated:    coop.Forbidden,
	codeMethodNotAllowed:   coop.Invalid,
	codeTooLarge:           coop.Invalid,
	codeUnsupportedMedia:   coop.Invalid,
	codePreconditionFailed: coop.Conflict,
	codeIdempotency:        coop.Conflict,
	codeKeyInUse:           coop.Conflict,
	codeTimeout:            coop.Unavailable,
	codeBusy:               coop.Unavailable,
}

// problemError turns a problem reply into a *coop.Error.
func problemError(status int, body []byte) error {
	var p Problem
	if err := json.Unmarshal(body, &p); err != nil || p.Code == "" {
		code := coop.Internal
		for c, s := range statusOf {
			if s == status && c != coop.Internal {
				code = c
			}
		}
		return &coop.Error{Code: code, Op: "httpapi.Client", Message: fmt.Sprintf("HTTP %d", status)}
	}
	code := coop.Code(p.Code)
	if c, ok := codeOfProblem[p.Code]; ok {
		code = c
	}
	msg := p.Detail
	if msg == "" {
		msg = p.Title
	}
	return &coop.Error{Code: code, Op: "httpapi.Client", Message: msg, Rule: p.Rule, Article: p.Article, Fields: p.Errors,
		Err: fmt.Errorf("HTTP %d %s", status, p.Code)}
}

func coopPath(id uuid.UUID, rest ...string) string {
	return "/v1/cooperatives/" + id.String() + strings.Join(rest, "")
}

func dateQuery(name string, d coop.Date) url.Values {
	q := url.Values{}
	if !d.IsZero() {
		q.Set(name, d.String())
	}
	return q
}

// csvBody is a request body sent as text/csv.
type csvBody struct{ r io.Reader }

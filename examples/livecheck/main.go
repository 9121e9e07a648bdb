// Command livecheck measures a running Taawun server under live use: reads
// right after writes, many writers at once, and two servers on one
// database. It speaks HTTP only, as any client would.
//
//	go run ./examples/livecheck -url http://127.0.0.1:8080 -token T grow -members 3000
//	go run ./examples/livecheck -url … -token T admit -coop ID -clients 20 -count 4000 -minimal
//	go run ./examples/livecheck -url … -token T fresh -coop ID -runs 3
//	go run ./examples/livecheck -url … -token T follow -other http://127.0.0.1:8081 -coop ID -runs 20
//
// grow registers a cooperative in Meknès and admits members until it has
// the number asked, and prints its ID. admit admits count members with
// that many clients at once (each request with an Idempotency-Key when
// -keyed, asking Prefer: return=minimal when -minimal), prints the rate
// and checks that none was lost: the members counted, and the version
// equal to the journal's length. fresh times GET /v1/stats/national and a
// screening for a date not asked before, first with no write between, then
// each right after one write, and prints the medians. follow writes through
// the first server and times how long the second takes to show the write
// in its statistics (its ETag names the version of the read model).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "the server's base URL")
	token := flag.String("token", os.Getenv("TAAWUN_TOKEN"), "a national bearer token (or TAAWUN_TOKEN)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: livecheck [-url URL] [-token T] grow|admit|fresh|follow [flags]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 || *token == "" {
		flag.Usage()
		os.Exit(2)
	}
	c := &client{base: strings.TrimRight(*base, "/"), token: *token, http: &http.Client{Timeout: 60 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 64}}}
	cmd, args := flag.Arg(0), flag.Args()[1:]
	var err error
	switch cmd {
	case "grow":
		err = grow(c, args)
	case "admit":
		err = admit(c, args)
	case "fresh":
		err = fresh(c, args)
	case "follow":
		err = follow(c, args)
	default:
		err = fmt.Errorf("unknown command %q", cmd)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "livecheck:", err)
		os.Exit(1)
	}
}

// client sends the requests of a measure.
type client struct {
	base, token string
	http        *http.Client
}

// do sends a request and returns the status, the headers and the body.
func (c *client) do(method, path string, body any, header map[string]string) (int, http.Header, []byte, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, nil, nil, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	if err != nil {
		return 0, nil, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.StatusCode, res.Header, b, err
}

// want sends a request and fails unless it is answered with status.
func (c *client) want(status int, method, path string, body any, header map[string]string) (http.Header, []byte, error) {
	code, h, b, err := c.do(method, path, body, header)
	if err != nil {
		return nil, nil, err
	}
	if code != status {
		return nil, nil, fmt.Errorf("%s %s: %d, not %d: %s", method, path, code, status, b)
	}
	return h, b, nil
}

var today = time.Now().UTC().Format(time.DateOnly)

// admission is the body of an admission of member i.
func admission(i int) map[string]any {
	return map[string]any{"on": today, "admitted_by": "OGM " + today,
		"member": map[string]any{"type": "natural", "name": fmt.Sprintf("Membre %d", i), "gender": []string{"female", "male"}[i%2]},
		"shares": 1, "amount": "100", "paid": "100"}
}

func grow(c *client, args []string) error {
	fs := flag.NewFlagSet("grow", flag.ExitOnError)
	members := fs.Int("members", 3000, "the members the cooperative has")
	clients := fs.Int("clients", 8, "clients admitting at once")
	_ = fs.Parse(args)
	name := fmt.Sprintf("Coopérative Mesure %d", time.Now().UnixNano())
	_, b, err := c.want(201, "POST", "/v1/name-approvals", map[string]any{"names": []string{name},
		"signatories": []map[string]string{{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D"}, {"name": "E"}},
		"province":    "MA-MEK", "requested_on": today, "decided_on": today}, nil)
	if err != nil {
		return err
	}
	var approval struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(b, &approval); err != nil {
		return err
	}
	var founders []map[string]any
	for i := range 5 {
		founders = append(founders, map[string]any{"member": map[string]any{"type": "natural", "name": fmt.Sprintf("Fondatrice %d", i+1), "gender": "female"},
			"shares": 5, "amount": "500", "paid": "500"})
	}
	h, _, err := c.want(201, "POST", "/v1/cooperatives", map[string]any{"approval_id": approval.ID, "kind": "cooperative", "registered_on": today,
		"sector": "agriculture", "province": "MA-MEK", "statutes": map[string]any{"duration_years": 99, "share_nominal": "100"},
		"founders": founders, "governance": map[string]any{"managers": []map[string]any{{"name": "Amina"}}}}, map[string]string{"Prefer": "return=minimal"})
	if err != nil {
		return err
	}
	id := strings.TrimPrefix(h.Get("Location"), "/v1/cooperatives/")
	if _, _, err := run(c, id, *clients, *members-5, true, false); err != nil {
		return err
	}
	fmt.Println(id)
	return nil
}

// run admits n members into the cooperative id with that many clients,
// and returns how many were admitted and how long it took.
func run(c *client, id string, clients, n int, minimal, keyed bool) (int64, time.Duration, error) {
	var next, done atomic.Int64
	var mu sync.Mutex
	var errs []error
	var wg sync.WaitGroup
	start := time.Now()
	run := strconv.FormatInt(start.UnixNano(), 36)
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1))
				if i > n {
					return
				}
				h := map[string]string{}
				if minimal {
					h["Prefer"] = "return=minimal"
				}
				if keyed {
					h["Idempotency-Key"] = run + "-" + strconv.Itoa(i)
				}
				if _, _, err := c.want(201, "POST", "/v1/cooperatives/"+id+"/members", admission(i), h); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
					continue
				}
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	took := time.Since(start)
	if len(errs) > 0 {
		return done.Load(), took, fmt.Errorf("%d of %d admissions failed; the first: %w", len(errs), n, errs[0])
	}
	return done.Load(), took, nil
}

// state returns the cooperative's version (its ETag), its members and the
// length of its journal.
func state(c *client, id string) (version int64, members, journal int, err error) {
	h, b, err := c.want(200, "GET", "/v1/cooperatives/"+id, nil, nil)
	if err != nil {
		return 0, 0, 0, err
	}
	var co struct {
		Members []json.RawMessage `json:"members"`
	}
	if err := json.Unmarshal(b, &co); err != nil {
		return 0, 0, 0, err
	}
	version, err = strconv.ParseInt(strings.Trim(strings.TrimPrefix(h.Get("ETag"), "W/"), `"`), 10, 64)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("ETag %q: %w", h.Get("ETag"), err)
	}
	_, b, err = c.want(200, "GET", "/v1/cooperatives/"+id+"/journal", nil, nil)
	if err != nil {
		return 0, 0, 0, err
	}
	var j []json.RawMessage
	if err := json.Unmarshal(b, &j); err != nil {
		var page struct {
			Entries []json.RawMessage `json:"entries"`
		}
		if err2 := json.Unmarshal(b, &page); err2 != nil {
			return 0, 0, 0, errors.Join(err, err2)
		}
		j = page.Entries
	}
	return version, len(co.Members), len(j), nil
}

func admit(c *client, args []string) error {
	fs := flag.NewFlagSet("admit", flag.ExitOnError)
	id := fs.String("coop", "", "the cooperative's ID")
	clients := fs.Int("clients", 20, "clients admitting at once")
	count := fs.Int("count", 4000, "members to admit")
	minimal := fs.Bool("minimal", false, "ask Prefer: return=minimal")
	keyed := fs.Bool("keyed", false, "send each admission with an Idempotency-Key")
	_ = fs.Parse(args)
	_, before, _, err := state(c, *id)
	if err != nil {
		return err
	}
	n, took, err := run(c, *id, *clients, *count, *minimal, *keyed)
	if err != nil {
		return err
	}
	version, after, journal, err := state(c, *id)
	if err != nil {
		return err
	}
	fmt.Printf("admitted %d members in %s with %d clients (minimal=%v keyed=%v): %.0f admissions/s\n",
		n, took.Round(time.Millisecond), *clients, *minimal, *keyed, float64(n)/took.Seconds())
	fmt.Printf("members %d -> %d (%+d), version %d, journal %d entries\n", before, after, after-before, version, journal)
	if after-before != int(n) || version != int64(journal) {
		return errors.New("a write was lost: the members or the journal do not add up")
	}
	return nil
}

// timed returns how long a request takes, failing unless it answers 200.
func timed(c *client, method, path string, body any) (time.Duration, error) {
	start := time.Now()
	_, _, err := c.want(200, method, path, body, nil)
	return time.Since(start), err
}

func fresh(c *client, args []string) error {
	fs := flag.NewFlagSet("fresh", flag.ExitOnError)
	id := fs.String("coop", "", "the cooperative written to")
	runs := fs.Int("runs", 3, "runs of each figure")
	_ = fs.Parse(args)
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(time.Now().UnixNano()%300) * 24 * time.Hour)
	newDate := func() string { day = day.AddDate(0, 0, 1); return day.Format(time.DateOnly) }
	measure := func(write bool) (national, screening []time.Duration, err error) {
		for i := range *runs {
			for _, what := range []string{"national", "screening"} {
				if write {
					if _, _, err := c.want(201, "POST", "/v1/cooperatives/"+*id+"/members", admission(100000+i), map[string]string{"Prefer": "return=minimal"}); err != nil {
						return nil, nil, err
					}
				}
				if what == "national" {
					d, err := timed(c, "GET", "/v1/stats/national?as_of="+newDate(), nil)
					if err != nil {
						return nil, nil, err
					}
					national = append(national, d)
					continue
				}
				d, err := timed(c, "POST", "/v1/screenings", map[string]any{"as_of": newDate()})
				if err != nil {
					return nil, nil, err
				}
				screening = append(screening, d)
			}
		}
		return national, screening, nil
	}
	n0, s0, err := measure(false)
	if err != nil {
		return err
	}
	n1, s1, err := measure(true)
	if err != nil {
		return err
	}
	fmt.Printf("GET /v1/stats/national, new as_of: no write between %s, right after a write %s\n", ms(n0), ms(n1))
	fmt.Printf("POST /v1/screenings, new as_of:    no write between %s, right after a write %s\n", ms(s0), ms(s1))
	return nil
}

// ms is the median of ds in milliseconds, with every run.
func ms(ds []time.Duration) string {
	s := slices.Clone(ds)
	slices.Sort(s)
	all := make([]string, len(ds))
	for i, d := range ds {
		all[i] = fmt.Sprintf("%.1f", float64(d.Microseconds())/1000)
	}
	return fmt.Sprintf("%.1f ms [%s]", float64(s[len(s)/2].Microseconds())/1000, strings.Join(all, " "))
}

func follow(c *client, args []string) error {
	fs := flag.NewFlagSet("follow", flag.ExitOnError)
	other := fs.String("other", "", "the second server's base URL")
	id := fs.String("coop", "", "the cooperative written to")
	runs := fs.Int("runs", 20, "writes to time")
	_ = fs.Parse(args)
	b := &client{base: strings.TrimRight(*other, "/"), token: c.token, http: c.http}
	version := func(c *client) (uint64, error) {
		h, _, err := c.want(200, "GET", "/v1/stats?by=region", nil, nil)
		if err != nil {
			return 0, err
		}
		v, _, _ := strings.Cut(strings.Trim(strings.TrimPrefix(h.Get("ETag"), "W/"), `"`), "-")
		return strconv.ParseUint(v, 10, 64)
	}
	var delays []time.Duration
	for i := range *runs {
		if _, _, err := c.want(201, "POST", "/v1/cooperatives/"+*id+"/members", admission(200000+i), map[string]string{"Prefer": "return=minimal"}); err != nil {
			return err
		}
		written := time.Now()
		want, err := version(c)
		if err != nil {
			return err
		}
		for {
			got, err := version(b)
			if err != nil {
				return err
			}
			if got >= want {
				delays = append(delays, time.Since(written))
				break
			}
			if time.Since(written) > 30*time.Second {
				return fmt.Errorf("the second server did not show version %d within 30 s (it shows %d)", want, got)
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
	s := slices.Clone(delays)
	slices.Sort(s)
	fmt.Printf("a write through the first server shows in the second's statistics after: median %s, max %s (%d writes)\n",
		s[len(s)/2].Round(time.Millisecond), s[len(s)-1].Round(time.Millisecond), len(s))
	return nil
}

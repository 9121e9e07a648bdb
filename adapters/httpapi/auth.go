package httpapi

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/taawun/taawun/coop"
)

// Principal is who makes a request and where they may act. The registry is
// public (Law 112-12 art. 9): anyone, even anonymous, reads a cooperative's
// registered facts. Members' personal data (names, CIN, birth dates,
// phones, addresses: Law 09-08) and every write need a principal whose scope
// covers the cooperative: national, or the provinces of a delegation.
type Principal struct {
	// Subject names the principal in logs, and its idempotency keys: one
	// subject is one principal (BearerTokens refuses two tokens with one
	// subject; another Authenticator must keep subjects unique too).
	Subject string `json:"subject"`
	// National principals act on every cooperative.
	National bool `json:"national,omitempty"`
	// Provinces are the provinces a principal acts on, e.g. an ODCO
	// delegation's.
	Provinces []coop.ProvinceCode `json:"provinces,omitempty"`
}

// Covers reports whether p may act on a cooperative whose seat is in
// province. A nil principal (anonymous) covers nothing.
func (p *Principal) Covers(province coop.ProvinceCode) bool {
	if p == nil {
		return false
	}
	return p.National || (province != "" && slices.Contains(p.Provinces, province))
}

// Authenticator returns the principal making a request: nil for an
// anonymous request, or an error for credentials that are presented but
// wrong (the request is then refused with 401).
type Authenticator func(r *http.Request) (*Principal, error)

// TokenScope is a bearer token's scope as read from a tokens file or
// variable.
type TokenScope struct {
	Token string `json:"token"`
	Principal
	// Delegation, when set, scopes the token to that ODCO delegation's
	// provinces.
	Delegation coop.DelegationID `json:"delegation,omitempty"`
}

// principal checks the token scope at field and returns its principal,
// with the provinces of its delegation; ok is false for an unknown
// delegation.
func (s TokenScope) principal(fs *coop.Fields, field string) (p Principal, ok bool) {
	p = s.Principal
	if s.Delegation != "" {
		d, ok := s.Delegation.Info()
		if !ok {
			fs.Add(field+".delegation", "delegation", "", "%q is not a delegation", s.Delegation)
			return p, false
		}
		p.Provinces = append(p.Provinces, d.Provinces...)
	}
	if len(s.Token) < 16 {
		fs.Add(field+".token", "min", "16", "a token has at least 16 characters")
	}
	if !p.National && len(p.Provinces) == 0 {
		fs.Add(field, "scope", "", "give national, provinces or a delegation")
	}
	for _, pr := range p.Provinces {
		if !pr.Valid() {
			fs.Add(field+".provinces", "province", "", "%q is not a province code", pr)
		}
	}
	return p, true
}

// BearerTokens returns an Authenticator for "Authorization: Bearer <token>"
// headers over a fixed set of tokens. Tokens are compared in constant time
// by their SHA-256. It returns an Invalid error for an empty token, an
// unknown delegation or a principal with no scope.
func BearerTokens(scopes []TokenScope) (Authenticator, error) {
	type entry struct {
		sum [32]byte
		p   Principal
	}
	var entries []entry
	var fs coop.Fields
	subjects, tokens := map[string]int{}, map[[32]byte]int{}
	for i, s := range scopes {
		p, ok := s.principal(&fs, "tokens["+strconv.Itoa(i)+"]")
		if !ok {
			continue
		}
		if p.Subject == "" {
			p.Subject = "token-" + strconv.Itoa(i)
		}
		if j, dup := subjects[p.Subject]; dup {
			fs.Add("tokens["+strconv.Itoa(i)+"].subject", "unique", "", "%q is the subject of tokens[%d] too: a subject names one principal", coop.Excerpt(p.Subject), j)
		}
		subjects[p.Subject] = i
		sum := sha256.Sum256([]byte(s.Token))
		if j, dup := tokens[sum]; dup {
			fs.Add("tokens["+strconv.Itoa(i)+"].token", "unique", "", "the same token as tokens[%d]", j)
		}
		tokens[sum] = i
		entries = append(entries, entry{sum, p})
	}
	if err := fs.Err("httpapi.BearerTokens", "invalid tokens"); err != nil {
		return nil, err
	}
	return func(r *http.Request) (*Principal, error) {
		h := r.Header.Get("Authorization")
		if h == "" {
			return nil, nil
		}
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || tok == "" {
			return nil, coop.Errorf(coop.Invalid, "the Authorization header is not a bearer token")
		}
		sum := sha256.Sum256([]byte(tok))
		var found *Principal
		for i := range entries {
			if subtle.ConstantTimeCompare(sum[:], entries[i].sum[:]) == 1 {
				p := entries[i].p
				found = &p
			}
		}
		if found == nil {
			return nil, coop.Errorf(coop.Invalid, "unknown token")
		}
		return found, nil
	}, nil
}

// ParseTokens reads a JSON list of TokenScope, as a tokens file holds it.
func ParseTokens(b []byte) ([]TokenScope, error) {
	var out []TokenScope
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		return nil, coop.Fieldf("tokens", "json", "%v", err)
	}
	return out, nil
}

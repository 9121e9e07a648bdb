package coop

import (
	"slices"
	"strings"
)

// Names holds a name in French, Arabic and English.
type Names struct {
	FR string `json:"fr"`
	AR string `json:"ar"`
	EN string `json:"en"`
}

// Set sets the name in lang.
func (n *Names) Set(lang Lang, s string) {
	switch lang {
	case AR:
		n.AR = s
	case EN:
		n.EN = s
	default:
		n.FR = s
	}
}

// In returns the name in lang, falling back to French.
func (n Names) In(lang Lang) string {
	switch lang {
	case AR:
		if n.AR != "" {
			return n.AR
		}
	case EN:
		if n.EN != "" {
			return n.EN
		}
	case FR:
		return FrenchSpacing(n.FR)
	}
	return n.FR
}

// RegionCode is an ISO 3166-2:MA region code of the 2015 division, "MA-01"
// to "MA-12". The same strings meant other regions before 2015; Taawun uses
// only the 2015 division.
type RegionCode string

// ProvinceCode is an ISO 3166-2:MA prefecture or province code such as
// "MA-CAS".
type ProvinceCode string

// DelegationID identifies an ODCO regional delegation, e.g. "meknes".
type DelegationID string

// ProvinceKind tells a prefecture from a province.
type ProvinceKind string

// The two kinds of prefecture-level units.
const (
	Prefecture   ProvinceKind = "prefecture"
	ProvinceType ProvinceKind = "province"
)

// Region is one of the 12 regions of Decree 2-15-40 (2015).
type Region struct {
	Code  RegionCode `json:"code"`
	HCP   string     `json:"hcp"` // HCP geographic code, "01" to "12"
	Seat  string     `json:"seat"`
	Names Names      `json:"names"`
}

// Province is one of the 75 prefectures and provinces.
type Province struct {
	Code   ProvinceCode `json:"code"`
	Region RegionCode   `json:"region"`
	Type   ProvinceKind `json:"type"`
	// HCP is the 3-digit HCP geographic code (RGPH 2014), "" where unknown.
	HCP string `json:"hcp,omitempty"`
	// HCPUnconfirmed marks an HCP code taken from a low-confidence source.
	HCPUnconfirmed bool     `json:"hcp_unconfirmed,omitempty"`
	Names          Names    `json:"names"`
	Aliases        []string `json:"aliases,omitempty"`
}

// Delegation is an ODCO regional delegation and the provinces it serves.
// Delegations do not follow regions: the Meknès delegation serves Khénifra
// (Béni Mellal-Khénifra) and Midelt and Errachidia (Drâa-Tafilalet).
type Delegation struct {
	ID DelegationID `json:"id"`
	// Attested is true when the delegation and its coverage are stated in
	// ODCO's pages or the press; false for a delegation named after a region
	// because the provinces' delegation is not known.
	Attested  bool           `json:"attested"`
	Names     Names          `json:"names"`
	Provinces []ProvinceCode `json:"provinces"`
}

type territory struct {
	regions     map[RegionCode]*Region
	provinces   map[ProvinceCode]*Province
	delegations map[DelegationID]*Delegation
	delegOf     map[ProvinceCode]*Delegation
	byName      map[string]*Province
	regionNames map[string]*Region
}

var terr = func() *territory {
	t := &territory{
		regions:     map[RegionCode]*Region{},
		provinces:   map[ProvinceCode]*Province{},
		delegations: map[DelegationID]*Delegation{},
		delegOf:     map[ProvinceCode]*Delegation{},
		byName:      map[string]*Province{},
		regionNames: map[string]*Region{},
	}
	for i := range regionTable {
		r := &regionTable[i]
		t.regions[r.Code] = r
		for _, n := range []string{r.Names.FR, r.Names.AR, r.Names.EN} {
			t.regionNames[Fold(n)] = r
		}
	}
	for i := range provinceTable {
		p := &provinceTable[i]
		t.provinces[p.Code] = p
		for _, n := range append([]string{p.Names.FR, p.Names.AR, p.Names.EN}, p.Aliases...) {
			t.byName[Fold(n)] = p
		}
	}
	for i := range delegationTable {
		d := &delegationTable[i]
		t.delegations[d.ID] = d
		for _, p := range d.Provinces {
			t.delegOf[p] = d
		}
	}
	return t
}()

// Regions returns the 12 regions in the order of their codes.
func Regions() []Region { return slices.Clone(regionTable) }

// Provinces returns the 75 prefectures and provinces, grouped by region.
func Provinces() []Province {
	out := make([]Province, len(provinceTable))
	for i, p := range provinceTable {
		p.Aliases = slices.Clone(p.Aliases)
		out[i] = p
	}
	return out
}

// Delegations returns the ODCO delegations, attested ones first.
func Delegations() []Delegation {
	out := make([]Delegation, len(delegationTable))
	for i, d := range delegationTable {
		d.Provinces = slices.Clone(d.Provinces)
		out[i] = d
	}
	return out
}

// ParseRegion accepts a region code ("MA-06", "06") or a region's name in
// French, Arabic or English, ignoring case, accents and punctuation.
func ParseRegion(s string) (RegionCode, error) {
	if r, ok := terr.regions[RegionCode(strings.ToUpper(strings.TrimSpace(s)))]; ok {
		return r.Code, nil
	}
	if r, ok := terr.regions[RegionCode("MA-"+strings.TrimSpace(s))]; ok {
		return r.Code, nil
	}
	if r, ok := terr.regionNames[Fold(s)]; ok {
		return r.Code, nil
	}
	return "", Fieldf("", "region", "%q is not one of the 12 regions (MA-01 to MA-12)", Excerpt(s))
}

// ParseProvince accepts an ISO 3166-2 code ("MA-CAS", "cas"), an HCP code
// ("141") or a name in French, Arabic or English, or an accepted spelling
// ("Mohammadia", "Taroudannt", "Smara"), ignoring case, accents and
// punctuation. An unknown province is an Invalid error with the rule
// "province".
func ParseProvince(s string) (ProvinceCode, error) {
	up := strings.ToUpper(strings.TrimSpace(s))
	if p, ok := terr.provinces[ProvinceCode(up)]; ok {
		return p.Code, nil
	}
	if len(up) == 3 {
		if p, ok := terr.provinces[ProvinceCode("MA-"+up)]; ok {
			return p.Code, nil
		}
		for i := range provinceTable {
			if provinceTable[i].HCP == up {
				return provinceTable[i].Code, nil
			}
		}
	}
	if p, ok := terr.byName[Fold(s)]; ok {
		return p.Code, nil
	}
	return "", Fieldf("", "province", "%q is not one of the 75 prefectures and provinces", Excerpt(s))
}

// Valid reports whether c is one of the 12 region codes.
func (c RegionCode) Valid() bool { _, ok := terr.regions[c]; return ok }

// Info returns the region's details; ok is false for an unknown code.
func (c RegionCode) Info() (r Region, ok bool) {
	p, ok := terr.regions[c]
	if !ok {
		return Region{}, false
	}
	return *p, true
}

// Name returns the region's name in lang, or the code when unknown.
func (c RegionCode) Name(lang Lang) string {
	if r, ok := terr.regions[c]; ok {
		return r.Names.In(lang)
	}
	return string(c)
}

// Provinces returns the codes of the region's prefectures and provinces.
func (c RegionCode) Provinces() []ProvinceCode {
	var out []ProvinceCode
	for _, p := range provinceTable {
		if p.Region == c {
			out = append(out, p.Code)
		}
	}
	return out
}

// Valid reports whether c is one of the 75 province codes.
func (c ProvinceCode) Valid() bool { _, ok := terr.provinces[c]; return ok }

// Info returns the province's details; ok is false for an unknown code.
func (c ProvinceCode) Info() (p Province, ok bool) {
	v, ok := terr.provinces[c]
	if !ok {
		return Province{}, false
	}
	p = *v
	p.Aliases = slices.Clone(p.Aliases)
	return p, true
}

// Region returns the region of the province ("" when unknown).
func (c ProvinceCode) Region() RegionCode {
	if p, ok := terr.provinces[c]; ok {
		return p.Region
	}
	return ""
}

// Delegation returns the ODCO delegation serving the province ("" when the
// code is unknown). Every valid province has one; see Delegation.Attested.
func (c ProvinceCode) Delegation() DelegationID {
	if d, ok := terr.delegOf[c]; ok {
		return d.ID
	}
	return ""
}

// Name returns the province's name in lang, or the code when unknown.
func (c ProvinceCode) Name(lang Lang) string {
	if p, ok := terr.provinces[c]; ok {
		return p.Names.In(lang)
	}
	return string(c)
}

// Valid reports whether d is a known delegation.
func (d DelegationID) Valid() bool { _, ok := terr.delegations[d]; return ok }

// Info returns the delegation's details; ok is false for an unknown ID.
func (d DelegationID) Info() (Delegation, bool) {
	v, ok := terr.delegations[d]
	if !ok {
		return Delegation{}, false
	}
	out := *v
	out.Provinces = slices.Clone(v.Provinces)
	return out, true
}

// Covers reports whether the delegation serves province p.
func (d DelegationID) Covers(p ProvinceCode) bool { return p.Delegation() == d && d != "" }

// Name returns the delegation's name in lang, or the ID when unknown.
func (d DelegationID) Name(lang Lang) string {
	if v, ok := terr.delegations[d]; ok {
		return v.Names.In(lang)
	}
	return string(d)
}

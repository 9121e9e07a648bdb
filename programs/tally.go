package programs

import (
	"slices"
	"time"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
)

// memberTally is what the rules on the members read of one cooperative's
// register at one date: how many members count, by gender and by birth
// date given or not, and how many fall outside each age window the
// screened programmes use. A screening gathers it in one pass over the
// register, the first time a rule asks, and every programme reads it; a
// rule that collects the dates on which its outcome may change walks the
// register itself.
type memberTally struct {
	asOf coop.Date
	done bool
	// register is set when the cooperative gives its member register.
	register bool
	// n members count at asOf: women and men of them, the others with no
	// gender given. Of them, birthUnknown have no birth date,
	// otherBirthUnknown of whom are not women; bornGenderUnknown have a
	// birth date and no gender.
	n, women, men                                      int
	birthUnknown, otherBirthUnknown, bornGenderUnknown int
	windows                                            []windowTally
	// segments lays the windows out over the birth dates; made by init
	// and shared by the tallies of a screening, which only read it.
	segments *segments
}

// segments cuts the birth dates at the limits of a tally's windows, so
// that gathering puts each member in one bucket, by segment and gender,
// instead of comparing it with each window: a member born after
// limits[i-1] and not after limits[i] is in segment i (0 before the first
// limit, the number of distinct limits after the last).
type segments struct {
	// limits are the windows' distinct limits, ascending, followed by the
	// last date a Date holds, which no birth date is after, up to a
	// multiple of four and at least four: gathering compares a birth date
	// with four limits at a time, without a loop for the first four, which
	// are all a catalogue's windows use.
	limits []coop.Date
	// from and to are, for each window, its first segment and the one
	// after its last: born in the window is born in a segment between.
	from, to []int
	// buckets is the number of buckets gather counts in: 0 for members
	// who do not count at the date, then three genders (none given,
	// woman, man) for no birth date, then for each segment.
	buckets int
}

// lastDate is the last date a coop.Date holds.
var lastDate = coop.MustDate(9999, time.December, 31)

// newSegments lays out the windows ws.
func newSegments(ws []windowTally) *segments {
	sg := &segments{from: make([]int, len(ws)), to: make([]int, len(ws))}
	var limits []coop.Date
	for _, w := range ws {
		limits = append(limits, w.tooOld, w.youngest)
	}
	slices.SortFunc(limits, coop.Date.Compare)
	limits = slices.Compact(limits)
	for j, w := range ws {
		// Born in w: after tooOld, and not after youngest.
		old, _ := slices.BinarySearchFunc(limits, w.tooOld, coop.Date.Compare)
		young, _ := slices.BinarySearchFunc(limits, w.youngest, coop.Date.Compare)
		sg.from[j], sg.to[j] = old+1, young+1
	}
	sg.buckets = 1 + 3*(len(limits)+2)
	sg.limits = make([]coop.Date, max(4, (len(limits)+3)&^3))
	for i := copy(sg.limits, limits); i < len(sg.limits); i++ {
		sg.limits[i] = lastDate
	}
	return sg
}

// windowTally counts the members at the tally's date born inside one age
// window: in of them, and when youth is set (the window of
// women-youth-share), inOther who are not women and inGenderUnknown with
// no gender given.
type windowTally struct {
	youngest, tooOld             coop.Date
	youth                        bool
	in, inOther, inGenderUnknown int
}

// genders returns the number of members: all of them, the women, the
// men and those whose gender is not given.
func (t *memberTally) genders() (n, women, men, unknown int) {
	return t.n, t.women, t.men, t.n - t.women - t.men
}

// aged returns the number of members: all of them, those born outside
// the window w of t, and those with no birth date.
func (t *memberTally) aged(w *windowTally) (n, outside, unknown int) {
	return t.n, t.n - t.birthUnknown - w.in, t.birthUnknown
}

// womenYouth returns the number of members: all of them, those who are
// women or born inside the youth window w, and those for whom it is not
// known (no gender given, and no birth date or one inside w; or a man
// with no birth date).
func (t *memberTally) womenYouth(w *windowTally) (n, yes, unknown int) {
	return t.n, t.women + w.inOther, t.otherBirthUnknown + t.bornGenderUnknown - w.inGenderUnknown
}

// init sets the tally a screening at asOf fills for each cooperative,
// counting against the windows of ws that are at asOf.
func (t *memberTally) init(asOf coop.Date, ws []ageWindow) {
	*t = memberTally{asOf: asOf}
	for i := range ws {
		if ws[i].asOf != asOf {
			continue
		}
		if w := t.window(&ws[i]); w != nil {
			w.youth = w.youth || ws[i].youth
			continue
		}
		t.windows = append(t.windows, windowTally{youngest: ws[i].youngest, tooOld: ws[i].tooOld, youth: ws[i].youth})
	}
	// The windows are written for each cooperative: away from what
	// another worker writes (screener).
	own := padded[windowTally](len(t.windows))
	copy(own, t.windows)
	t.windows = own
	t.segments = newSegments(t.windows)
}

// gather counts mem at the tally's date in one pass: each member adds
// one to a bucket, by whether it counts at the date, its birth date's
// segment (segments) and its gender, and the counts are read off the
// buckets after. The bucket is computed rather than chosen under
// conditions: a register's genders and birth dates follow no pattern a
// processor could predict (whether a member counts at the date mostly
// does).
func (t *memberTally) gather(mem []readmodel.Member) {
	var local [64]int32
	h := local[:]
	if t.segments.buckets > len(local) {
		h = make([]int32, t.segments.buckets) // windows by the dozen
	}
	t.count(mem, h[:t.segments.buckets])
	t.register = len(mem) > 0
	t.done = true
}

// count gathers mem into h, as many buckets as t's segments have, and
// sets the counts from them.
func (t *memberTally) count(mem []readmodel.Member, h []int32) {
	asOf, sg := t.asOf, t.segments
	lim := sg.limits
	l0, l1, l2, l3, more := lim[0], lim[1], lim[2], lim[3], lim[4:]
	for i := range mem {
		m := &mem[i]
		b := m.Birth
		// One more than the birth date's segment; 0 when none is given,
		// as a zero date is after no limit.
		s := bit(!b.IsZero()) + bit(b.After(l0)) + bit(b.After(l1)) + bit(b.After(l2)) + bit(b.After(l3))
		for j := 0; j+4 <= len(more); j += 4 {
			l := more[j : j+4 : j+4]
			s += bit(b.After(l[0])) + bit(b.After(l[1])) + bit(b.After(l[2])) + bit(b.After(l[3]))
		}
		h[bit(m.ActiveAt(asOf))*(1+3*s+int(genderBucket[m.Gender]))]++
	}
	// No birth date: the first three buckets after those not counted.
	b := h[1:4:4]
	unknown, women, men := int(b[readmodel.GenderUnknown]), int(b[readmodel.Female]), int(b[readmodel.Male])
	t.birthUnknown, t.otherBirthUnknown = unknown+women+men, unknown+men
	// A birth date: the buckets of each segment are turned into running
	// sums over the segments, so that each window reads its counts as the
	// difference of two of them (the sums before its first segment and
	// up to its last), whatever the number of segments it spans.
	born := h[4:]
	var sum [3]int32
	for s := 0; s+3 <= len(born); s += 3 {
		c := born[s : s+3 : s+3]
		sum[0], sum[1], sum[2] = sum[0]+c[0], sum[1]+c[1], sum[2]+c[2]
		c[0], c[1], c[2] = sum[0], sum[1], sum[2]
	}
	bornUnknown, bornWomen, bornMen := int(sum[readmodel.GenderUnknown]), int(sum[readmodel.Female]), int(sum[readmodel.Male])
	t.n = t.birthUnknown + bornUnknown + bornWomen + bornMen
	t.women, t.men, t.bornGenderUnknown = women+bornWomen, men+bornMen, bornUnknown
	for j := range t.windows {
		w := &t.windows[j]
		w.in, w.inOther, w.inGenderUnknown = 0, 0, 0
		if sg.to[j] <= sg.from[j] {
			continue // no birth date falls in it
		}
		// Born in segments from to to-1: the sums up to to-1 less those up
		// to from-1 (from is at least 1).
		hi, lo := born[3*(sg.to[j]-1):], born[3*(sg.from[j]-1):]
		u := int(hi[readmodel.GenderUnknown] - lo[readmodel.GenderUnknown])
		m := int(hi[readmodel.Male] - lo[readmodel.Male])
		w.in = u + m + int(hi[readmodel.Female]-lo[readmodel.Female])
		if w.youth {
			w.inOther, w.inGenderUnknown = u+m, u
		}
	}
}

// genderBucket is the bucket of each gender among the three of a
// segment: a value the model does not define counts as not given.
var genderBucket = [256]uint8{readmodel.Female: uint8(readmodel.Female), readmodel.Male: uint8(readmodel.Male)}

// bit is 1 for true and 0 for false.
func bit(b bool) int {
	if b {
		return 1
	}
	return 0
}

// tallied returns the member tally of the screened cooperative at asOf,
// gathering it on the first call; nil when the applicant is not screened,
// when the tally is at another date, or when out collects the dates on
// which the outcome may change (the rule then walks the register).
func (a *Applicant) tallied(asOf coop.Date, out *Eval) *memberTally {
	t := a.tally
	if t == nil || asOf != t.asOf || out.Tracking() {
		return nil
	}
	if !t.done {
		t.gather(a.mem)
	}
	return t
}

// window returns the counts against w; nil when w is not among the
// windows counted (init), and the rule then walks the register.
func (t *memberTally) window(w *ageWindow) *windowTally {
	if i := t.windowIndex(w); i >= 0 {
		return &t.windows[i]
	}
	return nil
}

// windowIndex returns the index of the counts against w in t.windows; -1
// when w is not among the windows counted.
func (t *memberTally) windowIndex(w *ageWindow) int {
	for i := range t.windows {
		if t.windows[i].youngest == w.youngest && t.windows[i].tooOld == w.tooOld {
			return i
		}
	}
	return -1
}

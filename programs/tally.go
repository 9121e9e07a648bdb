package programs

import (
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
	padded := make([]windowTally, len(t.windows)+2*windowPad)
	t.windows = padded[windowPad : windowPad+copy(padded[windowPad:], t.windows)]
}

// windowPad is the number of window tallies (40 bytes each) that span
// 128 bytes.
const windowPad = 4

// gather counts mem at the tally's date in one pass. The counts are
// added as 0 or 1 rather than under a condition: a register's genders and
// birth dates follow no pattern a processor could predict (whether a
// member counts at the date mostly does).
func (t *memberTally) gather(mem []readmodel.Member) {
	asOf := t.asOf
	n, women, men, birthUnknown, otherBirthUnknown, bornGenderUnknown := 0, 0, 0, 0, 0, 0
	ws := t.windows
	for i := range ws {
		ws[i].in, ws[i].inOther, ws[i].inGenderUnknown = 0, 0, 0
	}
	for i := range mem {
		m := &mem[i]
		active := bit(m.ActiveAt(asOf))
		female, male := bit(m.Gender == readmodel.Female), bit(m.Gender == readmodel.Male)
		noGender := 1 &^ (female | male)
		n += active
		women += active & female
		men += active & male
		noBirth := active & bit(m.Birth.IsZero())
		birthUnknown += noBirth
		otherBirthUnknown += noBirth &^ female
		born := active &^ noBirth
		bornGenderUnknown += born & noGender
		for j := range ws {
			w := &ws[j]
			in := born & bit(!m.Birth.After(w.youngest)) & bit(m.Birth.After(w.tooOld))
			w.in += in
			if w.youth {
				w.inOther += in &^ female
				w.inGenderUnknown += in & noGender
			}
		}
	}
	t.n, t.women, t.men = n, women, men
	t.birthUnknown, t.otherBirthUnknown, t.bornGenderUnknown = birthUnknown, otherBirthUnknown, bornGenderUnknown
	t.register = len(mem) > 0
	t.done = true
}

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

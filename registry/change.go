package registry

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// ChangeKind names a change recorded in the journal.
type ChangeKind string

// The changes the registry records. Each is a type of its own, beside the
// verb that records it.
const (
	ChangeRegistered          ChangeKind = "registered"           // first registration (art. 11)
	ChangeImported            ChangeKind = "imported"             // a historical register entry taken as it stood
	ChangeMemberAdmitted      ChangeKind = "member-admitted"      // art. 15
	ChangeSharesSubscribed    ChangeKind = "shares-subscribed"    // arts. 7, 26
	ChangeSharesPaid          ChangeKind = "shares-paid"          // art. 26
	ChangeWithdrawalRequested ChangeKind = "withdrawal-requested" // arts. 18-19
	ChangeWithdrawalAnswered  ChangeKind = "withdrawal-answered"  // art. 19
	ChangeMemberExcluded      ChangeKind = "member-excluded"      // art. 20
	ChangeSharesTransferred   ChangeKind = "shares-transferred"   // art. 28
	ChangeMemberLeft          ChangeKind = "member-left"          // death or incapacity (art. 24), a cooperative leaving a union
	ChangeAssemblyHeld        ChangeKind = "assembly-held"        // arts. 33-46
	ChangeBoardElected        ChangeKind = "board-elected"        // arts. 48-51
	ChangeManagersAppointed   ChangeKind = "managers-appointed"   // art. 65
	ChangeAuditorAppointed    ChangeKind = "auditor-appointed"    // art. 72
	ChangeStatutesAmended     ChangeKind = "statutes-amended"     // arts. 5, 42
	ChangeSeatChanged         ChangeKind = "seat-changed"         // arts. 5, 12
	ChangeTurnoverReported    ChangeKind = "turnover-reported"    // art. 68
	ChangeDissolved           ChangeKind = "dissolved"            // art. 82
	ChangeLiquidation         ChangeKind = "liquidation-opened"   // art. 83
	ChangeStruckOff           ChangeKind = "struck-off"           // art. 13
	ChangeSupportRecorded     ChangeKind = "support-recorded"     // a support action reached the cooperative
	ChangeSelected            ChangeKind = "selected"             // selected by a programme's call
	ChangeLabelAwarded        ChangeKind = "label-awarded"
	ChangeLabelSuspended      ChangeKind = "label-suspended"
	ChangeLabelWithdrawn      ChangeKind = "label-withdrawn"
	ChangeGroupingJoined      ChangeKind = "grouping-joined" // a union, the Federation, an EIG
	ChangeGroupingLeft        ChangeKind = "grouping-left"
)

// Change is one change to a cooperative, as its journal records it.
// Applying the changes of a journal in order of effective date rebuilds the
// cooperative at any date (Registry.StateAt).
//
// Each kind is its own type, recorded by its verb, which checks it against
// the state it changes before it is journaled. Changes are values: Apply
// never modifies the change, and copies into c what it keeps of it.
//
// Apply may set the fields of c and of the elements of c.Members, c.Labels
// and c.Groupings, replace a pointer, and append to any slice; it never
// writes into an element of another slice (a share movement, an assembly,
// a support) nor through a pointer it did not make, which it may share with
// a stored state.
type Change interface {
	// Kind names the change in the journal.
	Kind() ChangeKind
	// Apply makes the change to c as of on, the date it took effect,
	// assuming c is the state it was recorded against.
	Apply(c *coop.Cooperative, on coop.Date)
}

// decoders maps each kind of change to the function that decodes its
// JSON: the table of every change the journal records, in one place.
var decoders = changeTable(
	decoder[Registered], decoder[Imported],
	decoder[MemberAdmitted], decoder[SharesSubscribed], decoder[SharesPaid], decoder[WithdrawalRequested],
	decoder[WithdrawalAnswered], decoder[MemberExcluded], decoder[SharesTransferred], decoder[MemberLeft],
	decoder[AssemblyHeld], decoder[BoardElected], decoder[ManagersAppointed], decoder[AuditorAppointed],
	decoder[StatutesAmended], decoder[SeatChanged], decoder[TurnoverReported],
	decoder[Dissolved], decoder[LiquidationOpened], decoder[StruckOff],
	decoder[SupportRecorded], decoder[Selected], decoder[LabelAwarded], decoder[LabelSuspended], decoder[LabelWithdrawn],
	decoder[GroupingJoined], decoder[GroupingLeft],
)

// decoder decodes the JSON of a change of type T.
func decoder[T Change](b []byte) (Change, error) {
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, err
	}
	return v, nil
}

// changeTable maps the kind of each decoder's change to the decoder.
func changeTable(decs ...func([]byte) (Change, error)) map[ChangeKind]func([]byte) (Change, error) {
	out := make(map[ChangeKind]func([]byte) (Change, error), len(decs))
	for _, dec := range decs {
		// The zero change of the decoder's type names its kind.
		zero, _ := dec([]byte("{}"))
		if zero == nil {
			panic("registry: a change type does not decode {}")
		}
		if _, dup := out[zero.Kind()]; dup {
			panic("registry: change kind " + string(zero.Kind()) + " twice in the table")
		}
		out[zero.Kind()] = dec
	}
	return out
}

// ChangeKinds returns every kind of change the journal records, sorted.
func ChangeKinds() []ChangeKind {
	out := make([]ChangeKind, 0, len(decoders))
	for k := range decoders {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// EncodeChange returns the JSON of a change: an object whose "kind" names
// it, beside its own fields. Stores keep journal entries' changes in this
// form.
func EncodeChange(ch Change) ([]byte, error) {
	if ch == nil {
		return nil, fmt.Errorf("registry: no change to encode")
	}
	body, err := json.Marshal(ch)
	if err != nil {
		return nil, err
	}
	kind, err := json.Marshal(ch.Kind())
	if err != nil {
		return nil, err
	}
	body = bytes.TrimSpace(body)
	if len(body) < 2 || body[0] != '{' {
		return nil, fmt.Errorf("registry: change %s is not a JSON object", ch.Kind())
	}
	out := make([]byte, 0, len(body)+len(kind)+10)
	out = append(out, `{"kind":`...)
	out = append(out, kind...)
	if rest := bytes.TrimSpace(body[1:]); len(rest) > 0 && rest[0] != '}' {
		out = append(out, ',')
	}
	return append(out, body[1:]...), nil
}

// DecodeChange reads a change written by EncodeChange. An unknown kind is
// an error.
func DecodeChange(b []byte) (Change, error) {
	var head struct {
		Kind ChangeKind `json:"kind"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, err
	}
	dec, ok := decoders[head.Kind]
	if !ok {
		return nil, fmt.Errorf("registry: unknown change kind %q", head.Kind)
	}
	return dec(b)
}

// MarshalJSON writes the entry with its change as EncodeChange does.
func (e Entry) MarshalJSON() ([]byte, error) {
	type plain Entry
	var ch json.RawMessage
	if e.Change != nil {
		b, err := EncodeChange(e.Change)
		if err != nil {
			return nil, err
		}
		ch = b
	}
	return json.Marshal(struct {
		plain
		Change json.RawMessage `json:"change"`
	}{plain(e), ch})
}

// UnmarshalJSON reads an entry written by MarshalJSON.
func (e *Entry) UnmarshalJSON(b []byte) error {
	type plain Entry
	var in struct {
		plain
		Change json.RawMessage `json:"change"`
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	*e = Entry(in.plain)
	e.Change = nil
	if len(in.Change) > 0 && string(in.Change) != "null" {
		ch, err := DecodeChange(in.Change)
		if err != nil {
			return err
		}
		e.Change = ch
	}
	return nil
}

// cloneChange returns a deep copy of a change: every slice, map and
// pointer it reaches through exported fields is copied. Unexported fields
// (the insides of a decimal, a date or a time) are immutable and shared.
func cloneChange(ch Change) Change {
	return deepCopy(reflect.ValueOf(ch)).Interface().(Change)
}

func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		n := reflect.New(v.Type().Elem())
		n.Elem().Set(deepCopy(v.Elem()))
		return n
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		n := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			n.Index(i).Set(deepCopy(v.Index(i)))
		}
		return n
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		n := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			n.SetMapIndex(it.Key(), deepCopy(it.Value()))
		}
		return n
	case reflect.Struct:
		n := reflect.New(v.Type()).Elem()
		n.Set(v)
		for i := 0; i < v.NumField(); i++ {
			if f := n.Field(i); f.CanSet() {
				f.Set(deepCopy(v.Field(i)))
			}
		}
		return n
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		n := reflect.New(v.Type()).Elem()
		n.Set(deepCopy(v.Elem()))
		return n
	}
	return v
}

// memberAt returns the member of c with the given ID, or nil.
func memberAt(c *coop.Cooperative, id uuid.UUID) *coop.Member {
	m, _ := c.Member(id)
	return m
}

// owned returns a copy of a member that shares nothing with m.
func owned(m coop.Member) coop.Member {
	m.Shares = slices.Clone(m.Shares)
	if m.Withdrawal != nil {
		w := *m.Withdrawal
		m.Withdrawal = &w
	}
	return m
}

// A Redacter is a change that carries personal data (names, CIN, birth
// dates, phones, addresses of natural persons: Law 09-08), which Redacted
// leaves out, as coop's Redacted methods do.
type Redacter interface {
	Change
	Redacted() Change
}

// Redacted returns the entry with its change's personal data left out.
func (e Entry) Redacted() Entry {
	if r, ok := e.Change.(Redacter); ok {
		e.Change = r.Redacted()
	}
	return e
}

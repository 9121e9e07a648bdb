package postgres

import (
	"encoding/json"
	"math/big"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

func pgDate(d coop.Date) pgtype.Date {
	if d.IsZero() {
		return pgtype.Date{}
	}
	return pgtype.Date{Time: d.Time(), Valid: true}
}

func fromDate(d pgtype.Date) coop.Date {
	if !d.Valid {
		return coop.Date{}
	}
	return coop.DateOf(d.Time)
}

func pgNumeric(d decimal.Decimal) pgtype.Numeric {
	return pgtype.Numeric{Int: new(big.Int).Set(d.Coefficient()), Exp: d.Exponent(), Valid: true}
}

func pgNullNumeric(d decimal.NullDecimal) pgtype.Numeric {
	if !d.Valid {
		return pgtype.Numeric{}
	}
	return pgNumeric(d.Decimal)
}

func fromNumeric(n pgtype.Numeric) decimal.Decimal {
	if !n.Valid || n.Int == nil {
		return decimal.Zero
	}
	return coop.RoundMAD(decimal.NewFromBigInt(n.Int, n.Exp))
}

func fromNullNumeric(n pgtype.Numeric) decimal.NullDecimal {
	if !n.Valid {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(fromNumeric(n))
}

func pgUUID(id uuid.UUID) pgtype.UUID {
	return pgtype.UUID{Bytes: id, Valid: id != uuid.Nil}
}

func fromUUID(u pgtype.UUID) uuid.UUID {
	if !u.Valid {
		return uuid.Nil
	}
	return u.Bytes
}

func pgText(s string) pgtype.Text { return pgtype.Text{String: s, Valid: s != ""} }

func pgInt(n *int) pgtype.Int4 {
	if n == nil {
		return pgtype.Int4{}
	}
	return pgtype.Int4{Int32: int32(*n), Valid: true}
}

func fromInt(n pgtype.Int4) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int32)
	return &v
}

// jsonOrNull marshals v, or returns nil (NULL) for a nil value.
func jsonOrNull(v any, isNil bool) []byte {
	if isNil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	return b
}

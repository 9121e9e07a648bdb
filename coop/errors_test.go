package coop_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
)

func TestError_Is(t *testing.T) {
	tests := []struct {
		code     coop.Code
		sentinel error
	}{
		{coop.Invalid, coop.ErrInvalid},
		{coop.NotFound, coop.ErrNotFound},
		{coop.Conflict, coop.ErrConflict},
		{coop.FailedPrecondition, coop.ErrFailedPrecondition},
		{coop.Internal, coop.ErrInternal},
		{coop.Forbidden, coop.ErrForbidden},
		{coop.Unavailable, coop.ErrUnavailable},
	}
	for _, tt := range tests {
		err := fmt.Errorf("wrapped: %w", coop.Errorf(tt.code, "boom"))
		assert.ErrorIs(t, err, tt.sentinel, tt.code)
		assert.Equal(t, tt.code, coop.ErrorCode(err))
		for _, other := range tests {
			if other.code != tt.code {
				assert.NotErrorIs(t, err, other.sentinel)
			}
		}
	}
	assert.Equal(t, coop.Code(""), coop.ErrorCode(nil))
	assert.Equal(t, coop.Internal, coop.ErrorCode(errors.New("driver: connection reset")))
}

func TestErrorMessage_NeverLeaks(t *testing.T) {
	internal := &coop.Error{Code: coop.Internal, Message: "pq: relation does not exist", Err: errors.New("secret")}
	assert.Equal(t, "internal error", coop.ErrorMessage(internal))
	assert.Equal(t, "internal error", coop.ErrorMessage(errors.New("dial tcp 10.0.0.1: refused")))
	assert.Equal(t, "request cancelled", coop.ErrorMessage(context.Canceled))
	assert.Equal(t, "name taken", coop.ErrorMessage(coop.Errorf(coop.Conflict, "name taken")))
}

func TestAtField(t *testing.T) {
	_, err := coop.ParseDate("2023-02-29")
	err = coop.AtField("members[2].birth_date", err)
	var e *coop.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, "members[2].birth_date", e.Fields[0].Field)
	assert.Equal(t, "date", e.Fields[0].Rule)

	// An empty prefix leaves the fields as they are.
	require.True(t, errors.As(coop.AtField("", coop.Fieldf("province", "province", "bad")), &e))
	assert.Equal(t, "province", e.Fields[0].Field)
	var merged coop.Fields
	merged.Merge("", coop.Fieldf("sector", "sector", "bad"))
	assert.Equal(t, "sector", merged[0].Field)

	nested := coop.AtField("cooperative", coop.AtField("members[0]", coop.Fieldf("gender", "enum", "bad")))
	require.True(t, errors.As(nested, &e))
	assert.Equal(t, "cooperative.members[0].gender", e.Fields[0].Field)
	assert.Contains(t, nested.Error(), "cooperative.members[0].gender: bad")

	var fs coop.Fields
	require.NoError(t, fs.Err("op", "msg"))
	fs.Add("a", "required", "", "is required")
	fs.Merge("b", errors.New("plain"))
	err = fs.Err("op", "invalid input")
	require.ErrorIs(t, err, coop.ErrInvalid)
	require.True(t, errors.As(err, &e))
	assert.Len(t, e.Fields, 2)
	assert.Equal(t, "b", e.Fields[1].Field)
}

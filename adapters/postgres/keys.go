package postgres

import (
	"errors"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/taawun/taawun/registry"
)

var keyColumns = []string{"key", "fingerprint", "owner", "done", "cooperatives", "result", "created", "until"}

func keyRow(k *registry.KeyRecord) []any {
	ids := k.Cooperatives
	if ids == nil {
		ids = []uuid.UUID{}
	}
	return []any{k.Key, k.Fingerprint, k.Owner, k.Done, ids, k.Result, k.Created, k.Until}
}

var (
	selectKey = `SELECT ` + strings.Join(keyColumns, ", ") + ` FROM idempotency_keys WHERE key = $1 FOR UPDATE`
	insertKey = insertSQL("idempotency_keys", keyColumns, 1)
	updateKey = updateSQL("idempotency_keys", keyColumns, "key")
)

// Key implements registry.Tx.
func (t *pgTx) Key(key string) (registry.KeyRecord, error) {
	var k registry.KeyRecord
	err := t.tx.QueryRow(t.ctx, selectKey, key).Scan(&k.Key, &k.Fingerprint, &k.Owner, &k.Done, &k.Cooperatives, &k.Result, &k.Created, &k.Until)
	if errors.Is(err, pgx.ErrNoRows) {
		return registry.KeyRecord{}, registry.NotFound("idempotency key")
	}
	if err != nil {
		return registry.KeyRecord{}, t.fail("postgres.Key", err)
	}
	k.Created, k.Until = k.Created.UTC(), k.Until.UTC()
	return k, nil
}

// AddKey implements registry.Tx.
func (t *pgTx) AddKey(k registry.KeyRecord) error {
	if _, err := t.tx.Exec(t.ctx, insertKey, keyRow(&k)...); err != nil {
		return t.fail("postgres.AddKey", err)
	}
	return nil
}

// PutKey implements registry.Tx.
func (t *pgTx) PutKey(k registry.KeyRecord) error {
	if _, err := t.tx.Exec(t.ctx, updateKey, keyRow(&k)...); err != nil {
		return t.fail("postgres.PutKey", err)
	}
	return nil
}

// DeleteKey implements registry.Tx.
func (t *pgTx) DeleteKey(key string) error {
	if _, err := t.tx.Exec(t.ctx, `DELETE FROM idempotency_keys WHERE key = $1`, key); err != nil {
		return t.fail("postgres.DeleteKey", err)
	}
	return nil
}

// PurgeKeys implements registry.Tx.
func (t *pgTx) PurgeKeys(before time.Time) (int, error) {
	tag, err := t.tx.Exec(t.ctx, `DELETE FROM idempotency_keys WHERE until < $1`, before)
	if err != nil {
		return 0, t.fail("postgres.PurgeKeys", err)
	}
	return int(tag.RowsAffected()), nil
}

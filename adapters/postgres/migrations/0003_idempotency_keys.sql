-- Idempotency keys: the outcome of a request made with a key, written in
-- the transaction of the change it guards, kept until it expires.
CREATE TABLE idempotency_keys (
    key          text PRIMARY KEY CHECK (key <> ''),
    fingerprint  text NOT NULL,
    owner        text NOT NULL,
    done         boolean NOT NULL,
    cooperatives uuid[] NOT NULL DEFAULT '{}',
    result       bytea,
    created      timestamptz NOT NULL,
    until        timestamptz NOT NULL
);
CREATE INDEX idempotency_keys_until ON idempotency_keys (until);

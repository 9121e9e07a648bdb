-- The position of the last commit that changed a cooperative, and what each
-- commit changed: servers that share the database follow the log in commit
-- order to keep their read models current. A write takes the next position
-- by updating the one row of commit_position, which it holds until it
-- commits, so that positions are taken in the order of the commits.
CREATE TABLE commit_position (
    one            boolean PRIMARY KEY DEFAULT true CHECK (one),
    position       bigint NOT NULL CHECK (position >= 0),
    -- The log holds the commits after this position only.
    forgotten      bigint NOT NULL DEFAULT 0 CHECK (forgotten >= 0 AND forgotten <= position)
);
INSERT INTO commit_position (position) VALUES (0);

CREATE TABLE commit_log (
    position     bigint PRIMARY KEY CHECK (position >= 1),
    cooperatives uuid[] NOT NULL,
    committed    timestamptz NOT NULL DEFAULT now()
);

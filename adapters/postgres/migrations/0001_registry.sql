-- The registry of cooperatives (Law 112-12 arts. 9-13, Decree 2-15-617).

CREATE TABLE name_approvals (
    id             uuid PRIMARY KEY,
    version        bigint NOT NULL CHECK (version >= 1),
    name           text NOT NULL,
    name_key       text NOT NULL CHECK (name_key <> ''),
    status         text NOT NULL CHECK (status IN ('approved', 'used', 'expired', 'refused')),
    proposed       jsonb NOT NULL,
    signatories    jsonb NOT NULL,
    province       text NOT NULL DEFAULT '',
    requested_on   date NOT NULL,
    decided_on     date NOT NULL,
    valid_until    date NOT NULL CHECK (valid_until >= decided_on),
    renewed        boolean NOT NULL DEFAULT false,
    cooperative_id uuid
);
-- A name is held by one approval at most (D 13: ODCO's index of names).
CREATE UNIQUE INDEX name_approvals_name_held ON name_approvals (name_key) WHERE status IN ('approved', 'used');

CREATE TABLE cooperatives (
    id                    uuid PRIMARY KEY,
    version               bigint NOT NULL CHECK (version >= 1),
    kind                  text NOT NULL CHECK (kind IN ('cooperative', 'union')),
    name                  text NOT NULL,
    name_ar               text NOT NULL DEFAULT '',
    name_folded           text NOT NULL,
    registration_number   text NOT NULL,
    court                 text NOT NULL DEFAULT '',
    ice                   text,
    sector                text NOT NULL DEFAULT '',
    branch                text NOT NULL DEFAULT '',
    province              text NOT NULL DEFAULT '',
    region                text NOT NULL DEFAULT '',
    delegation            text NOT NULL DEFAULT '',
    commune               text NOT NULL DEFAULT '',
    address               text NOT NULL DEFAULT '',
    registered_on         date NOT NULL,
    status                text NOT NULL CHECK (status IN ('active', 'dissolved', 'in-liquidation', 'struck-off')),
    status_since          date,
    status_reason         text NOT NULL DEFAULT '',
    liquidator            text NOT NULL DEFAULT '',
    founded_under         text NOT NULL CHECK (founded_under IN ('112-12', '24-83')),
    conformed_on          date CHECK (conformed_on IS NULL OR founded_under = '24-83'),
    duration_years        integer NOT NULL DEFAULT 0 CHECK (duration_years >= 0),
    share_nominal         numeric(14, 2) NOT NULL DEFAULT 0 CHECK (share_nominal >= 0),
    min_shares_per_member integer NOT NULL DEFAULT 0 CHECK (min_shares_per_member >= 0),
    purpose               text NOT NULL DEFAULT '',
    statutes_adopted_on   date,
    member_count          integer CHECK (member_count >= 0),
    last_year_end_members integer CHECK (last_year_end_members >= 0),
    auditor               jsonb,
    turnover              jsonb,
    declared              jsonb,
    approval_id           uuid REFERENCES name_approvals (id),
    CONSTRAINT cooperatives_registration_number_key UNIQUE (registration_number),
    CONSTRAINT cooperatives_approval_key UNIQUE (approval_id)
);
CREATE INDEX cooperatives_order ON cooperatives (registered_on, id);
CREATE INDEX cooperatives_province ON cooperatives (province, registered_on, id);
CREATE INDEX cooperatives_region ON cooperatives (region, registered_on, id);
CREATE INDEX cooperatives_delegation ON cooperatives (delegation, registered_on, id);
CREATE INDEX cooperatives_sector ON cooperatives (sector, registered_on, id);

CREATE TABLE members (
    cooperative_id        uuid NOT NULL REFERENCES cooperatives (id) ON DELETE CASCADE,
    id                    uuid NOT NULL,
    number                integer NOT NULL DEFAULT 0 CHECK (number >= 0),
    type                  text NOT NULL CHECK (type IN ('natural', 'legal', 'cooperative')),
    name                  text NOT NULL DEFAULT '',
    cin                   text,
    ice                   text,
    member_cooperative_id uuid,
    gender                text NOT NULL DEFAULT '' CHECK (gender IN ('', 'female', 'male')),
    birth_date            date,
    phone                 text,
    address               text NOT NULL DEFAULT '',
    occupation            text NOT NULL DEFAULT '',
    joined_on             date,
    admitted_by           text NOT NULL DEFAULT '',
    left_on               date CHECK (left_on IS NULL OR joined_on IS NULL OR left_on > joined_on),
    exit_reason           text NOT NULL DEFAULT '',
    withdrawal            jsonb,
    position              integer NOT NULL,
    PRIMARY KEY (cooperative_id, id)
);

CREATE TABLE share_movements (
    cooperative_id uuid NOT NULL,
    member_id      uuid NOT NULL,
    position       integer NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('subscription', 'payment', 'transfer-in', 'transfer-out', 'refund')),
    on_date        date,
    shares         integer NOT NULL DEFAULT 0 CHECK (shares >= 0),
    amount         numeric(14, 2) NOT NULL CHECK (amount >= 0),
    paid           numeric(14, 2) CHECK (paid >= 0),
    in_kind        boolean NOT NULL DEFAULT false,
    counterparty   uuid,
    PRIMARY KEY (cooperative_id, member_id, position),
    FOREIGN KEY (cooperative_id, member_id) REFERENCES members (cooperative_id, id) ON DELETE CASCADE
);

CREATE TABLE officers (
    cooperative_id uuid NOT NULL REFERENCES cooperatives (id) ON DELETE CASCADE,
    body           text NOT NULL CHECK (body IN ('board', 'managers')),
    position       integer NOT NULL,
    name           text NOT NULL DEFAULT '',
    member_id      uuid,
    role           text NOT NULL DEFAULT '',
    since          date,
    until          date CHECK (until IS NULL OR since IS NULL OR until > since),
    PRIMARY KEY (cooperative_id, body, position)
);

CREATE TABLE assemblies (
    cooperative_id uuid NOT NULL REFERENCES cooperatives (id) ON DELETE CASCADE,
    position       integer NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('ordinary', 'extraordinary')),
    held_on        date NOT NULL,
    call           integer NOT NULL CHECK (call BETWEEN 1 AND 3),
    members        integer NOT NULL CHECK (members >= 0),
    present        integer NOT NULL CHECK (present >= 0 AND present <= members),
    resolutions    jsonb NOT NULL,
    PRIMARY KEY (cooperative_id, position)
);

-- The chronological register: one entry per change, numbered from 1.
CREATE TABLE journal (
    cooperative_id uuid NOT NULL REFERENCES cooperatives (id) ON DELETE CASCADE,
    seq            integer NOT NULL CHECK (seq >= 1),
    kind           text NOT NULL CHECK (kind IN ('registration', 'modification', 'removal')),
    effective      date NOT NULL,
    recorded       timestamptz NOT NULL,
    late           boolean NOT NULL DEFAULT false,
    change         jsonb NOT NULL,
    PRIMARY KEY (cooperative_id, seq)
);

-- Registration numbers restart each 1 January at each court (D 7).
CREATE TABLE registration_sequences (
    court text NOT NULL,
    year  integer NOT NULL,
    last  integer NOT NULL CHECK (last >= 0),
    PRIMARY KEY (court, year)
);

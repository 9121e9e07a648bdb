package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// The commits of a database are numbered in the order they are made: a
// write that changed cooperatives takes the next position by updating the
// one row of commit_position, which it holds until it commits, logs the
// cooperatives it changed under that position in commit_log, and notifies
// the servers that listen on the schema's channel (NOTIFY is delivered when
// the transaction commits). A server that follows the log applies the
// commits after its read model's position (Changed), woken by the
// notification or, should it be lost, by polling the position.

// channelSQL is the name of the schema's notification channel, computed by
// the database from the search path of the connection.
const channelSQL = `'taawun_' || left(md5(current_schema()), 24)`

// recordCommit takes the next position for the cooperatives a transaction
// changed, logs them and notifies the followers, and every LogPrune
// commits forgets the commits older than the store's LogRetention.
func (s *Store) recordCommit(ctx context.Context, tx pgx.Tx, ids []uuid.UUID) error {
	var pos int64
	err := tx.QueryRow(ctx, `WITH p AS (UPDATE commit_position SET position = position + 1 RETURNING position),
		l AS (INSERT INTO commit_log (position, cooperatives) SELECT position, $1 FROM p RETURNING position)
		SELECT position, pg_notify(`+channelSQL+`, position::text)::text FROM l`, ids).Scan(&pos, new(string))
	if err != nil {
		return err
	}
	if pos%LogPrune == 0 && pos > s.retention {
		through := pos - s.retention
		if _, err := tx.Exec(ctx, `DELETE FROM commit_log WHERE position <= $1`, through); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE commit_position SET forgotten = greatest(forgotten, $1)`, through); err != nil {
			return err
		}
	}
	return nil
}

// LogPrune is how often, in commits, a write forgets the old commits of
// the log.
const LogPrune = 1024

// DefaultLogRetention is the number of commits the log keeps by default.
const DefaultLogRetention = 100_000

// Position implements registry.Store.
func (s *Store) Position(ctx context.Context) (uint64, error) {
	var pos int64
	if err := s.pool.QueryRow(ctx, `SELECT position FROM commit_position`).Scan(&pos); err != nil {
		return 0, s.fail(ctx, "postgres.Position", err)
	}
	return uint64(pos), nil
}

// Changed implements registry.Store: the position, the log and the states
// of the cooperatives it names are read in one snapshot; the states come
// from the cache when it keeps their versions.
func (s *Store) Changed(ctx context.Context, after uint64, limit int) (registry.ChangeSet, error) {
	const op = "postgres.Changed"
	var set registry.ChangeSet
	err := s.readOnly(ctx, func(tx pgx.Tx) error {
		set = registry.ChangeSet{}
		var pos, forgotten int64
		if err := tx.QueryRow(ctx, `SELECT position, forgotten FROM commit_position`).Scan(&pos, &forgotten); err != nil {
			return err
		}
		set.Position = uint64(pos)
		if after > uint64(pos) || after < uint64(forgotten) {
			set.Gone = true
			return nil
		}
		if after == uint64(pos) {
			return nil
		}
		rows, err := tx.Query(ctx, `SELECT DISTINCT unnest(cooperatives) FROM commit_log WHERE position > $1 LIMIT $2`, int64(after), limit+1)
		if err != nil {
			return err
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[uuid.UUID])
		if err != nil {
			return err
		}
		if len(ids) > limit {
			set.Gone = true
			return nil
		}
		rows, err = tx.Query(ctx, `SELECT `+selectCoop+` FROM cooperatives WHERE id = ANY($1)`, ids)
		if err != nil {
			return err
		}
		cs, err := scanCoops(rows)
		if err != nil {
			return err
		}
		if err := s.complete(ctx, tx, cs); err != nil {
			return err
		}
		set.Cooperatives = cs
		return nil
	})
	if err != nil {
		return registry.ChangeSet{}, s.fail(ctx, op, err)
	}
	return set, nil
}

// Ping implements registry.Pinger.
func (s *Store) Ping(ctx context.Context) error {
	return s.fail(ctx, "postgres.Ping", s.pool.Ping(ctx))
}

// WaitCommit implements registry.Notifier: it listens on the schema's
// channel (one connection of its own per Store, opened by the first
// WaitCommit and closed when no one has waited for ListenLinger, or by
// Close) and reads the position when notified, or every PollInterval
// should a notification be lost or the listening connection down.
func (s *Store) WaitCommit(ctx context.Context, after uint64) error {
	wake := s.listen.join(s)
	defer s.listen.leave()
	for {
		ch := wake()
		pos, err := s.Position(ctx)
		if err != nil {
			return err
		}
		if pos > after {
			return nil
		}
		t := time.NewTimer(s.poll)
		select {
		case <-ch:
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
		t.Stop()
	}
}

// ListenLinger is how long a Store keeps its listening connection open
// after the last WaitCommit returned.
const ListenLinger = 10 * time.Second

// DefaultPollInterval is how often WaitCommit reads the position when no
// notification comes.
const DefaultPollInterval = time.Second

// Close stops listening for commits, if WaitCommit started to. The pool is
// the caller's and stays open.
func (s *Store) Close() { s.listen.stop() }

// listener holds the connection that listens on the schema's channel while
// someone waits for a commit, and wakes the waiters at each notification.
type listener struct {
	mu      sync.Mutex
	waiters int
	running bool
	cancel  context.CancelFunc
	done    chan struct{}
	// woken is closed, and replaced, at each notification.
	woken chan struct{}
	idle  *time.Timer
}

// join counts a waiter, starting the listening connection if it is not
// running, and returns what gives the channel the next notification
// closes.
func (l *listener) join(s *Store) func() <-chan struct{} {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.waiters++
	if l.idle != nil {
		l.idle.Stop()
		l.idle = nil
	}
	if l.woken == nil {
		l.woken = make(chan struct{})
	}
	if !l.running {
		ctx, cancel := context.WithCancel(context.Background())
		l.running, l.cancel, l.done = true, cancel, make(chan struct{})
		go l.run(ctx, s, l.done)
	}
	return func() <-chan struct{} {
		l.mu.Lock()
		defer l.mu.Unlock()
		return l.woken
	}
}

// leave counts a waiter out; the connection closes when no one has waited
// for ListenLinger.
func (l *listener) leave() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.waiters--; l.waiters == 0 && l.running {
		l.idle = time.AfterFunc(ListenLinger, func() {
			l.mu.Lock()
			defer l.mu.Unlock()
			if l.waiters == 0 && l.running {
				l.cancel()
				l.running = false
			}
		})
	}
}

// stop closes the listening connection and waits until it is closed.
func (l *listener) stop() {
	l.mu.Lock()
	done := l.done
	if l.running {
		l.cancel()
		l.running = false
	}
	if l.idle != nil {
		l.idle.Stop()
		l.idle = nil
	}
	l.mu.Unlock()
	if done != nil {
		<-done
	}
}

// wake wakes every waiter.
func (l *listener) wake() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.woken != nil {
		close(l.woken)
	}
	l.woken = make(chan struct{})
}

// run listens until ctx is done, connecting again after a failure; the
// waiters poll meanwhile.
func (l *listener) run(ctx context.Context, s *Store, done chan struct{}) {
	defer close(done)
	pause := 100 * time.Millisecond
	for ctx.Err() == nil {
		err := l.listenOnce(ctx, s)
		if ctx.Err() != nil {
			return
		}
		_ = err // the waiters poll until the connection is back
		t := time.NewTimer(pause)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return
		}
		pause = min(2*pause, 5*time.Second)
	}
}

// listenOnce opens a connection, listens on the channel and wakes the
// waiters at each notification, until the connection fails or ctx is
// done.
func (l *listener) listenOnce(ctx context.Context, s *Store) error {
	conn, err := pgx.ConnectConfig(ctx, s.pool.Config().ConnConfig.Copy())
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var channel string
	if err := conn.QueryRow(ctx, `SELECT `+channelSQL).Scan(&channel); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{channel}.Sanitize()); err != nil {
		return err
	}
	// What committed while the connection was down is read now.
	l.wake()
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return err
		}
		l.wake()
	}
}

// Snapshot implements registry.Store: it streams the cooperatives, members
// and share movements tables in one read-only snapshot, through three
// cursors ordered by cooperative that it reads in step, a batch at a time,
// and gives add each cooperative with what the read model reads (its row,
// and each member's type, gender, dates and share movements), never the
// whole registry at once.
func (s *Store) Snapshot(ctx context.Context, add func(*coop.Cooperative) error) (uint64, error) {
	const op = "postgres.Snapshot"
	var pos int64
	var addErr error
	err := s.readOnly(ctx, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `SELECT position FROM commit_position`).Scan(&pos); err != nil {
			return err
		}
		for _, q := range []string{
			`DECLARE snap_coops NO SCROLL CURSOR FOR SELECT ` + snapshotCoopColumns + ` FROM cooperatives ORDER BY id`,
			`DECLARE snap_members NO SCROLL CURSOR FOR SELECT cooperative_id, id, position, type, gender, birth_date, joined_on, left_on
				FROM members ORDER BY cooperative_id, id`,
			`DECLARE snap_moves NO SCROLL CURSOR FOR SELECT cooperative_id, member_id, kind, on_date, amount, paid
				FROM share_movements ORDER BY cooperative_id, member_id, position`,
		} {
			if _, err := tx.Exec(ctx, q); err != nil {
				return err
			}
		}
		j := &snapshotJoin{coops: &cursor[coop.Cooperative]{name: "snap_coops", scan: scanSnapshotCoop},
			members: &cursor[snapMember]{name: "snap_members", scan: scanSnapMember},
			moves:   &cursor[snapMove]{name: "snap_moves", scan: scanSnapMove}, at: map[uuid.UUID]int{}}
		for {
			c, ok, err := j.next(ctx, tx)
			if err != nil || !ok {
				return err
			}
			if err := add(&c); err != nil {
				addErr = err
				return err
			}
		}
	})
	if err != nil {
		if addErr != nil && errors.Is(err, addErr) {
			return 0, addErr
		}
		return 0, s.fail(ctx, op, err)
	}
	return uint64(pos), nil
}

// snapshotJoin reads the three cursors of Snapshot in step.
type snapshotJoin struct {
	coops   *cursor[coop.Cooperative]
	members *cursor[snapMember]
	moves   *cursor[snapMove]
	// at is the place of each member of the cooperative being read.
	at map[uuid.UUID]int
}

// next returns the next cooperative with its members, in the order of
// their positions, and their share movements; ok is false at the end.
func (j *snapshotJoin) next(ctx context.Context, tx pgx.Tx) (coop.Cooperative, bool, error) {
	c, ok, err := j.coops.next(ctx, tx)
	if err != nil || !ok {
		return c, ok, err
	}
	var ms []snapMember
	err = j.members.while(ctx, tx, func(m *snapMember) bool { return m.cooperative == c.ID }, func(m *snapMember) { ms = append(ms, *m) })
	if err != nil {
		return c, false, err
	}
	slices.SortFunc(ms, func(a, b snapMember) int { return a.position - b.position })
	c.Members = make([]coop.Member, len(ms))
	clear(j.at)
	for i := range ms {
		c.Members[i] = ms[i].member
		j.at[ms[i].member.ID] = i
	}
	err = j.moves.while(ctx, tx, func(mv *snapMove) bool { return mv.cooperative == c.ID }, func(mv *snapMove) {
		if i, found := j.at[mv.member]; found {
			m := &c.Members[i]
			m.Shares = append(m.Shares, mv.movement)
		}
	})
	return c, err == nil, err
}

// snapshotCoopColumns are the columns of a cooperative the read model
// reads.
const snapshotCoopColumns = `id, kind, name, registered_on, status, status_since, conformed_on, founded_under, member_count,
	province, sector, branch, declared, previous_seats`

func scanSnapshotCoop(row pgx.Rows) (coop.Cooperative, error) {
	var c coop.Cooperative
	var kind, status, law, province, sector, branch string
	var registered, since, conformed pgtype.Date
	var count pgtype.Int4
	var declared, seats []byte
	if err := row.Scan(&c.ID, &kind, &c.Name, &registered, &status, &since, &conformed, &law, &count, &province, &sector, &branch, &declared, &seats); err != nil {
		return c, err
	}
	c.Kind, c.Status, c.FoundedUnder = coop.Kind(kind), coop.Status(status), coop.Law(law)
	c.Province, c.Sector, c.Branch = coop.ProvinceCode(province), coop.Sector(sector), coop.Branch(branch)
	c.RegisteredOn, c.StatusSince, c.ConformedOn = fromDate(registered), fromDate(since), fromDate(conformed)
	c.MemberCount = fromInt(count)
	if declared != nil {
		if err := json.Unmarshal(declared, &c.Declared); err != nil {
			return c, err
		}
	}
	if seats != nil {
		if err := json.Unmarshal(seats, &c.PreviousSeats); err != nil {
			return c, err
		}
	}
	return c, nil
}

// snapMember is a member as Snapshot reads it.
type snapMember struct {
	cooperative uuid.UUID
	position    int
	member      coop.Member
}

func scanSnapMember(row pgx.Rows) (snapMember, error) {
	var m snapMember
	var typ, gender string
	var birth, joined, left pgtype.Date
	if err := row.Scan(&m.cooperative, &m.member.ID, &m.position, &typ, &gender, &birth, &joined, &left); err != nil {
		return m, err
	}
	m.member.Type, m.member.Gender = coop.MemberType(typ), coop.Gender(gender)
	m.member.BirthDate, m.member.JoinedOn, m.member.LeftOn = fromDate(birth), fromDate(joined), fromDate(left)
	return m, nil
}

// snapMove is a share movement as Snapshot reads it.
type snapMove struct {
	cooperative, member uuid.UUID
	movement            coop.ShareMovement
}

func scanSnapMove(row pgx.Rows) (snapMove, error) {
	var mv snapMove
	var kind string
	var on pgtype.Date
	var amount, paid pgtype.Numeric
	if err := row.Scan(&mv.cooperative, &mv.member, &kind, &on, &amount, &paid); err != nil {
		return mv, err
	}
	mv.movement.Kind, mv.movement.On = coop.MovementKind(kind), fromDate(on)
	mv.movement.Amount, mv.movement.Paid = fromNumeric(amount), fromNullNumeric(paid)
	return mv, nil
}

// snapshotBatch is the number of rows a cursor of Snapshot fetches at a
// time.
const snapshotBatch = 8192

// cursor reads a declared cursor a batch at a time.
type cursor[T any] struct {
	name  string
	scan  func(pgx.Rows) (T, error)
	batch []T
	i     int
	done  bool
}

// peek returns the current row, fetching the next batch when the last is
// read; ok is false at the end.
func (c *cursor[T]) peek(ctx context.Context, tx pgx.Tx) (*T, bool, error) {
	if c.i == len(c.batch) {
		if c.done {
			return nil, false, nil
		}
		rows, err := tx.Query(ctx, `FETCH FORWARD `+strconv.Itoa(snapshotBatch)+` FROM `+c.name)
		if err != nil {
			return nil, false, err
		}
		c.batch = c.batch[:0]
		c.i = 0
		for rows.Next() {
			v, err := c.scan(rows)
			if err != nil {
				rows.Close()
				return nil, false, err
			}
			c.batch = append(c.batch, v)
		}
		if err := rows.Err(); err != nil {
			return nil, false, err
		}
		if len(c.batch) < snapshotBatch {
			c.done = true
		}
		if len(c.batch) == 0 {
			return nil, false, nil
		}
	}
	return &c.batch[c.i], true, nil
}

// while gives take each row from the current one on while match holds,
// moving past it.
func (c *cursor[T]) while(ctx context.Context, tx pgx.Tx, match func(*T) bool, take func(*T)) error {
	for {
		v, ok, err := c.peek(ctx, tx)
		if err != nil || !ok || !match(v) {
			return err
		}
		take(v)
		c.i++
	}
}

// next returns the current row and moves past it.
func (c *cursor[T]) next(ctx context.Context, tx pgx.Tx) (T, bool, error) {
	var zero T
	v, ok, err := c.peek(ctx, tx)
	if err != nil || !ok {
		return zero, ok, err
	}
	c.i++
	return *v, true, nil
}

// Exclusive runs fn while holding a session advisory lock named by name
// in the database's current schema, so that servers started together run
// it one after the other: the first loads an empty registry, the others
// find it loaded. The lock is held on a connection of its own and released
// when fn returns, or by the database should the process die.
func (s *Store) Exclusive(ctx context.Context, name string, fn func(context.Context) error) error {
	const op = "postgres.Exclusive"
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return s.fail(ctx, op, err)
	}
	defer conn.Release()
	const key = `hashtextextended(current_schema() || '/' || $1, 0)`
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(`+key+`)`, name); err != nil {
		return s.fail(ctx, op, err)
	}
	defer func() {
		if _, err := conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(`+key+`)`, name); err != nil {
			// A connection whose unlock failed holds the lock: close it.
			_ = conn.Conn().Close(context.WithoutCancel(ctx))
		}
	}()
	return fn(ctx)
}

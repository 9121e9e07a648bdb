#!/bin/bash
# measure-imports.sh: the peak resident memory of the server while four
# register imports of about 60 MB each run at once on PostgreSQL.
#
#	bash examples/server/measure-imports.sh [MAX_IMPORTS] [DSN_BASE]
#
# It exports the synthetic national registry as CSV (125 MB), cuts it in two
# halves and makes two more with other registration numbers and names (four
# files of 62 to 65 MB, 30,460 to 30,479 cooperatives each), starts the demo
# server on an empty database with -max-imports MAX_IMPORTS (default 4: all
# four admitted; 2 is the server's default, which answers the two beyond 503
# busy), posts the four files at once and prints each reply, then the peak
# (VmHWM) and current (VmRSS) resident memory of the server. Needs psql,
# curl and python3; DSN_BASE defaults to postgres://postgres@127.0.0.1:5432.
set -euo pipefail
max=${1:-4}
base=${2:-postgres://postgres@127.0.0.1:5432}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
go build -o "$work/server" ./examples/server
go run ./examples/register -export "$work/national.csv" -delegation "" >/dev/null
python3 - "$work" <<'PY'
import csv, io, sys
work = sys.argv[1]
rows = open(work + '/national.csv', encoding='utf-8').read().split('\n')
header, body = rows[0], [r for r in rows[1:] if r]
number = lambda r: next(csv.reader([r]))[0]
half = len(body) // 2
while number(body[half]) == number(body[half - 1]):
    half += 1
parts = {'a': body[:half], 'b': body[half:]}
for tag, src in (('c', parts['a']), ('d', parts['b'])):
    out = []
    for r in src:
        rec = next(csv.reader([r]))
        rec[0] = '9' + rec[0]
        rec[2] += ' (' + tag.upper() + ')'
        if rec[3]:
            rec[3] += ' (' + tag.upper() + ')'
        s = io.StringIO()
        csv.writer(s, lineterminator='').writerow(rec)
        out.append(s.getvalue())
    parts[tag] = out
for tag, lines in parts.items():
    with open(work + '/' + tag + '.csv', 'w', encoding='utf-8') as f:
        f.write(header + '\n' + '\n'.join(lines) + '\n')
PY
db=taawun_imports
psql -q "$base/postgres?sslmode=disable" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
token=measure-$(od -An -tx8 -N8 /dev/urandom | tr -d ' ')
echo "[{\"token\":\"$token\",\"subject\":\"ministry\",\"national\":true}]" > "$work/tokens.json"
chmod 600 "$work/tokens.json"
"$work/server" -addr 127.0.0.1:18080 -dsn "$base/$db?sslmode=disable" -tokens "$work/tokens.json" -max-imports "$max" 2>"$work/server.log" &
pid=$!
until curl -sf http://127.0.0.1:18080/readyz >/dev/null; do sleep 0.2; done
echo "at rest: $(grep VmRSS /proc/$pid/status | tr -s ' \t' ' ')"
for f in a b c d; do echo "$f.csv: $(stat -c %s "$work/$f.csv") bytes"; done
pids=()
for f in a b c d; do
	curl -s -o "$work/out-$f.json" -w "$f: %{http_code} in %{time_total}s\n" -H "Authorization: Bearer $token" \
		-H "Content-Type: text/csv" --data-binary "@$work/$f.csv" http://127.0.0.1:18080/v1/register &
	pids+=($!)
done
wait "${pids[@]}"
for f in a b c d; do echo "$f: $(head -c 160 "$work/out-$f.json")"; done
echo "after: $(grep -E 'VmHWM|VmRSS' /proc/$pid/status | tr -s ' \t' ' ' | tr '\n' ' ')"
kill "$pid"
wait "$pid" 2>/dev/null || true
psql -q "$base/postgres?sslmode=disable" -c "DROP DATABASE IF EXISTS $db"

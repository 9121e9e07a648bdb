#!/usr/bin/env bash
# measure-stream.sh starts the server on the synthetic national registry,
# reads its resident memory at rest, streams one NDJSON screening of the
# whole registry against every programme (609,390 decisions), and reads
# the resident memory after it and at its peak (VmHWM), and how long the
# stream took. csv streams the spreadsheet instead (text/csv: a record a
# decision, without reasons). An outcome (eligible, or several
# comma-separated) streams only the decisions with it (?outcome=).
#
# Usage: examples/server/measure-stream.sh [full|summary|csv] [outcome]   (from the repository root)
set -uo pipefail
view=${1:-full}
outcome=${2:-}
bin=$(mktemp -d)/taawun-server
go build -o "$bin" ./examples/server
port=18181
q="?view=$view"; accept=application/x-ndjson
if [ "$view" = csv ]; then q="?view=full"; accept=text/csv; fi
[ -z "$outcome" ] || q="$q&outcome=$outcome"
log=$(mktemp)
"$bin" -national -addr 127.0.0.1:$port -debug 127.0.0.1:16161 2>"$log" &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$port/readyz)" = 200 ]; do sleep 0.2; done
sleep 2
# The server writes the tokens it made to a file of its own, which it logs.
tokens=$(grep -o '"tokens_file":"[^"]*"' "$log" | cut -d'"' -f4)
token=$(grep -o '"token":"[0-9a-f]*","subject":"national"' "$tokens" | cut -d'"' -f4)
rest=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
bytes=$(curl -s -X POST -H "Authorization: Bearer $token" -H "Accept: $accept" -H 'Content-Type: application/json' \
  -d '{"as_of":"2024-06-30"}' -o /dev/null -w "%{size_download} %{time_total}" "http://127.0.0.1:$port/v1/screenings$q" )
sleep 1
after=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
echo "view=$view outcome=${outcome:-all} bytes=${bytes% *} seconds=${bytes#* } rest_kB=$rest after_kB=$after peak_kB=$hwm ratio=$(awk -v a=$after -v b=$rest 'BEGIN{printf "%.2f", a/b}')"
kill $pid; wait $pid 2>/dev/null

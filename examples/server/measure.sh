#!/usr/bin/env bash
# measure.sh starts the server on the synthetic national registry and
# measures it with curl against loopback, printing the median of 10 runs
# of each figure:
#
#   - the time from process start to /readyz answering 200;
#   - GET /v1/stats/national and GET /v1/stats?by=region,sector, each for
#     a date not asked before, against the library's time for the same
#     report in the same process (the Server-Timing compute figure), and
#     the same request repeated with If-None-Match (304);
#   - POST /v1/screenings for every programme (the JSON summary) against
#     the library's screening time (Server-Timing), and the time to the
#     first byte of the NDJSON stream;
#   - the resident memory against the live heap, after all of it.
#
# Usage: examples/server/measure.sh [runs]   (from the repository root)
set -euo pipefail
runs=${1:-10}
port=18080
debug=16060
bin=$(mktemp -d)/taawun-server
log=$(mktemp)
go build -o "$bin" ./examples/server

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
ms() { awk '{printf "%.2f\n", $1*1000}'; }

ready=()
for i in $(seq "$runs"); do
	start=$(date +%s%N)
	"$bin" -national -addr 127.0.0.1:$port -debug 127.0.0.1:$debug 2>"$log" &
	pid=$!
	until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$port/readyz)" = 200 ]; do sleep 0.05; done
	ready+=("$(( ($(date +%s%N) - start) / 1000000 ))")
	if [ "$i" -lt "$runs" ]; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
done
trap 'kill $pid 2>/dev/null || true' EXIT
echo "ready (ms from process start): median $(printf '%s\n' "${ready[@]}" | median)  runs: ${ready[*]}"

# The server writes the tokens it made to a file of its own, which it logs.
tokens=$(grep -o '"tokens_file":"[^"]*"' "$log" | cut -d'"' -f4)
token=$(grep -o '"token":"[0-9a-f]*","subject":"national"' "$tokens" | cut -d'"' -f4)
base=http://127.0.0.1:$port

# get URL prints the total time in ms and the compute time of Server-Timing.
get() {
	curl -s -o /dev/null -D - -w 'total %{time_total}\n' "$@" |
		awk '/^[Ss]erver-[Tt]iming:/ {match($0, /compute;dur=[0-9.]+/); c=substr($0, RSTART+12, RLENGTH-12)}
		     /^total/ {printf "%.2f %s\n", $2*1000, c}'
}

for path in "/v1/stats/national" "/v1/stats?by=region,sector"; do
	sep='?'; [[ $path == *\?* ]] && sep='&'
	rows=$(for i in $(seq "$runs"); do get "$base$path${sep}as_of=2024-11-$(printf %02d "$i")"; done)
	total=$(echo "$rows" | awk '{print $1}' | median)
	lib=$(echo "$rows" | awk '{print $2}' | median)
	etag=$(curl -s -o /dev/null -D - "$base$path" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r')
	cached=$(for i in $(seq "$runs"); do curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "If-None-Match: $etag" "$base$path"; done)
	code=$(echo "$cached" | awk '{print $1}' | sort -u | tr '\n' ' ')
	nm=$(echo "$cached" | awk '{print $2}' | ms | median)
	echo "GET $path: HTTP ${total} ms, library ${lib} ms, ratio $(awk -v a="$total" -v b="$lib" 'BEGIN {printf "%.2f", a/b}'); repeated: ${code}in ${nm} ms"
done

body='{"as_of":"2024-12-31"}'
rows=$(for i in $(seq "$runs"); do get -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body" "$base/v1/screenings"; done)
total=$(echo "$rows" | awk '{print $1}' | median)
lib=$(echo "$rows" | awk '{print $2}' | median)
echo "POST /v1/screenings (all programmes): HTTP ${total} ms, library ${lib} ms, ratio $(awk -v a="$total" -v b="$lib" 'BEGIN {printf "%.2f", a/b}')"
stream=$(for i in $(seq "$runs"); do curl -s -o /dev/null -w '%{time_starttransfer} %{time_total} %{size_download}\n' -X POST \
	-H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H 'Accept: application/x-ndjson' -d "$body" "$base/v1/screenings"; done)
echo "POST /v1/screenings as NDJSON: first byte $(echo "$stream" | awk '{print $1}' | ms | median) ms, whole stream $(echo "$stream" | awk '{print $2}' | ms | median) ms, $(echo "$stream" | awk 'NR==1 {printf "%.0f", $3/1e6}') MB"

mem=$(curl -s http://127.0.0.1:$debug/debug/vars)
live=$(echo "$mem" | grep -o '"heap_live_bytes": *[0-9]*' | grep -o '[0-9]*$')
rss=$(awk '/VmRSS/ {print $2 * 1024}' /proc/$pid/status)
echo "memory: resident $(awk -v r="$rss" 'BEGIN {printf "%.1f", r/1e6}') MB, live heap $(awk -v l="$live" 'BEGIN {printf "%.1f", l/1e6}') MB, ratio $(awk -v r="$rss" -v l="$live" 'BEGIN {printf "%.2f", r/l}')"

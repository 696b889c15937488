#!/usr/bin/env bash
# Backup benchmark: Coffer against the runbook it replaces, on one reference database.
#
#   bench/backup_bench.sh [--size-mb N] [--build DIR] [--work DIR] [--runs N] [--seed S] [--warm]
#                         [--phases] [--no-wait-idle] [--keep]
#
# The Markdown report goes to stdout, progress to stderr:
#   bench/backup_bench.sh --size-mb 1024 > report.md
# See bench/README.md and docs/performance.md.
set -euo pipefail

size_mb=1024
build_dir=./build
work_dir=
runs=3
seed=1
keep=0
phases=0
warm=0
wait_idle=1

usage() {
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'
Options:
  --size-mb N   size of the reference database in MiB (default 1024)
  --build DIR   build folder holding app/cli/coffer-cli and bench/coffer-gen-refdb (default ./build)
  --work DIR    scratch folder, new or empty (default: a fresh folder under $TMPDIR or /tmp)
  --runs N      runs per method; the median is reported (default 3)
  --seed S      seed of the reference database (default 1)
  --warm        do not try to drop the page cache before each run (it needs root)
  --phases      also time Coffer with --no-read-back and --compression none, to see where its time goes
  --no-wait-idle  start each run at once instead of waiting (up to 5 min) for the CPUs to be idle
  --keep        keep the scratch folder
EOF
}

bench_name=backup_bench
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

while [[ $# -gt 0 ]]; do
    common_option "$@"
    if ((taken)); then shift "$taken"; continue; fi
    case "$1" in
    --size-mb) size_mb=${2:?--size-mb needs a value}; shift 2 ;;
    --seed) seed=${2:?--seed needs a value}; shift 2 ;;
    --phases) phases=1; shift ;;
    *) usage >&2; die "unknown argument: $1" ;;
    esac
done
check_common_options

# ---- Tools ----------------------------------------------------------------------------------

require_tools "sqlite3 zstd gzip" sqlite3 zstd gzip awk sort stat df nproc
require_built coffer-cli coffer-gen-refdb
cli=$build_dir/app/cli/coffer-cli
gen=$build_dir/bench/coffer-gen-refdb

# ---- Scratch folder -------------------------------------------------------------------------

fresh_work_dir coffer-bench backup_bench

# The reference database, a snapshot for the floor, and at most two outputs at a time.
require_free_kb $((size_mb * 1024 * 4))

# Keep any user workspace out of the measurement: Coffer's built-in defaults (zstd level 3) apply.
export COFFER_WORKSPACE=$work_dir/no-workspace.yaml
export LC_ALL=C

log() { echo "backup_bench: $*" >&2; }

# ---- Cache state ----------------------------------------------------------------------------

# choose_cache_state, cpu_busy, prepare_run

choose_cache_state "the reference database and the snapshot"

# ---- Reference database ---------------------------------------------------------------------

db=$work_dir/ref.db
log "generating a ${size_mb} MiB reference database (seed $seed) in $work_dir"
gen_start=$(date +%s.%N)
gen_output=$("$gen" --out "$db" --size-mb "$size_mb" --seed "$seed")
gen_end=$(date +%s.%N)
log "$gen_output"
gen_seconds=$(awk -v a="$gen_start" -v b="$gen_end" 'BEGIN { printf "%.1f", b - a }')
db_bytes=$(stat -c %s "$db")

floor_snapshot=$work_dir/floor-snapshot.db
sqlite3 "$db" ".backup '$floor_snapshot'"

# ---- Measurement ----------------------------------------------------------------------------

# results/<key>: one line per run: wall seconds, peak RSS KiB, output bytes, CPU seconds (user + sys).
mkdir -p "$work_dir/results" "$work_dir/out"
out=$work_dir/out

# timed KEY SIZE-FILE -- COMMAND...: runs COMMAND under GNU time, records wall time, peak RSS, CPU
# time and the size of SIZE-FILE (or, for Coffer, the size its JSON reports). %M is the largest
# peak RSS of the command and everything it waited for: for a pipeline, the max over its processes.
# %U + %S add up all of them.
timed() {
    local key=$1 size_from=$2
    shift 3
    prepare_run
    local timing=$work_dir/time.txt stdout=$work_dir/stdout.txt stderr=$work_dir/stderr.txt
    if ! /usr/bin/time -f '%e %M %U %S' -o "$timing" "$@" >"$stdout" 2>"$stderr"; then
        echo "backup_bench: '$key' failed:" >&2
        cat "$stderr" "$stdout" >&2
        exit 1
    fi
    local seconds rss user sys bytes
    read -r seconds rss user sys < <(tail -n 1 "$timing")
    if [[ $size_from == json ]]; then
        bytes=$(grep -o '"artifact_size": *[0-9]*' "$stdout" | grep -o '[0-9]*$')
        grep -q '"compression": *"'"$expect_codec"'"' "$stdout" || {
            echo "backup_bench: '$key' did not use $expect_codec:" >&2
            cat "$stdout" >&2
            exit 1
        }
        grep -o '"duration_ms": *[0-9]*' "$stdout" | grep -o '[0-9]*$' >>"$work_dir/results/$key.duration"
    else
        bytes=$(stat -c %s "$size_from")
    fi
    local cpu
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    echo "$seconds $rss $bytes $cpu" >>"$work_dir/results/$key"
    log "  $key: ${seconds} s, ${cpu} CPU s, $((rss / 1024)) MiB peak RSS, $((bytes / 1048576)) MiB out ($(cut -d' ' -f1 /proc/loadavg) load)"
}

coffer_run() {
    local key=$1
    shift
    rm -rf "$out/repo"
    "$cli" init "$out/repo" >/dev/null
    timed "$key" json -- "$cli" backup --repo "$out/repo" --path "$db" --json "$@"
    rm -rf "$out/repo"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
expect_codec=zstd
for ((run = 1; run <= runs; run++)); do
    log "round $run of $runs"
    # Methods are interleaved, round by round, so drift in the machine touches them all alike.
    coffer_run coffer

    timed runbook "$out/out.gz" -- bash -c 'sqlite3 "$1" ".backup \"$2/tmp.db\"" && gzip -6 -c "$2/tmp.db" > "$2/out.gz"' \
        _ "$db" "$out"
    rm -f "$out/tmp.db" "$out/out.gz"

    timed snapzstd "$out/out.zst" -- bash -c 'sqlite3 "$1" ".backup \"$2/snap.db\"" && zstd -3 -T0 -q -c "$2/snap.db" > "$2/out.zst"' \
        _ "$db" "$out"
    rm -f "$out/snap.db" "$out/out.zst"

    timed zstdonly "$out/out.zst" -- bash -c 'zstd -3 -T0 -q -c "$1" > "$2/out.zst"' _ "$floor_snapshot" "$out"
    rm -f "$out/out.zst"

    if [[ $phases -eq 1 ]]; then
        coffer_run coffer-noreadback --no-read-back
        expect_codec=none
        coffer_run coffer-none --compression none
        coffer_run coffer-none-noreadback --compression none --no-read-back
        expect_codec=zstd
    fi
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
idle_note=$(idle_note)

# ---- Report ---------------------------------------------------------------------------------

# median KEY COLUMN: the median of one column over the runs (the lower middle for even counts).
median() {
    awk -v c="$2" '{ print $c }' "$work_dir/results/$1" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
all_times() {
    awk '{ printf "%s%s", sep, $1; sep = ", " }' "$work_dir/results/$1"
}
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
kib_to_mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { ok = (op == ">=") ? v >= t : v <= t; print ok ? "**met**" : "**missed**" }'; }

row() {
    local key=$1 label=$2
    printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$(median "$key" 1)" "$(median "$key" 4)" \
        "$(mib "$(median "$key" 3)")" "$(kib_to_mib "$(median "$key" 2)")" "$(all_times "$key")"
}

commit=$(source_commit)
cli_built=$(date -r "$cli" '+%Y-%m-%d %H:%M:%S')
cpu=$(lscpu 2>/dev/null | awk -F: '/Model name/ { gsub(/^[ \t]+/, "", $2); print $2; exit }')
sqlite_version=$(sqlite3 --version | awk '{ print $1 }')
zstd_version=$(zstd --version | grep -o 'v[0-9.]*' | head -n 1)
gzip_version=$(gzip --version | awk 'NR == 1 { print $2 }')
mem_gib=$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)

t_coffer=$(median coffer 1)
t_runbook=$(median runbook 1)
t_snapzstd=$(median snapzstd 1)
t_zstdonly=$(median zstdonly 1)
s_coffer=$(median coffer 3)
s_runbook=$(median runbook 3)
speedup=$(ratio "$t_runbook" "$t_coffer")
size_ratio=$(ratio "$s_coffer" "$s_runbook")
vs_hand=$(ratio "$t_coffer" "$t_snapzstd")
vs_floor=$(ratio "$t_coffer" "$t_zstdonly")
cpu_speedup=$(ratio "$(median runbook 4)" "$(median coffer 4)")

cat <<EOF
## Backup benchmark: $(mib "$db_bytes") MiB reference database

Reference database: \`coffer-gen-refdb --size-mb $size_mb --seed $seed\`, $db_bytes bytes, generated in $gen_seconds s.
Coffer: source at commit $commit; \`coffer-cli\` built $cli_built (\`$(basename "$build_dir")\`, $(grep -s '^CMAKE_BUILD_TYPE:' "$build_dir/CMakeCache.txt" | cut -d= -f2)).
Machine: $(nproc) CPUs ($cpu), $mem_gib GiB RAM; sqlite3 $sqlite_version, zstd $zstd_version, gzip $gzip_version.
Runs per method: $runs (median reported; methods interleaved round by round). Page cache: $cache_note.
Load average (1, 5, 15 min) before the runs: $load_before; after: $load_after. $idle_note

| Method | Median time (s) | CPU (s) | Output (MiB) | Peak RSS (MiB) | Runs (s) |
|---|---:|---:|---:|---:|---|
$(row coffer "a) Coffer: \`coffer-cli backup\` (zstd 3, hash, fsync, publish, read-back)")
$(row runbook "b) Runbook: \`sqlite3 .backup\` + \`gzip -6\`")
$(row snapzstd "c) \`sqlite3 .backup\` + \`zstd -3 -T0\` by hand")
$(row zstdonly "d) \`zstd -3 -T0\` of a ready snapshot (floor)")
EOF
if [[ $phases -eq 1 ]]; then
    cat <<EOF
$(row coffer-noreadback "Coffer \`--no-read-back\`")
$(row coffer-none "Coffer \`--compression none\`")
$(row coffer-none-noreadback "Coffer \`--compression none --no-read-back\`")
EOF
fi
cat <<EOF

Coffer's own \`duration_ms\` (median): $(median coffer.duration 1) ms.

| Target | Value | Target | Result |
|---|---:|---:|---|
| Runbook time / Coffer time | ${speedup}x | >= 5x | $(verdict "$speedup" ">=" 5) |
| Coffer output / runbook gzip output | $size_ratio | <= 1.00 | $(verdict "$size_ratio" "<=" 1) |
| Coffer time / (snapshot + zstd by hand) | $vs_hand | <= 1.3 | $(verdict "$vs_hand" "<=" 1.3) |
| Coffer time / zstd alone (informational) | $vs_floor | — | — |
| Runbook CPU / Coffer CPU (informational; less sensitive to other load) | ${cpu_speedup}x | — | — |
EOF

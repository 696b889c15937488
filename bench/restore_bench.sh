#!/usr/bin/env bash
# Restore benchmark: coffer-cli restore against the runbook it replaces, on one reference database.
#
#   bench/restore_bench.sh [--size-mb N] [--build DIR] [--work DIR] [--runs N] [--seed S] [--warm]
#                          [--no-wait-idle] [--keep]
#
# The Markdown report goes to stdout, progress to stderr:
#   bench/restore_bench.sh --size-mb 1024 > report.md
# See bench/README.md and docs/performance.md.
set -euo pipefail

size_mb=1024
build_dir=./build
work_dir=
runs=3
seed=1
keep=0
warm=0
wait_idle=1

usage() {
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'
Options:
  --size-mb N   size of the reference database in MiB (default 1024)
  --build DIR   build folder holding app/cli/coffer-cli and bench/coffer-gen-refdb (default ./build)
  --work DIR    scratch folder: new, empty, or one an earlier run kept with --keep (its reference
                database and runbook backup are then reused when --size-mb and --seed match)
                (default: a fresh folder under $TMPDIR or /tmp)
  --runs N      runs per method; the median is reported (default 3)
  --seed S      seed of the reference database (default 1)
  --warm        do not try to drop the page cache before each run (it needs root)
  --no-wait-idle  start each run at once instead of waiting (up to 5 min) for the CPUs to be idle
  --keep        keep the scratch folder (to reuse it with --work next time)
EOF
}

bench_name=restore_bench
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

while [[ $# -gt 0 ]]; do
    common_option "$@"
    if ((taken)); then shift "$taken"; continue; fi
    case "$1" in
    --size-mb) size_mb=${2:?--size-mb needs a value}; shift 2 ;;
    --seed) seed=${2:?--seed needs a value}; shift 2 ;;
    *) usage >&2; die "unknown argument: $1" ;;
    esac
done
check_common_options

# ---- Tools ----------------------------------------------------------------------------------

require_tools "sqlite3 zstd gzip" sqlite3 zstd gzip gunzip awk sort stat df nproc
require_built coffer-cli coffer-gen-refdb
cli=$build_dir/app/cli/coffer-cli
gen=$build_dir/bench/coffer-gen-refdb

# ---- Scratch folder -------------------------------------------------------------------------

# A folder kept by an earlier run carries this marker; its inputs are reused when they match.
marker_name=restore-bench.inputs
inputs="size_mb=$size_mb seed=$seed"
reuse=0
if [[ -z $work_dir ]]; then
    work_dir=$(mktemp -d "${TMPDIR:-/tmp}/coffer-rbench.XXXXXX")
else
    mkdir -p "$work_dir"
    if [[ -f $work_dir/$marker_name ]]; then
        [[ $(cat "$work_dir/$marker_name") == "$inputs" ]] ||
            die "--work folder '$work_dir' was kept by a run with $(cat "$work_dir/$marker_name"); give a new or empty folder for $inputs"
        reuse=1
    elif [[ -n $(ls -A "$work_dir") ]]; then
        die "--work folder '$work_dir' is neither empty nor kept by an earlier restore_bench run; it is deleted afterwards, so give a new or empty one"
    fi
fi
work_dir=$(cd "$work_dir" && pwd)
cleanup() {
    if [[ $keep -eq 1 ]]; then
        # Keep only what a later run can reuse.
        rm -rf -- "$work_dir/repo" "$work_dir/target" "$work_dir/results" "$work_dir"/*.txt "$work_dir/no-workspace.yaml"
        echo "restore_bench: kept $work_dir (reuse it with --work $work_dir)" >&2
    else
        rm -rf -- "$work_dir"
    fi
}
trap cleanup EXIT

# At the peak of a Coffer run: the reference database, the runbook's .gz, the repository's
# backup, the target, the decoded copy beside it, and the safety backup's snapshot and artifact.
require_free_kb $((size_mb * 1024 * 6))

# Keep any user workspace out of the measurement: Coffer's built-in defaults apply.
export COFFER_WORKSPACE=$work_dir/no-workspace.yaml
export LC_ALL=C

log() { echo "restore_bench: $*" >&2; }

# ---- Cache state ----------------------------------------------------------------------------

# choose_cache_state, cpu_busy, prepare_run

choose_cache_state "the backups and the target"

seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# ---- Inputs ---------------------------------------------------------------------------------

db=$work_dir/ref.db
gz=$work_dir/runbook.sqlite.gz
if [[ $reuse -eq 1 && -f $db && -f $gz ]]; then
    log "reusing the reference database and the runbook backup in $work_dir"
    gen_note="reused from an earlier run (--work)"
else
    rm -f "$db" "$gz"
    log "generating a ${size_mb} MiB reference database (seed $seed) in $work_dir"
    start=$(date +%s.%N)
    log "$("$gen" --out "$db" --size-mb "$size_mb" --seed "$seed")"
    gen_note="generated in $(seconds_since "$start") s"
    # The runbook's own backup: a snapshot through sqlite3, then gzip -6.
    log "making the runbook's backup (sqlite3 .backup + gzip -6)"
    sqlite3 "$db" ".backup '$work_dir/snap.db'"
    gzip -6 -c "$work_dir/snap.db" > "$gz.part"
    mv "$gz.part" "$gz"
    rm -f "$work_dir/snap.db"
fi
echo "$inputs" > "$work_dir/$marker_name"
db_bytes=$(stat -c %s "$db")
gz_bytes=$(stat -c %s "$gz")

repo=$work_dir/repo
rm -rf "$repo"
"$cli" init "$repo" >/dev/null
log "backing up the reference database with coffer-cli (zstd, the default)"
backup_json=$("$cli" backup --repo "$repo" --path "$db" --name app --json)
json_field() { grep -o "\"$1\": *\"[^\"]*\"" | head -n 1 | sed 's/.*: *"\(.*\)"$/\1/'; }
backup_id=$(json_field id <<<"$backup_json")
artifact=$(json_field artifact <<<"$backup_json")
[[ -n $backup_id && -f $artifact ]] || die "the Coffer backup did not report an id and artifact:
$backup_json"
artifact_bytes=$(stat -c %s "$artifact")

# The database a restore replaces: the same content, in its own folder.
target_dir=$work_dir/target
target=$target_dir/app.db
rm -rf "$target_dir"
mkdir -p "$target_dir"
cp "$db" "$target"

# ---- Measurement ----------------------------------------------------------------------------

# results/<key>: one line per run: wall seconds, peak RSS KiB, CPU seconds (user + sys).
# results/<key>.phases: one line per Coffer run: preflight, safety backup, install, verify (ms).
results=$work_dir/results
rm -rf "$results"
mkdir -p "$results"

# timed KEY -- COMMAND...: runs COMMAND under GNU time and records wall time, peak RSS (the
# largest among the processes of a pipeline) and CPU time (all of them). Stdout goes to
# $work_dir/stdout.txt for the caller to check.
timed() {
    local key=$1
    shift 2
    prepare_run
    local timing=$work_dir/time.txt stderr=$work_dir/stderr.txt
    if ! /usr/bin/time -f '%e %M %U %S' -o "$timing" "$@" >"$work_dir/stdout.txt" 2>"$stderr"; then
        echo "restore_bench: '$key' failed:" >&2
        cat "$stderr" "$work_dir/stdout.txt" >&2
        exit 1
    fi
    local seconds rss user sys cpu
    read -r seconds rss user sys < <(tail -n 1 "$timing")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    echo "$seconds $rss $cpu" >>"$results/$key"
    log "  $key: ${seconds} s, ${cpu} CPU s, $((rss / 1024)) MiB peak RSS ($(cut -d' ' -f1 /proc/loadavg) load)"
}

# The target must hold a whole database of the expected size after every method.
check_target() {
    [[ -f $target && ! -e $target.tmp ]] || die "$1 left no database at $target"
    [[ $(stat -c %s "$target") -eq $db_bytes ]] || die "$1 left a database of $(stat -c %s "$target") bytes, not $db_bytes"
}

# ms_of PHASE: that phase's milliseconds from the restore's JSON, or - when it did not run.
ms_of() {
    local ms
    ms=$(grep -o "\"$1\": *[0-9]*" "$work_dir/stdout.txt" | head -n 1 | grep -o '[0-9]*$' || true)
    echo "${ms:--}"
}

coffer_run() {
    local key=$1
    shift
    timed "$key" -- "$cli" restore --repo "$repo" "$backup_id" --target "$target" --yes --json "$@"
    if ! grep -q '"rolled_back": *false' "$work_dir/stdout.txt" || ! grep -q '"installed": *true' "$work_dir/stdout.txt"; then
        cat "$work_dir/stdout.txt" >&2
        die "'$key' did not report an installed, not rolled back restore"
    fi
    check_target "$key"
    echo "$(ms_of preflight) $(ms_of 'safety backup') $(ms_of install) $(ms_of verify)" >>"$results/$key.phases"
    # Drop the safety backup again (untimed), so every run starts from the same repository.
    local safety
    safety=$(json_field safety_backup_id <"$work_dir/stdout.txt" || true)
    if [[ -n $safety ]]; then
        find "$repo/backups" -name "*-${safety:0:8}.*" -delete
        "$cli" repo reindex --repo "$repo" >/dev/null
    fi
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((run = 1; run <= runs; run++)); do
    log "round $run of $runs"
    # Methods are interleaved, round by round, so drift in the machine touches them all alike.
    timed runbook -- bash -c 'gunzip -c "$1" > "$2.tmp" && mv "$2.tmp" "$2"' _ "$gz" "$target"
    check_target runbook

    timed runbook-check -- bash -c 'gunzip -c "$1" > "$2.tmp" && mv "$2.tmp" "$2" && sqlite3 "$2" "PRAGMA integrity_check"' \
        _ "$gz" "$target"
    [[ $(cat "$work_dir/stdout.txt") == ok ]] || die "integrity_check after the runbook restore said: $(cat "$work_dir/stdout.txt")"
    check_target runbook-check

    coffer_run coffer
    coffer_run coffer-nosafety --no-safety-backup

    timed zstdmv -- bash -c 'zstd -d -q -c "$1" > "$2.tmp" && mv "$2.tmp" "$2"' _ "$artifact" "$target"
    check_target zstdmv
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
idle_note=$(idle_note)

# ---- Report ---------------------------------------------------------------------------------

# median FILE COLUMN: the median of one column over the runs (the lower middle for even counts).
median() {
    awk -v c="$2" '{ print $c }' "$results/$1" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
all_times() {
    awk '{ printf "%s%s", sep, $1; sep = ", " }' "$results/$1"
}
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
kib_to_mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

row() {
    local key=$1 label=$2
    printf '| %s | %s | %s | %s | %s |\n' "$label" "$(median "$key" 1)" "$(median "$key" 3)" \
        "$(kib_to_mib "$(median "$key" 2)")" "$(all_times "$key")"
}
phase_row() {
    local key=$1 label=$2
    printf '| %s | %s | %s | %s | %s |\n' "$label" "$(median "$key.phases" 1)" "$(median "$key.phases" 2)" \
        "$(median "$key.phases" 3)" "$(median "$key.phases" 4)"
}

commit=$(source_commit)
cli_built=$(date -r "$cli" '+%Y-%m-%d %H:%M:%S')
cpu=$(lscpu 2>/dev/null | awk -F: '/Model name/ { gsub(/^[ \t]+/, "", $2); print $2; exit }')
sqlite_version=$(sqlite3 --version | awk '{ print $1 }')
zstd_version=$(zstd --version | grep -o 'v[0-9.]*' | head -n 1)
gzip_version=$(gzip --version | awk 'NR == 1 { print $2 }')
mem_gib=$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)

t_runbook=$(median runbook 1)
t_check=$(median runbook-check 1)
t_coffer=$(median coffer 1)
t_nosafety=$(median coffer-nosafety 1)
t_zstdmv=$(median zstdmv 1)

cat <<EOF
## Restore benchmark: $(mib "$db_bytes") MiB reference database

Reference database: \`coffer-gen-refdb --size-mb $size_mb --seed $seed\`, $db_bytes bytes, $gen_note.
Backups: Coffer's (zstd level 3, the default) $(mib "$artifact_bytes") MiB; the runbook's (\`sqlite3 .backup\` + \`gzip -6\`) $(mib "$gz_bytes") MiB.
Target: a copy of the reference database, replaced by every run (no other process has it open).
Coffer: source at commit $commit; \`coffer-cli\` built $cli_built (\`$(basename "$build_dir")\`, $(grep -s '^CMAKE_BUILD_TYPE:' "$build_dir/CMakeCache.txt" | cut -d= -f2)).
Machine: $(nproc) CPUs ($cpu), $mem_gib GiB RAM; sqlite3 $sqlite_version, zstd $zstd_version, gzip $gzip_version.
Runs per method: $runs (median reported; methods interleaved round by round). Page cache: $cache_note.
Load average (1, 5, 15 min) before the runs: $load_before; after: $load_after. $idle_note

| Method | Median time (s) | CPU (s) | Peak RSS (MiB) | Runs (s) |
|---|---:|---:|---:|---|
$(row runbook "a) Runbook: \`gunzip -c backup.gz > tmp && mv tmp db\`")
$(row runbook-check "a') Runbook + \`sqlite3 db 'PRAGMA integrity_check'\`")
$(row coffer "b) \`coffer-cli restore ID --yes\` (full verification, safety backup, swap, check)")
$(row coffer-nosafety "c) \`coffer-cli restore ID --yes --no-safety-backup\`")
$(row zstdmv "d) \`zstd -d\` of Coffer's artifact + \`mv\` (decoding floor)")

Coffer's own phase timings (\`outcome.timings_ms\`, median of each phase, ms):

| Method | preflight (incl. decode + full verification) | safety backup | install | verify |
|---|---:|---:|---:|---:|
$(phase_row coffer "b) default")
$(phase_row coffer-nosafety "c) \`--no-safety-backup\`")

| Ratio | Value |
|---|---:|
| Coffer (b) / runbook (a) | $(ratio "$t_coffer" "$t_runbook") |
| Coffer (b) / runbook with integrity_check (a') | $(ratio "$t_coffer" "$t_check") |
| Coffer without safety backup (c) / runbook with integrity_check (a') | $(ratio "$t_nosafety" "$t_check") |
| Coffer without safety backup (c) / decoding floor (d) | $(ratio "$t_nosafety" "$t_zstdmv") |
EOF

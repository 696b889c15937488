#!/usr/bin/env bash
# Prune benchmark: listing, planning and deleting in a repository of many backups.
#
#   bench/prune_bench.sh [--backups N] [--build DIR] [--work DIR] [--runs N] [--warm] [--no-delete]
#                        [--syscalls] [--no-wait-idle] [--keep]
#
# The Markdown report goes to stdout, progress to stderr:
#   bench/prune_bench.sh --backups 10000 > report.md
# See bench/README.md and docs/performance.md.
set -euo pipefail

backups=10000
build_dir=./build
work_dir=
runs=3
keep=0
warm=0
wait_idle=1
delete=1
syscalls=0

# The policy every prune here applies: about 20 backups per database survive.
policy=(--keep-daily 7 --keep-weekly 4 --keep-monthly 12 --timezone UTC)
databases=2
every_minutes=60
# The syscall count needs a repository of this many backups at most (strace slows the prune).
syscall_backups=2000

usage() {
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'
Options:
  --backups N   backups in the generated repository, hourly over 2 databases (default 10000)
  --build DIR   build folder holding app/cli/coffer-cli and bench/coffer-gen-repo (default ./build)
  --work DIR    scratch folder, new or empty (default: a fresh folder under $TMPDIR or /tmp)
  --runs N      runs of each read-only command; the median is reported (default 3). The prune runs once.
  --warm        do not try to drop the page cache before each run (it needs root)
  --no-delete   only generate, list, plan (--dry-run) and size: no prune, no repo check
  --syscalls    also count the system calls of a prune under `strace -f -c -w`, per deletion, on a second
                repository of at most 2000 backups (needs strace)
  --no-wait-idle  start each run at once instead of waiting (up to 5 min) for the CPUs to be idle
  --keep        keep the scratch folder
EOF
}

bench_name=prune_bench
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

while [[ $# -gt 0 ]]; do
    common_option "$@"
    if ((taken)); then shift "$taken"; continue; fi
    case "$1" in
    --backups) backups=${2:?--backups needs a value}; shift 2 ;;
    --no-delete) delete=0; shift ;;
    --syscalls) syscalls=1; shift ;;
    *) usage >&2; die "unknown argument: $1" ;;
    esac
done
[[ $backups =~ ^[1-9][0-9]*$ && $backups -ge 100 ]] || die "--backups takes a whole number, 100 or more"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs takes a whole number, 1 or more"
[[ $syscalls -eq 0 || $delete -eq 1 ]] || die "--syscalls counts a prune's calls: it does not go with --no-delete"

# ---- Tools ----------------------------------------------------------------------------------

tools=(sqlite3 awk grep sort stat df nproc)
[[ $syscalls -eq 1 ]] && tools+=(strace)
require_tools "sqlite3 strace" "${tools[@]}"
require_built coffer-cli coffer-gen-repo
cli=$build_dir/app/cli/coffer-cli
gen=$build_dir/bench/coffer-gen-repo

# ---- Scratch folder -------------------------------------------------------------------------

fresh_work_dir coffer-prune-bench prune_bench

# A backup is three small files on disk (artifact, manifest, folder share); 16 KiB each is generous.
require_free_kb $((backups * 16 + (syscalls ? syscall_backups * 16 : 0) + 65536))

# Keep any user workspace out of the measurement: its retention policy or time zone must not apply.
export COFFER_WORKSPACE=$work_dir/no-workspace.yaml
export LC_ALL=C

log() { echo "prune_bench: $*" >&2; }

# ---- Cache state ----------------------------------------------------------------------------

choose_cache_state "the catalog, the manifests and the folders"

# ---- Repository -----------------------------------------------------------------------------

repo=$work_dir/repo
log "generating a repository of $backups backups (hourly, $databases databases) in $repo"
gen_output=$("$gen" --repo "$repo" --backups "$backups" --databases "$databases" --every-minutes "$every_minutes")
log "$gen_output"
gen_seconds=$(grep -o 'total [0-9.]* s' <<<"$gen_output" | grep -o '[0-9.]*')

# indexed: how many backups the catalog lists (rows not marked for deletion), read with sqlite3.
indexed() {
    sqlite3 -readonly "$repo/catalog.db" 'SELECT count(*) FROM backups WHERE deleting = 0'
}
before=$(indexed)
[[ $before -eq $backups ]] || die "the generated catalog indexes $before backups, not $backups"

# ---- Measurement ----------------------------------------------------------------------------

# results/<key>: one line per run: wall seconds, peak RSS KiB, CPU seconds (user + sys).
mkdir -p "$work_dir/results"

# timed KEY OUT -- COMMAND...: runs COMMAND under GNU time with its stdout in OUT, and records wall
# time, peak RSS and CPU time. A command that fails fails the benchmark.
timed() {
    local key=$1 out=$2
    shift 3
    prepare_run
    local timing=$work_dir/time.txt stderr=$work_dir/stderr.txt
    if ! /usr/bin/time -f '%e %M %U %S' -o "$timing" "$@" >"$out" 2>"$stderr"; then
        echo "prune_bench: '$key' failed:" >&2
        cat "$stderr" >&2
        [[ $out == /dev/null ]] || tail -n 40 "$out" >&2
        exit 1
    fi
    local seconds rss user sys cpu
    read -r seconds rss user sys < <(tail -n 1 "$timing")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    echo "$seconds $rss $cpu" >>"$work_dir/results/$key"
    log "  $key: ${seconds} s, ${cpu} CPU s, $((rss / 1024)) MiB peak RSS ($(cut -d' ' -f1 /proc/loadavg) load)"
}

# top_level_count FILE KEY: an integer field at the top level of coffer-cli's indented JSON.
top_level_count() {
    grep -m 1 -E "^    \"$2\": [0-9]+,?$" "$1" | tr -dc '0-9'
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
plan=$work_dir/plan.json
for ((run = 1; run <= runs; run++)); do
    log "round $run of $runs (read-only commands on $before backups)"
    timed list /dev/null -- "$cli" list --repo "$repo" --json
    timed plan "$plan" -- "$cli" prune --repo "$repo" --dry-run "${policy[@]}" --json
    timed size-before /dev/null -- "$cli" size --repo "$repo" --json
done
planned=$(top_level_count "$plan" deleted)
[[ -n $planned ]] || die "the dry run's JSON has no top-level \"deleted\" count"

deleted=
if [[ $delete -eq 1 ]]; then
    log "pruning: the plan deletes $planned of $before backups"
    timed prune "$work_dir/prune.json" -- "$cli" prune --repo "$repo" "${policy[@]}" --json
    after=$(indexed)
    deleted=$((before - after))
    reported=$(awk '/^    "outcome": \{/ { inside = 1 } inside && /"deleted": [0-9]+/ { gsub(/[^0-9]/, ""); print; exit }' \
        "$work_dir/prune.json")
    [[ $reported == "$deleted" ]] || die "the prune reports $reported deletions, the catalog lost $deleted rows"
    # The plan is made again under the lock, at a later "now"; it can only differ across a day boundary.
    [[ $deleted -eq $planned ]] || log "  note: the dry run planned $planned deletions, the prune made $deleted"
    leftovers=$(find "$repo/staging" -type f | wc -l)
    [[ $leftovers -eq 0 ]] || die "the prune left $leftovers file(s) in staging/"
    files=$(find "$repo/backups" -type f | wc -l)
    [[ $files -eq $((after * 2)) ]] || die "after the prune backups/ holds $files files for $after backups"
    timed check "$work_dir/check.json" -- "$cli" repo check --repo "$repo" --json
    timed size-after /dev/null -- "$cli" size --repo "$repo" --json
    timed list-after /dev/null -- "$cli" list --repo "$repo" --json
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
idle_note=$(idle_note)

# ---- System calls per deletion (--syscalls) --------------------------------------------------

if [[ $syscalls -eq 1 ]]; then
    small=$((backups < syscall_backups ? backups : syscall_backups))
    log "counting system calls: a prune under strace on a second repository of $small backups"
    "$gen" --repo "$work_dir/repo-strace" --backups "$small" --databases "$databases" \
        --every-minutes "$every_minutes" >/dev/null
    small_before=$(sqlite3 -readonly "$work_dir/repo-strace/catalog.db" 'SELECT count(*) FROM backups')
    prepare_run
    strace_start=$(date +%s.%N)
    strace -f -c -w -o "$work_dir/strace.txt" "$cli" prune --repo "$work_dir/repo-strace" "${policy[@]}" --json \
        >/dev/null || die "the prune under strace failed"
    strace_end=$(date +%s.%N)
    small_deleted=$((small_before - $(sqlite3 -readonly "$work_dir/repo-strace/catalog.db" 'SELECT count(*) FROM backups')))
    strace_seconds=$(awk -v a="$strace_start" -v b="$strace_end" 'BEGIN { printf "%.1f", b - a }')
fi

# ---- Report ---------------------------------------------------------------------------------

# median KEY COLUMN: the median of one column over the runs (the lower middle for even counts).
median() {
    awk -v c="$2" '{ print $c }' "$work_dir/results/$1" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
all_times() {
    awk '{ printf "%s%s", sep, $1; sep = ", " }' "$work_dir/results/$1"
}
kib_to_mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

row() {
    local key=$1 label=$2
    printf '| %s | %s | %s | %s | %s |\n' "$label" "$(median "$key" 1)" "$(median "$key" 3)" \
        "$(kib_to_mib "$(median "$key" 2)")" "$(all_times "$key")"
}

commit=$(source_commit)
cli_built=$(date -r "$cli" '+%Y-%m-%d %H:%M:%S')
cpu=$(lscpu 2>/dev/null | awk -F: '/Model name/ { gsub(/^[ \t]+/, "", $2); print $2; exit }')
mem_gib=$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
fs_type=$(df -PT "$work_dir" | awk 'NR == 2 { print $2 }')
policy_text=${policy[*]}

cat <<EOF
## Prune benchmark: $before backups over $databases databases

Repository: \`coffer-gen-repo --backups $backups --databases $databases --every-minutes $every_minutes\` (one backup
of each database every hour, the newest now), generated in $gen_seconds s:
\`$(head -n 1 <<<"$gen_output")\`.
Coffer: source at commit $commit; \`coffer-cli\` built $cli_built (\`$(basename "$build_dir")\`, $(grep -s '^CMAKE_BUILD_TYPE:' "$build_dir/CMakeCache.txt" | cut -d= -f2)).
Machine: $(nproc) CPUs ($cpu), $mem_gib GiB RAM; the work folder on $fs_type. Policy: \`$policy_text\`.
Runs of each read-only command: $runs (median reported); the prune runs once. Page cache: $cache_note.
Load average (1, 5, 15 min) before the runs: $load_before; after: $load_after. $idle_note

| Step | Median wall (s) | CPU (s) | Peak RSS (MiB) | Runs (s) |
|---|---:|---:|---:|---|
$(row list "a) \`coffer-cli list --json > /dev/null\`, $before backups")
$(row plan "b) \`coffer-cli prune --dry-run … --json\` (planning: $planned of $before to delete)")
$(row size-before "e) \`coffer-cli size --json\`, $before backups")
EOF
if [[ $delete -eq 1 ]]; then
    prune_s=$(median prune 1)
    plan_s=$(median plan 1)
    cat <<EOF
$(row prune "c) \`coffer-cli prune … --json\`: $deleted deletions")
$(row check "d) \`coffer-cli repo check --json\` afterwards (exit 0), $after backups")
$(row size-after "e) \`coffer-cli size --json\` afterwards")
$(row list-after "a) \`coffer-cli list --json\` afterwards")

| Deletion | Value |
|---|---:|
| Backups deleted | $deleted of $before (the dry run planned $planned) |
| Deletions per second (whole prune command) | $(awk -v n="$deleted" -v s="$prune_s" 'BEGIN { printf "%.1f", (s > 0 ? n / s : 0) }') |
| Wall time per deletion (whole prune command) | $(awk -v n="$deleted" -v s="$prune_s" 'BEGIN { printf "%.2f ms", (n > 0 ? 1000 * s / n : 0) }') |
| Wall time per deletion (prune minus the dry run's median) | $(awk -v n="$deleted" -v s="$prune_s" -v p="$plan_s" 'BEGIN { printf "%.2f ms", (n > 0 ? 1000 * (s - p) / n : 0) }') |
EOF
fi
if [[ $syscalls -eq 1 ]]; then
    cat <<EOF

System calls of one prune under \`strace -f -c -w\` (wall time in the call), on a second repository of
$small_before backups with the same policy: $small_deleted deletions in $strace_seconds s under strace.
Per deletion = calls / $small_deleted (the planning's few calls included).

| System call | Calls | Per deletion | Seconds in the call | ms per deletion |
|---|---:|---:|---:|---:|
$(awk -v n="$small_deleted" '
    $1 ~ /^[0-9.]+$/ && NF >= 5 && $NF != "total" {
        name = $NF; calls = $4; secs = $2
        if (calls + 0 >= n / 2 || name ~ /fsync|fdatasync|sync/)
            printf "| %s | %d | %.1f | %.2f | %.2f |\n", name, calls, calls / n, secs, 1000 * secs / n
    }' "$work_dir/strace.txt")
EOF
fi

#!/usr/bin/env bash
# Drill and run-due benchmark: a restore drill's RTO against the runbook's drill by hand, and what
# an idle `coffer-cli run-due` (nothing due), `schedule list` and `health` cost as the catalog grows.
#
#   bench/drill_bench.sh [--size-mb N] [--backups LIST] [--databases M] [--only drill|run-due]
#                        [--build DIR] [--work DIR] [--runs N] [--seed S] [--warm] [--no-wait-idle] [--keep]
#
# The Markdown report goes to stdout, progress to stderr:
#   bench/drill_bench.sh --size-mb 1024 --backups 1000,10000,100000 > report.md
# See bench/README.md and docs/performance.md.
set -euo pipefail

size_mb=1024
backups_list=1000,10000,100000
databases=2
only=
build_dir=./build
work_dir=
runs=3
seed=1
keep=0
warm=0
wait_idle=1

# The generated repositories: one backup of each database every hour, the newest made just
# before the runs (coffer-gen-repo's default --newest is now).
every_minutes=60

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'
Options:
  --size-mb N     size of the reference database the drills restore, in MiB (default 1024)
  --backups LIST  comma-separated backup counts of the generated repositories for run-due
                  (default 1000,10000,100000)
  --databases M   databases the generated backups are spread over, hourly each (default 2)
  --only PART     run only the drill part (`drill`) or only the run-due part (`run-due`)
  --build DIR     build folder holding app/cli/coffer-cli, bench/coffer-gen-refdb and
                  bench/coffer-gen-repo (default ./build)
  --work DIR      scratch folder, new or empty (default: a fresh folder under $TMPDIR or /tmp)
  --runs N        runs per method; the median is reported (default 3)
  --seed S        seed of the reference database (default 1)
  --warm          do not try to drop the page cache before each run (it needs root)
  --no-wait-idle  start each run at once instead of waiting (up to 5 min) for the CPUs to be idle
  --keep          keep the scratch folder (its databases, repositories and workspaces)
EOF
}

bench_name=drill_bench
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

while [[ $# -gt 0 ]]; do
    common_option "$@"
    if ((taken)); then shift "$taken"; continue; fi
    case "$1" in
    --size-mb) size_mb=${2:?--size-mb needs a value}; shift 2 ;;
    --backups) backups_list=${2:?--backups needs a value}; shift 2 ;;
    --databases) databases=${2:?--databases needs a value}; shift 2 ;;
    --only) only=${2:?--only needs a value}; shift 2 ;;
    --seed) seed=${2:?--seed needs a value}; shift 2 ;;
    *) usage >&2; die "unknown argument: $1" ;;
    esac
done
check_common_options
[[ $backups_list =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "--backups takes whole numbers separated by commas, e.g. 1000,10000"
IFS=, read -r -a backup_counts <<<"$backups_list"
[[ $databases =~ ^[1-9][0-9]*$ && $databases -le 1000 ]] || die "--databases takes a whole number from 1 to 1000"
for n in "${backup_counts[@]}"; do
    [[ $n -ge $databases ]] || die "--backups: $n is fewer than --databases ($databases)"
done
case "$only" in
'') do_drill=1; do_run_due=1 ;;
drill) do_drill=1; do_run_due=0 ;;
run-due) do_drill=0; do_run_due=1 ;;
*) die "--only takes drill or run-due" ;;
esac

# ---- Tools ----------------------------------------------------------------------------------

require_tools "sqlite3 zstd gzip" sqlite3 zstd gzip gunzip awk grep sort stat df nproc
targets=(coffer-cli)
((do_drill)) && targets+=(coffer-gen-refdb)
((do_run_due)) && targets+=(coffer-gen-repo)
require_built "${targets[@]}"
cli=$build_dir/app/cli/coffer-cli
gen_refdb=$build_dir/bench/coffer-gen-refdb
gen_repo=$build_dir/bench/coffer-gen-repo

# ---- Scratch folder -------------------------------------------------------------------------

fresh_work_dir coffer-drill-bench drill_bench

# Drill part: the database, its .gz, Coffer's backup and one restored copy at a time (about 3.2
# times the size). Run-due part: about 16 KiB per generated backup; one repository at a time
# (all of them with --keep, which the estimate does not count).
largest=0
for n in "${backup_counts[@]}"; do ((n > largest)) && largest=$n; done
need_kb=65536
((do_drill)) && need_kb=$((need_kb + size_mb * 1024 * 7 / 2))
((do_run_due)) && need_kb=$((need_kb + largest * 16))
require_free_kb "$need_kb"

# Each part writes its own workspace; a personal one must never apply. The run log and lock of
# run-due live in the state folder, kept inside the work folder.
export COFFER_WORKSPACE=$work_dir/no-workspace.yaml
export XDG_STATE_HOME=$work_dir/state
export LC_ALL=C
# Drills make their scratch folder under TMPDIR; keep it (and the runbook's scratch copy) on the
# work folder's disk rather than on a tmpfs /tmp.
scratch=$work_dir/scratch
mkdir -p "$scratch" "$XDG_STATE_HOME"

log() { echo "drill_bench: $*" >&2; }

# ---- Cache state ----------------------------------------------------------------------------

# choose_cache_state, cpu_busy, prepare_run

choose_cache_state "the backups and the catalogs"

seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# ---- Measurement helpers --------------------------------------------------------------------

# results/<key>: one line per run: wall seconds, peak RSS KiB, CPU seconds (user + sys).
# results/<key>.rto: one line per Coffer drill: rto_ms, duration_ms.
results=$work_dir/results
mkdir -p "$results"

# timed KEY -- COMMAND...: runs COMMAND under GNU time and records wall time, peak RSS (the
# largest among the processes of a pipeline) and CPU time (all of them). Stdout goes to
# $work_dir/stdout.txt for the caller to check; a non-zero exit stops the benchmark.
timed() {
    local key=$1
    shift 2
    prepare_run
    local timing=$work_dir/time.txt stderr=$work_dir/stderr.txt
    if ! /usr/bin/time -f '%e %M %U %S' -o "$timing" "$@" >"$work_dir/stdout.txt" 2>"$stderr"; then
        echo "drill_bench: '$key' failed:" >&2
        cat "$stderr" "$work_dir/stdout.txt" >&2
        exit 1
    fi
    local seconds rss user sys cpu
    read -r seconds rss user sys < <(tail -n 1 "$timing")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    echo "$seconds $rss $cpu" >>"$results/$key"
    log "  $key: ${seconds} s, ${cpu} CPU s, $((rss / 1024)) MiB peak RSS ($(cut -d' ' -f1 /proc/loadavg) load)"
}

json_field() { grep -o "\"$1\": *\"[^\"]*\"" | head -n 1 | sed 's/.*: *"\(.*\)"$/\1/'; }
json_number() { grep -o "\"$1\": *[0-9]*" | head -n 1 | grep -o '[0-9]*$'; }

# median KEY COLUMN: the median of one column over the runs (the lower middle for even counts).
median() {
    awk -v c="$2" '{ print $c }' "$results/$1" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
all_times() { awk '{ printf "%s%s", sep, $1; sep = ", " }' "$results/$1"; }
all_column() { awk -v c="$2" '{ printf "%s%s", sep, $c; sep = ", " }' "$results/$1"; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
kib_to_mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
ms_to_s() { awk -v m="$1" 'BEGIN { printf "%.2f", m / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
row() {
    printf '| %s | %s | %s | %s | %s |\n' "$2" "$(median "$1" 1)" "$(median "$1" 3)" \
        "$(kib_to_mib "$(median "$1" 2)")" "$(all_times "$1")"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- Part 1: drill RTO ----------------------------------------------------------------------

drill_part() {
    local db=$work_dir/ref.db gz=$work_dir/runbook.sqlite.gz repo=$work_dir/drill-repo
    local workspace=$work_dir/drill-workspace.yaml start gen_note
    log "generating a ${size_mb} MiB reference database (seed $seed)"
    start=$(date +%s.%N)
    log "$("$gen_refdb" --out "$db" --size-mb "$size_mb" --seed "$seed")"
    gen_note="generated in $(seconds_since "$start") s"
    # The runbook's backup, as backup_bench.sh and restore_bench.sh make it.
    log "making the runbook's backup (sqlite3 .backup + gzip -6)"
    sqlite3 "$db" ".backup '$work_dir/snap.db'"
    gzip -6 -c "$work_dir/snap.db" >"$gz"
    rm -f "$work_dir/snap.db"

    "$cli" init "$repo" >/dev/null
    log "backing up the reference database with coffer-cli (zstd, the default)"
    local backup_json backup_id artifact
    backup_json=$("$cli" backup --repo "$repo" --path "$db" --name app --json)
    backup_id=$(json_field id <<<"$backup_json")
    artifact=$(json_field artifact <<<"$backup_json")
    [[ -n $backup_id && -f $artifact ]] || die "the Coffer backup did not report an id and artifact:
$backup_json"
    local orders
    orders=$(sqlite3 "$db" "SELECT count(*) FROM orders")

    # The workspace gives the drill the same smoke query the runbook's drill runs by hand.
    cat >"$workspace" <<EOF
version: 1
repositories:
  - name: bench
    path: $repo
    default: true
databases:
  - name: app
    path: $db
    smoke_queries:
      - sql: SELECT count(*) FROM orders
        expect: "> 0"
EOF

    # The runbook's drill: decode into a scratch file, check it, run the smoke query, remove it.
    local hand='"$1" -d -c "$2" > "$3" && sqlite3 "$3" "PRAGMA integrity_check" && sqlite3 "$3" "SELECT count(*) FROM orders"; rc=$?; rm -f "$3"; exit $rc'
    check_hand() {
        [[ $(cat "$work_dir/stdout.txt") == "ok"$'\n'"$orders" ]] ||
            die "$1 printed '$(cat "$work_dir/stdout.txt")', not ok and $orders orders"
    }
    local run
    for ((run = 1; run <= runs; run++)); do
        log "drill round $run of $runs"
        timed hand-gz -- bash -c "$hand" _ gzip "$gz" "$scratch/hand.db"
        check_hand "the runbook's drill (gzip)"
        timed hand-zstd -- bash -c "$hand" _ zstd "$artifact" "$scratch/hand.db"
        check_hand "the runbook's drill (zstd)"
        timed coffer-drill -- env TMPDIR="$scratch" COFFER_WORKSPACE="$workspace" \
            "$cli" drill --repo "$repo" "$backup_id" --json
        grep -q '"smoke_queries": *1' "$work_dir/stdout.txt" ||
            die "the drill did not run the workspace's smoke query: $(cat "$work_dir/stdout.txt")"
        echo "$(json_number rto_ms <"$work_dir/stdout.txt") $(json_number duration_ms <"$work_dir/stdout.txt")" \
            >>"$results/coffer-drill.rto"
        [[ -z $(ls -A "$scratch") ]] || die "a drill left files in $scratch: $(ls -A "$scratch")"
    done
    local checks
    checks=$(grep -o '"name": *"[a-z_0-9]*"' "$work_dir/stdout.txt" | sed 's/.*"\([a-z_0-9]*\)"$/\1/' | sort -u | paste -sd, - | sed 's/,/, /g')

    local db_bytes gz_bytes artifact_bytes
    db_bytes=$(stat -c %s "$db")
    gz_bytes=$(stat -c %s "$gz")
    artifact_bytes=$(stat -c %s "$artifact")
    local t_gz t_zstd t_coffer rto
    t_gz=$(median hand-gz 1)
    t_zstd=$(median hand-zstd 1)
    t_coffer=$(median coffer-drill 1)
    rto=$(median coffer-drill.rto 1)
    # Free the space for the run-due part; --keep keeps everything.
    if [[ $keep -eq 0 ]]; then
        rm -f "$db" "$gz"
        rm -rf "$repo"
    fi

    cat <<EOF
### Drill RTO: $(mib "$db_bytes") MiB reference database

Reference database: \`coffer-gen-refdb --size-mb $size_mb --seed $seed\`, $db_bytes bytes ($orders orders), $gen_note.
Backups: Coffer's (zstd level 3, the default) $(mib "$artifact_bytes") MiB; the runbook's (\`sqlite3 .backup\` + \`gzip -6\`) $(mib "$gz_bytes") MiB.
Smoke query in both: \`SELECT count(*) FROM orders\`, expect \`> 0\` (the workspace's \`smoke_queries\` for Coffer).

| Method | Median time (s) | CPU (s) | Peak RSS (MiB) | Runs (s) |
|---|---:|---:|---:|---|
$(row hand-gz "a) By hand: \`gunzip -c backup.gz > scratch\` + \`integrity_check\` + \`count(*)\` + \`rm\`")
$(row hand-zstd "b) By hand on Coffer's artifact: \`zstd -d -c\` + \`integrity_check\` + \`count(*)\` + \`rm\`")
$(row coffer-drill "c) \`coffer-cli drill ID --json\` (wall time, whole process)")

Coffer's own figures: RTO (\`rto_ms\`, start to usable database) median $(ms_to_s "$rto") s (runs: $(all_column coffer-drill.rto 1) ms); \`duration_ms\` (with cleanup) median $(ms_to_s "$(median coffer-drill.rto 2)") s.
Checks a drill reports: $checks.

| Ratio | Value |
|---|---:|
| Coffer RTO (c) / by hand with gunzip (a) | $(ratio "$(ms_to_s "$rto")" "$t_gz") |
| Coffer wall time (c) / by hand with gunzip (a) | $(ratio "$t_coffer" "$t_gz") |
| Coffer wall time (c) / by hand with zstd (b) | $(ratio "$t_coffer" "$t_zstd") |

EOF
}

# ---- Part 2: idle run-due as the catalog grows ----------------------------------------------

# run_due_part N: a repository of N generated backups, a workspace under whose schedule nothing is
# due, then run-due, schedule list, health and (for comparison) list --json, round by round.
run_due_part() {
    local n=$1
    local dir=$work_dir/rd-$n
    local repo=$dir/repo workspace=$dir/workspace.yaml gen_out d
    mkdir -p "$dir/src"
    log "generating a repository of $n backups over $databases database(s), one per database every $every_minutes min"
    gen_out=$("$gen_repo" --repo "$repo" --backups "$n" --databases "$databases" --every-minutes "$every_minutes")
    log "$gen_out"

    # Small live databases under the generated names: a backup is not due, but the paths are real.
    {
        echo "version: 1"
        echo "repositories:"
        echo "  - name: gen"
        echo "    path: $repo"
        echo "    default: true"
        echo "databases:"
        for ((d = 1; d <= databases; d++)); do
            sqlite3 "$dir/src/db$d.sqlite" "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT, qty INTEGER); INSERT INTO items(name, qty) VALUES('x', 1);"
            echo "  - name: db$d"
            echo "    path: $dir/src/db$d.sqlite"
        done
        # The newest backup of every database was made moments ago: a daily backup, a daily
        # verification and a weekly drill are not due once the newest backups are drilled (below).
        # The prune is scheduled with a policy that keeps every backup, so run-due plans over all
        # of them and finds nothing to delete.
        cat <<'EOF'
schedules:
  timezone: UTC
  default:
    backup: {interval_hours: 24}
    verify: {interval_hours: 24, level: full}
    drill: {interval_hours: 168}
    prune: auto
retention:
  timezone: UTC
  default: {keep_within: 50y}
EOF
    } >"$workspace"

    # A drill of every database's newest backup records a drill and a full verification, so
    # neither is due and health is green.
    log "drilling the newest backup of each database (untimed), so nothing is due"
    TMPDIR=$scratch COFFER_WORKSPACE=$workspace "$cli" drill --repo "$repo" --all >/dev/null ||
        die "the set-up drill of the generated backups failed"
    local first
    first=$(COFFER_WORKSPACE=$workspace "$cli" run-due --workspace "$workspace")
    [[ $first == "Nothing due." ]] || die "set-up: run-due found something due in $repo:
$first"
    local catalog_bytes
    catalog_bytes=$(stat -c %s "$repo/catalog.db")

    local run
    for ((run = 1; run <= runs; run++)); do
        log "run-due at $n backups: round $run of $runs"
        timed "rundue-$n" -- "$cli" run-due --workspace "$workspace"
        [[ $(cat "$work_dir/stdout.txt") == "Nothing due." ]] ||
            die "run-due at $n backups did something: $(cat "$work_dir/stdout.txt")"
        timed "schedlist-$n" -- "$cli" schedule list --workspace "$workspace"
        grep -q 'due now' "$work_dir/stdout.txt" && die "schedule list at $n backups shows a task due now"
        timed "health-$n" -- "$cli" health --workspace "$workspace"
        timed "list-$n" -- "$cli" list --repo "$repo" --json
    done
    echo "$n $catalog_bytes $(sed -n 's/.*one every [0-9]* min per database from \([^ ]*\) back to \([^ ]*\)$/\1 \2/p' <<<"$gen_out")" \
        >>"$results/generated"
    [[ $keep -eq 1 ]] || rm -rf "$dir"
}

# The drill's section is written as it finishes and printed after the header below.
drill_report=$work_dir/drill-report.md
if ((do_drill)); then
    drill_part >"$drill_report"
fi
if ((do_run_due)); then
    for n in "${backup_counts[@]}"; do
        run_due_part "$n"
    done
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
idle_note=$(idle_note)

# ---- Report ---------------------------------------------------------------------------------

commit=$(source_commit)
cli_built=$(date -r "$cli" '+%Y-%m-%d %H:%M:%S')
cpu=$(lscpu 2>/dev/null | awk -F: '/Model name/ { gsub(/^[ \t]+/, "", $2); print $2; exit }')
sqlite_version=$(sqlite3 --version | awk '{ print $1 }')
zstd_version=$(zstd --version | grep -o 'v[0-9.]*' | head -n 1)
gzip_version=$(gzip --version | awk 'NR == 1 { print $2 }')
mem_gib=$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)

cat <<EOF
## Drill and run-due benchmark

Coffer: source at commit $commit; \`coffer-cli\` built $cli_built (\`$(basename "$build_dir")\`, $(grep -s '^CMAKE_BUILD_TYPE:' "$build_dir/CMakeCache.txt" | cut -d= -f2)).
Machine: $(nproc) CPUs ($cpu), $mem_gib GiB RAM; sqlite3 $sqlite_version, zstd $zstd_version, gzip $gzip_version.
Runs per method: $runs (median reported; methods interleaved round by round). Page cache: $cache_note.
Load average (1, 5, 15 min) before the runs: $load_before; after: $load_after. $idle_note

EOF
((do_drill)) && cat "$drill_report"

if ((do_run_due)); then
    cat <<EOF
### Idle \`run-due\` as the catalog grows

Repositories: \`coffer-gen-repo --backups N --databases $databases --every-minutes $every_minutes\` (one backup of each database every $every_minutes min, the newest made just before the runs), the newest backup of each database drilled once (untimed), so it has a drill and a full verification.
Workspace: those $databases databases; \`schedules.default\`: backup every 24 h, verify every 24 h (full), drill every 168 h, \`prune: auto\` with \`retention.default: {keep_within: 50y}\` (the planner runs over every backup and deletes none). Every \`run-due\` printed \`Nothing due.\`.

| Backups | Catalog (MiB) | Newest → oldest backup |
|---:|---:|---|
$(while read -r n bytes newest oldest; do printf '| %s | %s | %s → %s |\n' "$n" "$(mib "$bytes")" "$newest" "$oldest"; done <"$results/generated")

| Backups | Command | Median time (s) | CPU (s) | Peak RSS (MiB) | Runs (s) |
|---:|---|---:|---:|---:|---|
EOF
    for n in "${backup_counts[@]}"; do
        for pair in "rundue:\`run-due\` (nothing due)" "schedlist:\`schedule list\`" "health:\`health\`" "list:\`list --repo REPO --json\` (for comparison)"; do
            key=${pair%%:*}-$n
            printf '| %s | %s | %s | %s | %s | %s |\n' "$n" "${pair#*:}" "$(median "$key" 1)" "$(median "$key" 3)" \
                "$(kib_to_mib "$(median "$key" 2)")" "$(all_times "$key")"
        done
    done
fi

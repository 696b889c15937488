#!/usr/bin/env bash
# Catalog browser benchmark: the console's catalog page over a repository of many backups.
#
#   bench/catalog_gui_bench.sh [--backups N] [--databases M] [--verified K] [--failed F] [--build DIR]
#                              [--work DIR] [--runs N] [--warm] [--no-wait-idle] [--keep]
#
# The Markdown report goes to stdout, progress to stderr:
#   bench/catalog_gui_bench.sh --backups 100000 > report.md
# See docs/performance.md ("Catalog browser").
set -euo pipefail

backups=100000
databases=20
verified=1000
failed=20
build_dir=./build
work_dir=
runs=3
keep=0
warm=0
wait_idle=1

usage() {
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'
Options:
  --backups N    backups in the generated repository, hourly over the databases (default 100000)
  --databases M  databases they are spread over, db1 … dbM (default 20)
  --verified K   the newest K backups get a quick verification (default 1000) ...
  --failed F     ... of which the newest F fail it: a byte of their artifact is changed first (default 20)
  --build DIR    build folder holding bench/coffer-catalog-gui-bench, bench/coffer-gen-repo and
                 app/cli/coffer-cli (default ./build; configure it with -DCOFFER_BUILD_BENCH=ON)
  --work DIR     scratch folder, new or empty (default: a fresh folder under $TMPDIR or /tmp)
  --runs N       runs of the page; the median of each figure is reported (default 3)
  --warm         do not try to drop the page cache before each run (it needs root)
  --no-wait-idle start each run at once instead of waiting (up to 5 min) for the CPUs to be idle
  --keep         keep the scratch folder
EOF
}

bench_name=catalog_gui_bench
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

while [[ $# -gt 0 ]]; do
    common_option "$@"
    if ((taken)); then shift "$taken"; continue; fi
    case "$1" in
    --backups) backups=${2:?--backups needs a value}; shift 2 ;;
    --databases) databases=${2:?--databases needs a value}; shift 2 ;;
    --verified) verified=${2:?--verified needs a value}; shift 2 ;;
    --failed) failed=${2:?--failed needs a value}; shift 2 ;;
    *) usage >&2; die "unknown argument: $1" ;;
    esac
done
[[ $backups =~ ^[1-9][0-9]*$ && $backups -ge 100 ]] || die "--backups takes a whole number, 100 or more"
[[ $databases =~ ^[1-9][0-9]*$ ]] || die "--databases takes a whole number, 1 or more"
[[ $verified =~ ^[0-9]+$ && $verified -le $backups ]] || die "--verified takes a whole number up to --backups"
[[ $failed =~ ^[0-9]+$ && $failed -le $verified ]] || die "--failed takes a whole number up to --verified"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs takes a whole number, 1 or more"

# ---- Tools ----------------------------------------------------------------------------------

require_tools "sqlite3" sqlite3 awk sort xargs nproc df
require_built coffer-cli coffer-gen-repo coffer-catalog-gui-bench
cli=$build_dir/app/cli/coffer-cli
gen=$build_dir/bench/coffer-gen-repo
page=$build_dir/bench/coffer-catalog-gui-bench

# ---- Scratch folder -------------------------------------------------------------------------

fresh_work_dir coffer-catalog-gui-bench catalog_gui_bench
# A backup is three small files on disk (artifact, manifest, folder share); 16 KiB each is generous.
require_free_kb $((backups * 16 + 65536))

# Keep any user workspace out of coffer-cli; the page reads the workspace written below.
export COFFER_WORKSPACE=$work_dir/no-workspace.yaml
export LC_ALL=C
export QT_QPA_PLATFORM=offscreen

log() { echo "catalog_gui_bench: $*" >&2; }

choose_cache_state "the catalog and the workspace"

# ---- Repository and workspace ---------------------------------------------------------------

repo=$work_dir/repo
log "generating a repository of $backups backups (hourly, $databases databases) in $repo"
gen_output=$("$gen" --repo "$repo" --backups "$backups" --databases "$databases" --every-minutes 60)
log "$gen_output"
gen_seconds=$(grep -o 'total [0-9.]* s' <<<"$gen_output" | grep -o '[0-9.]*')

# The newest backups first: their artifact's path and their ID.
newest() {
    sqlite3 -readonly "$repo/catalog.db" "SELECT database || '/' || substr(created, 1, 4) || '/' ||
        substr(created, 6, 2) || '/' || json_extract(manifest, '\$.artifact'), id
        FROM backups WHERE deleting = 0 ORDER BY created DESC LIMIT $1" 
}
if [[ $verified -gt 0 ]]; then
    if [[ $failed -gt 0 ]]; then
        log "damaging the artifacts of the newest $failed backups"
        newest "$failed" | while IFS='|' read -r artifact _; do
            file=$repo/backups/$artifact
            [[ -f $file ]] || die "no artifact at $file"
            chmod u+w "$file"
            printf 'X' | dd of="$file" bs=1 seek=100 conv=notrunc status=none
        done
    fi
    log "verifying the newest $verified backups (quick)"
    # A verification that fails is an outcome, not an error of the command: its exit status is ignored,
    # the recorded outcomes are counted below.
    newest "$verified" | cut -d'|' -f2 | xargs -n 500 "$cli" verify --repo "$repo" --json >/dev/null 2>&1 || true
fi
recorded=$(sqlite3 -readonly "$repo/catalog.db" 'SELECT count(DISTINCT backup_id) FROM verifications')
[[ $recorded -eq $verified ]] || die "the catalog records verifications of $recorded backups, not $verified"

workspace=$work_dir/workspace.yaml
printf 'repositories:\n  - name: generated\n    path: %s\n    default: true\n' "$repo" >"$workspace"

# ---- Measurement ----------------------------------------------------------------------------

mkdir -p "$work_dir/results"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((run = 1; run <= runs; run++)); do
    log "run $run of $runs"
    prepare_run
    out=$work_dir/results/run$run.txt
    if ! /usr/bin/time -f '%e %M %U %S' -o "$work_dir/time$run.txt" "$page" --workspace "$workspace" --actions \
        >"$out" 2>"$work_dir/stderr$run.txt"; then
        cat "$work_dir/stderr$run.txt" >&2
        die "run $run failed"
    fi
    grep '^catalog_gui_bench: [a-z]' "$work_dir/stderr$run.txt" >&2 || true
    # Each action's slowest time in this run: "name<TAB>ms".
    sed -n 's/^catalog_gui_bench:   \(.*\): \([0-9.]*\) ms$/\1\t\2/p' "$work_dir/stderr$run.txt" |
        awk -F'\t' '!($1 in m) || $2 > m[$1] { if (!($1 in m)) order[++n] = $1; m[$1] = $2 }
            END { for (i = 1; i <= n; i++) print order[i] "\t" m[order[i]] }' >"$work_dir/results/actions$run.txt"
    [[ $(awk '$1 == "rows" { print $2 }' "$out") -eq $backups ]] || die "run $run did not show $backups rows"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- Report ---------------------------------------------------------------------------------

# value KEY: each run's figure KEY, space-separated.
value() {
    local run
    for ((run = 1; run <= runs; run++)); do
        awk -v k="$1" '$1 == k { printf "%s ", $2 }' "$work_dir/results/run$run.txt"
    done
}
# phase NAME FIELD: each run's field (3 = worst stall, 4 = ticks over 50 ms, 5 = slowest action) of a phase.
phase() {
    local run
    for ((run = 1; run <= runs; run++)); do
        awk -F'\t' -v p="$1" -v f="$2" '$1 == "phase" && $2 == p { printf "%s ", $f }' "$work_dir/results/run$run.txt"
    done
}
median() {
    tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
        else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
worst() {
    tr ' ' '\n' | grep -v '^$' | sort -g | tail -n 1
}
slowest_action() {
    local run
    for ((run = 1; run <= runs; run++)); do
        awk -F'\t' -v p="$1" '$1 == "phase" && $2 == p { print $5 "\t" $6 }' "$work_dir/results/run$run.txt"
    done | sort -g | tail -n 1 | cut -f2
}

commit=$(source_commit)
built=$(date -r "$page" '+%Y-%m-%d %H:%M:%S')
cpu=$(lscpu 2>/dev/null | awk -F: '/Model name/ { gsub(/^[ \t]+/, "", $2); print $2; exit }')
mem_gib=$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
build_type=$(grep -s '^CMAKE_BUILD_TYPE:' "$build_dir/CMakeCache.txt" | cut -d= -f2)
rss_runs=$(for ((run = 1; run <= runs; run++)); do awk '{ printf "%d ", $2 / 1024 }' "$work_dir/time$run.txt"; done)
wall_runs=$(for ((run = 1; run <= runs; run++)); do awk '{ printf "%s ", $1 }' "$work_dir/time$run.txt"; done)

cat <<EOF
## Catalog browser benchmark: $backups backups over $databases databases

Repository: \`coffer-gen-repo --backups $backups --databases $databases --every-minutes 60\` (one backup of each
database every hour, the newest made now), generated in $gen_seconds s; the newest $verified passed a quick
\`coffer-cli verify\`, except the newest $failed, whose artifact had a byte changed first (they failed it).
Coffer: source at commit $commit; \`coffer-catalog-gui-bench\` built $built (\`$(basename "$build_dir")\`, $build_type),
run with \`QT_QPA_PLATFORM=offscreen\` at 1280×800. Machine: $(nproc) CPUs ($cpu), $mem_gib GiB RAM.
Runs: $runs (median reported, worst in brackets). Page cache: $cache_note.
Load average (1, 5, 15 min) before the runs: $load_before; after: $load_after. $(idle_note)

| Figure | Median | Runs |
|---|---:|---|
| Rows shown | $(value rows | median) | |
| Open → rows loaded (ms) | $(value open_to_loaded_ms | median) | $(value open_to_loaded_ms) |
| Open → rows painted (ms) | $(value open_to_painted_ms | median) | $(value open_to_painted_ms) |
| Peak RSS after the first load (MiB) | $(value peak_rss_after_load_kib | awk '{ for (i = 1; i <= NF; i++) printf "%d ", $i / 1024 }' | median) | |
| Peak RSS of the whole run (MiB) | $(median <<<"$rss_runs") | $rss_runs |
| Whole run, wall (s) | $(median <<<"$wall_runs") | $wall_runs |

Longest GUI-thread stall per phase: how late the 10 ms timer's worst tick came (ms); ticks more than 50 ms
late; the slowest single action (ms) and which it was.

| Phase | Worst stall, median (worst) | Ticks > 50 ms, median | Slowest action, median (worst) | Slowest action |
|---|---:|---:|---:|---|
EOF
for name in "open and load" "scroll" "sort" "filter" "select" "reload"; do
    echo "| $name | $(phase "$name" 3 | median) ($(phase "$name" 3 | worst)) | $(phase "$name" 4 | median) |" \
        "$(phase "$name" 5 | median) ($(phase "$name" 5 | worst)) | $(slowest_action "$name") |"
done

cat <<EOF

Every action (its slowest occurrence in a run, ms): median over the runs (worst).

| Action | Median (worst) |
|---|---:|
EOF
cut -f1 "$work_dir/results/actions1.txt" | while IFS= read -r action; do
    times=$(for ((run = 1; run <= runs; run++)); do
        awk -F'\t' -v a="$action" '$1 == a { printf "%s ", $2 }' "$work_dir/results/actions$run.txt"
    done)
    echo "| $action | $(median <<<"$times") ($(worst <<<"$times")) |"
done

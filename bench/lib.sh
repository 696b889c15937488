# Shared by the benchmarks (sourced): their set-up (tools, build, work folder, free space), and
# waiting for idle CPUs and dropping the page cache before each
# timed run. Expects warm and wait_idle (0/1) and a log function from the caller.

# choose_cache_state "WHAT": sets drop_caches (0/1) and cache_note. If dropping the page cache
# works (root), every run starts cold; if not, all runs are warm. WHAT names the files that then
# sit in the cache.
choose_cache_state() {
    if [[ $warm -eq 1 ]]; then
        drop_caches=0
        cache_note="warm by choice (\`--warm\`): $1 sit in the page cache"
    elif (sync && echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null; then
        drop_caches=1
        cache_note="dropped before every run (\`echo 3 > /proc/sys/vm/drop_caches\` worked): cold-cache figures"
    else
        drop_caches=0
        cache_note="warm: \`sync; echo 3 > /proc/sys/vm/drop_caches\` was refused (no privileges), so $1 sit in the page cache"
    fi
}

# cpu_busy: percent of all CPUs busy (steal included) over the next 2 seconds, from /proc/stat.
cpu_busy() {
    local a b
    a=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6; exit }' /proc/stat)
    sleep 2
    b=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6; exit }' /proc/stat)
    awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); busy = y[1] - x[1]; idle = y[2] - x[2];
        total = busy + idle; printf "%.0f", (total > 0 ? 100 * busy / total : 0) }'
}

busy_starts=0
prepare_run() {
    # Write back the previous run's output now, so it is not charged to the next one.
    sync
    # On a shared machine another job's compile would be charged to whichever method runs beside it.
    if [[ $wait_idle -eq 1 ]]; then
        local waited=0 busy
        busy=$(cpu_busy)
        while [[ $busy -gt 15 && $waited -lt 300 ]]; do
            [[ $waited -eq 0 ]] && log "  waiting for the CPUs to be idle (${busy}% busy)"
            sleep 8
            waited=$((waited + 10))
            busy=$(cpu_busy)
        done
        if [[ $busy -gt 15 ]]; then
            busy_starts=$((busy_starts + 1))
            log "  starting anyway: the CPUs are still ${busy}% busy after 5 minutes"
        fi
    fi
    if [[ $drop_caches -eq 1 ]]; then
        echo 3 > /proc/sys/vm/drop_caches
    fi
}

# The set-up every benchmark shares. They set bench_name (for messages) and, for the work
# folder, keep (0/1).

# require_tools "DEBIAN PACKAGES" TOOL...: dies naming what is missing; GNU time is always needed.
require_tools() {
    local packages=$1 tool
    shift
    local missing=()
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    done
    [[ -x /usr/bin/time ]] || missing+=("/usr/bin/time (GNU time; Debian package 'time')")
    if [[ ${#missing[@]} -gt 0 ]]; then
        die "missing tools: ${missing[*]}. On Debian: sudo apt-get install $packages time"
    fi
    /usr/bin/time -f '%e %M' true 2>/dev/null || die "/usr/bin/time is not GNU time (it must accept -f '%e %M')"
}

# require_built TARGET...: build_dir made absolute, and every TARGET built in it (bench/ targets
# under bench/, coffer-cli under app/cli/).
require_built() {
    local target path absolute
    absolute=$(cd "$build_dir" 2>/dev/null && pwd) || die "no build folder '$build_dir' (pass --build DIR)"
    build_dir=$absolute
    for target in "$@"; do
        path=$build_dir/bench/$target
        [[ $target == coffer-cli ]] && path=$build_dir/app/cli/coffer-cli
        [[ -x $path ]] || die "$path is missing. Build it first:
  cmake --build $build_dir --target $*"
    done
}

# fresh_work_dir PREFIX NAME: work_dir is --work (which must be new or empty) or a new folder
# under $TMPDIR; it is removed on exit unless keep=1 (then NAME says where it is).
fresh_work_dir() {
    if [[ -z $work_dir ]]; then
        work_dir=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
    else
        mkdir -p "$work_dir"
        [[ -z $(ls -A "$work_dir") ]] || die "--work folder '$work_dir' is not empty; it is deleted afterwards, so give a new or empty one"
    fi
    work_dir=$(cd "$work_dir" && pwd)
    work_dir_owner=$2
    trap remove_work_dir EXIT
}
remove_work_dir() {
    if [[ $keep -eq 1 ]]; then
        echo "$work_dir_owner: kept $work_dir" >&2
    else
        rm -rf -- "$work_dir"
    fi
}

# require_free_kb NEED_KB: dies unless the work folder's file system has that much free.
require_free_kb() {
    local free_kb
    free_kb=$(df -Pk "$work_dir" | awk 'NR == 2 { print $4 }')
    [[ $free_kb -ge $1 ]] || die "$work_dir has $((free_kb / 1024)) MiB free; the benchmark needs about $(($1 / 1024)) MiB"
}

die() {
    echo "$bench_name: $*" >&2
    exit 2
}

# The options every benchmark takes, checked after parsing.
# Takes an option every benchmark shares (--build, --work, --runs, --warm, --no-wait-idle, --keep,
# --help) off the front of "$@"; sets `taken` to how many arguments it used, 0 for any other.
common_option() {
    taken=2
    case "$1" in
    --build) build_dir=${2:?--build needs a value} ;;
    --work) work_dir=${2:?--work needs a value} ;;
    --runs) runs=${2:?--runs needs a value} ;;
    --warm) warm=1; taken=1 ;;
    --no-wait-idle) wait_idle=0; taken=1 ;;
    --keep) keep=1; taken=1 ;;
    -h | --help) usage; exit 0 ;;
    *) taken=0 ;;
    esac
}

check_common_options() {
    [[ $size_mb =~ ^[1-9][0-9]*$ ]] || die "--size-mb takes a whole number of MiB"
    [[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs takes a whole number, 1 or more"
    [[ $seed =~ ^[0-9]+$ ]] || die "--seed takes a non-negative whole number"
}

# idle_note: one sentence for the report on how idle the CPUs were when the runs started.
idle_note() {
    if [[ $wait_idle -eq 0 ]]; then
        echo "Runs started without waiting for idle CPUs."
    elif [[ $busy_starts -eq 0 ]]; then
        echo "Every run started with the CPUs idle (< 15% busy over 2 s); other jobs may still have started during a run."
    else
        echo "$busy_starts run(s) started with the CPUs still busy after waiting 5 minutes: treat the figures with care."
    fi
}

# source_commit: the commit the tree is at, noting uncommitted changes to core/ or app/ (what
# the binaries are built from, as far as the tree tells).
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source_commit() {
    local c
    if c=$(git -C "$source_dir" rev-parse --short HEAD 2>/dev/null); then
        [[ -z $(git -C "$source_dir" status --porcelain -- core app 2>/dev/null) ]] || c="$c + uncommitted changes in core/ or app/"
    else
        c=unknown
    fi
    echo "$c"
}

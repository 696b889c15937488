# Shared by the benchmarks (sourced): wait for idle CPUs and drop the page cache before each
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

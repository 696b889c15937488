#!/usr/bin/env bash
# Encryption benchmark: what `coffer-cli backup --encrypt` adds to an unencrypted backup of one
# reference database, the runbook's `openssl enc -aes-256-cbc -pbkdf2 -iter 600000` beside it,
# the read side (full verification, decrypt), and the encrypt/decrypt stages alone in memory.
#
#   bench/encrypt_bench.sh [--size-mb N] [--build DIR] [--work DIR] [--runs N] [--seed S] [--warm]
#                          [--no-wait-idle] [--no-stages] [--keep]
#
# The Markdown report goes to stdout, progress to stderr:
#   bench/encrypt_bench.sh --size-mb 1024 > report.md
# See bench/README.md and docs/performance.md.
set -euo pipefail

size_mb=1024
build_dir=./build
work_dir=
runs=5
seed=1
keep=0
warm=0
wait_idle=1
stages=1
iterations=600000

usage() {
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'
Options:
  --size-mb N   size of the reference database in MiB (default 1024)
  --build DIR   build folder holding app/cli/coffer-cli and bench/coffer-{gen-refdb,cfr-throughput} (default ./build)
  --work DIR    scratch folder, new or empty (default: a fresh folder under $TMPDIR or /tmp)
  --runs N      runs per method; the median is reported (default 5)
  --seed S      seed of the reference database (default 1)
  --warm        do not try to drop the page cache before each run (it needs root)
  --no-wait-idle  start each run at once instead of waiting (up to 5 min) for the CPUs to be idle
  --no-stages   do not run coffer-cfr-throughput (the in-memory stage figures)
  --keep        keep the scratch folder
EOF
}

bench_name=encrypt_bench
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

while [[ $# -gt 0 ]]; do
    common_option "$@"
    if ((taken)); then shift "$taken"; continue; fi
    case "$1" in
    --size-mb) size_mb=${2:?--size-mb needs a value}; shift 2 ;;
    --seed) seed=${2:?--seed needs a value}; shift 2 ;;
    --no-stages) stages=0; shift ;;
    *) usage >&2; die "unknown argument: $1" ;;
    esac
done
check_common_options

# ---- Tools ----------------------------------------------------------------------------------

require_tools "sqlite3 zstd openssl" sqlite3 zstd openssl awk sort stat df nproc grep
openssl enc -aes-256-cbc -pbkdf2 -iter 1000 -pass pass:x -in /dev/null -out /dev/null 2>/dev/null ||
    die "this openssl has no 'enc -pbkdf2 -iter' (OpenSSL 1.1.1 or later needed)"

require_built coffer-cli coffer-gen-refdb coffer-cfr-throughput
cli=$build_dir/app/cli/coffer-cli
gen=$build_dir/bench/coffer-gen-refdb
throughput=$build_dir/bench/coffer-cfr-throughput
# The encryption options of the CLI (issue 4); an older coffer-cli cannot run this benchmark.
"$cli" backup --help 2>&1 | grep -q -- '--encrypt' || die "$cli has no 'backup --encrypt'"
"$cli" backup --help 2>&1 | grep -q -- '--passphrase-file' || die "$cli has no 'backup --passphrase-file'"
"$cli" verify --help 2>&1 | grep -q -- '--identity' || die "$cli has no 'verify --identity'"
"$cli" decrypt --help >/dev/null 2>&1 || die "$cli has no 'decrypt' command"

# What the binaries were built from, as far as the tree tells: read now, as other people may
# commit while the benchmark runs.
commit=$(source_commit)
newer=$(find "$source_dir/core" "$source_dir/app/cli" -newer "$cli" -type f \( -name '*.cpp' -o -name '*.h' \) 2>/dev/null | head -n 1)
[[ -z $newer ]] || echo "encrypt_bench: warning: $newer is newer than $cli; the report names the tree, not the binary" >&2

# ---- Scratch folder -------------------------------------------------------------------------

fresh_work_dir coffer-ebench encrypt_bench

# The database, its zstd stream and that stream encrypted, two verification repositories, and
# at most the outputs of one method plus a decoded copy at a time.
require_free_kb $((size_mb * 1024 * 6))

# Keep any user workspace out of the measurement: Coffer's built-in defaults (zstd level 3) apply.
export COFFER_WORKSPACE=$work_dir/no-workspace.yaml
export LC_ALL=C
unset COFFER_PASSPHRASE

log() { echo "encrypt_bench: $*" >&2; }

# ---- Cache state ----------------------------------------------------------------------------

# choose_cache_state, cpu_busy, prepare_run

choose_cache_state "the reference database, its zstd stream and the artifacts"

# json_field NAME: the first string value of NAME in the JSON on stdin.
json_field() { grep -o "\"$1\": *\"[^\"]*\"" | head -n 1 | sed 's/.*: *"//; s/"$//'; }
seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# ---- Inputs (not timed) ---------------------------------------------------------------------

db=$work_dir/ref.db
log "generating a ${size_mb} MiB reference database (seed $seed) in $work_dir"
start=$(date +%s.%N)
log "$("$gen" --out "$db" --size-mb "$size_mb" --seed "$seed")"
gen_seconds=$(seconds_since "$start")
db_bytes=$(stat -c %s "$db")

# The same zstd stream Coffer encrypts (a snapshot, zstd level 3), for the like-for-like openssl rows.
zst=$work_dir/ref.sqlite.zst
sqlite3 "$db" ".backup '$work_dir/snap.db'"
zstd -3 -T0 -q -c "$work_dir/snap.db" >"$zst"
rm -f "$work_dir/snap.db"
zst_bytes=$(stat -c %s "$zst")

# A key pair made once, and a passphrase file; openssl reads the same passphrase.
key=$work_dir/backup.key
key_output=$("$cli" key generate --out "$key" --json 2>"$work_dir/keygen.txt") ||
    die "coffer-cli key generate failed: $(cat "$work_dir/keygen.txt")"
recipient=$(json_field public_key <<<"$key_output")
[[ $recipient == coffer-p384:* ]] || die "coffer-cli key generate printed no public key: $key_output"
pass=$work_dir/passphrase.txt
printf '%s\n' 'correct horse battery staple' >"$pass"
chmod 600 "$pass"

# Runbook-encrypted inputs for the decrypt rows.
openssl enc -aes-256-cbc -pbkdf2 -iter "$iterations" -salt -pass "file:$pass" -in "$db" -out "$work_dir/ref.db.enc"
openssl enc -aes-256-cbc -pbkdf2 -iter "$iterations" -salt -pass "file:$pass" -in "$zst" -out "$work_dir/ref.sqlite.zst.enc"

# One backup of each kind to verify and decrypt, in repositories of their own.
"$cli" init "$work_dir/repo-plain" >/dev/null
plain_json=$("$cli" backup --repo "$work_dir/repo-plain" --path "$db" --json)
plain_id=$(json_field id <<<"$plain_json")
"$cli" init "$work_dir/repo-enc" >/dev/null
enc_json=$("$cli" backup --repo "$work_dir/repo-enc" --path "$db" --json --encrypt --recipient "$recipient")
enc_id=$(json_field id <<<"$enc_json")
enc_artifact=$(json_field artifact <<<"$enc_json")
[[ $(json_field encryption <<<"$enc_json") == cfr1 ]] || die "the encrypted set-up backup is not encrypted: $enc_json"
[[ -n $plain_id && -n $enc_id && -f $enc_artifact ]] || die "the set-up backups did not report an id and artifact"

# ---- Measurement ----------------------------------------------------------------------------

# results/<key>: one line per run: wall seconds, peak RSS KiB, output bytes, CPU seconds (user + sys).
results=$work_dir/results
out=$work_dir/out
mkdir -p "$results" "$out"

# timed KEY SIZE-FROM EXPECT -- COMMAND...: runs COMMAND under GNU time after prepare_run and
# records wall time, peak RSS, CPU time and the output size: of the file SIZE-FROM, or with
# SIZE-FROM=json the artifact_size of Coffer's JSON, or 0 with SIZE-FROM=none. EXPECT is a
# pattern the command's stdout must hold (or - for none): it proves the run did what its row says.
timed() {
    local key=$1 size_from=$2 expect=$3
    shift 4
    prepare_run
    local timing=$work_dir/time.txt stdout=$work_dir/stdout.txt stderr=$work_dir/stderr.txt
    if ! /usr/bin/time -f '%e %M %U %S' -o "$timing" "$@" >"$stdout" 2>"$stderr"; then
        log "'$key' failed:"
        cat "$stderr" "$stdout" >&2
        exit 1
    fi
    if [[ $expect != - ]] && ! grep -q -- "$expect" "$stdout"; then
        log "'$key' did not print '$expect':"
        cat "$stdout" >&2
        exit 1
    fi
    local seconds rss user sys bytes
    read -r seconds rss user sys < <(tail -n 1 "$timing")
    case $size_from in
    json) bytes=$(grep -o '"artifact_size": *[0-9]*' "$stdout" | grep -o '[0-9]*$') ;;
    none) bytes=0 ;;
    *) bytes=$(stat -c %s "$size_from") ;;
    esac
    grep -o '"duration_ms": *[0-9]*' "$stdout" | head -n 1 | grep -o '[0-9]*$' >>"$results/$key.duration" || true
    local cpu
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    echo "$seconds $rss $bytes $cpu" >>"$results/$key"
    log "  $key: ${seconds} s, ${cpu} CPU s, $((rss / 1024)) MiB peak RSS, $((bytes / 1048576)) MiB out ($(cut -d' ' -f1 /proc/loadavg) load)"
}

coffer_backup() {
    local key=$1 scheme=$2
    shift 2
    rm -rf "$out/repo"
    "$cli" init "$out/repo" >/dev/null
    timed "$key" json "\"encryption\": *\"$scheme\"" -- "$cli" backup --repo "$out/repo" --path "$db" --json "$@"
    rm -rf "$out/repo"
}

openssl_enc=(openssl enc -aes-256-cbc -pbkdf2 -iter "$iterations" -salt -pass "file:$pass")

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((run = 1; run <= runs; run++)); do
    log "round $run of $runs"
    # Methods are interleaved, round by round, so drift in the machine touches them all alike.
    coffer_backup plain none
    coffer_backup recipient cfr1 --encrypt --recipient "$recipient"
    coffer_backup passphrase cfr1 --encrypt --passphrase-file "$pass"

    timed openssl-db "$out/out.enc" - -- "${openssl_enc[@]}" -in "$db" -out "$out/out.enc"
    rm -f "$out/out.enc"
    timed openssl-zst "$out/out.enc" - -- "${openssl_enc[@]}" -in "$zst" -out "$out/out.enc"
    rm -f "$out/out.enc"
    timed hand "$out/out.enc" - -- bash -c 'sqlite3 "$1" ".backup \"$2/snap.db\"" && zstd -3 -T0 -q -c "$2/snap.db" | "${@:3}" -out "$2/out.enc" && rm -f "$2/snap.db"' \
        _ "$db" "$out" "${openssl_enc[@]}"
    rm -f "$out/out.enc" "$out/snap.db"

    timed verify-plain none '"ok": *true' -- "$cli" verify --repo "$work_dir/repo-plain" --level full --json "$plain_id"
    timed verify-enc none '"name": *"decrypt"' -- "$cli" verify --repo "$work_dir/repo-enc" --level full --json \
        --identity "$key" "$enc_id"

    timed decrypt "$out/out.zst" - -- "$cli" decrypt "$enc_artifact" --out "$out/out.zst" --identity "$key"
    rm -f "$out/out.zst"
    timed openssl-d-zst "$out/out.zst" - -- "${openssl_enc[@]}" -d -in "$work_dir/ref.sqlite.zst.enc" -out "$out/out.zst"
    rm -f "$out/out.zst"
    timed openssl-d-db "$out/out.db" - -- "${openssl_enc[@]}" -d -in "$work_dir/ref.db.enc" -out "$out/out.db"
    rm -f "$out/out.db"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

stage_report=
if [[ $stages -eq 1 ]]; then
    log "the stages alone, in memory (coffer-cfr-throughput on the zstd stream, $runs runs)"
    prepare_run
    stage_report=$("$throughput" --size-mb 1024 --runs "$runs" --input "$zst")
fi

idle_note=$(idle_note)

# ---- Report ---------------------------------------------------------------------------------

# median FILE COLUMN: the median of one column over the runs (the lower middle for even counts).
median() {
    awk -v c="$2" '{ print $c }' "$results/$1" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
all_times() { awk '{ printf "%s%s", sep, $1; sep = ", " }' "$results/$1"; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
kib_to_mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
percent() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f%%", 100 * (a / b - 1) }'; }
# paired KEY BASE: the median over rounds of KEY's time / BASE's time in the same round, as a
# percentage over BASE. Rounds are interleaved, so this cancels drift between rounds.
paired() {
    paste -d' ' "$results/$1" "$results/$2" | awk '{ print $1 / $5 }' | sort -g |
        awk '{ v[NR] = $1 } END { printf "%+.1f%%", 100 * (v[int((NR + 1) / 2)] - 1) }'
}
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 <= t) ? "**met**" : "**missed**" }'; }

row() {
    local key=$1 label=$2 size
    size=$(median "$key" 3)
    [[ $size == 0 ]] && size=— || size=$(mib "$size")
    printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$(median "$key" 1)" "$(median "$key" 4)" "$size" \
        "$(kib_to_mib "$(median "$key" 2)")" "$(all_times "$key")"
}

commit_after=$(source_commit)
[[ $commit_after == "$commit" ]] || commit="$commit (at the start; $commit_after at the end)"
cli_built=$(date -r "$cli" '+%Y-%m-%d %H:%M:%S')
cpu=$(lscpu 2>/dev/null | awk -F: '/Model name/ { gsub(/^[ \t]+/, "", $2); print $2; exit }')
mem_gib=$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)

t_plain=$(median plain 1)
over_recipient=$(percent "$(median recipient 1)" "$t_plain")
over_passphrase=$(percent "$(median passphrase 1)" "$t_plain")

cat <<EOF
## Encryption benchmark: $(mib "$db_bytes") MiB reference database

Reference database: \`coffer-gen-refdb --size-mb $size_mb --seed $seed\`, $db_bytes bytes, generated in $gen_seconds s; its zstd stream (\`sqlite3 .backup\` then \`zstd -3 -T0\`): $zst_bytes bytes.
Coffer: source at commit $commit; \`coffer-cli\` built $cli_built (\`$(basename "$build_dir")\`, $(grep -s '^CMAKE_BUILD_TYPE:' "$build_dir/CMakeCache.txt" | cut -d= -f2)).
Machine: $(nproc) CPUs ($cpu), $mem_gib GiB RAM; $(openssl version | awk '{ print $1, $2 }') (command line), sqlite3 $(sqlite3 --version | awk '{ print $1 }'), zstd $(zstd --version | grep -o 'v[0-9.]*' | head -n 1).
Runs per method: $runs (median reported; methods interleaved round by round). Page cache: $cache_note.
Load average (1, 5, 15 min) before the runs: $load_before; after: $load_after. $idle_note
Passphrase: PBKDF2-HMAC-SHA-256 with $iterations iterations for Coffer (its default) and for \`openssl enc\`.

| Method | Median time (s) | CPU (s) | Output (MiB) | Peak RSS (MiB) | Runs (s) |
|---|---:|---:|---:|---:|---|
$(row plain "a) \`coffer-cli backup\` (zstd 3, unencrypted)")
$(row recipient "b) \`coffer-cli backup --encrypt --recipient KEY\`")
$(row passphrase "c) \`coffer-cli backup --encrypt --passphrase-file F\`")
$(row openssl-db "d) runbook: \`openssl enc -aes-256-cbc -pbkdf2 -iter $iterations\` of the database file")
$(row openssl-zst "d') the same \`openssl enc\` of the zstd stream (the bytes Coffer encrypts)")
$(row hand "d'') \`sqlite3 .backup\` + \`zstd -3 -T0 | openssl enc ...\` by hand")
$(row verify-plain "e) \`coffer-cli verify --level full\`, unencrypted backup")
$(row verify-enc "e') \`coffer-cli verify --level full --identity KEY\`, encrypted backup")
$(row decrypt "f) \`coffer-cli decrypt ARTIFACT --out F.zst --identity KEY\`")
$(row openssl-d-zst "f') \`openssl enc -d\` of the encrypted zstd stream")
$(row openssl-d-db "f'') \`openssl enc -d\` of the encrypted database file (runbook restore)")

Coffer's own \`duration_ms\` (median): a) $(median plain.duration 1) ms, b) $(median recipient.duration 1) ms, c) $(median passphrase.duration 1) ms; full verification e) $(median verify-plain.duration 1) ms, e') $(median verify-enc.duration 1) ms.

| Target | Medians | Paired by round | Target | Result |
|---|---:|---:|---:|---|
| b) over a): encryption to a public key | $over_recipient | $(paired recipient plain) | <= +15% | $(verdict "${over_recipient%\%}" 15) |
| c) over a): encryption with a passphrase | $over_passphrase | $(paired passphrase plain) | <= +15% | $(verdict "${over_passphrase%\%}" 15) |
| e') over e): full verification, encrypted | $(percent "$(median verify-enc 1)" "$(median verify-plain 1)") | $(paired verify-enc verify-plain) | — | — |
EOF
if [[ -n $stage_report ]]; then
    cat <<EOF

### Stages alone, in memory (\`coffer-cfr-throughput --size-mb 1024 --runs $runs --input ZST\`)

$stage_report
EOF
fi

#!/usr/bin/env bash
# Builds the container fuzz target with clang (its own CMake project, apart from the g++ build)
# and fuzzes it for a bounded time; fails on any crash, leak, sanitizer report or invariant.
#   tests/fuzz/run.sh [BUILD_DIR]      default build/fuzz; ctest passes <build>/fuzz
#   COFFER_FUZZ_SECONDS=60             how long to fuzz
#   COFFER_FUZZ_CXX=clang++-16         the compiler (clang with libFuzzer)
# Extra libFuzzer flags after `--`: tests/fuzz/run.sh build/fuzz -- -jobs=4 -workers=4
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/build/fuzz}"
shift || true
[ "${1:-}" = "--" ] && shift
seconds="${COFFER_FUZZ_SECONDS:-60}"
cxx="${COFFER_FUZZ_CXX:-clang++-16}"
cmake="${COFFER_CMAKE:-cmake}"

# A clear message instead of a CMake or linker error when the toolchain is missing.
missing=
if ! command -v "$cxx" >/dev/null 2>&1; then
  missing="$cxx"
elif ! compgen -G "$("$cxx" -print-runtime-dir)/libclang_rt.fuzzer*.a" >/dev/null; then
  missing="libFuzzer's runtime for $cxx (libclang_rt.fuzzer*.a in $("$cxx" -print-runtime-dir))"
fi
if [ -n "$missing" ]; then
  echo "fuzz_container: $missing is not installed; the fuzz target needs the Debian packages" \
       "clang-16 and libclang-rt-16-dev: run 'bash installer/debian-deps.sh' (make test does)" >&2
  exit 1
fi

if [ ! -f "$build/build.ninja" ]; then
  "$cmake" -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
fi
"$cmake" --build "$build"

# Seeds are regenerated from the binary (no blobs in the repository); what the fuzzer finds
# goes to corpus/, which later runs in the same build directory reuse.
rm -rf "$build/seeds"
COFFER_FUZZ_WRITE_SEEDS="$build/seeds" "$build/fuzz_container"
mkdir -p "$build/corpus" "$build/crashes"
# Symbolised stacks in sanitizer reports when an llvm-symbolizer is at hand.
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ]; then
  for candidate in "$(dirname "$(readlink -f "$(command -v "$cxx")")")/llvm-symbolizer" \
                   "$(readlink -f "$(command -v llvm-symbolizer || true)")"; do
    if [ -x "$candidate" ] && [ ! -d "$candidate" ]; then
      export ASAN_SYMBOLIZER_PATH="$candidate"
      break
    fi
  done
fi
echo "fuzz_container: fuzzing for ${seconds}s; crashing inputs go to $build/crashes/" >&2
status=0
"$build/fuzz_container" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
  -dict="$here/fuzz_container.dict" -artifact_prefix="$build/crashes/" -print_final_stats=1 \
  "$@" "$build/corpus" "$build/seeds" 2>"$build/last-run.log" || status=$?
grep -E '^(#[0-9]+[[:space:]]+DONE|stat::|==[0-9]+==ERROR|SUMMARY)' "$build/last-run.log" >&2 || true
if [ "$status" -ne 0 ]; then
  tail -n 60 "$build/last-run.log" >&2
  echo "fuzz_container: FAILED (exit $status); the input is in $build/crashes/," \
       "replay it with: $build/fuzz_container <file>; full log: $build/last-run.log" >&2
  exit 1
fi
echo "fuzz_container: no crash in ${seconds}s" >&2

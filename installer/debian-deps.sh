#!/usr/bin/env bash
# Installs every build, test and run dependency of Coffer from Debian 12 packages.
# Does nothing when all of them are present; runs `apt-get update` before installing.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config
  # Qt 6.4 (Core, Gui, Widgets, Test, Concurrent, Charts, Svg, translations tools)
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-qpa-plugins libqt6svg6 fonts-dejavu-core
  # core libraries
  libsqlite3-dev libssl-dev zlib1g-dev libzstd-dev libyaml-cpp-dev
  # stock tools used by tests and benchmarks (restorability with stock tools, runbook pipeline)
  sqlite3 zstd gzip time procps util-linux openssl
  # developer tooling behind `make format`
  clang-format
  # the container fuzz target (tests/fuzz): clang 16 and its libFuzzer/sanitizer runtimes
  clang-16 libclang-rt-16-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "debian-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# Opens the console on the demo workspace. With no display, runs on the offscreen platform,
# saves a screenshot of the main window and says where. Then prints the CLI listing.
# Usage: open-console.sh BUILD_DIR DEMO_DIR
set -euo pipefail
build=$(realpath "$1")
demo=$(realpath "$2")
export COFFER_WORKSPACE="$demo/workspace.yaml"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  "$build/app/gui/coffer" --workspace "$COFFER_WORKSPACE" &
  echo "The console is open on $COFFER_WORKSPACE"
else
  # Headless: Qt wants a private runtime folder, and its offscreen platform warns about
  # window size hints it cannot apply; neither matters for a screenshot.
  if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
    export XDG_RUNTIME_DIR="$demo/runtime"
    mkdir -p -m 700 "$XDG_RUNTIME_DIR"
  fi
  QT_QPA_PLATFORM=offscreen "$build/app/gui/coffer" --workspace "$COFFER_WORKSPACE" \
    --screenshot "$demo/screenshot.png" 2> >(grep -v 'propagateSizeHints' >&2)
fi
echo
echo "coffer-cli list (demo repository):"
"$build/app/cli/coffer-cli" list

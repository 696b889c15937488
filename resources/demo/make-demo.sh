#!/usr/bin/env bash
# Creates the demo workspace `make run` opens: three generated databases (one in WAL mode
# with a writer's history between backups), a repository, and a few verified backups.
# Usage: make-demo.sh BUILD_DIR DEMO_DIR
set -euo pipefail
build=$(realpath "$1")
demo=$(realpath -m "$2")
cli="$build/app/cli/coffer-cli"
gen="$build/bench/coffer-gen-refdb"
for tool in "$cli" "$gen"; do
  [ -x "$tool" ] || { echo "make-demo: $tool is missing; run 'make build' first" >&2; exit 1; }
done
command -v sqlite3 >/dev/null || { echo "make-demo: sqlite3 is missing; run installer/debian-deps.sh" >&2; exit 1; }

rm -rf "$demo"
mkdir -p "$demo/data"
"$gen" --out "$demo/data/shop.db" --size-mb 24 --seed 7 --wal >/dev/null
"$gen" --out "$demo/data/acme-orders.db" --size-mb 4 --seed 11 >/dev/null
"$gen" --out "$demo/data/acme-billing.db" --size-mb 2 --seed 13 >/dev/null

cat >"$demo/workspace.yaml" <<YAML
# Demo workspace made by resources/demo/make-demo.sh. Paths are relative to this file.
version: 1
repositories:
  - name: local
    path: repo
    default: true
databases:
  - name: shop
    path: data/shop.db
    smoke_queries:                 # run by restore drills on the restored copy
      - sql: SELECT count(*) FROM orders
        expect: "> 0"
      - sql: SELECT count(*) FROM customers
        expect: "= manifest(customers)"
  - name: acme-orders
    path: data/acme-orders.db
    group: acme
  - name: acme-billing
    path: data/acme-billing.db
    group: acme
defaults:
  compression: zstd
  level: 3
backup:
  retention_days: 30
  schedules:
    shop: {interval_hours: 6, retain_count: 10}
schedules:          # 'coffer-cli schedule list' shows what runs when; the console runs what is due
  timezone: UTC
  default:
    backup: {at: "02:30"}
    verify: {interval_hours: 24, level: full}
    drill: {at: "04:00", days: [sun]}
  groups:
    acme: {backup: {at: "02:30", days: weekdays}}
retention:          # 'coffer-cli prune --dry-run' shows what it keeps and why
  timezone: UTC
  default: {keep_daily: 7, keep_weekly: 4, keep_monthly: 12}
  groups:
    acme: {keep_last: 3}
YAML

export COFFER_WORKSPACE="$demo/workspace.yaml"
# A writer's history: each round adds orders and events, the way an application would.
write_history() {
  sqlite3 "$demo/data/shop.db" <<SQL >/dev/null
PRAGMA busy_timeout = 5000;
BEGIN;
INSERT INTO orders(customer_id, placed_at, status, currency, amount_cents, item_count)
  SELECT customer_id, placed_at + 3600, 'new', currency, amount_cents + $1, item_count
  FROM orders ORDER BY id DESC LIMIT 2000;
INSERT INTO events(ts, kind, payload)
  SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'order.created', '{"batch": $1}' FROM orders LIMIT 500;
COMMIT;
SQL
}

"$cli" init "$demo/repo" >/dev/null
"$cli" backup --all --tag demo >/dev/null
write_history 100
"$cli" backup --db shop --tag hourly >/dev/null
write_history 200
"$cli" backup --group acme --compression gzip >/dev/null
"$cli" backup --db shop --tag before-migration >/dev/null
"$cli" verify --all --level full >/dev/null
"$cli" drill --all >/dev/null
echo "Demo workspace: $demo/workspace.yaml"

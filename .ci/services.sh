#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on 127.0.0.1 before the tests that need them.
# The CI machine starts both before the run; this restarts one that has stopped.
set -euo pipefail

wait_for() {
  local name=$1 check=$2
  for _ in $(seq 1 30); do
    if eval "$check" >/dev/null 2>&1; then echo "== $name is up"; return 0; fi
    sleep 1
  done
  echo "== $name did not come up" >&2
  return 1
}

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "== starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
fi
wait_for PostgreSQL "pg_isready -h 127.0.0.1 -p 5432 -q"

if ! redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then
  echo "== starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no || true
fi
wait_for Redis "redis-cli -h 127.0.0.1 -p 6379 ping | grep -q PONG"

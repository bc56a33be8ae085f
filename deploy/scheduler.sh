#!/bin/sh
# A minimal cron for the container: once a minute, run every line of schedule.txt whose minute
# and hour fields match ("*" or a number). Exactly one scheduler per installation.
set -u
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python}
SCHEDULE=${SCHEDULE_FILE:-deploy/schedule.txt}
matches() { [ "$1" = "*" ] || [ "$1" -eq "$2" ] 2>/dev/null; }
while true; do
  minute=$(date -u +%M | sed 's/^0//'); hour=$(date -u +%H | sed 's/^0//')
  grep -v '^#' "$SCHEDULE" | grep -v '^[[:space:]]*$' | while read -r m h _d _mo _w cmd; do
    if matches "$m" "${minute:-0}" && matches "$h" "${hour:-0}"; then
      # shellcheck disable=SC2086  # the command line is split into words on purpose
      "$PYTHON" manage.py $cmd || echo "scheduler: '$cmd' failed" >&2
    fi
  done
  sleep $((60 - $(date -u +%S | sed 's/^0//')))
done

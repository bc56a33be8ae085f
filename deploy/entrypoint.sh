#!/bin/sh
# Container entry point. `web` (default) serves the app with gunicorn; `migrate` applies
# migrations and exits (run it once per upgrade, before the new app servers start);
# `scheduler` runs the crontab of management commands; anything else runs as a manage.py command.
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python}
case "${1:-web}" in
  web)
    if [ "${MIGRATE_ON_START:-false}" = "true" ]; then
      "$PYTHON" manage.py migrate --noinput
    fi
    exec "$PYTHON" -m gunicorn groepsconsult.wsgi:application \
      --bind "${BIND:-0.0.0.0:8000}" \
      --workers "${WEB_WORKERS:-3}" \
      --timeout "${WEB_TIMEOUT:-60}" \
      --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}" \
      --access-logfile - --access-logformat '%(m)s %(U)s %(s)s %(L)s'
    ;;
  migrate)
    exec "$PYTHON" manage.py migrate --noinput
    ;;
  scheduler)
    exec "$(dirname "$0")/scheduler.sh"
    ;;
  *)
    exec "$PYTHON" manage.py "$@"
    ;;
esac

#!/usr/bin/env bash
# Production mode, as CI proves it on every run: PostgreSQL, DEBUG off, granian serving the collected
# assets, the real background worker and a local SMTP sink, then the smoke journey in Chromium.
#   tools/production_run.sh postgres://postgres@127.0.0.1:5432/senate_production
# Everything listens on loopback only and is stopped when the script ends.
set -euo pipefail
cd "$(dirname "$0")/.."
DATABASE_URL="${1:?give the URL of an empty PostgreSQL database}"
WEB_PORT="${WEB_PORT:-8765}"
SMTP_PORT="${SMTP_PORT:-8025}"
RUN_DIR="$(mktemp -d)"
export DATABASE_URL DEBUG=0 SENATE_TESTING=0 SECRET_KEY="ci-$(head -c 96 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export ALLOWED_HOSTS=localhost,127.0.0.1 SITE_URL="http://localhost:$WEB_PORT"
export EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend EMAIL_HOST=127.0.0.1 EMAIL_PORT="$SMTP_PORT"
export STATIC_ROOT="$RUN_DIR/static" MEDIA_ROOT="$RUN_DIR/media"
BIN=.venv/bin

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT

echo "-- migrate and build the demo Senate with DEBUG off"
$BIN/senate migrate --verbosity 0
$BIN/senate demo --scale demo > "$RUN_DIR/demo.log" 2>&1 || { cat "$RUN_DIR/demo.log"; exit 1; }

echo "-- manage.py check --deploy (any warning not explained in settings fails)"
$BIN/senate check --deploy --fail-level WARNING

echo "-- collect static files and start granian, the worker and the SMTP sink"
# Plain HTTP on loopback, so no redirect to HTTPS and cookies that HTTP carries; in a real deployment
# TLS ends at the proxy in front and these stay on (docs/deploy.md), as checked just above.
export SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0
$BIN/senate collectstatic --noinput --verbosity 0
$BIN/python tools/smtp_sink.py --port "$SMTP_PORT" --folder "$RUN_DIR/mailbox" & pids+=($!)
$BIN/senate worker --verbosity 0 > "$RUN_DIR/worker.log" 2>&1 & pids+=($!)
$BIN/granian --interface wsgi --host 127.0.0.1 --port "$WEB_PORT" --workers 2 --log-level warning \
  senate.config.wsgi:application > "$RUN_DIR/web.log" 2>&1 & pids+=($!)
$BIN/python - "http://127.0.0.1:$WEB_PORT/" <<'PY' || { echo "granian did not start:"; cat "$RUN_DIR/web.log"; exit 1; }
import sys, time, urllib.request
for _ in range(60):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=5)
        sys.exit(0)
    except OSError:
        time.sleep(1)
sys.exit(1)
PY

echo "-- the smoke journey in Chromium"
if ! $BIN/python tests/production/smoke.py --base-url "http://localhost:$WEB_PORT" --mailbox "$RUN_DIR/mailbox"; then
  echo "--- web log"; tail -50 "$RUN_DIR/web.log"; echo "--- worker log"; tail -50 "$RUN_DIR/worker.log"
  exit 1
fi

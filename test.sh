#!/usr/bin/env bash
# Runs every test of Cantate on a fresh Debian machine:
#  - installs what the tests need (Chromium, PostgreSQL; smtp4dev as a local .NET tool),
#  - starts PostgreSQL and smtp4dev on loopback for the duration of the run,
#  - builds and runs all test projects, then prints "N passed, N failed".
# Ports can be moved with CANTATE_TEST_PG_PORT, CANTATE_TEST_SMTP_PORT and CANTATE_TEST_SMTP4DEV_HTTP_PORT.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
PG_PORT=${CANTATE_TEST_PG_PORT:-55432}
SMTP_PORT=${CANTATE_TEST_SMTP_PORT:-2525}
SMTP_HTTP_PORT=${CANTATE_TEST_SMTP4DEV_HTTP_PORT:-5181}

say() { printf '==> %s\n' "$*" >&2; }

# 1. System packages.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { echo "apt-get could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "Missing ${missing[*]}: run this script as root, or install them with apt-get."; echo "0 passed, 1 failed"; exit 1
  fi
fi
PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

# 2. smtp4dev, a real SMTP server with an HTTP API to read what arrived.
SMTP4DEV="$ROOT/.tools/smtp4dev"
if [ ! -x "$SMTP4DEV" ]; then
  say "installing smtp4dev"
  dotnet tool install --tool-path "$ROOT/.tools" Rnwood.Smtp4dev --version 3.15.0 >/dev/null \
    || { echo "could not install smtp4dev"; echo "0 passed, 1 failed"; exit 1; }
fi

# 3. Services, stopped whatever happens.
RUN=$(mktemp -d /tmp/cantate-test.XXXXXX)
chmod 755 "$RUN"
SMTP_PID=
cleanup() {
  [ -n "$SMTP_PID" ] && kill "$SMTP_PID" 2>/dev/null
  if [ -f "$RUN/pg/data/postmaster.pid" ]; then
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$RUN/pg/data" -m fast -w stop >/dev/null 2>&1
    else "$PG_BIN/pg_ctl" -D "$RUN/pg/data" -m fast -w stop >/dev/null 2>&1; fi
  fi
  rm -rf "$RUN"
}
trap cleanup EXIT

say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
mkdir -p "$RUN/pg/sock"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown -R postgres:postgres "$RUN/pg"
as_pg "$PG_BIN/initdb" -D "$RUN/pg/data" -U cantate --auth=trust -E UTF8 --locale=C.UTF-8 >"$RUN/initdb.log" 2>&1 \
  || { cat "$RUN/initdb.log"; echo "0 passed, 1 failed"; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$RUN/pg/data" -l "$RUN/pg/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $RUN/pg/sock -c fsync=off -c synchronous_commit=off -c max_connections=300" start >/dev/null \
  || { cat "$RUN/pg/log"; echo "0 passed, 1 failed"; exit 1; }

say "starting smtp4dev on 127.0.0.1:$SMTP_PORT (API on :$SMTP_HTTP_PORT)"
XDG_CONFIG_HOME="$RUN/smtp4dev" "$SMTP4DEV" --urls="http://127.0.0.1:$SMTP_HTTP_PORT" --smtpport="$SMTP_PORT" \
  --imapport="${CANTATE_TEST_IMAP_PORT:-1143}" --pop3port="${CANTATE_TEST_POP3_PORT:-1110}" --bindaddress=127.0.0.1 --db="" --nousersettings >"$RUN/smtp4dev.log" 2>&1 &
SMTP_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$SMTP_HTTP_PORT/api/messages" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$SMTP_HTTP_PORT/api/messages" >/dev/null 2>&1 || { cat "$RUN/smtp4dev.log"; echo "0 passed, 1 failed"; exit 1; }

export CANTATE_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=cantate;Maximum Pool Size=20"
export CANTATE_TEST_SMTP4DEV_URL="http://127.0.0.1:$SMTP_HTTP_PORT"
export CANTATE_TEST_SMTP_PORT="$SMTP_PORT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# 4. Build, then every test project.
say "building"
if ! dotnet build Cantate.slnx -nologo -v q >"$RUN/build.log" 2>&1; then
  grep -E "error" "$RUN/build.log" | sort -u | head -50
  echo "0 passed, 1 failed"
  exit 1
fi
say "testing"
dotnet test Cantate.slnx --no-build -nologo 2>&1 | tee "$RUN/test.log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test assembly; CI reads one line.
passed=$(grep -Eo 'Passed: +[0-9]+' "$RUN/test.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$RUN/test.log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]

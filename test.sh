#!/usr/bin/env bash
# Runs the whole ScamWatch test suite on a fresh Debian machine with the .NET 10 SDK.
# Installs what the tests need when it is missing (PostgreSQL server binaries, Chromium and a Hangul font for the
# browser tests); the tests start their own throwaway PostgreSQL cluster, web servers on 127.0.0.1 and headless
# Chromium, and stop them again.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -d /usr/share/fonts/truetype/nanum ] || missing+=(fonts-nanum)
if ((${#missing[@]})); then
  echo "test.sh: installing ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build ScamWatch.sln -c Release -nologo -v q -clp:NoSummary

# The Dockerfile's publish step, run here so CI proves it builds (Docker itself does not run on CI machines).
dotnet publish src/ScamWatch/ScamWatch.csproj -c Release -o artifacts/publish -nologo -v q -clp:NoSummary
dotnet artifacts/publish/scamwatch.dll --help >/dev/null

log="$(mktemp)"
set +e
dotnet test ScamWatch.sln -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}' || true)
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}' || true)
rm -f "$log"
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"

#!/usr/bin/env bash
# The one test command: installs what the tests need (PostgreSQL, Debian's chromium and nginx), then runs the format check,
# a locked restore, the build, the migration-drift check and every test project. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || need_apt+=(postgresql)
command -v chromium > /dev/null || need_apt+=(chromium)
[ -x /usr/sbin/nginx ] || need_apt+=(nginx)
command -v pdftotext > /dev/null || need_apt+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} ..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  # RUNLEVEL=1: the packages' own services (nginx on port 80) are not started; the tests start what they need.
  $SUDO env RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" > /dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore > /dev/null
dotnet restore OpenPgb.slnx --locked-mode
dotnet format OpenPgb.slnx --verify-no-changes --no-restore
dotnet build OpenPgb.slnx --no-restore -c Release

echo "Checking that the EF model and the migrations agree ..."
for context in SqliteOpenPgbDbContext PostgresOpenPgbDbContext; do
  dotnet ef migrations has-pending-model-changes --project src/OpenPgb.Core --context "$context" --no-build --configuration Release
done

results=$(mktemp -d)
status=0
for project in tests/OpenPgb.Core.Tests tests/OpenPgb.Web.Tests tests/OpenPgb.EndToEnd.Tests; do
  name=$(basename "$project")
  echo "== $name"
  if ! dotnet test --project "$project" --no-build -c Release 2>&1 | tee "$results/$name.log"; then
    status=1
  fi
done

passed=0; failed=0; skipped=0
for log in "$results"/*.log; do
  p=$(grep -E '^\s*succeeded: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  f=$(grep -E '^\s*failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  s=$(grep -E '^\s*skipped: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  t=$(grep -E '^\s*total: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  if [ "$t" = "0" ]; then
    echo "$(basename "$log" .log) ran no test" >&2
    status=1
  fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done
rm -rf "$results"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || status=1
exit $status

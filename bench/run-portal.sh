#!/usr/bin/env bash
# Portal load benchmark: 100,000 budget holders (real 501s), 150,000 agreements, 10,000,000 approved claims with their
# ledger bookings; 100 budget holders signed in through the login form. Open loop: 200 requests a second for 60 s,
# half their overview, half a static file, timed from when each was due; then capacity: all users without think
# time on the overview only, then the static file only. Loopback only. Writes bench/results/portal.json.
set -euo pipefail
cd "$(dirname "$0")/.."
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null; }
dotnet build OpenPgb.slnx -c Release > /dev/null
dotnet run -c Release --no-build --project bench/OpenPgb.Bench -- portal "$@"

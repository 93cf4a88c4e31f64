#!/usr/bin/env bash
# Portal load benchmark: 100,000 budget holders (real 501s), 150,000 agreements, 10,000,000 approved claims with their
# ledger bookings; 100 budget holders signed in through the login form open their overview while a static file is
# fetched in the same run. Loopback only, bounded in requests. Writes bench/results/portal.json.
set -euo pipefail
cd "$(dirname "$0")/.."
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null; }
dotnet build OpenPgb.slnx -c Release > /dev/null
dotnet run -c Release --no-build --project bench/OpenPgb.Bench -- portal "$@"

#!/usr/bin/env bash
# Reports and risk-scan benchmark (issue 14): the national data set (100,000 budget holders, 10,000,000 approved
# claims with their bookings); the spend report of the largest grantor on screen and as Excel against a raw GROUP BY
# over the same claims, and the whole risk scan with its peak memory. Writes bench/results/reports.json.
set -euo pipefail
cd "$(dirname "$0")/.."
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null; }
dotnet build OpenPgb.slnx -c Release > /dev/null
dotnet run -c Release --no-build --project bench/OpenPgb.Bench -- reports "$@"

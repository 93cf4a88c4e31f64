#!/usr/bin/env bash
# Intake benchmark: N = 100,000 beside N = 10,000, into a fresh PostgreSQL (fsync on). Writes bench/results/intake.json.
set -euo pipefail
cd "$(dirname "$0")/.."
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null; }
dotnet build src/OpenPgb.Cli -c Release -v q > /dev/null
dotnet run -c Release --project bench/OpenPgb.Bench -- "$@"

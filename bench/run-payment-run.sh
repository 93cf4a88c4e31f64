#!/usr/bin/env bash
# Payment-run benchmark: 100,000 budget holders (real 501s), 150,000 agreements, then 100,000 and 1,000,000 approved
# claims, each paid by `openpgb payments run` beside an INSERT ... SELECT baseline. Writes bench/results/payment-run.json.
set -euo pipefail
cd "$(dirname "$0")/.."
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null; }
dotnet build OpenPgb.slnx -c Release > /dev/null
dotnet run -c Release --no-build --project bench/OpenPgb.Bench -- payment-run "$@"

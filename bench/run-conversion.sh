#!/usr/bin/env bash
# Conversion benchmark: one municipality of 10,000 budget holders, 20,000 agreements and 1,000,000 historic claims with
# their payments (and first a grantor a tenth of that size), `openpgb conversion run` beside a COPY baseline of the same
# export files. Writes bench/results/conversion.json.
set -euo pipefail
cd "$(dirname "$0")/.."
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null; }
dotnet build OpenPgb.slnx -c Release > /dev/null
dotnet run -c Release --no-build --project bench/OpenPgb.Bench -- conversion "$@"

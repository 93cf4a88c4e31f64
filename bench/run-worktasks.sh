#!/usr/bin/env bash
# Work-task list benchmark: 100,000 tasks of one grantor; the employee's list and counts timed. Writes bench/results/worktasks.json.
set -euo pipefail
cd "$(dirname "$0")/.."
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null; }
dotnet run -c Release --project bench/OpenPgb.Bench -- worktasks "$@"

#!/usr/bin/env sh
# Exercism's test-runner interface: bin/run.sh <exercise-slug> <input-dir> <output-dir>
# Writes <output-dir>/results.json (version 3) and exits 0 whatever the tests said.
# KATA names the `kata` command (default: this repository's .venv/bin/kata, else `kata`).
set -eu
if [ $# -ne 3 ]; then
  echo "usage: bin/run.sh <exercise-slug> <input-dir> <output-dir>" >&2
  exit 2
fi
repo=$(cd "$(dirname "$0")/.." && pwd)
kata=${KATA:-"$repo/.venv/bin/kata"}
[ -x "$kata" ] || kata=kata
exec "$kata" --root "$repo" runner "$1" "$2" "$3"

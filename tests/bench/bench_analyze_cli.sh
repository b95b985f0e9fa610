#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Whole-process corpus analysis: `pianola-cli analyze --json` over 1,000 files (the 300 POP909
# songs repeated), all cores, with hyperfine. Usage: bench_analyze_cli.sh PIANOLA_CLI SHARED_DIR
set -euo pipefail
cli=${1:?usage: bench_analyze_cli.sh PIANOLA_CLI SHARED_DIR}
corpus=$(cd "${2:?usage: bench_analyze_cli.sh PIANOLA_CLI SHARED_DIR}/corpora/pop909-dev" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
songs=("$corpus"/*/*.mid)
[ ${#songs[@]} -gt 0 ] || { echo "no songs in $corpus" >&2; exit 77; }
for i in $(seq 0 999); do
  ln -s "${songs[$((i % ${#songs[@]}))]}" "$tmp/$i.mid"
done
files=$(printf '%s ' "$tmp"/*.mid)
hyperfine -w 1 -r 5 -N --export-json "$tmp/r.json" "$cli analyze --json --quiet $files" >/dev/null
"$cli" analyze --json --quiet $files | wc -l | xargs echo "JSON lines:"
/usr/bin/python3 - "$tmp/r.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"pianola-cli analyze --json, 1000 files: {r['mean']:.3f} s ± {r['stddev']:.3f}  ->  {1000 / r['mean']:.0f} files/s")
PY

#!/usr/bin/env bash
# Side by side, in one run: the Python reference pipeline (../shared/peers,
# scikit-learn + Snowball) and `leefwereld analyse` on the same synthetic corpus.
# Compare the ratio, not absolute times: the machines are shared and noisy.
#
# Usage: scripts/compare.sh [ROWS]        (default 1000000; 616 MB of CSV)
# Needs: python3, cargo; installs the Python packages into .venv once.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
PEERS=${PEERS:-../shared/peers}
DATA=bench-data
mkdir -p "$DATA"

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet scikit-learn pandas PyStemmer snowballstemmer
fi
CORPUS="$DATA/corpus-$ROWS.csv"
[ -f "$CORPUS" ] || python3 "$PEERS/gen_corpus.py" "$ROWS" "$CORPUS"
cargo build --profile dist --quiet
BIN=target/dist/leefwereld

measure() { # label, command...: wall seconds and peak RSS via /usr/bin/time
  local label=$1; shift
  /usr/bin/time -f "$label %e %M" "$@" > "$DATA/$label.out" 2> "$DATA/$label.err" || { cat "$DATA/$label.err"; exit 1; }
  tail -n 1 "$DATA/$label.err"
}
echo "corpus: $CORPUS ($(du -h "$CORPUS" | cut -f1), $ROWS rows), $(nproc) cores"
py=$(measure python .venv/bin/python "$PEERS/peer_sklearn.py" "$CORPUS")
rs=$(measure leefwereld "$BIN" analyse "$CORPUS" --out "$DATA/rapport" --quiet)
rs_md=$(measure leefwereld-md "$BIN" analyse "$CORPUS" --out "$DATA/rapport-md" --quiet --format md)
printf '\n%-34s %10s %12s\n' "pipeline" "wall (s)" "peak (MB)"
for line in "$py" "$rs" "$rs_md"; do
  set -- $line
  case $1 in
    python) name="python reference (peer_sklearn)";;
    leefwereld) name="leefwereld analyse (md + json)";;
    leefwereld-md) name="leefwereld analyse (md only)";;
  esac
  printf '%-34s %10s %12d\n' "$name" "$2" "$(( $3 / 1024 ))"
done
set -- $py; pyt=$2; set -- $rs; rst=$2; set -- $rs_md; rsm=$2
python3 -c "print(f'\nspeed-up: {${pyt}/${rst}:.1f}x (md + json), {${pyt}/${rsm}:.1f}x (md only)')"
grep '^RESULT' "$DATA/python.out" | head -1 | cut -c1-300 || true

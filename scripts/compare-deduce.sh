#!/usr/bin/env bash
# Side by side: leefwereld's redactor and the Dutch de-identifier deduce
# (PyPI `deduce`, LGPL-3.0-or-later, installed here at run time, not vendored)
# on the PII gold spans of a gold file, scored on character overlap exactly as
# `leefwereld evaluate` does (see scripts/compare_deduce.py for the metric).
#
# Usage: scripts/compare-deduce.sh [GOLD]     (default fixtures/gold/test.jsonl)
# Needs: python3 (with venv), cargo. Installs deduce once into .venv-deduce.
# LEEFWERELD=path/to/binary uses that binary instead of building one.
# The first run after installing also lets deduce build its lookup tables
# (about two minutes, cached inside the virtualenv); later runs take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

GOLD=${1:-fixtures/gold/test.jsonl}
VENV=.venv-deduce
# deduce pinned exactly; its dependencies pinned too, so the figures do not move
# with a new rapidfuzz or regex release.
PINS=(deduce==3.0.6 docdeid==1.0.1 frozendict==2.5.1 rapidfuzz==3.14.6 regex==2024.11.6 numpy==2.4.6)

die() { echo "compare-deduce: $*" >&2; exit 1; }

[ -f "$GOLD" ] || die "no gold file '$GOLD'"
command -v python3 >/dev/null || die "python3 not found"

# (Re)install when the virtualenv is missing or holds another deduce.
want=${PINS[0]#deduce==}
have=$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("deduce"))' 2>/dev/null || true)
if [ "$have" != "$want" ]; then
  echo "compare-deduce: installing deduce $want into $VENV" >&2
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" || die "cannot create virtualenv $VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "${PINS[@]}" \
    || die "pip install ${PINS[*]} failed"
fi

if [ -n "${LEEFWERELD:-}" ]; then
  BIN=$LEEFWERELD
else
  cargo build --release --quiet \
    || die "cargo build --release failed (if src/ is mid-edit, retry, or set LEEFWERELD=path/to/binary)"
  BIN=target/release/leefwereld
fi
[ -x "$BIN" ] || die "no leefwereld binary at '$BIN'"

OURS=$(mktemp)
trap 'rm -f "$OURS"' EXIT
"$BIN" evaluate "$GOLD" --json > "$OURS" || die "'$BIN evaluate $GOLD --json' failed"

echo "gold: $GOLD"
"$VENV/bin/python" scripts/compare_deduce.py "$GOLD" "$OURS" || die "scoring deduce failed"

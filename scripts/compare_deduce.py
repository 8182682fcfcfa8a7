"""Score the Dutch de-identifier `deduce` on leefwereld's PII gold spans and
print it side by side with leefwereld's own redactor.

Usage (normally through scripts/compare-deduce.sh):
    python compare_deduce.py GOLD.jsonl LEEFWERELD.json

GOLD.jsonl is a gold file (JSON Lines: {"id", "text", "themes", "pii": [{"start",
"end", "kind"}], ...}); LEEFWERELD.json is the output of
`leefwereld evaluate GOLD.jsonl --json` on the same file.

The metric is the one leefwereld's `evaluate_pii` uses (src/evaluate.rs), on
character overlap, so the figures are comparable:

- Only records with a `pii` field are scored ("pii": [] means: annotated, none).
- For every such record, each character gets a gold kind (or none) from the
  gold spans and a predicted kind (or none) from the spans the tool found;
  offsets are Unicode characters (Python str indices), end exclusive, and where
  spans overlap the later one wins.
- Overall recall = gold PII characters inside any predicted span (of any kind)
  / gold PII characters.
- Overall precision = predicted characters that are gold PII (of any kind)
  / predicted characters.
- Per kind: recall over the gold characters of that kind (found by a span of
  any kind); precision over the characters predicted as that kind (gold PII of
  any kind counts as correct). A ratio with a zero denominator is shown as "-".

deduce's tags are mapped to our kinds with DEDUCE_TAG_TO_KIND; a tag that is not
in it counts as kind "overig" and is reported as unmapped. "overig" has no gold
support, so it only adds predicted characters (it lowers precision when it hits
non-PII text). Only the standard library and deduce are used.
"""

import json
import logging
import sys
import time
from collections import Counter
from importlib import metadata

# The kinds leefwereld's gold files use (PII_KINDS in src/evaluate.rs), then ours.
PII_KINDS = ["naam", "telefoon", "email", "bsn", "adres", "datum", "leeftijd"]
OTHER = "overig"

# Every tag deduce 3.0.x can emit after its own post-processing (its
# base_config.json plus the name and location processors in deduce.py).
DEDUCE_TAG_TO_KIND = {
    "persoon": "naam",  # names, initials, titles + names (not the patient)
    "patient": "naam",  # the patient's name (only when a patient is passed in)
    "telefoonnummer": "telefoon",
    "emailadres": "email",
    "url": "email",
    "bsn": "bsn",
    "id": "bsn",  # any run of 7+ digits (patient numbers and other identifiers)
    "locatie": "adres",  # streets + house numbers, postcodes, places, residences
    "datum": "datum",
    "leeftijd": "leeftijd",
    "ziekenhuis": OTHER,  # hospital names
    "zorginstelling": OTHER,  # care institutions
}


class Failure(Exception):
    """A problem that stops the comparison, with a message for the user."""


def read_gold(path):
    """The annotated records of a gold file: (id, text, [(start, end, kind)])."""
    try:
        with open(path, encoding="utf-8") as f:
            content = f.read()
    except OSError as e:
        raise Failure(f"cannot read gold file {path}: {e}") from e
    records = []
    # Split on "\n" only, like Rust's str::lines (str.splitlines would also split
    # on characters such as U+2028 that may stand raw inside a JSON string).
    for n, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as e:
            raise Failure(f"{path}:{n}: not valid JSON: {e}") from e
        if not isinstance(raw, dict) or raw.get("pii") is None:
            continue
        try:
            text = raw["text"]
            spans = [(p["start"], p["end"], p["kind"]) for p in raw["pii"]]
        except (KeyError, TypeError) as e:
            raise Failure(f"{path}:{n}: a record needs 'text' and pii spans with start, end, kind") from e
        for start, end, kind in spans:
            if not 0 <= start < end <= len(text):
                raise Failure(f"{path}:{n}: pii span {start}..{end} is outside the text or empty")
            if kind not in PII_KINDS:
                raise Failure(f"{path}:{n}: unknown pii kind {kind!r}")
        records.append((raw.get("id"), text, spans))
    if not records:
        raise Failure(f"{path}: no record has a 'pii' field, nothing to score")
    return records


def load_deduce():
    """A ready deduce instance, its version and licence, and seconds to load."""
    # deduce calls logging.basicConfig(stream=sys.stdout, level=DEBUG) on import,
    # which would mix its log (e.g. "Please wait 1-2 minutes while lookup data
    # structures are being built" on a first run) into the table: configure the
    # root logger first, to stderr, so that call does nothing.
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="deduce: %(message)s")
    try:
        from deduce import Deduce
    except ImportError as e:
        raise Failure(f"cannot import deduce (is the virtualenv set up?): {e}") from e
    version = metadata.version("deduce")
    meta = metadata.metadata("deduce")
    licence = meta.get("License-Expression") or meta.get("License")
    if not licence:
        classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
        licence = "; ".join(classifiers) or "unknown"
    started = time.perf_counter()
    deduce = Deduce()
    return deduce, version, licence, time.perf_counter() - started


def deduce_spans(deduce, text, tags):
    """deduce's annotations on `text` as sorted (start, end, kind); counts tags."""
    doc = deduce.deidentify(text)
    spans = []
    for a in doc.annotations:
        if text[a.start_char : a.end_char] != a.text:
            raise Failure(
                f"deduce offsets {a.start_char}..{a.end_char} do not match its text {a.text!r}"
            )
        tags[a.tag] += 1
        spans.append((a.start_char, a.end_char, DEDUCE_TAG_TO_KIND.get(a.tag, OTHER)))
    return sorted(spans)


def new_counts():
    """Per kind: [gold chars, gold chars found, predicted chars, predicted chars in gold]."""
    return {k: [0, 0, 0, 0] for k in PII_KINDS + [OTHER]}


def count_overlap(text, gold, predicted, counts):
    """Adds one record's per-character overlap to `counts` (see new_counts)."""
    truth = [None] * len(text)
    for start, end, kind in gold:
        truth[start:end] = [kind] * (end - start)
    found = [None] * len(text)
    for start, end, kind in predicted:
        found[start:end] = [kind] * (end - start)
    for t, f in zip(truth, found):
        if t is not None:
            counts[t][0] += 1
            if f is not None:
                counts[t][1] += 1
        if f is not None:
            counts[f][2] += 1
            if t is not None:
                counts[f][3] += 1


def scores(counts):
    """Per kind and "all": (recall, precision, gold support, predicted chars);
    a ratio with a zero denominator is None."""

    def ratio(a, b):
        return a / b if b else None

    out = {k: (ratio(c[1], c[0]), ratio(c[3], c[2]), c[0], c[2]) for k, c in counts.items()}
    total = [sum(c[i] for c in counts.values()) for i in range(4)]
    out["all"] = (ratio(total[1], total[0]), ratio(total[3], total[2]), total[0], total[2])
    return out


def read_leefwereld(path):
    """The `pii` object of `leefwereld evaluate --json` output."""
    try:
        with open(path, encoding="utf-8") as f:
            pii = json.load(f).get("pii")
    except (OSError, json.JSONDecodeError) as e:
        raise Failure(f"cannot read leefwereld's evaluation {path}: {e}") from e
    if not pii:
        raise Failure(f"{path}: leefwereld's evaluation has no 'pii' scores")
    return pii


def fmt(x):
    """A score with three decimals, "-" for none."""
    return "-" if x is None else f"{x:.3f}"


def print_table(ours, theirs, n, version, licence, tags):
    """The side-by-side table, the tag counts and the deduce facts."""
    print(f"personal data on character overlap, {n} records with pii annotations")
    print(f"deduce {version} (licence: {licence}) vs leefwereld redactor")
    print()
    head = f"{'kind':<10} | {'gold chars':>10} | {'leefwereld':^17} | {'deduce':^17} | {'deduce':>8}"
    sub = f"{'':<10} | {'':>10} | {'recall':>8} {'prec.':>8} | {'recall':>8} {'prec.':>8} | {'chars':>8}"
    print(head)
    print(sub)
    print("-" * len(sub))
    per_kind = ours["per_kind"]
    for kind in PII_KINDS + [OTHER, "all"]:
        d_rec, d_prec, support, predicted = theirs[kind]
        if kind == "all":
            print("-" * len(sub))
            l_rec, l_prec = ours["recall"], ours["precision"]
        elif kind in per_kind:
            l_rec, l_prec = per_kind[kind]["recall"], per_kind[kind]["precision"]
        else:
            l_rec = l_prec = None
        print(
            f"{kind:<10} | {support:>10} | {fmt(l_rec):>8} {fmt(l_prec):>8} "
            f"| {fmt(d_rec):>8} {fmt(d_prec):>8} | {predicted:>8}"
        )
    print()
    print("deduce tags found (annotations):", ", ".join(f"{t}={c}" for t, c in sorted(tags.items())) or "none")
    unmapped = {t: c for t, c in tags.items() if t not in DEDUCE_TAG_TO_KIND}
    print("unmapped deduce tags (counted as overig):", ", ".join(f"{t}={c}" for t, c in sorted(unmapped.items())) or "none")
    print("leefwereld: `leefwereld evaluate --json` (rounded to 4 places there; a precision with")
    print("no predicted characters shows as 0.000 there, as - for deduce)")


def check_support(ours, theirs):
    """Fails unless both sides counted the same gold characters per kind."""
    for kind, k in ours["per_kind"].items():
        if kind in theirs and k["support"] != theirs[kind][2]:
            raise Failure(
                f"gold support differs for {kind}: leefwereld {k['support']}, this script "
                f"{theirs[kind][2]}; the metric here no longer matches src/evaluate.rs"
            )


def main(argv):
    if len(argv) != 3:
        raise Failure("usage: compare_deduce.py GOLD.jsonl LEEFWERELD_EVALUATE.json")
    gold_path, leefwereld_path = argv[1], argv[2]
    records = read_gold(gold_path)
    ours = read_leefwereld(leefwereld_path)
    if ours.get("n") != len(records):
        raise Failure(f"leefwereld scored {ours.get('n')} records, this script read {len(records)}")
    deduce, version, licence, load_seconds = load_deduce()
    counts, tags = new_counts(), Counter()
    started = time.perf_counter()
    for _, text, gold in records:
        count_overlap(text, gold, deduce_spans(deduce, text, tags), counts)
    run_seconds = time.perf_counter() - started
    theirs = scores(counts)
    check_support(ours, theirs)
    print_table(ours, theirs, len(records), version, licence, tags)
    # Timings vary from run to run: stderr, so the table on stdout stays deterministic.
    sys.stdout.flush()
    print(
        f"deduce: loaded in {load_seconds:.1f} s, annotated {len(records)} records in "
        f"{run_seconds:.1f} s ({1000 * run_seconds / len(records):.1f} ms a record)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    try:
        main(sys.argv)
    except Failure as e:
        print(f"compare_deduce: {e}", file=sys.stderr)
        sys.exit(1)

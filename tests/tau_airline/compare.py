#!/usr/bin/env python3
"""Per clause, how ethos's findings on the τ-bench runs compare with the hand
labels (labels.jsonl): true and false positives and negatives, agreement.

    ethos import tau-bench gpt-4o-airline.json --db airline/ > runs.jsonl
    ethos grade --playbook tests/tau_airline/tau-airline.draft.yaml runs.jsonl > graded.jsonl
    python3 tests/tau_airline/compare.py graded.jsonl

A working tool for issue 16 while the playbook is a draft; the Rust test that
replaces it compares the same way.
"""

import collections
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main(graded):
    labels = {}
    for line in open(HERE / "labels.jsonl", encoding="utf-8"):
        entry = json.loads(line)
        labels[entry["id"]] = {b["clause"] for b in entry["broken"]}
    found = {}
    for line in open(graded, encoding="utf-8"):
        g = json.loads(line)
        ids = {f["rule"] for f in g["findings"] if f.get("kind") == "procedure"}
        # A certificate over what a grant allows is the compensation clause.
        if any(f.get("code") in ("over-limit", "forbidden-action")
               and f.get("action") == "certificate" for f in g["findings"]):
            ids.add("compensation-allowed")
        found[g["id"]] = ids
    clauses = sorted({c for ids in found.values() for c in ids})
    table = collections.defaultdict(collections.Counter)
    for run, wanted in labels.items():
        got = found.get(run, set())
        for clause in clauses:
            key = {(True, True): "tp", (False, True): "fp",
                   (True, False): "fn", (False, False): "tn"}[(clause in wanted, clause in got)]
            table[clause][key] += 1
    print(f"{'clause':34} {'tp':>4} {'fp':>4} {'fn':>4} {'tn':>4}  agree")
    for clause in clauses:
        t = table[clause]
        agree = (t["tp"] + t["tn"]) / len(labels)
        print(f"{clause:34} {t['tp']:4} {t['fp']:4} {t['fn']:4} {t['tn']:4}  {agree:.2f}")


if __name__ == "__main__":
    main(sys.argv[1])

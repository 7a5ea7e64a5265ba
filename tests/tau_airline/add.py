#!/usr/bin/env python3
"""Append or replace one hand-decided label line in labels.jsonl.

    python3 tests/tau_airline/add.py TASK/TRIAL 'CLAUSE@AT why; CLAUSE@AT why' 'note'

The reward comes from the data; each `at` must index an assistant message of the run
(the tool call or the agent message where the clause was broken). Lines stay sorted by
(reward desc, task, trial).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dump import load  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "labels.jsonl")
CLAUSES = os.path.join(HERE, "CLAUSES.md")


def known_clauses():
    ids = set()
    if os.path.exists(CLAUSES):
        for line in open(CLAUSES):
            if line.startswith("### `"):
                ids.add(line.split("`")[1])
    return ids


def main(rid, broken_text, note):
    runs = {f"{r['task_id']}/{r['trial']}": r for r in load()}
    run = runs[rid]
    ids = known_clauses()
    broken = []
    for part in [p.strip() for p in broken_text.split(";;") if p.strip()]:
        head, _, why = part.partition(" ")
        clause, _, at = head.partition("@")
        at = int(at)
        m = run["traj"][at]
        assert m["role"] == "assistant", f"{rid} at {at} is {m['role']}"
        if ids:
            assert clause in ids, f"unknown clause {clause}"
        broken.append({"clause": clause, "at": at, "why": why.strip()})
    line = {"id": rid, "reward": run["reward"], "broken": broken, "note": note}
    rows = []
    if os.path.exists(LABELS):
        rows = [json.loads(x) for x in open(LABELS) if x.strip()]
    rows = [r for r in rows if r["id"] != rid] + [line]

    def key(r):
        t, tr = r["id"].split("/")
        return (-r["reward"], int(t), int(tr))

    rows.sort(key=key)
    with open(LABELS, "w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(json.dumps(line, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "", sys.argv[3] if len(sys.argv) > 3 else "")

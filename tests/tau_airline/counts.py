#!/usr/bin/env python3
"""Print the counts README.md quotes, from labels.jsonl: runs read, and per clause the
number of runs that break it and the number of breaks, for reward-1 and reward-0 runs."""
import collections
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
rows = [json.loads(l) for l in open(os.path.join(HERE, "labels.jsonl")) if l.strip()]
for reward in (1.0, 0.0):
    part = [r for r in rows if r["reward"] == reward]
    broken = [r for r in part if r["broken"]]
    print(f"reward {reward}: {len(part)} runs read, {len(broken)} with a broken clause, "
          f"{sum(len(r['broken']) for r in part)} breaks")
    runs, breaks = collections.Counter(), collections.Counter()
    for r in part:
        for c in {b["clause"] for b in r["broken"]}:
            runs[c] += 1
        for b in r["broken"]:
            breaks[b["clause"]] += 1
    print("| clause | runs | breaks |\n|---|---:|---:|")
    for c, n in sorted(runs.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"| `{c}` | {n} | {breaks[c]} |")
    print()
print(f"total: {len(rows)} runs read")

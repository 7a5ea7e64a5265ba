#!/usr/bin/env python3
"""The simplest honest alternative to `ethos grade`, as a QA lead would write it:
Python's `re`, one compiled regex per phrase and pattern, over the same
playbook rules and the same JSON Lines input.

    pip install pyyaml
    python3 benches/grade.py playbooks/hotel-a.yaml /tmp/replies.jsonl > /tmp/graded-py.jsonl

It does less than ethos (no Unicode normalisation, no whole-word rules for
Chinese, no spans, no policy), so the comparison flatters it.
"""
import json
import re
import sys

import yaml


def compile_rule(rule):
    """A rule as (kind, regexes, rule) with its phrases as whole-word regexes."""
    kind = rule["check"]
    phrases = list(rule.get("phrases", []))
    if kind == "swap":
        phrases = list(rule.get("swap", {}).keys())
    regexes = [re.compile(r"\b" + re.escape(p) + r"\b", re.IGNORECASE) for p in phrases if "{" not in p]
    regexes += [re.compile(p, re.IGNORECASE) for p in rule.get("patterns", [])]
    return kind, regexes, rule


def main():
    playbook = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
    rules = [compile_rule(r) for r in playbook.get("rules", [])]
    words = re.compile(r"[\w]+(?:['-][\w]+)*")
    out = sys.stdout
    for line in open(sys.argv[2], encoding="utf-8"):
        reply = json.loads(line)
        text, step = reply["text"], reply["step"]
        failed, passed, counted = [], 0, 0
        for kind, regexes, rule in rules:
            if "at" in rule and step not in rule["at"]:
                continue
            if kind == "mention":
                ok = any(r.search(text) for r in regexes)
            elif kind in ("avoid", "swap"):
                ok = not any(r.search(text) for r in regexes)
            elif kind == "length":
                n = len(words.findall(text))
                ok = rule.get("min_words", 0) <= n <= rule.get("max_words", 10**9)
            else:  # echo: no key facts in graded lines
                continue
            counted += 1
            passed += ok
            if not ok:
                failed.append(rule["id"])
        score = round(100.0 * passed / counted, 1) if counted else 100.0
        verdict = "fail" if any(
            r["id"] in failed and r.get("severity", "warning" if k == "swap" else "error") == "error"
            for k, _, r in rules
        ) else "pass"
        out.write(json.dumps({"id": reply["id"], "verdict": verdict, "score": score, "failed": failed}) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Print τ-bench airline runs readably, for labelling by hand.

    python3 tests/tau_airline/dump.py TASK/TRIAL [TASK/TRIAL ...]
    python3 tests/tau_airline/dump.py --list            # ids, rewards, lengths
    python3 tests/tau_airline/dump.py --full 12/0       # do not abbreviate tool results

Each message is printed with its 0-based index in `traj` (the index labels.jsonl uses
as `at`), its role, its text, its tool calls (name and arguments), and tool results
abbreviated; the system prompt (the wiki) is left out. Tool results that are
reservations or users are summarised to the facts the policy turns on (membership,
cabin, insurance, created_at, flights with status, passengers, payment).
"""
import json
import os
import sys

DATA = os.environ.get(
    "TAU_AIRLINE",
    "/work/shared/data/tau-bench/airline/gpt-4o-airline.json",
)


def load():
    with open(DATA) as f:
        return json.load(f)


def summarise(name, content, full):
    if full:
        return content
    try:
        v = json.loads(content)
    except (ValueError, TypeError):
        return content if len(content) < 600 else content[:600] + " …"
    if isinstance(v, dict) and "reservation_id" in v:
        fl = ", ".join(
            f"{x.get('flight_number')} {x.get('origin')}-{x.get('destination')} {x.get('date')} ${x.get('price')}"
            for x in v.get("flights", [])
        )
        pax = "; ".join(
            f"{p.get('first_name')} {p.get('last_name')} {p.get('dob')}" for p in v.get("passengers", [])
        )
        pay = ", ".join(f"{p.get('payment_id')} ${p.get('amount')}" for p in v.get("payment_history", []))
        return (
            f"RESERVATION {v['reservation_id']} user={v.get('user_id')} {v.get('origin')}->{v.get('destination')} "
            f"{v.get('flight_type')} cabin={v.get('cabin')} created={v.get('created_at')} "
            f"insurance={v.get('insurance')} bags={v.get('total_baggages')}/{v.get('nonfree_baggages')} "
            f"status={v.get('status')}\n      flights: {fl}\n      passengers({len(v.get('passengers', []))}): {pax}\n      paid: {pay}"
        )
    if isinstance(v, dict) and "membership" in v:
        pm = ", ".join(
            f"{k}" + (f"(${p.get('amount')})" if "amount" in p else "")
            + (f"(…{p.get('last_four')})" if "last_four" in p else "")
            for k, p in v.get("payment_methods", {}).items()
        )
        return (
            f"USER {v.get('name', {}).get('first_name')} {v.get('name', {}).get('last_name')} "
            f"membership={v.get('membership')} dob={v.get('dob')} reservations={v.get('reservations')}\n      payment: {pm}"
            + (f"\n      saved passengers: {v.get('saved_passengers')}" if v.get("saved_passengers") else "")
        )
    if name in ("search_direct_flight", "search_onestop_flight") and isinstance(v, list):
        def one(f):
            pr = f.get("prices", {})
            return (f"{f.get('flight_number')} {f.get('origin')}-{f.get('destination')} {f.get('date', '')} "
                    f"{f.get('scheduled_departure_time_est', '')[:5]}-{f.get('scheduled_arrival_time_est', '')[:5]} "
                    f"{f.get('status')} be{pr.get('basic_economy')}/e{pr.get('economy')}/b{pr.get('business')}")
        rows = [" + ".join(one(f) for f in x) if isinstance(x, list) else one(x) for x in v]
        return f"{len(rows)} options\n      " + "\n      ".join(rows) if rows else "[]"
    s = json.dumps(v)
    return s if len(s) < 700 else s[:700] + " …"


def dump(run, full=False, out=sys.stdout):
    w = out.write
    w(f"=== {run['task_id']}/{run['trial']} reward={run['reward']} messages={len(run['traj'])}\n")
    task = run["info"].get("task", {})
    w(f"instruction: {task.get('instruction')}\n")
    acts = [f"{a['name']}({json.dumps(a['kwargs'])})" for a in task.get("actions", [])]
    w("expected actions: " + ("; ".join(acts) if acts else "(none)") + "\n")
    for i, m in enumerate(run["traj"]):
        role = m.get("role")
        if role == "system":
            w(f"[{i}] system: (wiki, {len(m.get('content') or '')} chars)\n")
            continue
        if role == "tool":
            w(f"[{i}] tool {m.get('name')} -> {summarise(m.get('name'), m.get('content') or '', full)}\n")
            continue
        text = m.get("content")
        calls = m.get("tool_calls") or []
        head = f"[{i}] {role}:"
        if text:
            w(f"{head} {text}\n")
        elif not calls:
            w(f"{head} (empty)\n")
        for c in calls:
            fn = c.get("function", {})
            w(f"{head if not text else '    '} CALL {fn.get('name')} {fn.get('arguments')}\n")
    w("\n")


def main(argv):
    full = "--full" in argv
    argv = [a for a in argv if a != "--full"]
    runs = load()
    if not argv or argv == ["--list"]:
        for r in sorted(runs, key=lambda r: (r["task_id"], r["trial"])):
            print(f"{r['task_id']}/{r['trial']}\treward={r['reward']}\tmessages={len(r['traj'])}")
        return
    by_id = {f"{r['task_id']}/{r['trial']}": r for r in runs}
    for a in argv:
        dump(by_id[a], full)


if __name__ == "__main__":
    main(sys.argv[1:])

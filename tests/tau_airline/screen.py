#!/usr/bin/env python3
"""Mechanical pre-screen of τ-bench airline runs, to point the hand-labeller at places to read.

    python3 tests/tau_airline/screen.py TASK/TRIAL ...

It prints, per run, facts and candidate breaks that are pure arithmetic on the
conversation (text beside a tool call, several calls in one message, cancellation
eligibility from the reservation's own tool result, payment counts, bag counts, passenger
counts, certificate amounts) and, before every call that changes the database, the
user's last message and the agent message it answered. It decides nothing: every label
in labels.jsonl was decided by reading the run with dump.py.
"""
import json
import sys
from datetime import datetime

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from dump import load  # noqa: E402

NOW = datetime(2024, 5, 15, 15, 0, 0)
WRITES = {
    "book_reservation", "update_reservation_flights", "update_reservation_baggages",
    "update_reservation_passengers", "cancel_reservation", "send_certificate",
    "transfer_to_human_agents",
}


def short(s, n=300):
    s = (s or "").replace("\n", " / ")
    return s if len(s) <= n else s[:n] + " …"


def screen(run):
    traj = run["traj"]
    out = [f"### {run['task_id']}/{run['trial']} reward={run['reward']}"]
    res = {}     # reservation id -> last tool result dict
    users = {}   # user id -> user dict
    statuses = {}  # (flight, date) -> status
    user_id_seen_at = None
    for i, m in enumerate(traj):
        if m["role"] == "user" and user_id_seen_at is None:
            pass
        if m["role"] == "tool":
            try:
                v = json.loads(m["content"])
            except ValueError:
                continue
            if isinstance(v, dict) and "reservation_id" in v:
                res[v["reservation_id"]] = v
            elif isinstance(v, dict) and "membership" in v:
                users[v.get("name", {}).get("first_name", "?")] = v
            elif m["name"] == "get_flight_status":
                pass
            if m["name"] in ("search_direct_flight", "search_onestop_flight") and isinstance(v, list):
                for x in v:
                    for f in (x if isinstance(x, list) else [x]):
                        statuses[(f.get("flight_number"), f.get("date"))] = f.get("status")
            continue
        if m["role"] != "assistant":
            continue
        calls = m.get("tool_calls") or []
        if len(calls) > 1:
            out.append(f"  [{i}] {len(calls)} tool calls in one message")
        if calls and m.get("content"):
            out.append(f"  [{i}] text with tool call: {short(m['content'], 120)}")
        for c in calls:
            name = c["function"]["name"]
            try:
                a = json.loads(c["function"]["arguments"])
            except ValueError:
                a = {}
            if name == "get_reservation_details" and user_id_seen_at is None:
                # did any user message before carry a user id?
                if not any(t["role"] == "user" and "_" in (t.get("content") or "") for t in traj[:i]):
                    out.append(f"  [{i}] get_reservation_details before any user id in a user message")
            if name == "get_user_details":
                user_id_seen_at = i
            if name not in WRITES:
                continue
            # user's last message and the agent message before it
            j = i - 1
            while j > 0 and traj[j]["role"] != "user":
                j -= 1
            k = j - 1
            while k > 0 and not (traj[k]["role"] == "assistant" and traj[k].get("content")):
                k -= 1
            out.append(f"  [{i}] WRITE {name} {json.dumps(a)}")
            out.append(f"       agent[{k}]: {short(traj[k].get('content'), 500)}")
            out.append(f"       user[{j}]: {short(traj[j].get('content'), 200)}")
            r = res.get(a.get("reservation_id"))
            if r:
                created = datetime.fromisoformat(r["created_at"])
                within = (NOW - created).total_seconds() <= 24 * 3600
                flown = [f["flight_number"] + " " + f["date"] for f in r["flights"] if f["date"] < "2024-05-15"]
                today = [f["flight_number"] + " " + f["date"] for f in r["flights"] if f["date"] == "2024-05-15"]
                out.append(
                    f"       res {r['reservation_id']}: cabin={r['cabin']} insurance={r['insurance']} created={r['created_at']} "
                    f"within24h={within} pax={len(r['passengers'])} bags={r['total_baggages']}/{r['nonfree_baggages']} "
                    f"type={r['flight_type']} {r['origin']}->{r['destination']} flights={[f['flight_number']+' '+f['date'] for f in r['flights']]}"
                    + (f" PAST-DATED={flown}" if flown else "") + (f" TODAY={today}" if today else "")
                )
                if name == "update_reservation_baggages" and a.get("total_baggages", 99) < r["total_baggages"]:
                    out.append("       !! bags reduced")
                if name == "update_reservation_passengers" and len(a.get("passengers", [])) != len(r["passengers"]):
                    out.append("       !! passenger count changed")
                if name == "update_reservation_flights":
                    old = sorted((f["flight_number"], f["date"]) for f in r["flights"])
                    new = sorted((f["flight_number"], f["date"]) for f in a.get("flights", []))
                    if r["cabin"] == "basic_economy" and old != new:
                        out.append("       !! basic economy flights changed")
                    if a.get("payment_id", "").startswith("certificate"):
                        out.append("       !! certificate used to pay a flight change")
            if name == "book_reservation":
                pm = [p["payment_id"] for p in a.get("payment_methods", [])]
                n = {s: sum(p.startswith(s) for p in pm) for s in ("certificate", "credit_card", "gift_card")}
                out.append(f"       payment counts {n}; pax={len(a.get('passengers', []))}; bags {a.get('total_baggages')}/{a.get('nonfree_baggages')} insurance={a.get('insurance')} cabin={a.get('cabin')}")
                for f in a.get("flights", []):
                    st = statuses.get((f.get("flight_number"), f.get("date")))
                    if st and st != "available":
                        out.append(f"       !! booking {f} with status {st}")
            if name == "send_certificate":
                out.append(f"       users seen: {[(u.get('name'), u.get('membership')) for u in users.values()]}")
            if name == "cancel_reservation":
                later = " ".join((t.get("content") or "") for t in traj[i:] if t["role"] == "assistant")
                before = traj[k].get("content") or ""
                said = any(s in later or s in before for s in ("5 to 7", "5-7", "5–7", "five to seven"))
                out.append(f"       refund timeline said: {said}")
    if len(out) == 1:
        out.append("  (nothing mechanical)")
    return "\n".join(out)


def main(argv):
    runs = {f"{r['task_id']}/{r['trial']}": r for r in load()}
    for a in argv:
        print(screen(runs[a]))


if __name__ == "__main__":
    main(sys.argv[1:])

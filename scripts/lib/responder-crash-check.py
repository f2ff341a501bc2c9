#!/usr/bin/env python3
"""The verdict of scripts/crash-test-responder: compares what was delivered (the manifest of
customer-mail.py), what the store recorded, and what the recording SMTP server received.

  responder-crash-check.py DATABASE SMTP_DIR MANIFEST [KILL_TIMES]

Checks: every inbound Message-ID has a ledger row (a ticket, or ignored for automated mail); no
mail has two tickets; every ledger row is marked; every outbox row is 'sent'; every non-automated
mail got exactly one reply at the SMTP server and automated mail none. Replies are matched to
their request by In-Reply-To. Two copies of one reply with the SAME Message-ID are the documented
window (the server took it after the final '.' of DATA, the process died before the outbox row
was marked sent, the next run sent the row again) and are reported as such; two replies with different Message-IDs to one mail are a failure.
With KILL_TIMES (one Unix time per line, taken just before each SIGKILL), each double reply says
which side of the server's "250" the kill nearest to its first copy fell on: before the server had
recorded the copy (the process died waiting for the 250; the server still took the mail), or after
it (the process died between the 250 and the commit that marks the row sent).
Prints the counts and a histogram of replies per inbound mail; exits 1 on any failure.
"""
import collections
import email.parser
import email.policy
import json
import os
import re
import sqlite3
import sys


def replies(directory):
    """(In-Reply-To, Message-ID, kind, arrival time) of every received mail."""
    parser = email.parser.BytesHeaderParser(policy=email.policy.compat32)
    found = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".eml"):
            continue
        with open(os.path.join(directory, name), "rb") as f:
            header = parser.parse(f)
        in_reply_to = (header.get("In-Reply-To") or "").strip().strip("<>")
        message_id = (header.get("Message-ID") or "").strip().strip("<>")
        kind = re.match(r"ticket-\d+\.([a-z-]+)\.", message_id)
        arrived = os.stat(os.path.join(directory, name)).st_mtime
        found.append((in_reply_to, message_id, kind.group(1) if kind else "?", arrived))
    return found


def main(database, smtp_dir, manifest, kill_times=None):
    with open(manifest) as f:
        mails = [json.loads(line) for line in f]
    automated = {m["message_id"] for m in mails if m["automated"]}
    sample_of = {m["message_id"]: m["sample"] for m in mails}
    wanted = set(sample_of)
    db = sqlite3.connect(database)
    failures = []

    ledger = collections.defaultdict(list)
    for message_id, state, marked in db.execute("select message_id, state, marked from ledger"):
        ledger[message_id].append((state, marked))
    lost = sorted(wanted - ledger.keys())
    states = collections.Counter(state for rows in ledger.values() for state, _ in rows)
    unmarked = db.execute("select count(*) from ledger where marked = 0").fetchone()[0]
    wrong_state = sorted(k for k in wanted & ledger.keys()
                         if {s for s, _ in ledger[k]} != ({"ignored"} if k in automated else {"ticketed"}))
    tickets_per_mail = dict(db.execute(
        "select message_id, count(distinct ticket_id) from messages where ticket_id is not null group by message_id"))
    doubled_tickets = sorted(k for k, v in tickets_per_mail.items() if v > 1)
    tickets = db.execute("select count(*) from tickets").fetchone()[0]
    outbox = dict(db.execute("select state, count(*) from outbox group by state"))
    print(f"mails delivered: {len(wanted)} ({len(automated)} automated: out-of-office)")
    print(f"ledger: {sum(len(v) for v in ledger.values())} rows {dict(states)}; unmarked: {unmarked}; "
          f"mails without a ledger row (lost): {len(lost)}")
    print(f"tickets: {tickets} (expected {len(wanted) - len(automated)}); mails with two or more tickets: {len(doubled_tickets)}")
    print(f"outbox: {outbox}")
    if lost: failures.append(f"{len(lost)} mails lost, e.g. {lost[:3]}")
    if wrong_state: failures.append(f"{len(wrong_state)} mails in an unexpected ledger state, e.g. {wrong_state[:3]}")
    if doubled_tickets: failures.append(f"{len(doubled_tickets)} mails ticketed twice, e.g. {doubled_tickets[:3]}")
    if tickets != len(wanted) - len(automated): failures.append(f"{tickets} tickets for {len(wanted) - len(automated)} requests")
    if unmarked: failures.append(f"{unmarked} ledger rows not marked on the server")
    if set(outbox) - {"sent"}: failures.append(f"outbox rows not sent: {outbox}")

    received = replies(smtp_dir)
    by_request = collections.defaultdict(list)
    for in_reply_to, message_id, kind, arrived in received:
        by_request[in_reply_to].append((message_id, kind, arrived))
    strangers = sorted(k for k in by_request if k not in wanted)
    histogram = collections.Counter(len(by_request.get(k, [])) for k in wanted - automated)
    automated_histogram = collections.Counter(len(by_request.get(k, [])) for k in automated)
    print(f"SMTP server received {len(received)} mails")
    print("replies per inbound mail (requests):  " + ", ".join(f"{n} replies: {c}" for n, c in sorted(histogram.items())))
    print("replies per inbound mail (automated): " + ", ".join(f"{n} replies: {c}" for n, c in sorted(automated_histogram.items())))
    kinds = collections.Counter((sample_of[k], kind) for k, got in by_request.items() if k in sample_of for _, kind, _ in got)
    print("reply kinds per sample: " + ", ".join(f"{s} -> {k}: {c}" for (s, k), c in sorted(kinds.items())))
    windowed, split = [], []
    for request in sorted(wanted - automated):
        got = by_request.get(request, [])
        if len(got) == 0:
            failures.append(f"no reply to <{request}>")
        elif len(got) > 1:
            (split if len({m for m, _, _ in got}) > 1 else windowed).append(request)
    kills = []
    if kill_times:
        with open(kill_times) as f:
            kills = [float(line) for line in f if line.strip()]
    for request in windowed:
        got = by_request[request]
        when = "no kill time recorded"
        if kills:
            # Signed: negative = the kill came before the server recorded the first copy.
            offset = min((k - got[0][2] for k in kills), key=abs)
            when = (f"killed {1000 * -offset:.1f} ms before the server recorded the first copy: it died waiting for the 250"
                    if offset <= 0 else
                    f"killed {1000 * offset:.1f} ms after the server recorded the first copy: between the 250 and the commit")
        print(f"DOUBLE REPLY, the documented window ({when}; the next run resent the row with the same Message-ID): "
              f"<{request}> got {len(got)} copies of <{got[0][0]}>")
    for request in split:
        failures.append(f"<{request}> got replies with different Message-IDs: {[m for m, _, _ in by_request[request]]}")
    for request in sorted(automated):
        if by_request.get(request):
            failures.append(f"automated mail <{request}> got {len(by_request[request])} replies")
    if strangers:
        failures.append(f"{len(strangers)} received mails answer no delivered mail, e.g. {strangers[:3]}")
    print(f"double replies: {len(windowed)} within the documented window (same Message-ID), "
          f"{len(split)} with distinct Message-IDs")
    for failure in failures[:20]:
        print("FAIL: " + failure)
    if len(failures) > 20:
        print(f"FAIL: ... and {len(failures) - 20} more")
    print("FAIL" if failures else "PASS")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))

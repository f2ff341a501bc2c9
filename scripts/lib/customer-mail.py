#!/usr/bin/env python3
"""Customer mail for the crash tests: the sample mails of Config/examples/, each copy with its own
sender address and Message-ID, delivered into a Maildir as an MDA does (tmp/, then rename to new/).

  customer-mail.py feed MAILDIR COUNT WAVES MIN_S MAX_S MANIFEST
      Writes MANIFEST first (one JSON object per line: message_id, sample, automated), then
      delivers COUNT mails in WAVES waves of random size, sleeping a random MIN_S..MAX_S seconds
      between waves. The files are handed to `nobody` (the local Dovecot's mail user).

The mix cycles through standard, extended and unclear requests (German and English) and
out-of-office replies, which are automated mail: they must get no reply. Every sender address is
unique, so the per-recipient reply budget never holds a reply back.
"""
import json
import os
import pwd
import random
import re
import sys
import time

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Config", "examples")
# One in ten is an out-of-office reply, one in ten is unclear (needs review).
MIX = ["standard-de", "standard-en", "extended-de", "extended-en", "unclear-de",
       "standard-de", "standard-en", "out-of-office-de", "extended-de", "standard-en"]
AUTOMATED = {"out-of-office-de"}


def samples():
    loaded = {}
    for name in set(MIX):
        with open(os.path.join(EXAMPLES, name + ".eml"), "rb") as f:
            loaded[name] = f.read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return loaded


def personalise(raw, number, tag):
    """The sample with a unique Message-ID and sender address (header only; the body stays)."""
    head, sep, body = raw.partition(b"\r\n\r\n")
    message_id = f"crash-{tag}-{number}@customers.example"
    head = re.sub(rb"(?mi)^Message-ID:.*$", f"Message-ID: <{message_id}>".encode(), head)
    head = re.sub(rb"(?mi)^(From:.*<)([^@>]+)@", lambda m: m.group(1) + f"c{number}.".encode() + m.group(2) + b"@", head)
    return message_id, head + sep + body


def feed(maildir, count, waves, low, high, manifest):
    loaded = samples()
    tag = f"{os.getpid()}"
    mails = []
    for number in range(1, count + 1):
        sample = MIX[(number - 1) % len(MIX)]
        message_id, raw = personalise(loaded[sample], number, tag)
        mails.append((message_id, sample, raw))
    with open(manifest, "w") as f:
        for message_id, sample, _ in mails:
            f.write(json.dumps({"message_id": message_id, "sample": sample, "automated": sample in AUTOMATED}) + "\n")
    nobody = pwd.getpwnam("nobody")
    cuts = sorted(random.sample(range(1, count), min(waves, count) - 1)) if waves > 1 else []
    bounds = [0] + cuts + [count]
    for wave, (start, end) in enumerate(zip(bounds, bounds[1:])):
        if wave > 0:
            time.sleep(random.uniform(low, high))
        for index in range(start, end):
            name = f"{int(time.time())}.crash{index + 1:06d}.{tag}"
            temporary = os.path.join(maildir, "tmp", name)
            with open(temporary, "wb") as f:
                f.write(mails[index][2])
            os.chown(temporary, nobody.pw_uid, nobody.pw_gid)
            os.rename(temporary, os.path.join(maildir, "new", name))
        print(f"wave {wave + 1}: delivered {end - start} (total {end})", flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 8 or sys.argv[1] != "feed":
        sys.exit(__doc__)
    feed(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), sys.argv[7])

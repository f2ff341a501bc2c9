#!/usr/bin/env python3
"""Prints the mails a recording SMTP server received (DIR/*.eml): envelope, the headers a
customer sees, and the decoded text. Used by scripts/demo."""
import email
import email.policy
import json
import pathlib
import sys

for path in sorted(pathlib.Path(sys.argv[1]).glob("*.eml")):
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    envelope = json.loads(path.with_suffix(".json").read_text())
    print(f"--- reply {path.stem}: envelope {envelope['mail_from']} -> {', '.join(envelope['rcpt_tos'])}")
    for name in ("From", "To", "Subject", "In-Reply-To", "Message-ID", "Auto-Submitted"):
        print(f"{name}: {message[name]}")
    print()
    print(message.get_content().rstrip())
    print()

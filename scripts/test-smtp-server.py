#!/usr/bin/env python3
"""A recording SMTP server for the test suite (aiosmtpd), on loopback only.

Every accepted message is written to DIR as NNNNNN.eml (the exact bytes received after
dot-unstuffing) beside NNNNNN.json (envelope: mail_from, rcpt_tos, tls, auth). The server
prints "READY <port>" on stdout once it accepts connections, and runs until killed.

  --port P            port on 127.0.0.1 (the caller picks a free one)
  --dir DIR           where received messages go
  --tls CERT KEY      offer STARTTLS with this certificate
  --require-starttls  refuse MAIL before STARTTLS
  --auth USER:PASS    require AUTH PLAIN/LOGIN with these credentials
  --reject ADDR       answer RCPT TO:<ADDR> with 550 (repeatable)
  --tempfail N        answer the first N DATA commands with 451 (transient failure)
"""
import argparse
import asyncio
import json
import os
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Recorder:
    def __init__(self, directory, rejects, tempfail):
        self.directory = directory
        self.rejects = {r.lower() for r in rejects}
        self.tempfail = tempfail
        self.lock = threading.Lock()
        self.count = len([n for n in os.listdir(directory) if n.endswith(".eml")])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.rejects:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.tempfail > 0:
                self.tempfail -= 1
                return "451 4.3.0 Temporary failure, try again later"
            self.count += 1
            name = os.path.join(self.directory, "%06d" % self.count)
        with open(name + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        with open(name + ".json", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                       "tls": session.ssl is not None, "auth": session.authenticated}, f)
        os.rename(name + ".eml.tmp", name + ".eml")
        return "250 OK queued"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--require-starttls", action="store_true")
    parser.add_argument("--auth")
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--tempfail", type=int, default=0)
    args = parser.parse_args()

    os.makedirs(args.dir, exist_ok=True)
    kwargs = {"hostname": "127.0.0.1", "port": args.port, "decode_data": False}
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls[0], args.tls[1])
        kwargs["tls_context"] = context
        kwargs["require_starttls"] = args.require_starttls
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            # handled=False is required: with the default the server sends no reply and clients hang.
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
                and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False)

        kwargs.update(authenticator=authenticator, auth_required=True,
                      auth_require_tls=bool(args.tls))
    controller = Controller(Recorder(args.dir, args.reject, args.tempfail), **kwargs)
    controller.start()
    print("READY %d" % args.port, flush=True)
    try:
        threading.Event().wait()
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())

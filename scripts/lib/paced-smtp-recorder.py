#!/usr/bin/env python3
"""The recording SMTP server of the test suite (scripts/test-smtp-server.py), made slower on
purpose: every DATA waits a random 0..2×DELAY_MS milliseconds before it is recorded and answered.
The crash test uses it so that the outbox has replies in hand when the intake is killed
(unpaced, 500 replies leave in well under a second).

  paced-smtp-recorder.py --delay-ms DELAY_MS --port P --dir DIR
"""
import asyncio
import importlib.util
import os
import random
import sys
import threading

spec = importlib.util.spec_from_file_location(
    "test_smtp_server", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test-smtp-server.py"))
recording = importlib.util.module_from_spec(spec)
spec.loader.exec_module(recording)


class PacedRecorder(recording.Recorder):
    delay_seconds = 0.0

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(random.uniform(0, 2 * self.delay_seconds))
        return await super().handle_DATA(server, session, envelope)


def main():
    arguments = sys.argv[1:]
    if len(arguments) < 2 or arguments[0] != "--delay-ms":
        sys.exit(__doc__)
    PacedRecorder.delay_seconds = float(arguments[1]) / 1000
    recording.Recorder = PacedRecorder
    sys.argv = [sys.argv[0]] + arguments[2:]
    return recording.main()


if __name__ == "__main__":
    sys.exit(main())

"""`python -m prodoffice.core.tests.killed_worker STEP`: the background worker (`db_worker`,
on the queued tasks, then it stops), killed by SIGKILL at STEP of sending its first e-mail, as
the out-of-memory killer or a power cut would stop it:

- claimed: the e-mail is claimed; nothing has gone to the mail server;
- handed: its Message-ID is written; the mail server has not been spoken to;
- accepted: the mail server answered that it took the message; the row is not yet marked sent.

Only the kill is added to the real worker.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

import django
from django.core.mail.backends.smtp import EmailBackend
from django.core.management import call_command


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main(step: str) -> None:
    django.setup()
    from prodoffice.core import sending  # its models need the apps set up first

    claim, hand_over, send_messages = sending._claim, sending._hand_over, EmailBackend.send_messages

    def claimed(model: Any, pk: int) -> bool:
        if taken := claim(model, pk):
            _die()
        return taken

    def handed(model: Any, pk: int, message_id: str) -> None:
        hand_over(model, pk, message_id)
        _die()

    def accepted(backend: EmailBackend, messages: Any) -> int:
        count = send_messages(backend, messages)
        _die()
        return count

    if step == "claimed":
        sending._claim = claimed  # type: ignore[assignment]
    elif step == "handed":
        sending._hand_over = handed
    elif step == "accepted":
        EmailBackend.send_messages = accepted  # type: ignore[method-assign]
    else:
        raise SystemExit(f"no step {step!r}")
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


if __name__ == "__main__":
    main(sys.argv[1])

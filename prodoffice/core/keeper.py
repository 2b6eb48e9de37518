"""Keeps `prodoffice serve`'s background worker running: starts it, and when it stops without
being asked (killed, out of memory, a crash), logs why and starts it again.

A process of its own, and free of Django: gunicorn's master reaps every child process it has
(waitpid(-1)), so a worker started there would die without anyone learning its exit status.
Run as `python -m prodoffice.core.keeper WORKER-COMMAND...`; SIGTERM or SIGINT stops the
worker (one SIGINT, its graceful stop) and then the keeper, as does the end of its parent.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from types import FrameType

log = logging.getLogger("prodoffice.keeper")

FIRST_DELAY = 1.0  # seconds before a restart, doubled while the worker keeps dying at once
LONGEST_DELAY = 60.0
SETTLED = 60.0  # a worker that ran this long starts the delays over
POLL = 0.2


def reason(returncode: int) -> str:
    """Why the worker stopped, as the log says it."""
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        return f"was killed by {name}"
    return f"exited with status {returncode}"


class Keeper:
    def __init__(self, command: list[str]) -> None:
        self.command = command
        self.stopping = threading.Event()
        self.parent = 0

    def stop(self, signum: int = 0, frame: FrameType | None = None) -> None:
        self.stopping.set()

    def run(self) -> None:
        self.parent = os.getppid()
        delay = FIRST_DELAY
        while not self.stopping.is_set():
            started = time.monotonic()
            worker = subprocess.Popen(self.command)  # noqa: S603 (serve's own command line)
            log.info("Background worker started (pid %s)", worker.pid)
            returncode = self._wait(worker)
            if returncode is None:  # asked to stop
                self._stop(worker)
                return
            delay = FIRST_DELAY if time.monotonic() - started > SETTLED else delay
            log.error(
                "Background worker (pid %s) %s; starting it again in %.0f s",
                worker.pid,
                reason(returncode),
                delay,
            )
            self.stopping.wait(delay)
            delay = min(delay * 2, LONGEST_DELAY)

    def _wait(self, worker: subprocess.Popen[bytes]) -> int | None:
        while not self.stopping.is_set():
            if os.getppid() != self.parent:  # serve itself was killed: do not outlive it
                self.stopping.set()
                break
            try:
                return worker.wait(timeout=POLL)
            except subprocess.TimeoutExpired:
                continue
        return None

    @staticmethod
    def _stop(worker: subprocess.Popen[bytes]) -> None:
        if worker.poll() is not None:
            return
        worker.send_signal(signal.SIGINT)
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            log.warning("Background worker (pid %s) did not stop in 15 s; killed", worker.pid)
            worker.kill()
            worker.wait()


def main(command: list[str]) -> None:
    logging.basicConfig(level=logging.INFO, format="[%(asctime)s] [keeper] %(message)s")
    keeper = Keeper(command)
    signal.signal(signal.SIGTERM, keeper.stop)
    signal.signal(signal.SIGINT, keeper.stop)
    keeper.run()


if __name__ == "__main__":
    main(sys.argv[1:])

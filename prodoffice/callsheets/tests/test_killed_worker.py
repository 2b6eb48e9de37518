"""A background worker killed (SIGKILL, a real process) at each step of sending a call sheet:
the running worker takes back what it left, and nobody gets the same e-mail twice."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import date
from email.utils import getaddresses
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from prodoffice.callsheets.models import Delivery
from prodoffice.callsheets.services import publish_call_sheet
from prodoffice.callsheets.services.distribution import send_issue
from prodoffice.callsheets.tests.smtp import MailServer, mail_server  # noqa: F401 (fixture)
from prodoffice.callsheets.tests.test_distribution import _pdf, _sheet
from prodoffice.callsheets.tests.test_generate import _access
from prodoffice.core.sending import MAYBE_SENT
from prodoffice.core.tests.processes import ROOT, prodoffice_env
from prodoffice.demo.services import create_demo
from prodoffice.productions.models import Production

Status = Delivery.Status
STEPS = ["claimed", "handed", "accepted"]  # see prodoffice/core/tests/killed_worker.py


@pytest.fixture
def demo_on_postgres(transactional_db: None) -> Production:
    """Its own demo, committed, so that worker processes see it."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL-only: run with DATABASE_URL=postgres://... (CI's second pass)")
    return create_demo(today=date(2026, 11, 2), optimizer_seconds=1)


def _received(server: MailServer) -> Counter[str]:
    return Counter(
        address for m in server.inbox.messages for _, address in getaddresses([str(m["To"])])
    )


def _settled(issue_pk: int) -> bool:
    waiting = Delivery.objects.filter(issue=issue_pk, status__in=[Status.QUEUED, Status.SENDING])
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    return not waiting.exists() and not running.exists()


@pytest.mark.postgres
def test_a_worker_killed_at_each_step_of_sending_sends_no_one_the_same_e_mail_twice(
    demo_on_postgres: Production,
    mail_server: MailServer,  # noqa: F811
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    issue = publish_call_sheet(access=_access(), sheet=_sheet(demo_on_postgres), render=_pdf)
    env = prodoffice_env(tmp_path, EMAIL_URL=f"smtp://127.0.0.1:{mail_server.port}")
    left: dict[str, Delivery] = {}
    for step in STEPS:
        before = set(issue.deliveries.filter(status=Status.SENDING))
        killed = subprocess.run(
            [sys.executable, "-m", "prodoffice.core.tests.killed_worker", step],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        (left[step],) = set(issue.deliveries.filter(status=Status.SENDING)) - before
        send_issue.enqueue(issue.pk)  # the dead worker's task stays "running": the next one's
    assert _received(mail_server) == Counter([left["accepted"].email])

    # The worker that runs next takes the claims back once they are stale (1 s here).
    quick = {"WORKER_BEAT_SECONDS": "0.2", "SENDING_STALE_SECONDS": "1"}
    worker = subprocess.Popen(
        [sys.executable, "-m", "prodoffice.cli", "db_worker", "--no-startup-delay"],
        cwd=ROOT,
        env={**env, **quick},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not _settled(issue.pk) and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        worker.send_signal(signal.SIGINT)
        output, _ = worker.communicate(timeout=30)
    assert _settled(issue.pk), output
    assert "Traceback" not in output, output

    for delivery in left.values():
        delivery.refresh_from_db()
    # Claimed and killed before anything went: sent by the next worker, once.
    assert left["claimed"].status == Status.SENT
    # Killed once the message may have been with the server: never sent again, and it says so.
    assert (left["handed"].status, left["handed"].error) == (Status.FAILED, MAYBE_SENT)
    assert (left["accepted"].status, left["accepted"].error) == (Status.FAILED, MAYBE_SENT)
    sent = issue.deliveries.filter(status=Status.SENT).values_list("email", flat=True)
    assert _received(mail_server) == Counter([*sent, left["accepted"].email])
    assert max(_received(mail_server).values()) == 1

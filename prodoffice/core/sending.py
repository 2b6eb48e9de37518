"""Sending the outbox: every e-mail kept as a row with a status (`OutgoingEmail`), whether it
carries a call sheet or a production report.

Each e-mail is claimed (queued -> sending) before its message is handed to the mail server and
marked sent after, so a worker that dies between messages leaves nothing half-done, and two
workers never send the same one: the claim is a single UPDATE that only a queued row, or one a
dead worker claimed long ago, gets through. `resume` (run by `prodoffice serve` when it starts)
queues again what is still to go. A mail server that cannot be reached leaves the rest queued
and is tried again a little later; an address the server refuses fails alone, with the
server's reason.
"""

from __future__ import annotations

import logging
import smtplib
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import make_msgid
from typing import TypeVar

from django.core import mail
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django_tasks.base import Task

from prodoffice.core.models import OutgoingEmail

log = logging.getLogger(__name__)

RETRY_AFTER = timedelta(seconds=30)  # when the mail server cannot be reached at all
STALE_CLAIM = timedelta(minutes=10)  # a claim this old belongs to a worker that died
# Errors that say the server is away, not that this address is wrong.
SERVER_AWAY = (
    smtplib.SMTPConnectError,
    smtplib.SMTPServerDisconnected,
    ConnectionError,
    socket.timeout,
)

Status = OutgoingEmail.Status
Mail = TypeVar("Mail", bound=OutgoingEmail)


@dataclass(frozen=True)
class Sent:
    """What one pass through the outbox did: how many went, and whether the server went away
    (the rest are queued again, for the caller to try later)."""

    count: int
    server_away: bool = False


def send_waiting(deliveries: QuerySet[Mail], message: Callable[[Mail], mail.EmailMessage]) -> Sent:
    """Send each e-mail of `deliveries` still to go, one claim at a time, over one connection.

    `message` writes one person's e-mail (recipient, subject, body, attachments); the outbox
    gives it its Message-ID and the connection, and records the outcome on the row.
    """
    model = deliveries.model
    stale = timezone.now() - STALE_CLAIM
    pending = list(deliveries.filter(_waiting(stale)).values_list("pk", flat=True))
    if not pending:
        return Sent(0)
    sent = 0
    connection = mail.get_connection()  # opened by the first send, closed at the end
    try:
        for pk in pending:
            if not _claim(model, pk, stale):
                continue  # another worker has it
            delivery = deliveries.get(pk=pk)
            message_id = make_msgid(
                idstring=f"{model._meta.model_name}{pk}", domain="prodoffice.local"
            )
            try:
                email = message(delivery)
                email.connection = connection
                email.extra_headers["Message-ID"] = message_id
                connection.open()  # once: a no-op while the connection is open
                email.send()
            except SERVER_AWAY as error:
                model._default_manager.filter(pk=pk).update(
                    status=Status.QUEUED,
                    error=f"Mail server not reachable ({error}); trying again.",
                )
                return Sent(sent, server_away=True)
            except (smtplib.SMTPException, OSError, ValueError) as error:
                model._default_manager.filter(pk=pk).update(
                    status=Status.FAILED, error=str(error)[:300]
                )
                continue
            model._default_manager.filter(pk=pk).update(
                status=Status.SENT, sent_at=timezone.now(), error="", message_id=message_id
            )
            sent += 1
    finally:
        connection.close()
    return Sent(sent)


def _waiting(stale: datetime) -> Q:
    """Queued, or claimed by a worker that died long ago; never one a live worker has in hand."""
    return Q(status=Status.QUEUED) | Q(status=Status.SENDING, updated_at__lt=stale)


def _claim(model: type[OutgoingEmail], pk: int, stale: datetime) -> bool:
    """Take one e-mail to send; False when another worker took it first."""
    taken = model._default_manager.filter(_waiting(stale), pk=pk).update(
        status=Status.SENDING, attempts=F("attempts") + 1, updated_at=timezone.now()
    )
    return bool(taken)


def retry_later(task: Task[[int], None], pk: int) -> None:
    """Queue the sending task again in a little while, where the task backend can wait."""
    if task.get_backend().supports_defer:
        task.using(run_after=timezone.now() + RETRY_AFTER).enqueue(pk)
    else:  # the rest stays queued until `resume` (on the next start) or a re-send
        log.warning("Mail server away; %s %s stays queued", task.name, pk)


def resume(task: Task[[int], None], deliveries: QuerySet[Mail], per: str) -> int:
    """Queue `task` again for each `per` (the issue, the report: the task's argument) with
    e-mail still to go, as a stopped worker left it; returns how many were queued."""
    owners = sorted(
        set(
            deliveries.filter(status__in=[Status.QUEUED, Status.SENDING]).values_list(
                per, flat=True
            )
        )
    )
    for pk in owners:
        task.enqueue(pk)
    return len(owners)

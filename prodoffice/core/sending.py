"""Sending the outbox: every e-mail kept as a row with a status (`OutgoingEmail`), whether it
carries a call sheet or a production report.

Each e-mail is claimed (queued -> sending), its Message-ID is written on the row just before
the message is handed to the mail server, and it is marked sent after the server's answer. Two
workers never send the same one: the claim is a single UPDATE that only a queued row gets
through. A worker that dies leaves at most one e-mail "sending"; once that claim is stale the
running worker takes it back (`take_back_stale`, every few seconds, prodoffice/core/worker.py):

- without a Message-ID it never reached the mail server: it is queued and sent again;
- with one, the server may have accepted it just before the worker died, and no mail server
  can be asked: it is marked failed, saying it may have arrived, and never sent again by
  itself. Each e-mail goes at most once; the office re-sends the few that did not arrive.

`resume` (run by `prodoffice serve` when it starts) also queues again every batch with e-mail
still to go. A mail server that cannot be reached leaves the rest queued and is tried again a
little later; an address the server refuses fails alone, with the server's reason.
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

from django.conf import settings
from django.core import mail
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task

from prodoffice.core.models import OutgoingEmail, outboxes

log = logging.getLogger(__name__)

RETRY_AFTER = timedelta(seconds=30)  # when the mail server cannot be reached at all
# What a stale claim that had reached the mail server says on the sending page.
MAYBE_SENT = (
    "The worker stopped just after handing this e-mail to the mail server, so it may have "
    "arrived. Not sent again by itself: check with the person, and re-send if they lack it."
)
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
    pending = list(deliveries.filter(status=Status.QUEUED).values_list("pk", flat=True))
    if not pending:
        return Sent(0)
    sent = 0
    connection = mail.get_connection()  # opened by the first send, closed at the end
    try:
        for pk in pending:
            if not _claim(model, pk):
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
                _hand_over(model, pk, message_id)
                email.send()
            except SERVER_AWAY as error:
                model._default_manager.filter(pk=pk).update(
                    status=Status.QUEUED,
                    error=f"Mail server not reachable ({error}); trying again.",
                    message_id="",
                )
                return Sent(sent, server_away=True)
            except (smtplib.SMTPException, OSError, ValueError) as error:
                model._default_manager.filter(pk=pk).update(
                    status=Status.FAILED, error=str(error)[:300], message_id=""
                )
                continue
            model._default_manager.filter(pk=pk).update(
                status=Status.SENT, sent_at=timezone.now(), error=""
            )
            sent += 1
    finally:
        connection.close()
    return Sent(sent)


def _claim(model: type[OutgoingEmail], pk: int) -> bool:
    """Take one e-mail to send; False when another worker took it first."""
    taken = model._default_manager.filter(pk=pk, status=Status.QUEUED).update(
        status=Status.SENDING, attempts=F("attempts") + 1, updated_at=timezone.now(), message_id=""
    )
    return bool(taken)


def _hand_over(model: type[OutgoingEmail], pk: int, message_id: str) -> None:
    """Written just before the message goes to the mail server: from here on, a claim its
    worker left may have reached the person."""
    model._default_manager.filter(pk=pk).update(message_id=message_id)


def stale_before() -> datetime:
    """A claim older than this belongs to a worker that died: sending one e-mail takes seconds."""
    return timezone.now() - timedelta(seconds=settings.SENDING_STALE_SECONDS)


def take_back_stale() -> int:
    """Take back every stale claim, of every kind of e-mail (see the module's docstring), and
    queue the sending of those to go again; returns how many batches were queued."""
    queued = 0
    for model in outboxes():
        batches = _take_back(model)
        _enqueue(model, batches)
        queued += len(batches)
    return queued


def _take_back(model: type[OutgoingEmail]) -> set[int]:
    """Queue again the stale claims that never reached the mail server, and mark the others as
    possibly sent; returns the batches (issues, reports) with e-mail queued again."""
    claims = model._default_manager.filter(status=Status.SENDING, updated_at__lt=stale_before())
    if maybe_sent := claims.exclude(message_id="").update(status=Status.FAILED, error=MAYBE_SENT):
        log.warning("%s %s left by a dead worker may have been sent", maybe_sent, model.__name__)
    batches = set()
    for pk, batch in claims.filter(message_id="").values_list("pk", model.batch_field):
        # Row by row, each UPDATE checking again: two workers may take back at once.
        if claims.filter(pk=pk, message_id="").update(status=Status.QUEUED, error=""):
            log.warning("%s %s left by a dead worker is queued again", model.__name__, pk)
            batches.add(batch)
    return batches


def _enqueue(model: type[OutgoingEmail], batches: set[int]) -> None:
    task: Task[[int], None] = import_string(model.sending_task)
    for batch in sorted(batches):
        task.enqueue(batch)


def retry_later(task: Task[[int], None], pk: int) -> None:
    """Queue the sending task again in a little while, where the task backend can wait."""
    if task.get_backend().supports_defer:
        task.using(run_after=timezone.now() + RETRY_AFTER).enqueue(pk)
    else:  # the rest stays queued until `resume` (on the next start) or a re-send
        log.warning("Mail server away; %s %s stays queued", task.name, pk)


def resume(model: type[OutgoingEmail]) -> int:
    """After a restart: take back stale claims, then queue the sending of every batch (issue,
    report) with e-mail of this kind still queued; returns how many batches were queued."""
    _take_back(model)  # its batches are among the queued
    waiting = model._default_manager.filter(status=Status.QUEUED)
    batches = set(waiting.values_list(model.batch_field, flat=True))
    _enqueue(model, batches)
    return len(batches)

"""Publishing a call sheet and sending it: one e-mail per person, each a row with a status.

Publishing writes the issue and a delivery row per person in one transaction; the e-mails go
out from the background worker after it commits. Each delivery is claimed (queued -> sending)
before its message is handed to the mail server and marked sent after, so a worker that dies
between messages leaves nothing half-done: `resume_sending` (run by `prodoffice serve` when
it starts) sends what is still queued, and nobody gets the same issue twice. A mail server
that cannot be reached leaves the rest queued and tries again a little later; an address the
server refuses fails alone, with the server's reason.
"""

from __future__ import annotations

import logging
import secrets
import smtplib
import socket
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from email.mime.application import MIMEApplication
from email.utils import make_msgid

from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django_tasks import task, task_backends

from prodoffice.callsheets.models import Call, CallSheet, Delivery, Issue
from prodoffice.callsheets.personal import personal_call
from prodoffice.core import history
from prodoffice.core.errors import RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.domain.callsheets.distribution import (
    PersonalCall,
    fingerprint,
    first_line,
    subject,
)
from prodoffice.people.models import PersonalLink
from prodoffice.productions.access import ProductionAccess

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


def _shared(sheet: CallSheet) -> dict[str, object]:
    """What the sheet tells everyone."""
    return {
        "date": sheet.day.date,
        "crew_call": sheet.crew_call,
        "shooting_call": sheet.shooting_call,
        "weather": sheet.weather,
        "notes": sheet.notes,
        "scenes": [
            [s.number, s.set_name, s.time_of_day, s.eighths, s.cast_numbers, s.location]
            for s in sheet.scenes.all()
        ],
    }


def _personal(call: Call) -> dict[str, object]:
    return {
        "call": call.call_time,
        "status": call.status,
        "pickup": call.pickup_time,
        "pickup_place": call.pickup_place,
        "makeup": call.makeup_time,
        "wardrobe": call.wardrobe_time,
        "on_set": call.on_set_time,
        "remarks": call.remarks,
    }


def _address(email: str) -> tuple[str, str]:
    """(address, why it cannot be used) for a person's e-mail on file."""
    email = email.strip()
    if not email:
        return "", "No e-mail address on file: not reachable by e-mail."
    try:
        validate_email(email)
    except ValidationError:
        return email, f"The address {email!r} is not a valid e-mail address."
    return email, ""


@transaction.atomic
def publish_call_sheet(
    *,
    access: ProductionAccess,
    sheet: CallSheet,
    render: Callable[[CallSheet], bytes],
    everyone: bool = False,
) -> Issue:
    """Issue the sheet's current version to everyone called on it.

    A first issue goes to everyone. A revision goes only to the people whose part of the
    sheet changed since the last issue (their call, or anything the sheet tells everyone),
    or to everyone when asked; the others keep the copy they have. People without a usable
    address are listed as not reachable by e-mail, not an error. `render` makes the PDF
    everyone is sent, from the sheet as it is published (the interfaces pass the renderer).
    """
    access.require(Capability.EDIT_CALL_SHEETS)
    sheet = CallSheet.objects.select_for_update().select_related("day").get(pk=sheet.pk)
    if sheet.production_id != access.production.pk:
        raise RuleBroken("That call sheet is not on this production.")
    if sheet.status == CallSheet.Status.PUBLISHED:
        raise RuleBroken(
            f"Version {sheet.version} is already published. Change the sheet to make a new "
            "version, or re-send it to the people who have not confirmed."
        )
    previous = sheet.issues.order_by("-version").first()
    sent_before: dict[int, str] = {}
    if previous is not None:
        sent_before = dict(previous.deliveries.values_list("engagement_id", "fingerprint"))
    shared = _shared(sheet)
    calls = list(sheet.calls.select_related("engagement__contact"))
    if not calls:
        raise RuleBroken("Nobody is called on this sheet; there is no one to send it to.")
    issue = Issue.objects.create(
        call_sheet=sheet,
        version=sheet.version,
        revised=previous is not None,
        pdf=render(sheet),
        published_by=access.user,
    )
    deliveries = []
    for call in calls:
        digest = fingerprint(shared, _personal(call))
        email, unusable = _address(call.engagement.contact.email)
        status = Delivery.Status.UNREACHABLE if unusable else Delivery.Status.QUEUED
        if not everyone and sent_before.get(call.engagement_id) == digest:
            status, unusable = Delivery.Status.NOT_SENT, ""
        deliveries.append(
            Delivery(
                issue=issue,
                engagement=call.engagement,
                email=email,
                fingerprint=digest,
                status=status,
                error=unusable,
            )
        )
    Delivery.objects.bulk_create(deliveries)
    before = history.snapshot(sheet)
    sheet.status = CallSheet.Status.PUBLISHED
    sheet.save(update_fields=["status", "updated_at"])
    history.record_change(access, sheet, ChangeRecord.Action.CHANGED, before=before)
    transaction.on_commit(lambda: send_issue.enqueue(issue.pk))
    return issue


@transaction.atomic
def resend(*, access: ProductionAccess, issue: Issue, delivery: Delivery | None = None) -> int:
    """Send the issue again to one person, or to everyone who has not confirmed it."""
    access.require(Capability.EDIT_CALL_SHEETS)
    if issue.call_sheet.production_id != access.production.pk:
        raise RuleBroken("That call sheet is not on this production.")
    # Sent or failed, and not confirmed; the unchanged kept the copy they have.
    targets = issue.deliveries.filter(
        confirmed_at__isnull=True, status__in=[Delivery.Status.SENT, Delivery.Status.FAILED]
    )
    if delivery is not None:
        targets = targets.filter(pk=delivery.pk)
    count = targets.update(status=Delivery.Status.QUEUED, error="")
    if count:
        transaction.on_commit(lambda: send_issue.enqueue(issue.pk))
    return count


@transaction.atomic
def confirm(*, delivery: Delivery) -> Delivery:
    """The person has read their call (from their personal link)."""
    if delivery.confirmed_at is None:
        delivery.confirmed_at = timezone.now()
        delivery.save(update_fields=["confirmed_at", "updated_at"])
    return delivery


@task()
def send_issue(issue_pk: int) -> None:
    """The background task: send every queued delivery of the issue, one at a time."""
    send_queued(issue_pk)


def send_queued(issue_pk: int) -> int:
    """Send the issue's queued deliveries; returns how many went out."""
    issue = Issue.objects.select_related("call_sheet__day", "call_sheet__production").get(
        pk=issue_pk
    )
    stale = timezone.now() - STALE_CLAIM
    pending = list(
        issue.deliveries.filter(
            Q(status=Delivery.Status.QUEUED)
            | Q(status=Delivery.Status.SENDING, updated_at__lt=stale)
        ).values_list("pk", flat=True)
    )
    if not pending:
        return 0
    mailing = _Mailing(issue)
    sent = 0
    connection = mail.get_connection()  # opened by the first send, closed at the end
    try:
        for pk in pending:
            if not _claim(pk, stale):
                continue  # another worker has it
            delivery = Delivery.objects.select_related("engagement__contact").get(pk=pk)
            try:
                connection.open()  # once: a no-op while the connection is open
                mailing.send(connection, delivery)
            except SERVER_AWAY as error:
                Delivery.objects.filter(pk=pk).update(
                    status=Delivery.Status.QUEUED,
                    error=f"Mail server not reachable ({error}); trying again.",
                )
                _retry_later(issue.pk)
                return sent
            except (smtplib.SMTPException, OSError, ValueError) as error:
                Delivery.objects.filter(pk=pk).update(
                    status=Delivery.Status.FAILED, error=str(error)[:300]
                )
                continue
            Delivery.objects.filter(pk=pk).update(
                status=Delivery.Status.SENT,
                sent_at=timezone.now(),
                error="",
                message_id=delivery.message_id,
            )
            sent += 1
    finally:
        connection.close()
    return sent


def _claim(pk: int, stale: datetime) -> bool:
    """Take a delivery to send: a queued one, or one a dead worker claimed long ago."""
    now = timezone.now()
    taken = Delivery.objects.filter(
        Q(status=Delivery.Status.QUEUED) | Q(status=Delivery.Status.SENDING, updated_at__lt=stale),
        pk=pk,
    ).update(status=Delivery.Status.SENDING, attempts=F("attempts") + 1, updated_at=now)
    return bool(taken)


def _retry_later(issue_pk: int) -> None:
    """Queue the issue again in a little while, where the task backend can wait."""
    backend = task_backends[send_issue.backend]
    if backend.supports_defer:
        send_issue.using(run_after=timezone.now() + RETRY_AFTER).enqueue(issue_pk)
    else:  # the rest stays queued until `resume_sending` or a re-send
        log.warning("Mail server away; issue %s stays queued", issue_pk)


def resume_sending() -> int:
    """Queue sending again for every issue with mail still to go (after a restart)."""
    issues = (
        Issue.objects.filter(
            deliveries__status__in=[Delivery.Status.QUEUED, Delivery.Status.SENDING]
        )
        .values_list("pk", flat=True)
        .distinct()
    )
    for pk in issues:
        send_issue.enqueue(pk)
    return len(issues)


def personal_links(contact_ids: Iterable[int]) -> dict[int, str]:
    """Each person's newest live personal link (token), made for those who have none yet."""
    wanted = set(contact_ids)
    tokens: dict[int, str] = {}
    for contact, token in (
        PersonalLink.objects.filter(contact__in=wanted, revoked_at__isnull=True)
        .order_by("created_at")
        .values_list("contact_id", "token")
    ):
        tokens[contact] = token  # the newest wins
    missing = [
        PersonalLink(contact_id=c, token=secrets.token_urlsafe(32)) for c in wanted - set(tokens)
    ]
    PersonalLink.objects.bulk_create(missing)
    tokens |= {link.contact_id: link.token for link in missing}
    return tokens


class _Mailing:
    """What every e-mail of one issue shares, read once: the calls, the links, the PDF."""

    def __init__(self, issue: Issue) -> None:
        self.issue = issue
        self.sheet = issue.call_sheet
        self.calls = {call.engagement_id: call for call in self.sheet.calls.all()}
        contacts = issue.deliveries.values_list("engagement__contact_id", flat=True)
        self.links = personal_links(contacts)
        name = f"call-sheet-day-{self.sheet.day.number}-v{issue.version}.pdf"
        self.pdf = MIMEApplication(bytes(issue.pdf), "pdf")
        self.pdf.add_header("Content-Disposition", "attachment", filename=name)

    def person(self, delivery: Delivery) -> PersonalCall:
        call = self.calls.get(delivery.engagement_id)
        return personal_call(self.sheet, call, revised=self.issue.revised)

    def send(self, connection: object, delivery: Delivery) -> None:
        person = self.person(delivery)
        token = self.links[delivery.engagement.contact_id]
        link = settings.SITE_URL + reverse("personal_page", args=[token])
        body = "\n\n".join(
            [
                first_line(person),
                f"Hello {delivery.engagement.contact.name}, the call sheet for day "
                f"{person.day_number} ({person.on:%A %B %-d}) is attached.",
                f"Please confirm you have it: {link}",
                f"— {self.sheet.production.title} production office",
            ]
        )
        message = mail.EmailMessage(
            subject=subject(person),
            body=body,
            to=[delivery.email],
            connection=connection,  # type: ignore[arg-type]
        )
        message.attach(self.pdf)
        message.extra_headers["Message-ID"] = delivery.message_id = _message_id(delivery)
        message.send()


def _message_id(delivery: Delivery) -> str:
    return make_msgid(idstring=f"delivery{delivery.pk}", domain="prodoffice.local")

"""Publishing a call sheet and sending it: one e-mail per person, each a row with a status.

Publishing writes the issue and a delivery row per person in one transaction; the e-mails go
out from the background worker after it commits, through the outbox (`prodoffice.core.sending`):
each claimed before it is handed to the mail server, so nobody gets the same issue twice, and
what a stopped worker left is taken back by the running worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from email.mime.application import MIMEApplication
from functools import cached_property

from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from prodoffice.callsheets.models import Call, CallSheet, Delivery, Issue
from prodoffice.callsheets.personal import personal_call
from prodoffice.core import history, sending
from prodoffice.core.errors import RuleBroken
from prodoffice.core.mail import compose
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
    deliveries = issue.deliveries.select_related("engagement__contact")
    sent = sending.send_waiting(deliveries, _Mailing(issue).message)
    if sent.server_away:
        sending.retry_later(send_issue, issue.pk)
    return sent.count


def resume_sending() -> int:
    """Queue sending again for every issue with mail still to go (after a restart)."""
    return sending.resume(Delivery)


def personal_links(contact_ids: Iterable[int]) -> dict[int, str]:
    """Each person's newest live personal link (token), made for those who have none yet."""
    wanted = set(contact_ids)
    links: dict[int, PersonalLink] = {}
    for link in PersonalLink.objects.filter(contact__in=wanted, revoked_at__isnull=True).order_by(
        "created_at"
    ):
        links[link.contact_id] = link  # the newest wins
    missing = [PersonalLink.new(contact_id=c) for c in wanted - set(links)]
    PersonalLink.objects.bulk_create(missing)
    links |= {link.contact_id: link for link in missing}
    return {contact: link.token for contact, link in links.items()}


class _Mailing:
    """What every e-mail of one issue shares, read once when the first is written (none when
    there is nothing left to send): the calls, the links, the PDF."""

    def __init__(self, issue: Issue) -> None:
        self.issue = issue
        self.sheet = issue.call_sheet

    @cached_property
    def calls(self) -> dict[int, Call]:
        return {call.engagement_id: call for call in self.sheet.calls.all()}

    @cached_property
    def links(self) -> dict[int, str]:
        return personal_links(
            self.issue.deliveries.values_list("engagement__contact_id", flat=True)
        )

    @cached_property
    def pdf(self) -> MIMEApplication:
        name = f"call-sheet-day-{self.sheet.day.number}-v{self.issue.version}.pdf"
        pdf = MIMEApplication(bytes(self.issue.pdf), "pdf")
        pdf.add_header("Content-Disposition", "attachment", filename=name)
        return pdf

    def person(self, delivery: Delivery) -> PersonalCall:
        call = self.calls.get(delivery.engagement_id)
        return personal_call(self.sheet, call, revised=self.issue.revised)

    def message(self, delivery: Delivery) -> mail.EmailMessage:
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
        message = compose(subject=subject(person), body=body, to=delivery.email)
        message.attach(self.pdf)
        return message

"""Who was sent which version of a call sheet, and who has confirmed it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404
from django.urls import reverse

from prodoffice.callsheets.models import Call, CallSheet, Delivery, Issue
from prodoffice.callsheets.personal import personal_call
from prodoffice.domain.callsheets.calendar_feed import CalendarCall
from prodoffice.domain.callsheets.distribution import text_message
from prodoffice.people.models import Contact, PersonalLink


@dataclass(frozen=True)
class DeliveryRow:
    delivery: Delivery
    confirmed_version: int | None  # the newest version this person confirmed, if any
    text: str = ""  # their call as a text message, to copy or send

    @property
    def confirmed_current(self) -> bool:
        return self.confirmed_version == self.delivery.issue.version


@dataclass(frozen=True)
class Distribution:
    sheet: CallSheet
    issue: Issue | None  # the newest issue; None before the first publishing
    rows: list[DeliveryRow]
    counts: dict[str, int]  # status label -> how many

    @property
    def sending(self) -> bool:
        """Mail still to go out: the page follows it until it has."""
        waiting = (Delivery.Status.QUEUED, Delivery.Status.SENDING)
        return any(row.delivery.status in waiting for row in self.rows)

    @property
    def unconfirmed(self) -> int:
        return sum(
            1
            for row in self.rows
            if not row.confirmed_current and row.delivery.status == Delivery.Status.SENT
        )


def distribution(sheet: CallSheet) -> Distribution:
    """The newest issue's deliveries, with each person's newest confirmed version: 3 queries."""
    issue = sheet.issues.order_by("-version").first()
    if issue is None:
        return Distribution(sheet, None, [], {})
    deliveries = list(
        issue.deliveries.select_related(
            "issue", "engagement__contact", "engagement__department"
        ).order_by("engagement__department__order", "engagement__cast_number", "pk")
    )
    confirmed: dict[int, int] = {}
    for engagement, version in Delivery.objects.filter(
        issue__call_sheet=sheet, confirmed_at__isnull=False
    ).values_list("engagement_id", "issue__version"):
        confirmed[engagement] = max(version, confirmed.get(engagement, 0))
    texts = _texts(sheet, issue, deliveries)
    rows = [DeliveryRow(d, confirmed.get(d.engagement_id), texts.get(d.pk, "")) for d in deliveries]
    labels = dict(Delivery.Status.choices)
    counts = Counter(labels[d.status] for d in deliveries)
    counts["Confirmed"] = sum(1 for row in rows if row.confirmed_current)
    return Distribution(sheet, issue, rows, dict(counts))


def _texts(sheet: CallSheet, issue: Issue, deliveries: list[Delivery]) -> dict[int, str]:
    """Each person's call as a short text with their personal link: 3 queries."""
    calls = {call.engagement_id: call for call in sheet.calls.all()}
    scenes = [(s.number, s.cast_numbers) for s in sheet.scenes.all()]
    newest = {
        link.contact_id: link  # the newest wins
        for link in PersonalLink.objects.filter(
            contact__in=[d.engagement.contact_id for d in deliveries], revoked_at__isnull=True
        ).order_by("created_at")
    }
    tokens = {contact: link.token for contact, link in newest.items()}
    texts = {}
    for delivery in deliveries:
        call, number = calls.get(delivery.engagement_id), delivery.engagement.cast_number
        theirs = tuple(
            scene for scene, cast in scenes if number is None or str(number) in cast.split(", ")
        )
        token = tokens.get(delivery.engagement.contact_id)
        link = settings.SITE_URL + reverse("personal_page", args=[token]) if token else ""
        person = personal_call(sheet, call, revised=issue.revised, scenes=theirs)
        texts[delivery.pk] = text_message(person, link or "ask the production office")
    return texts


def access_issue(sheet: CallSheet, pk: int) -> Issue:
    issue = sheet.issues.filter(pk=pk).first()
    if issue is None:
        raise Http404("No such issue of this call sheet.")
    return issue


def access_delivery(sheet: CallSheet, pk: int) -> Delivery:
    delivery = (
        Delivery.objects.filter(pk=pk, issue__call_sheet=sheet).select_related("issue").first()
    )
    if delivery is None:
        raise Http404("No such delivery.")
    return delivery


@dataclass(frozen=True)
class PersonalSheet:
    """A call sheet as one person has it: the newest version sent to them."""

    delivery: Delivery
    sheet: CallSheet


def personal_call_sheets(contact: Contact) -> list[PersonalSheet]:
    """The newest copy of each call sheet the person was sent, newest day first."""
    deliveries = (
        Delivery.objects.filter(engagement__contact=contact)
        .exclude(status=Delivery.Status.NOT_SENT)
        .select_related("issue__call_sheet__day", "issue__call_sheet__production")
        .order_by("-issue__call_sheet__day__date", "-issue__version")
    )
    newest: dict[int, PersonalSheet] = {}
    for delivery in deliveries:
        sheet = delivery.issue.call_sheet
        newest.setdefault(sheet.pk, PersonalSheet(delivery, sheet))
    return list(newest.values())


def personal_delivery(contact: Contact, pk: int) -> Delivery:
    delivery = (
        Delivery.objects.filter(pk=pk, engagement__contact=contact)
        .select_related("issue__call_sheet__day")
        .first()
    )
    if delivery is None:
        raise Http404("No such call sheet for you.")
    return delivery


def personal_calendar(contact: Contact, page_url: str) -> list[CalendarCall]:
    """Each call sheet sent to the person as a calendar entry, at their call: 2 queries."""
    sheets = personal_call_sheets(contact)
    calls = {
        call.call_sheet_id: call
        for call in Call.objects.filter(
            call_sheet__in=[item.sheet.pk for item in sheets], engagement__contact=contact
        )
    }
    entries = []
    for item in sheets:
        call = calls.get(item.sheet.pk)
        entries.append(
            CalendarCall(
                uid=f"callsheet-{item.sheet.pk}-contact-{contact.pk}@prodoffice",
                production=item.sheet.production.title,
                day_number=item.sheet.day.number or 0,
                on=item.sheet.day.date,
                call=call.call_time if call else None,
                url=page_url,
                version=item.delivery.issue.version,
            )
        )
    return entries

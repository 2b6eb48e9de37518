"""Sending a call sheet: publish, follow each person's copy, re-send; and confirming it."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from prodoffice.callsheets import selectors, services
from prodoffice.callsheets.models import Delivery
from prodoffice.callsheets.pdf import call_sheet_pdf
from prodoffice.callsheets.selectors.deliveries import (
    access_delivery,
    access_issue,
    distribution,
    personal_delivery,
)
from prodoffice.callsheets.selectors.deliveries import (
    personal_calendar as personal_calendar_entries,
)
from prodoffice.callsheets.services.texts import text_call
from prodoffice.callsheets.sms import gateway
from prodoffice.core.errors import RuleBroken
from prodoffice.core.forms import number_sent
from prodoffice.core.mail import outbox_messages
from prodoffice.core.models import message_ids_of
from prodoffice.core.worker import worker_missing
from prodoffice.domain.access import Capability
from prodoffice.domain.callsheets.calendar_feed import calendar_feed
from prodoffice.people.links import contact_for_link
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page


@production_page(Capability.EDIT_CALL_SHEETS)
def callsheet_distribution(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    sheet = selectors.access_call_sheet(access, pk)
    context = {
        "sheet": sheet,
        "sent": distribution(sheet),
        "can_text": gateway() is not None,
        "worker_missing": worker_missing(),
    }
    return render(request, "callsheets/distribution.html", context)


@require_POST
@production_page(Capability.EDIT_CALL_SHEETS)
def callsheet_publish(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    sheet = selectors.access_call_sheet(access, pk)
    try:
        issue = services.publish_call_sheet(
            access=access,
            sheet=sheet,
            render=call_sheet_pdf,
            everyone=request.POST.get("everyone") == "on",
        )
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        # Counted by who is to be sent it, not by what is still queued: the worker may have
        # sent them all already (it starts as soon as the publishing commits).
        count = issue.deliveries.exclude(
            status__in=[Delivery.Status.UNREACHABLE, Delivery.Status.NOT_SENT]
        ).count()
        kind = "Revised version" if issue.revised else "Version"
        mails = f"{count} e-mail{'s' if count != 1 else ''}"
        messages.success(request, f"{kind} {issue.version} published: {mails} to send.")
    return redirect("callsheet_distribution", access.production.code, sheet.pk)


@require_POST
@production_page(Capability.EDIT_CALL_SHEETS)
def callsheet_resend(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    """Re-send the newest issue to one person (`delivery`), or to everyone unconfirmed."""
    sheet = selectors.access_call_sheet(access, pk)
    chosen = request.POST.get("issue", "")
    number = number_sent(chosen)
    issue = access_issue(sheet, number) if number is not None else sheet.issues.first()
    if issue is None:
        messages.error(request, "This call sheet has not been sent yet: publish it first.")
        return redirect("callsheet_distribution", access.production.code, sheet.pk)
    delivery = None
    if "delivery" in request.POST:
        # A form that names one person must name one we can read: taking an unreadable value
        # for "everyone" mailed the whole unconfirmed crew when one re-send was meant.
        number = number_sent(request.POST["delivery"])
        if number is None:
            messages.error(
                request,
                "That is not a person on this call sheet's list: use the Re-send button beside "
                "their name. Nothing was sent.",
            )
            return redirect("callsheet_distribution", access.production.code, sheet.pk)
        delivery = access_delivery(sheet, number)
    try:
        count = services.resend(access=access, issue=issue, delivery=delivery)
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"{count} e-mail{'s' if count != 1 else ''} to send again.")
    return redirect("callsheet_distribution", access.production.code, sheet.pk)


@require_POST
@production_page(Capability.EDIT_CALL_SHEETS)
def callsheet_text(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    """Send one person their call as a text message, through the configured gateway."""
    sheet = selectors.access_call_sheet(access, pk)
    one = request.POST.get("delivery", "")
    number = number_sent(one)
    delivery = access_delivery(sheet, number) if number is not None else None
    if delivery is None:
        messages.error(request, "Choose the person to text from the list.")
        return redirect("callsheet_distribution", access.production.code, sheet.pk)
    row = next((r for r in distribution(sheet).rows if r.delivery.pk == delivery.pk), None)
    if row is None:  # a copy of an older version: the text is for the newest one
        messages.error(request, "That is an older version's copy; text from the newest one.")
        return redirect("callsheet_distribution", access.production.code, sheet.pk)
    try:
        text_call(access=access, delivery=delivery, text=row.text)
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Text sent to {delivery.engagement.contact.name}.")
    return redirect("callsheet_distribution", access.production.code, sheet.pk)


@require_POST
def personal_confirm(request: HttpRequest, token: str, delivery_pk: int) -> HttpResponse:
    """The person confirms they have their call sheet, from their own page."""
    delivery = personal_delivery(contact_for_link(request, token), delivery_pk)
    services.confirm(delivery=delivery)
    messages.success(request, f"Thank you: day {delivery.issue.call_sheet.day.number} confirmed.")
    return redirect("personal_page", token)


def personal_call_sheet_pdf(request: HttpRequest, token: str, delivery_pk: int) -> HttpResponse:
    """The PDF exactly as it was sent to the person."""
    delivery = personal_delivery(contact_for_link(request, token), delivery_pk)
    response = HttpResponse(bytes(delivery.issue.pdf), content_type="application/pdf")
    name = f"call-sheet-day-{delivery.issue.call_sheet.day.number}-v{delivery.issue.version}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Referrer-Policy"] = "no-referrer"
    return response


def personal_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """The person's calls as a calendar to subscribe to (the link is the secret)."""
    contact = contact_for_link(request, token)
    page = settings.SITE_URL + reverse("personal_page", args=[token])
    production = contact.production
    feed = calendar_feed(
        f"{production.title}: {contact.name}",
        personal_calendar_entries(contact, page),
        ZoneInfo(production.time_zone),
    )
    response = HttpResponse(feed, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="calls.ics"'
    response["Referrer-Policy"] = "no-referrer"
    return response


@production_page(Capability.EDIT_CALL_SHEETS)
def outbox(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    """The production's e-mails (call sheets, DPRs) kept in var/outbox/ when no mail server is
    set (`make run`)."""
    kept = settings.EMAIL_BACKEND == "prodoffice.core.mail.OutboxBackend"
    items = []
    if kept:
        ids = message_ids_of(access.production)
        items = outbox_messages(Path(settings.EMAIL_FILE_PATH), ids)
    context = {
        "kept": kept,
        "items": items,
        "folder": settings.EMAIL_FILE_PATH if kept else "",
        "worker_missing": worker_missing(),
    }
    return render(request, "callsheets/outbox.html", context)

"""A call sent as a text: the gateway's refusal, a missing phone and no gateway each say so."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from prodoffice.callsheets.models import Delivery
from prodoffice.callsheets.services import generate_call_sheet, publish_call_sheet
from prodoffice.callsheets.services.texts import text_call
from prodoffice.callsheets.tests.test_distribution_pages import RecordingGateway
from prodoffice.callsheets.tests.test_generate import _access, demo  # noqa: F401 (fixture)
from prodoffice.core.errors import RuleBroken
from prodoffice.productions.models import Production
from prodoffice.scheduling.models import Schedule

pytestmark = pytest.mark.django_db


Callbacks = Callable[..., AbstractContextManager[Any]]


def _delivery(production: Production, callbacks: Callbacks) -> Delivery:
    schedule = Schedule.objects.get(production=production, is_current=True)
    sheet = generate_call_sheet(access=_access(), day=schedule.days.filter(kind="shoot")[0])
    with callbacks(execute=False):  # the e-mails are not the point here
        issue = publish_call_sheet(access=_access(), sheet=sheet, render=lambda _: b"%PDF-1.7")
    delivery = (
        Delivery.objects.filter(issue=issue)
        .select_related("engagement__contact", "issue__call_sheet")
        .first()
    )
    assert delivery is not None
    return delivery


def test_a_text_goes_to_the_persons_phone(
    demo: Production,  # noqa: F811
    settings: Any,
    django_capture_on_commit_callbacks: Callbacks,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(RecordingGateway, "sent", [])  # its own list, given back after
    settings.SMS_BACKEND = f"{RecordingGateway.__module__}.RecordingGateway"
    delivery = _delivery(demo, django_capture_on_commit_callbacks)
    contact = delivery.engagement.contact
    contact.phone = "+1 323 555 0142"
    contact.save()
    assert text_call(access=_access(), delivery=delivery, text="Day 2, call 07:00") == contact.phone
    assert RecordingGateway.sent == [(contact.phone, "Day 2, call 07:00")]


def test_refusals_say_what_to_do(
    demo: Production,  # noqa: F811
    settings: Any,
    django_capture_on_commit_callbacks: Callbacks,
) -> None:
    delivery = _delivery(demo, django_capture_on_commit_callbacks)
    contact = delivery.engagement.contact
    with pytest.raises(RuleBroken, match="No text-message gateway is set up"):
        text_call(access=_access(), delivery=delivery, text="call 07:00")
    settings.SMS_BACKEND = f"{RecordingGateway.__module__}.RecordingGateway"
    contact.phone = ""
    contact.save()
    with pytest.raises(RuleBroken, match=f"{contact.name} has no phone number on file"):
        text_call(access=_access(), delivery=delivery, text="call 07:00")
    contact.phone = "+1 323 555 0000"  # the stand-in gateway refuses this one
    contact.save()
    with pytest.raises(RuleBroken, match=r"0000 was not sent: number not in service"):
        text_call(access=_access(), delivery=delivery, text="call 07:00")
    with pytest.raises(PermissionDenied):
        text_call(access=_access("grip"), delivery=delivery, text="call 07:00")

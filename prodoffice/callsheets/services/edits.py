"""Editing a call sheet: its calls and weather, and one person's call.

A sheet already published is not changed under the people who have it: the edit makes the
next version, a draft again ("revised, not yet sent") until it is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction

from prodoffice.callsheets.models import Call, CallSheet
from prodoffice.core import history
from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.core.validation import column_errors
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess

# The furthest apart two times of one person's morning (pickup to call, call to on set) can be;
# anything further is read as a time on the wrong side of the call (6:00 for 18:00).
LONGEST_GAP = timedelta(hours=8)


@dataclass(frozen=True)
class SheetDetails:
    crew_call: time
    shooting_call: time
    weather: str = ""
    notes: str = ""


@dataclass(frozen=True)
class CallDetails:
    """One person's times; a call time of None means not called (on hold), with no other times."""

    call_time: time | None = None
    pickup_time: time | None = None
    pickup_place: str = ""
    makeup_time: time | None = None
    wardrobe_time: time | None = None
    on_set_time: time | None = None
    remarks: str = ""


def _after(first: time, then: time) -> timedelta:
    """How long after `first` the clock next reads `then` (past midnight for a night call)."""
    day = date(2000, 1, 1)
    gap = datetime.combine(day, then) - datetime.combine(day, first)
    return gap if gap >= timedelta(0) else gap + timedelta(days=1)


def _clock(moment: time) -> str:
    return moment.strftime("%I:%M %p").lstrip("0")


def _open(access: ProductionAccess, sheet: CallSheet) -> CallSheet:
    """The sheet locked for the edit; a published one becomes the next version's draft."""
    access.require(Capability.EDIT_CALL_SHEETS)
    if sheet.production_id != access.production.pk:
        raise RuleBroken("That call sheet is not on this production.")
    # Locked, so two edits of a published sheet make one new version between them, not two.
    locked = CallSheet.objects.select_for_update().select_related("day").get(pk=sheet.pk)
    return locked


def _revise(access: ProductionAccess, sheet: CallSheet) -> None:
    if sheet.status != CallSheet.Status.PUBLISHED:
        return
    before = history.snapshot(sheet)
    sheet.version += 1
    sheet.status = CallSheet.Status.DRAFT
    sheet.save(update_fields=["version", "status", "updated_at"])
    history.record_change(access, sheet, ChangeRecord.Action.CHANGED, before=before)


@transaction.atomic
def edit_call_sheet(
    *, access: ProductionAccess, sheet: CallSheet, details: SheetDetails
) -> CallSheet:
    """Change the general crew call, the shooting call, the weather and the notes.

    Moving the general crew call moves every crew member called at it; a crew member with a
    call of their own (an exception) keeps it.
    """
    locked = _open(access, sheet)
    errors = column_errors(CallSheet, {"weather": details.weather.strip()})
    gap = _after(details.crew_call, details.shooting_call)
    if gap == timedelta(0) or gap > LONGEST_GAP:
        errors["shooting_call"] = (
            f"The shooting call ({_clock(details.shooting_call)}) comes after the crew call "
            f"({_clock(details.crew_call)}), within {LONGEST_GAP.seconds // 3600} hours."
        )
    if errors:
        raise FieldErrors(errors)
    values = {
        "crew_call": details.crew_call,
        "shooting_call": details.shooting_call,
        "weather": " ".join(details.weather.split()),
        "notes": details.notes.strip(),
    }
    if all(getattr(locked, name) == value for name, value in values.items()):
        return locked
    _revise(access, locked)
    before = history.snapshot(locked)
    if details.crew_call != locked.crew_call:
        # The crew on the general call move with it; exceptions keep their own time.
        Call.objects.filter(
            call_sheet=locked, engagement__cast_number__isnull=True, call_time=locked.crew_call
        ).update(call_time=details.crew_call)
    for name, value in values.items():
        setattr(locked, name, value)
    locked.save(update_fields=[*values, "updated_at"])
    history.record_change(access, locked, ChangeRecord.Action.CHANGED, before=before)
    return locked


def _call_errors(details: CallDetails) -> dict[str, str]:
    errors = column_errors(
        Call, {"pickup_place": details.pickup_place.strip(), "remarks": details.remarks.strip()}
    )
    call = details.call_time
    later = {
        "makeup_time": details.makeup_time,
        "wardrobe_time": details.wardrobe_time,
        "on_set_time": details.on_set_time,
    }
    if call is None:
        if details.pickup_time or any(later.values()):
            errors["call_time"] = (
                "Give a call time, or clear the other times for someone not called."
            )
        return errors
    if details.pickup_time is not None:
        gap = _after(details.pickup_time, call)
        if gap == timedelta(0) or gap > LONGEST_GAP:
            errors["pickup_time"] = (
                f"The pickup ({_clock(details.pickup_time)}) comes before the call "
                f"({_clock(call)})."
            )
    for name, moment in later.items():
        if moment is not None and _after(call, moment) > LONGEST_GAP:
            what = name.removesuffix("_time").replace("_", "-")
            errors[name] = (
                f"The {what} time ({_clock(moment)}) comes after the call ({_clock(call)})."
            )
    return errors


@transaction.atomic
def edit_call(*, access: ProductionAccess, call: Call, details: CallDetails) -> Call:
    """Change one person's call: a per-person exception to the general call, a pickup, times."""
    sheet = _open(access, call.call_sheet)
    errors = _call_errors(details)
    if errors:
        raise FieldErrors(errors)
    values = {
        "call_time": details.call_time,
        "pickup_time": details.pickup_time,
        "pickup_place": " ".join(details.pickup_place.split()),
        "makeup_time": details.makeup_time,
        "wardrobe_time": details.wardrobe_time,
        "on_set_time": details.on_set_time,
        "remarks": " ".join(details.remarks.split()),
    }
    if all(getattr(call, name) == value for name, value in values.items()):
        return call
    _revise(access, sheet)
    before = history.snapshot(call)
    for name, value in values.items():
        setattr(call, name, value)
    call.save(update_fields=list(values))
    history.record_change(access, call, ChangeRecord.Action.CHANGED, before=before)
    return call

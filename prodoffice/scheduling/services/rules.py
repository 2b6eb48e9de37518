"""The rules a schedule keeps: deadlines, scenes kept together, who and where is unavailable."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from prodoffice.core import history
from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.domain.screenplay.breakdown import Category
from prodoffice.productions.access import ProductionAccess
from prodoffice.scheduling.models import SetLocation, Strip, Unavailability
from prodoffice.scripts.models import BreakdownElement


@transaction.atomic
def set_strip_rules(
    *, access: ProductionAccess, strip: Strip, must_shoot_by: date | None, together: str
) -> Strip:
    """A scene's deadline, and the label of the scenes it must be shot on the same day with."""
    access.require(Capability.EDIT_SCHEDULE)
    if strip.schedule.production_id != access.production.pk:
        raise RuleBroken("That scene is not on this production.")
    before = history.snapshot(strip)
    strip.must_shoot_by = must_shoot_by
    strip.together = " ".join(together.split())[:20]
    strip.save(update_fields=["must_shoot_by", "together"])
    history.record_change(access, strip, ChangeRecord.Action.CHANGED, before=before)
    return strip


@transaction.atomic
def add_unavailability(
    *,
    access: ProductionAccess,
    first_date: date,
    last_date: date,
    element: BreakdownElement | None = None,
    location: str = "",
    note: str = "",
) -> Unavailability:
    """Dates a cast member cannot work, or a location cannot be had."""
    access.require(Capability.EDIT_SCHEDULE)
    location = " ".join(location.split())
    errors: dict[str, str] = {}
    if (element is None) == (not location):
        errors["element"] = "Choose a cast member or name a location, not both."
    if element is not None and (
        element.production_id != access.production.pk or element.category != Category.CAST
    ):
        errors["element"] = "Choose a cast member of this production."
    if last_date < first_date:
        errors["last_date"] = "The last date comes on or after the first."
    if errors:
        raise FieldErrors(errors)
    unavailable = Unavailability.objects.create(
        production=access.production,
        element=element,
        location=location[:200],
        first_date=first_date,
        last_date=last_date,
        note=" ".join(note.split())[:200],
    )
    history.record_change(access, unavailable, ChangeRecord.Action.CREATED)
    return unavailable


@transaction.atomic
def remove_unavailability(*, access: ProductionAccess, unavailable: Unavailability) -> None:
    access.require(Capability.EDIT_SCHEDULE)
    if unavailable.production_id != access.production.pk:
        raise RuleBroken("That is not on this production.")
    history.record_change(access, unavailable, ChangeRecord.Action.DELETED)
    unavailable.delete()


@transaction.atomic
def set_location(*, access: ProductionAccess, set_name: str, location: str) -> SetLocation | None:
    """Where a set is shot; an empty location goes back to the one its heading names."""
    access.require(Capability.EDIT_SCHEDULE)
    location = " ".join(location.split())[:200]
    current = SetLocation.objects.filter(production=access.production, set_name=set_name).first()
    if not location:
        if current is not None:
            history.record_change(access, current, ChangeRecord.Action.DELETED)
            current.delete()
        return None
    if current is None:
        current = SetLocation.objects.create(
            production=access.production, set_name=set_name[:200], location=location
        )
        history.record_change(access, current, ChangeRecord.Action.CREATED)
        return current
    before = history.snapshot(current)
    current.location = location
    current.save(update_fields=["location"])
    history.record_change(access, current, ChangeRecord.Action.CHANGED, before=before)
    return current

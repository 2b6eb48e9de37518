"""One person's part of a call sheet, as the e-mail, the text and the calendar tell it."""

from __future__ import annotations

from prodoffice.callsheets.models import Call, CallSheet
from prodoffice.domain.callsheets.distribution import PersonalCall


def personal_call(
    sheet: CallSheet, call: Call | None, *, revised: bool, scenes: tuple[str, ...] = ()
) -> PersonalCall:
    """The person's call on the sheet (None: listed without one, e.g. on hold)."""
    return PersonalCall(
        production=sheet.production.title,
        day_number=sheet.day.number or 0,
        on=sheet.day.date,
        call=call.call_time if call else None,
        pickup=call.pickup_time if call else None,
        pickup_place=call.pickup_place if call else "",
        scenes=scenes,
        revised=revised,
    )

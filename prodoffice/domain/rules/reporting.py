"""Reporting-time pay: reporting for work and being sent home before half the scheduled day."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from prodoffice.domain.rules.results import CENT, SIXTY, Violation
from prodoffice.domain.rules.ruleset import RuleSet
from prodoffice.domain.rules.timecard import TimeCard
from prodoffice.domain.rules.words import duration, money


def reporting_time(
    card: TimeCard, rules: RuleSet, hourly: Decimal | None, worked: int, paid: Decimal
) -> Violation | None:
    """IWC Wage Order 12, section 5(A): furnished less than half the scheduled day, a person is
    paid for half of it (no less than 2 hours, no more than 4) at the regular rate; the hours
    worked count towards it, so what is owed is the rest of it beyond the day's pay (`paid`).
    """
    owed_by = rules.reporting_time
    if owed_by is None or card.scheduled_hours is None:
        return None
    assert card.wrap is not None
    scheduled = int(card.scheduled_hours * 60)
    if worked >= scheduled * owed_by.share:
        return None
    owed = min(
        max(scheduled * owed_by.share, owed_by.minimum_hours * 60), owed_by.maximum_hours * 60
    )
    if hourly is not None:
        amount = (hourly * owed / SIXTY).quantize(CENT, ROUND_HALF_UP) - paid
        if amount <= 0:
            return None  # the day's pay (a day rate, a minimum call) already comes to it
    what = (
        f"Sent home at {card.wrap:%H:%M}, {duration(worked)} worked of {duration(scheduled)} "
        f"scheduled: reporting time pay makes it {duration(int(owed))}"
    )
    cite = f"({rules.short_name}, reporting time pay)"
    if hourly is None:
        text = f"{what}, not costed here: a flat deal has no hourly rate {cite}"
        return Violation("reporting_time", card.wrap, int(owed) - worked, Decimal(0), text, text)
    return Violation(
        "reporting_time",
        card.wrap,
        int(owed) - worked,
        amount,
        f"{what}, {money(amount)} more {cite}",
        f"{what} {cite}",
    )

"""Rest between days: a call before the rest is over is a forced call (SAG-AFTRA) or an invaded
rest (IATSE); before the first day worked in a workweek the rest owed is the weekly one."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from prodoffice.domain.rules.pay import day_pay
from prodoffice.domain.rules.results import CENT, SIXTY, Violation, ViolationKind
from prodoffice.domain.rules.ruleset import RestReduction, RestRules, RuleSet
from prodoffice.domain.rules.timecard import TimeCard, minute_of
from prodoffice.domain.rules.words import duration, money

SIX_DAY_WEEKS = ("6-day studio", "6-day location")
LOCATION_WEEKS = ("5-day location", "6-day location")


def rest_violation(
    card: TimeCard, rules: RuleSet, hourly: Decimal | None, call: int
) -> Violation | None:
    """The one rest violation before this day, if any: the weekly rest on the first day worked
    in a workweek (it includes the daily rest, so a day short of both is one violation, as
    SAG-AFTRA counts a forced call per rest period violated), the daily rest on the others."""
    rest = rules.rest
    if rest is None or card.previous_wrap is None:
        return None
    assert card.call is not None
    had = call - minute_of(card.previous_wrap)
    weekly = card.day_of_workweek == 1 and rest.weekly_minutes is not None
    full, reduced = (
        (rest.weekly_minutes, rest.weekly_reduced)
        if weekly
        else (rest.minimum_minutes, rest.reduced)
    )
    assert full is not None
    if had >= full:  # most days: rested in full, no reduction to look at
        return None
    owed = _owed(card, full, reduced)
    short = owed - had
    if short <= 0:
        return None
    what = (
        f"Called at {card.call:%H:%M}"
        + (" on the first day of the workweek" if weekly else "")
        + f" after {duration(had)} of rest from the {card.previous_wrap:%a %H:%M} wrap, "
        f"{duration(short)} short of {duration(owed)}"
    )
    kind: ViolationKind
    if weekly:
        kind, cite = "weekly_rest", f"({rules.short_name}, weekly rest period)"
    else:
        kind = "forced_call" if rest.penalty == "day_pay_capped" else "rest_invasion"
        cite = f"({rules.short_name}, rest period)"
    if hourly is None:
        text = f"{what}: not costed here: a flat deal has no day or hourly rate {cite}"
        return Violation(kind, card.call, short, Decimal(0), text, text)
    if rest.penalty == "day_pay_capped":
        return _forced_call(card, rules, rest, hourly, kind, what, short, cite)
    unit = rules.overtime.rounding_minutes
    invaded = -(-short // unit) * unit
    amount = (hourly * rest.multiplier * invaded / SIXTY).quantize(CENT, ROUND_HALF_UP)
    paid_again = f"{what}: the invaded {duration(invaded)} paid again at {rest.multiplier}x"
    text = (
        f"{paid_again} {money(hourly.quantize(CENT, ROUND_HALF_UP))} an hour "
        f"= {money(amount)} {cite}"
    )
    return Violation(kind, card.call, short, amount, text, f"{paid_again} {cite}")


def _owed(card: TimeCard, full: int, reductions: tuple[RestReduction, ...]) -> int:
    """Minutes of rest owed: the rule's, or the shortest reduction the day qualifies for."""
    owed = full
    for reduction in reductions:
        if _allowed(card, reduction):
            owed = min(owed, reduction.minutes)
    return owed


def _allowed(card: TimeCard, reduction: RestReduction) -> bool:
    if reduction.when == "first_call_not_before":
        assert card.call is not None
        assert reduction.not_before is not None
        # The wall-clock time of the call where it is: 6 am on the call sheet.
        return card.call.time() >= reduction.not_before
    if reduction.when == "six_day_week":
        return card.workweek in SIX_DAY_WEEKS
    if reduction.when == "location":
        return card.workweek in LOCATION_WEEKS
    return card.workweek == "6-day location"  # six_day_location_week


def _forced_call(
    card: TimeCard,
    rules: RuleSet,
    rest: RestRules,
    hourly: Decimal,
    kind: ViolationKind,
    what: str,
    short: int,
    cite: str,
) -> Violation:
    """SAG-AFTRA: one day's pay or the cap, whichever is less; a weekly performer's cap is its
    own ($950 against a day performer's $900) and their day's pay a day's share of the week."""
    assert card.call is not None
    one_day = day_pay(card, rules, hourly).quantize(CENT, ROUND_HALF_UP)
    cap = rest.cap
    if card.rate_per == "week" and rest.cap_weekly is not None:
        cap = rest.cap_weekly
    if cap is not None and cap < one_day:
        amount = cap
        how = f"a day's pay {money(one_day)} or {money(cap)}, whichever is less: {money(amount)}"
    else:
        amount = one_day
        how = f"a day's pay {money(one_day)}"
    # Whether the cap was reached would tell the day rate: say only that there is one.
    plain = "a day's pay" + (" or the cap, whichever is less" if cap is not None else "")
    return Violation(
        kind,
        card.call,
        short,
        amount,
        f"{what}: forced call, {how} {cite}",
        f"{what}: forced call, {plain} {cite}",
    )

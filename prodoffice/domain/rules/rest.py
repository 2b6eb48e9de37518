"""Rest between days: a call before the rest period is over is a forced call."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from prodoffice.domain.rules.pay import day_pay
from prodoffice.domain.rules.results import CENT, SIXTY, Violation
from prodoffice.domain.rules.ruleset import RuleSet
from prodoffice.domain.rules.timecard import TimeCard, minute_of
from prodoffice.domain.rules.words import duration, money


def forced_call(
    card: TimeCard, rules: RuleSet, hourly: Decimal | None, call: int
) -> Violation | None:
    rest = rules.rest
    if rest is None or card.previous_wrap is None:
        return None
    assert card.call is not None
    had = call - minute_of(card.previous_wrap)
    short = int(rest.minimum_hours * 60) - had
    if short <= 0:
        return None
    what = (
        f"Called at {card.call:%H:%M} after {duration(had)} of rest from the "
        f"{card.previous_wrap:%a %H:%M} wrap, {duration(short)} short of "
        f"{duration(int(rest.minimum_hours * 60))}"
    )
    cite = f"({rules.short_name}, rest period)"
    if hourly is None:
        text = f"{what}: forced call, not costed here: a flat deal has no day or hourly rate {cite}"
        return Violation("forced_call", card.call, short, Decimal(0), text, text)
    if rest.penalty == "day_pay_capped":
        one_day = day_pay(card, rules, hourly).quantize(CENT, ROUND_HALF_UP)
        if rest.cap is not None and rest.cap < one_day:
            amount = rest.cap
            how = (
                f"a day's pay {money(one_day)} or {money(rest.cap)}, whichever is less: "
                f"{money(amount)}"
            )
        else:
            amount = one_day
            how = f"a day's pay {money(one_day)}"
        # Whether the cap was reached would tell the day rate: say only that there is one.
        plain = "a day's pay" + (" or the cap, whichever is less" if rest.cap is not None else "")
        return Violation(
            "forced_call",
            card.call,
            short,
            amount,
            f"{what}: forced call, {how} {cite}",
            f"{what}: forced call, {plain} {cite}",
        )
    unit = rules.overtime.rounding_minutes
    invaded = -(-short // unit) * unit
    amount = (hourly * rest.multiplier * invaded / SIXTY).quantize(CENT, ROUND_HALF_UP)
    paid_again = f"{what}: the invaded {duration(invaded)} paid again at {rest.multiplier}x"
    text = (
        f"{paid_again} {money(hourly.quantize(CENT, ROUND_HALF_UP))} an hour "
        f"= {money(amount)} {cite}"
    )
    return Violation("forced_call", card.call, short, amount, text, f"{paid_again} {cite}")

"""Scale minimums: a rate below the agreement's minimum is warned about, never refused.

A deal may pay more than scale, never less; but the office may have entered a deal memo's rate
wrongly, or hired under a lower-budget agreement than the one loaded, so Prodoffice says so and
saves what was entered.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from prodoffice.domain.rules.ruleset import RuleSet, ScaleMinimum
from prodoffice.domain.rules.words import money

PER = {"hour": "an hour", "day": "a day", "week": "a week"}


def scale_on(rules: RuleSet, *, on: date, per: str) -> ScaleMinimum | None:
    """The agreement's minimum for a rate of this unit on that day; None when no source gives one.

    Where several kinds of engagement share a unit (day performer, stunt performer ...), the
    least of them is the floor checked here: Prodoffice does not know which kind a person is.
    """
    minimums = [
        minimum
        for minimum in rules.scale
        if minimum.per == per
        and minimum.valid_from <= on
        and (minimum.valid_to is None or on <= minimum.valid_to)
    ]
    return min(minimums, key=lambda minimum: minimum.amount, default=None)


def below_scale(rules: RuleSet, *, on: date, rate: Decimal, per: str) -> str:
    """A warning in words when `rate` a `per` is below the scale minimum on that day, else ""."""
    minimum = scale_on(rules, on=on, per=per)
    if minimum is None or rate >= minimum.amount:
        return ""
    return (
        f"The rate {money(rate)} {PER[per]} is below the {rules.short_name} {minimum.what} "
        f"minimum of {money(minimum.amount)} {PER[per]} on {on:%b} {on.day}, {on.year}: check "
        "the deal memo."
    )

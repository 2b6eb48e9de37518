"""One time card under one rule set: hours by rate, each violation with its cost, the day's labour.

Everything is counted in whole minutes and paid in Decimal cents; no amount is ever a float.
The parts live apart: `pay` (deals, overtime bands, guarantees), `meals` (worked time, meal
penalties and the NDB), `rest` (forced calls, invaded and weekly rest); this module puts one day
together and adds up a week.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import timedelta

from prodoffice.domain.rules.meals import meal_violations, worked_minutes
from prodoffice.domain.rules.pay import hourly_rate, pay_lines, pieces
from prodoffice.domain.rules.reporting import reporting_time
from prodoffice.domain.rules.rest import rest_violation
from prodoffice.domain.rules.results import ONE, DayResult, PayLine, Violation, sum_amounts
from prodoffice.domain.rules.ruleset import RuleSet
from prodoffice.domain.rules.timecard import TimeCard, minute_of

__all__ = ["DayResult", "PayLine", "Violation", "Week", "evaluate", "week_so_far"]


@dataclass(frozen=True, slots=True)
class Week:
    """What the earlier days of a workweek carry into a day."""

    straight: timedelta = timedelta()  # straight time worked, towards the weekly overtime limit
    days_worked: int = 0  # days with a call and a wrap

    def carried_into(self, card: TimeCard) -> TimeCard:
        """The card as the next day of this week: its straight time before, its day number."""
        return replace(
            card, week_before=self.straight, day_of_workweek=min(self.days_worked + 1, 7)
        )


def week_so_far(earlier: Iterable[TimeCard], rules: RuleSet) -> Week:
    """The workweek up to a day, from the cards of the days before it in the week, in order.

    A day with a call and a wrap is a day worked. Only its straight time counts towards the
    weekly limit: hours already paid as daily overtime or as a 6th/7th-day premium are not
    counted again (California pays weekly overtime on more than 40 non-overtime hours). A card
    that cannot be costed (a missing meal time, say) adds a day but no hours.
    """
    straight = days = 0
    for card in earlier:
        if card.call is None or card.wrap is None:
            continue
        days += 1
        if _problems(card, rules):
            continue
        worked = worked_minutes(card, rules)[0]
        cut = pieces(card, rules, worked, week_before=straight, day=min(days, 7), words=False)
        straight += sum(end - start for start, end, multiplier, _ in cut if multiplier == ONE)
    return Week(timedelta(minutes=straight), days)


def evaluate(card: TimeCard, rules: RuleSet) -> DayResult:
    problems = _problems(card, rules)
    if problems:
        return DayResult(card=card, rules=rules, problems=problems)
    assert card.call is not None  # validate() said so
    assert card.wrap is not None
    hourly = hourly_rate(card, rules)
    worked, deducted, taken = worked_minutes(card, rules)
    violations = meal_violations(
        card, rules, hourly, minute_of(card.call), minute_of(card.wrap), taken
    )
    rest = rest_violation(card, rules, hourly, minute_of(card.call))
    if rest is not None:
        violations.append(rest)
    pay = pay_lines(card, rules, worked)
    sent_home = reporting_time(card, rules, hourly, worked, sum_amounts(pay))
    if sent_home is not None:
        violations.append(sent_home)
    return DayResult(
        card=card,
        rules=rules,
        worked_minutes=worked,
        meal_minutes=deducted,
        # A flat deal is paid as agreed, whatever the hours: nothing of the day to cost.
        pay=pay,
        violations=tuple(violations),
    )


def _problems(card: TimeCard, rules: RuleSet) -> tuple[str, ...]:
    problems = card.validate()
    if card.rate_per == "week" and rules.overtime.weekly_deal is None:
        problems += (
            f"{card.person}: {rules.short_name} says nothing of weekly rates; enter the deal "
            "as a day or hourly rate to cost the day.",
        )
    return problems

"""One time card under one rule set: hours by rate, each violation with its cost, the day's labour.

Everything is counted in whole minutes and paid in Decimal cents; no amount is ever a float.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Literal

from prodoffice.domain.rules.ruleset import Bands, RuleSet
from prodoffice.domain.rules.timecard import TimeCard, minute_of

CENT = Decimal("0.01")
ONE = Decimal(1)
TWO = Decimal(2)
SIXTY = Decimal(60)
ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth")

_Taken = tuple[int, int, datetime, datetime]  # a meal: start and end minute, start and end
PayKind = Literal["regular", "overtime", "double_time", "guarantee"]
ViolationKind = Literal["meal_penalty", "forced_call"]


@dataclass(frozen=True, slots=True)
class PayLine:
    """Time paid at one multiple of the hourly rate."""

    kind: PayKind
    label: str
    minutes: int
    multiplier: Decimal
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Violation:
    """A broken rule, what it costs, and why, in words a coordinator can read out on the DPR.

    `explanation` names the amounts, and so the person's rate ("one hour's pay $105"); the same
    words without any amount are for readers who may not see rates.
    """

    kind: ViolationKind
    when: datetime
    minutes: int  # how late the meal, or how much rest was missing
    amount: Decimal
    explanation: str
    explanation_without_money: str


@dataclass(frozen=True, slots=True)
class DayResult:
    """The costed day of one time card; a card with problems is flagged and not costed."""

    card: TimeCard
    rules: RuleSet
    problems: tuple[str, ...] = ()
    worked_minutes: int = 0  # call to wrap less deducted meals, rounded up to the rules' unit
    meal_minutes: int = 0  # meal time deducted from the day
    pay: tuple[PayLine, ...] = ()
    violations: tuple[Violation, ...] = ()

    @property
    def costed(self) -> bool:
        return not self.problems

    @property
    def regular(self) -> Decimal:
        return sum((p.amount for p in self.pay if p.kind in ("regular", "guarantee")), Decimal(0))

    @property
    def overtime(self) -> Decimal:
        return sum(
            (p.amount for p in self.pay if p.kind in ("overtime", "double_time")), Decimal(0)
        )

    @property
    def penalties(self) -> Decimal:
        return sum((v.amount for v in self.violations), Decimal(0))

    @property
    def total(self) -> Decimal:
        return self.regular + self.overtime + self.penalties


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
        worked = _worked(card, rules)[0]
        pieces = _pieces(card, rules, worked, week_before=straight, day=min(days, 7), words=False)
        straight += sum(end - start for start, end, multiplier, _ in pieces if multiplier == ONE)
    return Week(timedelta(minutes=straight), days)


def evaluate(card: TimeCard, rules: RuleSet) -> DayResult:
    problems = _problems(card, rules)
    if problems:
        return DayResult(card=card, rules=rules, problems=problems)
    assert card.call is not None  # validate() said so
    assert card.wrap is not None
    hourly = _hourly(card, rules)
    worked, deducted, taken = _worked(card, rules)
    violations = _meal_violations(
        card, rules, hourly, minute_of(card.call), minute_of(card.wrap), taken
    )
    rest = _forced_call(card, rules, hourly, minute_of(card.call))
    if rest is not None:
        violations.append(rest)
    return DayResult(
        card=card,
        rules=rules,
        worked_minutes=worked,
        meal_minutes=deducted,
        # A flat deal is paid as agreed, whatever the hours: nothing of the day to cost.
        pay=() if hourly is None else _pay(card, rules, hourly, worked),
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


def _hourly(card: TimeCard, rules: RuleSet) -> Decimal | None:
    """The straight-time hourly rate; None on a flat deal, which has none."""
    if card.rate_per == "hour":
        return card.rate
    if card.rate_per == "day":
        return card.rate / rules.overtime.hours_in_paid_day
    if card.rate_per == "week":
        assert rules.overtime.weekly_deal is not None  # _problems() said so
        return card.rate / rules.overtime.weekly_deal.hours
    return None


def _worked(card: TimeCard, rules: RuleSet) -> tuple[int, int, list[_Taken]]:
    """Worked minutes (call to wrap less deducted meals, rounded up), deducted, meals taken."""
    assert card.call is not None
    assert card.wrap is not None
    meal_rules = rules.meal
    meals = sorted(
        (minute_of(m.start), minute_of(m.end), m.start, m.end)
        for m in card.meals
        if m.start is not None and m.end is not None
    )
    # A break shorter than the minimum is no meal: it is worked time and the clock runs on.
    taken = [meal for meal in meals if meal[1] - meal[0] >= meal_rules.minimum_minutes]
    deducted = 0
    if not meal_rules.is_work_time:
        deducted = sum(
            min(end - start, meal_rules.maximum_deducted_minutes) for start, end, *_ in taken
        )
    unit = rules.overtime.rounding_minutes
    elapsed = minute_of(card.wrap) - minute_of(card.call)
    return -(-(elapsed - deducted) // unit) * unit, deducted, taken


def _meal_violations(
    card: TimeCard,
    rules: RuleSet,
    hourly: Decimal | None,
    call: int,
    wrap: int,
    taken: list[_Taken],
) -> list[Violation]:
    assert card.call is not None
    assert card.wrap is not None
    interval = int(rules.meal.interval_hours * 60)
    violations: list[Violation] = []
    # Words are only built for a violation: most cards have none, and formatting is the cost.
    since, since_at, since_meal = call, card.call, -1
    for number, (start, end, start_at, end_at) in enumerate(taken):
        if start > since + interval:
            what = (
                f"{_ordinal(number)} meal {_duration(start - since)} after "
                f"{_since(since_at, since_meal)}"
            )
            late = start - since - interval
            violation = _meal_penalty(rules, hourly, what, start_at, late, len(violations))
            if violation is not None:
                violations.append(violation)
        since, since_at, since_meal = end, end_at, number
    if wrap > since + interval:
        what = (
            f"No {_ordinal(len(taken)).lower()} meal by the {card.wrap:%H:%M} wrap, "
            f"{_duration(wrap - since)} after {_since(since_at, since_meal)}"
        )
        late = wrap - since - interval
        violation = _meal_penalty(rules, hourly, what, card.wrap, late, len(violations))
        if violation is not None:
            violations.append(violation)
    return violations


def _since(moment: datetime, meal: int) -> str:
    if meal < 0:
        return f"the {moment:%H:%M} call"
    return f"the end of the {_ordinal(meal).lower()} meal at {moment:%H:%M}"


def _meal_penalty(
    rules: RuleSet, hourly: Decimal | None, what: str, when: datetime, late: int, earlier: int
) -> Violation | None:
    meal = rules.meal
    if late <= meal.grace_minutes:
        return None
    cite = f"({rules.short_name}, meal period)"
    if meal.penalty_unit == "hour_of_pay":
        if meal.max_per_day is not None and earlier >= meal.max_per_day:
            amount = Decimal(0)
            text = f"{what}: {_duration(late)} late, already paid one hour for this day {cite}"
            plain = text
        elif hourly is None:
            amount = Decimal(0)
            text = (
                f"{what}: {_duration(late)} late, one hour's pay, not costed here: a flat deal "
                f"has no hourly rate {cite}"
            )
            plain = text
        else:
            amount = hourly.quantize(CENT, ROUND_HALF_UP)
            text = f"{what}: {_duration(late)} late, one hour's pay {_money(amount)} {cite}"
            plain = f"{what}: {_duration(late)} late, one hour's pay {cite}"
        return Violation("meal_penalty", when, late, amount, text, plain)
    half_hours = -(-late // 30)  # each half hour "or fraction thereof"
    last = len(meal.amounts) - 1
    steps = [meal.amounts[min(i, last)] for i in range(half_hours)]
    amount = sum(steps, Decimal(0))
    plural = "half hour" if half_hours == 1 else "half hours"
    sum_text = " + ".join(_money(step) for step in steps)
    if half_hours > 1:
        sum_text += f" = {_money(amount)}"
    text = f"{what}: {half_hours} {plural} late, {sum_text} {cite}"
    plain = f"{what}: {half_hours} {plural} late {cite}"
    return Violation("meal_penalty", when, late, amount, text, plain)


def _forced_call(
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
        f"Called at {card.call:%H:%M} after {_duration(had)} of rest from the "
        f"{card.previous_wrap:%a %H:%M} wrap, {_duration(short)} short of "
        f"{_duration(int(rest.minimum_hours * 60))}"
    )
    cite = f"({rules.short_name}, rest period)"
    if hourly is None:
        text = f"{what}: forced call, not costed here: a flat deal has no day or hourly rate {cite}"
        return Violation("forced_call", card.call, short, Decimal(0), text, text)
    if rest.penalty == "day_pay_capped":
        day_pay = _day_pay(card, rules, hourly).quantize(CENT, ROUND_HALF_UP)
        if rest.cap is not None and rest.cap < day_pay:
            amount = rest.cap
            how = (
                f"a day's pay {_money(day_pay)} or {_money(rest.cap)}, whichever is less: "
                f"{_money(amount)}"
            )
        else:
            amount = day_pay
            how = f"a day's pay {_money(day_pay)}"
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
    paid_again = f"{what}: the invaded {_duration(invaded)} paid again at {rest.multiplier}x"
    text = (
        f"{paid_again} {_money(hourly.quantize(CENT, ROUND_HALF_UP))} an hour "
        f"= {_money(amount)} {cite}"
    )
    return Violation("forced_call", card.call, short, amount, text, f"{paid_again} {cite}")


def _day_pay(card: TimeCard, rules: RuleSet, hourly: Decimal) -> Decimal:
    if card.rate_per == "day":
        return card.rate
    if card.rate_per == "week":
        assert rules.overtime.weekly_deal is not None
        return card.rate / rules.overtime.weekly_deal.days
    return hourly * rules.overtime.hours_in_paid_day


def _pieces(
    card: TimeCard,
    rules: RuleSet,
    worked: int,
    *,
    week_before: int | None = None,
    day: int | None = None,
    words: bool = True,
) -> list[tuple[int, int, Decimal, str]]:
    """The day cut into (from, to, multiplier, label) minutes, weekly overtime lifted in.

    `week_before` (minutes) and `day` stand in for the card's own week when a week is added up;
    without `words` the labels are left empty (adding up a week reads none of them).
    """
    if week_before is None:
        week_before = card.week_before // timedelta(minutes=1)
    if day is None:
        day = card.day_of_workweek
    overtime = rules.overtime
    bands: Bands = overtime.daily
    weekly_after = overtime.weekly_after_hours
    deal = overtime.weekly_deal
    if card.rate_per == "week" and deal is not None:
        bands, weekly_after = deal.daily or overtime.daily, deal.weekly_after_hours
    day_label = ""
    if day == 7 and overtime.seventh_day is not None:
        bands, day_label = overtime.seventh_day, "7th day, "
    elif day == 6 and overtime.sixth_day is not None:
        bands, day_label = overtime.sixth_day, "6th day, "
    # Straight time past the weekly limit is lifted to the weekly rate; rates are never
    # stacked (Labor Code 510(a)).
    pieces: list[tuple[int, int, Decimal, str]] = []
    for start, until, multiplier in _band_minutes(bands):
        end = worked if until is None else until
        if start < min(end, worked):
            label = ""
            if words:
                label = f"{day_label}from {_duration(start)}" if start else f"{day_label}from call"
            pieces.append((start, min(end, worked), multiplier, label))
    if weekly_after is not None:
        limit = int(weekly_after * 60) - week_before
        lifted: list[tuple[int, int, Decimal, str]] = []
        for start, end, multiplier, label in pieces:
            if multiplier < overtime.weekly_multiplier and end > limit:
                if start < limit:
                    lifted.append((start, limit, multiplier, label))
                week_label = f"past {weekly_after} h in the week" if words else ""
                lifted.append((max(start, limit), end, overtime.weekly_multiplier, week_label))
            else:
                lifted.append((start, end, multiplier, label))
        pieces = lifted
    return pieces


@cache
def _band_minutes(bands: Bands) -> tuple[tuple[int, int | None, Decimal], ...]:
    """Each band as (from, to) minutes and its multiple; the last runs to the wrap (None)."""
    edges = [int(from_hours * 60) for from_hours, _ in bands]
    return tuple(
        (edge, edges[index + 1] if index + 1 < len(edges) else None, multiplier)
        for index, (edge, (_, multiplier)) in enumerate(zip(edges, bands, strict=True))
    )


def _pay(card: TimeCard, rules: RuleSet, hourly: Decimal, worked: int) -> tuple[PayLine, ...]:
    lines = [
        PayLine(
            kind=_kind(multiplier),
            label=label,
            minutes=end - start,
            multiplier=multiplier,
            amount=(hourly * multiplier * (end - start) / SIXTY).quantize(CENT, ROUND_HALF_UP),
        )
        for start, end, multiplier, label in _pieces(card, rules, worked)
    ]
    # A day rate buys a day's straight time, and a weekly rate a day's share of the week's (a
    # fifth of the rate for a fifth of its hours): a shorter day is paid up to it.
    deal = rules.overtime.weekly_deal
    if card.rate_per == "day":
        guaranteed, what = int(rules.overtime.hours_in_paid_day * 60), "rest of the day rate"
    elif card.rate_per == "week" and deal is not None:
        guaranteed = int(deal.hours * 60 / deal.days)
        what = f"rest of the day's 1/{deal.days} of the weekly rate"
    else:
        return tuple(lines)
    if worked < guaranteed:
        short = guaranteed - worked
        amount = (hourly * short / SIXTY).quantize(CENT, ROUND_HALF_UP)
        if all(line.multiplier == ONE for line in lines):
            # The short day comes to the day's pay to the cent, as a full day does: rounding
            # the two lines apart could pay a cent more than working the day out.
            full = (hourly * guaranteed / SIXTY).quantize(CENT, ROUND_HALF_UP)
            amount = full - sum((line.amount for line in lines), Decimal(0))
        lines.append(PayLine("guarantee", what, short, ONE, amount))
    return tuple(lines)


def _kind(multiplier: Decimal) -> PayKind:
    if multiplier <= ONE:
        return "regular"
    return "double_time" if multiplier >= TWO else "overtime"


def _ordinal(index: int) -> str:
    return ORDINALS[index] if index < len(ORDINALS) else f"{index + 1}th"


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def _money(amount: Decimal) -> str:
    return f"${amount:,.0f}" if amount == amount.to_integral_value() else f"${amount:,.2f}"

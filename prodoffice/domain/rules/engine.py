"""One time card under one rule set: hours by rate, each violation with its cost, the day's labour.

Everything is counted in whole minutes and paid in Decimal cents; no amount is ever a float.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from prodoffice.domain.rules.ruleset import Bands, RuleSet
from prodoffice.domain.rules.timecard import TimeCard, minute_of

CENT = Decimal("0.01")
ONE = Decimal(1)
TWO = Decimal(2)
SIXTY = Decimal(60)
ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth")

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
    """A broken rule, what it costs, and why, in words a coordinator can read out on the DPR."""

    kind: ViolationKind
    when: datetime
    minutes: int  # how late the meal, or how much rest was missing
    amount: Decimal
    explanation: str


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


def evaluate(card: TimeCard, rules: RuleSet) -> DayResult:
    problems = card.validate()
    if problems:
        return DayResult(card=card, rules=rules, problems=problems)
    assert card.call is not None  # validate() said so
    assert card.wrap is not None
    hourly = card.rate if card.rate_per == "hour" else card.rate / rules.overtime.hours_in_paid_day
    call, wrap = minute_of(card.call), minute_of(card.wrap)
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
    worked = -(-(wrap - call - deducted) // unit) * unit
    violations = _meal_violations(card, rules, hourly, call, wrap, taken)
    rest = _forced_call(card, rules, hourly, call)
    if rest is not None:
        violations.append(rest)
    return DayResult(
        card=card,
        rules=rules,
        worked_minutes=worked,
        meal_minutes=deducted,
        pay=_pay(card, rules, hourly, worked),
        violations=tuple(violations),
    )


def _meal_violations(
    card: TimeCard,
    rules: RuleSet,
    hourly: Decimal,
    call: int,
    wrap: int,
    taken: list[tuple[int, int, datetime, datetime]],
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
    rules: RuleSet, hourly: Decimal, what: str, when: datetime, late: int, earlier: int
) -> Violation | None:
    meal = rules.meal
    if late <= meal.grace_minutes:
        return None
    cite = f"({rules.short_name}, meal period)"
    if meal.penalty_unit == "hour_of_pay":
        if meal.max_per_day is not None and earlier >= meal.max_per_day:
            amount = Decimal(0)
            text = f"{what}: {_duration(late)} late, already paid one hour for this day {cite}"
        else:
            amount = hourly.quantize(CENT, ROUND_HALF_UP)
            text = f"{what}: {_duration(late)} late, one hour's pay {_money(amount)} {cite}"
        return Violation("meal_penalty", when, late, amount, text)
    half_hours = -(-late // 30)  # each half hour "or fraction thereof"
    last = len(meal.amounts) - 1
    steps = [meal.amounts[min(i, last)] for i in range(half_hours)]
    amount = sum(steps, Decimal(0))
    plural = "half hour" if half_hours == 1 else "half hours"
    sum_text = " + ".join(_money(step) for step in steps)
    if half_hours > 1:
        sum_text += f" = {_money(amount)}"
    text = f"{what}: {half_hours} {plural} late, {sum_text} {cite}"
    return Violation("meal_penalty", when, late, amount, text)


def _forced_call(card: TimeCard, rules: RuleSet, hourly: Decimal, call: int) -> Violation | None:
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
    if rest.penalty == "day_pay_capped":
        day_pay = card.rate if card.rate_per == "day" else hourly * rules.overtime.hours_in_paid_day
        day_pay = day_pay.quantize(CENT, ROUND_HALF_UP)
        if rest.cap is not None and rest.cap < day_pay:
            amount = rest.cap
            how = (
                f"a day's pay {_money(day_pay)} or {_money(rest.cap)}, whichever is less: "
                f"{_money(amount)}"
            )
        else:
            amount = day_pay
            how = f"a day's pay {_money(day_pay)}"
        return Violation(
            "forced_call", card.call, short, amount, f"{what}: forced call, {how} {cite}"
        )
    unit = rules.overtime.rounding_minutes
    invaded = -(-short // unit) * unit
    amount = (hourly * rest.multiplier * invaded / SIXTY).quantize(CENT, ROUND_HALF_UP)
    text = (
        f"{what}: the invaded {_duration(invaded)} paid again at {rest.multiplier}x "
        f"{_money(hourly.quantize(CENT, ROUND_HALF_UP))} an hour = {_money(amount)} {cite}"
    )
    return Violation("forced_call", card.call, short, amount, text)


def _pay(card: TimeCard, rules: RuleSet, hourly: Decimal, worked: int) -> tuple[PayLine, ...]:
    overtime = rules.overtime
    bands: Bands = overtime.daily
    day_label = ""
    if card.day_of_workweek == 7 and overtime.seventh_day is not None:
        bands, day_label = overtime.seventh_day, "7th day, "
    elif card.day_of_workweek == 6 and overtime.sixth_day is not None:
        bands, day_label = overtime.sixth_day, "6th day, "
    # The day cut into (from, to, multiplier, label), then straight time past the weekly limit
    # lifted to the weekly rate; rates are never stacked (Labor Code 510(a)).
    pieces: list[tuple[int, int, Decimal, str]] = []
    for index, (from_hours, multiplier) in enumerate(bands):
        start = int(from_hours * 60)
        end = int(bands[index + 1][0] * 60) if index + 1 < len(bands) else worked
        if start < min(end, worked):
            label = f"{day_label}from {_duration(start)}" if start else f"{day_label}from call"
            pieces.append((start, min(end, worked), multiplier, label))
    if overtime.weekly_after_hours is not None:
        limit = int(overtime.weekly_after_hours * 60) - card.week_before // timedelta(minutes=1)
        lifted: list[tuple[int, int, Decimal, str]] = []
        for start, end, multiplier, label in pieces:
            if multiplier < overtime.weekly_multiplier and end > limit:
                if start < limit:
                    lifted.append((start, limit, multiplier, label))
                week_label = f"past {overtime.weekly_after_hours} h in the week"
                lifted.append((max(start, limit), end, overtime.weekly_multiplier, week_label))
            else:
                lifted.append((start, end, multiplier, label))
        pieces = lifted
    lines = [
        PayLine(
            kind=_kind(multiplier),
            label=label,
            minutes=end - start,
            multiplier=multiplier,
            amount=(hourly * multiplier * (end - start) / SIXTY).quantize(CENT, ROUND_HALF_UP),
        )
        for start, end, multiplier, label in pieces
    ]
    guaranteed = int(overtime.hours_in_paid_day * 60)
    if card.rate_per == "day" and worked < guaranteed:
        short = guaranteed - worked
        amount = (hourly * short / SIXTY).quantize(CENT, ROUND_HALF_UP)
        if all(line.multiplier == ONE for line in lines):
            # The short day comes to the day rate to the cent, as a full day does: rounding
            # the two lines apart could pay a cent more than working the day out.
            full = (hourly * guaranteed / SIXTY).quantize(CENT, ROUND_HALF_UP)
            amount = full - sum((line.amount for line in lines), Decimal(0))
        lines.append(PayLine("guarantee", "rest of the day rate", short, ONE, amount))
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

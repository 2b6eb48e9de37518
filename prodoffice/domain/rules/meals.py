"""Meal periods: worked time less deducted meals, each late meal's penalty, and the
non-deductible breakfast (NDB) that moves the first meal's deadline."""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from prodoffice.domain.rules.results import CENT, Violation
from prodoffice.domain.rules.ruleset import RuleSet
from prodoffice.domain.rules.timecard import TimeCard, minute_of
from prodoffice.domain.rules.words import duration, money, ordinal

Taken = tuple[int, int, datetime, datetime]  # a meal: start and end minute, start and end


def worked_minutes(card: TimeCard, rules: RuleSet) -> tuple[int, int, list[Taken]]:
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


def meal_violations(
    card: TimeCard,
    rules: RuleSet,
    hourly: Decimal | None,
    call: int,
    wrap: int,
    taken: list[Taken],
) -> list[Violation]:
    assert card.call is not None
    assert card.wrap is not None
    interval = int(rules.meal.interval_hours * 60)
    violations: list[Violation] = []
    # Words are only built for a violation: most cards have none, and formatting is the cost.
    since, since_at, since_meal = call, card.call, CALL
    breakfast = card.ndb
    if breakfast is not None:
        assert breakfast.end is not None  # validate() said so
        if ndb_counts(card, rules, call):
            since, since_at, since_meal = minute_of(breakfast.end), breakfast.end, NDB
    for number, (start, end, start_at, end_at) in enumerate(taken):
        if start > since + interval:
            what = (
                f"{ordinal(number)} meal {duration(start - since)} after "
                f"{_since(since_at, since_meal)}"
            )
            if number == 0:
                what += _no_ndb(card, rules, since_meal)
            late = start - since - interval
            violation = _meal_penalty(rules, hourly, what, start_at, late, len(violations))
            if violation is not None:
                violations.append(violation)
        since, since_at, since_meal = end, end_at, number
    if wrap > since + interval:
        what = (
            f"No {ordinal(len(taken)).lower()} meal by the {card.wrap:%H:%M} wrap, "
            f"{duration(wrap - since)} after {_since(since_at, since_meal)}"
        )
        if not taken:
            what += _no_ndb(card, rules, since_meal)
        late = wrap - since - interval
        violation = _meal_penalty(rules, hourly, what, card.wrap, late, len(violations))
        if violation is not None:
            violations.append(violation)
    return violations


CALL, NDB = -1, -2  # what the meal clock runs from, when not from the end of a meal


def ndb_counts(card: TimeCard, rules: RuleSet, call: int) -> bool:
    """Whether the card's breakfast is an NDB under these rules: long enough, soon enough after
    the call. One that is not is simply worked time, and the meal clock runs from the call."""
    return _why_no_ndb(card, rules, call) is None


def _why_no_ndb(card: TimeCard, rules: RuleSet, call: int) -> str | None:
    breakfast, ndb = card.ndb, rules.meal.ndb
    assert breakfast is not None
    assert breakfast.start is not None
    assert breakfast.end is not None
    if ndb is None:
        return f"{rules.short_name} knows no non-deductible breakfast"
    length = minute_of(breakfast.end) - minute_of(breakfast.start)
    if length < ndb.minimum_minutes:
        return f"{duration(length)}, not the {duration(ndb.minimum_minutes)} an NDB needs"
    late = minute_of(breakfast.start) - call
    if ndb.within_minutes_of_call is not None and late > ndb.within_minutes_of_call:
        return (
            f"given {duration(late)} after the call, not within "
            f"{duration(ndb.within_minutes_of_call)}"
        )
    return None


def _no_ndb(card: TimeCard, rules: RuleSet, since_meal: int) -> str:
    """Why a breakfast on the card did not move the first meal's deadline, for the words."""
    if since_meal != CALL or card.ndb is None:
        return ""
    assert card.call is not None
    assert card.ndb.start is not None
    assert card.ndb.end is not None
    why = _why_no_ndb(card, rules, minute_of(card.call))
    return f" (the {card.ndb.start:%H:%M}-{card.ndb.end:%H:%M} breakfast is no NDB: {why})"


def _since(moment: datetime, meal: int) -> str:
    if meal == CALL:
        return f"the {moment:%H:%M} call"
    if meal == NDB:
        return f"the end of the NDB at {moment:%H:%M}"
    return f"the end of the {ordinal(meal).lower()} meal at {moment:%H:%M}"


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
            text = f"{what}: {duration(late)} late, already paid one hour for this day {cite}"
            plain = text
        elif hourly is None:
            amount = Decimal(0)
            text = (
                f"{what}: {duration(late)} late, one hour's pay, not costed here: a flat deal "
                f"has no hourly rate {cite}"
            )
            plain = text
        else:
            amount = hourly.quantize(CENT, ROUND_HALF_UP)
            text = f"{what}: {duration(late)} late, one hour's pay {money(amount)} {cite}"
            plain = f"{what}: {duration(late)} late, one hour's pay {cite}"
        return Violation("meal_penalty", when, late, amount, text, plain)
    half_hours = -(-late // 30)  # each half hour "or fraction thereof"
    last = len(meal.amounts) - 1
    steps = [meal.amounts[min(i, last)] for i in range(half_hours)]
    amount = sum(steps, Decimal(0))
    plural = "half hour" if half_hours == 1 else "half hours"
    sum_text = " + ".join(money(step) for step in steps)
    if half_hours > 1:
        sum_text += f" = {money(amount)}"
    text = f"{what}: {half_hours} {plural} late, {sum_text} {cite}"
    plain = f"{what}: {half_hours} {plural} late {cite}"
    return Violation("meal_penalty", when, late, amount, text, plain)

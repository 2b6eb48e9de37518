"""Agreements as data with their terms, and choosing the one in force for a person on a day."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal

SETS = Path(__file__).parent / "sets"

Role = Literal["cast", "crew"]
PenaltyUnit = Literal["half_hour", "hour_of_pay"]
RestPenaltyKind = Literal["day_pay_capped", "invaded_hours"]
# When an agreement allows a shorter rest: a first call of the week no earlier than a time, after a
# six-day week, on (overnight) location, after a six-day week on location.
RestCondition = Literal[
    "first_call_not_before", "six_day_week", "location", "six_day_location_week"
]
REST_CONDITIONS = ("first_call_not_before", "six_day_week", "location", "six_day_location_week")
# Overtime bands: from this many hours worked in the day, pay this multiple of the hourly rate.
Bands = tuple[tuple[Decimal, Decimal], ...]


class NoRuleSet(LookupError):
    """No loaded agreement covers this person on this day; the message says why, plainly."""


@dataclass(frozen=True, slots=True)
class MealRules:
    interval_hours: Decimal  # a meal is due this long after the call or the end of the last meal
    minimum_minutes: int  # a shorter break is not a meal: the penalty clock keeps running
    maximum_deducted_minutes: int  # time at a meal beyond this is paid as work
    is_work_time: bool  # a paid ("non-deductible") meal counts towards the day's hours
    grace_minutes: int  # lateness up to this costs nothing; past it, counted from the deadline
    penalty_unit: PenaltyUnit
    amounts: tuple[Decimal, ...]  # per half hour late, in order; the last repeats
    max_per_day: int | None  # hour_of_pay: California pays one hour per workday at most
    ndb: NdbRules | None = None  # None: a non-deductible breakfast does not move the meal clock


@dataclass(frozen=True, slots=True)
class NdbRules:
    """A non-deductible breakfast: a paid break early in the day after which the first meal is
    due a meal interval after the breakfast ends, not after the call."""

    minimum_minutes: int  # a shorter breakfast is no NDB: the meal clock runs from the call
    within_minutes_of_call: int | None  # it must start this soon after the call; None: any time
    source: str


@dataclass(frozen=True, slots=True)
class RestReduction:
    """A shorter rest an agreement allows, and when."""

    hours: Decimal
    when: RestCondition
    not_before: time | None  # first_call_not_before: the call's wall-clock time is this or later
    source: str

    @property
    def minutes(self) -> int:
        return int(self.hours * 60)


@dataclass(frozen=True, slots=True)
class WeeklyDeal:
    """How a weekly rate is costed a day at a time under these rules."""

    hours: Decimal  # straight-time hours the weekly rate buys: its hourly rate is rate / hours
    days: int  # days it buys: a day worked costs at least rate / days (a "fifth" of the week)
    daily: Bands | None  # daily overtime bands for weekly people; None: the rule set's own
    weekly_after_hours: Decimal | None  # straight time past this in the week is overtime


@dataclass(frozen=True, slots=True)
class MoneyBreak:
    """An overtime ceiling ("money break"): past it, a day rate's overtime is paid on the ceiling.

    A day performer paid more than the ceiling has every overtime hour paid at `multiplier`
    times the ceiling's hourly rate (ceiling / the paid day's hours), not at the band's multiple
    of their own rate; premiums on hours their day rate already buys are on the ceiling too.
    """

    day: tuple[tuple[date, Decimal], ...]  # from this date, this day rate; in date order
    multiplier: Decimal

    def on(self, day: date) -> Decimal | None:
        """The ceiling in force on that day; None before the first."""
        found = None
        for since, amount in self.day:
            if since <= day:
                found = amount
        return found


@dataclass(frozen=True, slots=True)
class ReportingTime:
    """Pay for reporting and being sent home early (IWC Wage Order 12, section 5(A))."""

    share: Decimal  # furnished less than this share of the scheduled day ...
    minimum_hours: Decimal  # ... is paid that share of it, but no less than this ...
    maximum_hours: Decimal  # ... and no more than this, at the regular rate


@dataclass(frozen=True, slots=True)
class OvertimeRules:
    rounding_minutes: int  # worked time is rounded up to this unit (SAG-AFTRA: tenths of an hour)
    hours_in_paid_day: Decimal  # a day rate buys this many straight-time hours
    daily: Bands
    sixth_day: Bands | None  # None: the ordinary daily bands apply
    seventh_day: Bands | None
    weekly_after_hours: Decimal | None  # straight time past this many hours in the week ...
    weekly_multiplier: Decimal  # ... is paid at this multiple instead
    weekly_deal: WeeklyDeal | None  # None: a weekly rate cannot be costed under these rules
    holiday: Bands | None = None  # a holiday worked; None: no holiday premium
    minimum_call_hours: Decimal | None = None  # an hourly person is paid at least this a day
    money_break: MoneyBreak | None = None


@dataclass(frozen=True, slots=True)
class RestRules:
    minimum_hours: Decimal  # from the previous wrap to today's call
    penalty: RestPenaltyKind
    cap: Decimal | None  # day_pay_capped: a day's pay, or this, whichever is less
    multiplier: Decimal  # invaded_hours: each invaded hour paid at this multiple, on top
    cap_weekly: Decimal | None = None  # day_pay_capped, on a weekly deal: its own cap
    reduced: tuple[RestReduction, ...] = ()  # shorter daily rests allowed, and when
    # The rest before the first day worked in a workweek (SAG-AFTRA's weekly rest, IATSE's
    # weekend rest); None: no weekly rest, only the daily one.
    weekly_hours: Decimal | None = None
    weekly_reduced: tuple[RestReduction, ...] = ()
    # The two rests in whole minutes, read once: every card is checked against one of them.
    minimum_minutes: int = 0
    weekly_minutes: int | None = None


@dataclass(frozen=True, slots=True)
class ScaleMinimum:
    """The least a rate may be under the agreement, for one kind of engagement, over some dates."""

    what: str  # "day performer"
    per: Literal["hour", "day", "week"]
    amount: Decimal
    valid_from: date
    valid_to: date | None


@dataclass(frozen=True, slots=True)
class RuleSet:
    """One agreement's (or the law's) work rules for the term they are in force."""

    id: str  # the agreement: "sag-aftra", "iatse", "california"; one file per term
    version: str  # which term of it: "2024"
    agreement: str  # its name in a sentence: "IATSE Basic Agreement"
    name: str
    short_name: str  # how an explanation cites it: "SAG-AFTRA 2023"
    union: str | None  # the union that signed it; None for the law
    roles: tuple[Role, ...]
    valid_from: date
    valid_to: date | None  # None: until changed (a statute)
    source: str
    # Where each figure comes from: a figure's path ("meal.penalty.amounts") and its source.
    sources: tuple[tuple[str, str], ...]
    meal: MealRules
    overtime: OvertimeRules
    rest: RestRules | None
    reporting_time: ReportingTime | None = None
    scale: tuple[ScaleMinimum, ...] = ()  # the minimums the sources give; none: not checked

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    @property
    def term(self) -> str:
        """'Aug 1, 2024 to Jul 31, 2027', or 'from Jan 1, 2001' for a law in force until changed."""
        if self.valid_to is None:
            return f"from {_day(self.valid_from)}"
        return f"{_day(self.valid_from)} to {_day(self.valid_to)}"


def load_rule_sets(directory: Path = SETS) -> tuple[RuleSet, ...]:
    return tuple(
        parse_rule_set(json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(directory.glob("*.json"))
    )


def choose(rule_sets: Iterable[RuleSet], *, agreement: str, on: date, role: Role) -> RuleSet:
    """The agreement's rule set in force on that day for that role (cast or crew).

    Never an expired one: a day outside every loaded term raises `NoRuleSet` saying so, since
    an old agreement's figures would cost the day wrongly without anyone noticing.
    """
    loaded = [rules for rules in rule_sets if rules.id == agreement]
    if not loaded:
        ids = sorted({rules.id for rules in rule_sets})
        raise NoRuleSet(f"No agreement {agreement!r} is loaded; choose one of {', '.join(ids)}.")
    name = loaded[0].agreement
    for_role = [rules for rules in loaded if role in rules.roles]
    if not for_role:
        covered = " and ".join(loaded[0].roles)
        raise NoRuleSet(f"The {name} covers {covered}, not {role}.")
    in_force = [rules for rules in for_role if rules.in_force(on)]
    if not in_force:
        terms = " and ".join(rules.term for rules in sorted(for_role, key=lambda r: r.valid_from))
        outside = "outside it" if len(for_role) == 1 else "outside them"
        raise NoRuleSet(
            f"The {name} loaded runs {terms}; {_day(on)} is {outside}: load the agreement in force."
        )
    return max(in_force, key=lambda rules: rules.valid_from)


def _day(on: date) -> str:
    return f"{on:%b} {on.day}, {on.year}"


def parse_rule_set(data: dict[str, Any]) -> RuleSet:
    meal, overtime, rest = data["meal"], data["overtime"], data.get("rest")
    penalty = meal["penalty"]
    if penalty["unit"] not in ("half_hour", "hour_of_pay"):
        raise ValueError(f"{data['id']}: unknown meal penalty unit {penalty['unit']!r}")
    if rest is not None and rest["penalty"] not in ("day_pay_capped", "invaded_hours"):
        raise ValueError(f"{data['id']}: unknown rest penalty {rest['penalty']!r}")
    roles = tuple(data["roles"])
    if not roles or any(role not in ("cast", "crew") for role in roles):
        raise ValueError(f"{data['id']}: roles must be 'cast' and/or 'crew', not {roles}")
    valid_from = date.fromisoformat(data["valid_from"])
    valid_to = date.fromisoformat(data["valid_to"]) if data.get("valid_to") else None
    if valid_to is not None and valid_to < valid_from:
        raise ValueError(f"{data['id']}: its term ends ({valid_to}) before it starts")
    return RuleSet(
        id=data["id"],
        version=str(data["version"]),
        agreement=data["agreement"],
        name=data["name"],
        short_name=data["short_name"],
        union=data["union"],
        roles=roles,
        valid_from=valid_from,
        valid_to=valid_to,
        source=data["source"],
        sources=tuple((str(key), str(text)) for key, text in data.get("sources", {}).items()),
        meal=MealRules(
            interval_hours=Decimal(str(meal["interval_hours"])),
            minimum_minutes=int(meal["minimum_minutes"]),
            maximum_deducted_minutes=int(meal["maximum_deducted_minutes"]),
            is_work_time=bool(meal["is_work_time"]),
            grace_minutes=int(meal.get("grace_minutes", 0)),
            penalty_unit=penalty["unit"],
            amounts=tuple(Decimal(amount) for amount in penalty.get("amounts", ())),
            max_per_day=penalty.get("max_per_day"),
            ndb=_ndb(data["id"], meal.get("ndb")),
        ),
        overtime=OvertimeRules(
            rounding_minutes=int(overtime["rounding_minutes"]),
            hours_in_paid_day=Decimal(str(overtime["hours_in_paid_day"])),
            daily=_bands(overtime["daily"]),
            sixth_day=_bands(overtime["sixth_day"]) if overtime.get("sixth_day") else None,
            seventh_day=_bands(overtime["seventh_day"]) if overtime.get("seventh_day") else None,
            weekly_after_hours=(
                Decimal(str(overtime["weekly_after_hours"]))
                if overtime.get("weekly_after_hours") is not None
                else None
            ),
            weekly_multiplier=Decimal(overtime.get("weekly_multiplier", "1.5")),
            weekly_deal=_weekly_deal(data["id"], overtime.get("weekly_deal")),
            holiday=(
                _bands(overtime["holiday"]["bands"])
                if (overtime.get("holiday") or {}).get("bands")
                else None
            ),
            minimum_call_hours=(
                Decimal(str(overtime["minimum_call"]["hours"]))
                if overtime.get("minimum_call")
                else None
            ),
            money_break=_money_break(overtime.get("money_break")),
        ),
        rest=None if rest is None else _rest(data["id"], rest),
        reporting_time=_reporting_time(data.get("reporting_time")),
        scale=tuple(_scale(data["id"], row) for row in data.get("scale", ())),
    )


def _scale(rule_set_id: str, row: dict[str, Any]) -> ScaleMinimum:
    if row["per"] not in ("hour", "day", "week"):
        raise ValueError(f"{rule_set_id}: a scale minimum is per hour, day or week, not {row}")
    valid_to = date.fromisoformat(row["to"]) if row.get("to") else None
    return ScaleMinimum(
        what=row["what"],
        per=row["per"],
        amount=Decimal(row["amount"]),
        valid_from=date.fromisoformat(row["from"]),
        valid_to=valid_to,
    )


def _money_break(data: dict[str, Any] | None) -> MoneyBreak | None:
    if data is None:
        return None
    day = tuple(
        sorted((date.fromisoformat(row["from"]), Decimal(row["amount"])) for row in data["day"])
    )
    return MoneyBreak(day=day, multiplier=Decimal(data["multiplier"]))


def _reporting_time(data: dict[str, Any] | None) -> ReportingTime | None:
    if data is None:
        return None
    return ReportingTime(
        share=Decimal(data["share"]),
        minimum_hours=Decimal(str(data["minimum_hours"])),
        maximum_hours=Decimal(str(data["maximum_hours"])),
    )


def _ndb(rule_set_id: str, ndb: dict[str, Any] | None) -> NdbRules | None:
    if ndb is None:
        return None
    minimum, within = int(ndb["minimum_minutes"]), ndb.get("within_hours_of_call")
    if minimum <= 0 or (within is not None and Decimal(str(within)) <= 0):
        raise ValueError(f"{rule_set_id}: an NDB lasts some minutes within some hours of call")
    return NdbRules(
        minimum_minutes=minimum,
        within_minutes_of_call=None if within is None else int(Decimal(str(within)) * 60),
        source=ndb["source"],
    )


def _rest(rule_set_id: str, rest: dict[str, Any]) -> RestRules:
    weekly = rest.get("weekly_hours")
    return RestRules(
        minimum_hours=Decimal(str(rest["minimum_hours"])),
        penalty=rest["penalty"],
        cap=Decimal(rest["cap"]) if rest.get("cap") is not None else None,
        multiplier=Decimal(rest.get("multiplier", "1")),
        cap_weekly=Decimal(rest["cap_weekly"]) if rest.get("cap_weekly") is not None else None,
        reduced=_reductions(rule_set_id, rest.get("reduced", [])),
        weekly_hours=None if weekly is None else Decimal(str(weekly)),
        weekly_reduced=_reductions(rule_set_id, rest.get("weekly_reduced", [])),
        minimum_minutes=int(Decimal(str(rest["minimum_hours"])) * 60),
        weekly_minutes=None if weekly is None else int(Decimal(str(weekly)) * 60),
    )


def _reductions(rule_set_id: str, rows: list[dict[str, Any]]) -> tuple[RestReduction, ...]:
    reductions = []
    for row in rows:
        if row["when"] not in REST_CONDITIONS:
            raise ValueError(f"{rule_set_id}: unknown rest reduction condition {row['when']!r}")
        not_before = row.get("not_before")
        if (row["when"] == "first_call_not_before") != (not_before is not None):
            raise ValueError(f"{rule_set_id}: a first-call reduction, and only it, names a time")
        reductions.append(
            RestReduction(
                hours=Decimal(str(row["hours"])),
                when=row["when"],
                not_before=None if not_before is None else time.fromisoformat(not_before),
                source=row["source"],
            )
        )
    return tuple(reductions)


def _bands(rows: list[list[Any]]) -> Bands:
    bands = tuple((Decimal(str(start)), Decimal(str(multiplier))) for start, multiplier in rows)
    if not bands or bands[0][0] != 0 or any(a[0] >= b[0] for a, b in pairwise(bands)):
        raise ValueError(f"overtime bands must start at 0 hours and rise: {rows}")
    return bands


def _weekly_deal(rule_set_id: str, deal: dict[str, Any] | None) -> WeeklyDeal | None:
    if deal is None:
        return None
    hours, days = Decimal(str(deal["hours"])), int(deal["days"])
    if hours <= 0 or not 1 <= days <= 7:
        raise ValueError(
            f"{rule_set_id}: a weekly deal buys some hours over 1 to 7 days, not {hours} h "
            f"over {days}"
        )
    after = deal.get("weekly_after_hours")
    return WeeklyDeal(
        hours=hours,
        days=days,
        daily=_bands(deal["daily"]) if deal.get("daily") else None,
        weekly_after_hours=Decimal(str(after)) if after is not None else None,
    )

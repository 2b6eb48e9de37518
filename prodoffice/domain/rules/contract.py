"""The timecard contract: one person's day read from a JSON document, its costed day written as one.

`prodoffice timecard PATH --json` is a stable contract (DESIGN.md, issue 12, docs/work-rules.md):
checks outside the project feed it a day and compare the figures. Reading the document into a
`TimeCard` and writing the `DayResult` out are pure functions here; the command reads a file and
prints. Anything the document gets wrong is a `ContractError` naming the field, never a guess.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from itertools import pairwise
from typing import Any, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from prodoffice.domain.rules.engine import evaluate
from prodoffice.domain.rules.results import CENT, DayResult
from prodoffice.domain.rules.ruleset import NoRuleSet, Role, RuleSet, choose
from prodoffice.domain.rules.timecard import Meal, RatePer, TimeCard
from prodoffice.domain.rules.unions import covering, rules_for

Document = dict[str, Any]

FIELDS = frozenset(
    {
        "date",
        "time_zone",
        "agreement",
        "union",
        "role",
        "deal",
        "call",
        "wrap",
        "meals",
        "ndb",
        "holiday",
        "scheduled_hours",
        "previous_wrap",
        "week_so_far",
        "day_of_workweek",
    }
)
DEAL_FIELDS = frozenset({"rate", "per", "guaranteed_hours"})
WEEK_FIELDS = frozenset({"days", "straight_hours"})
RATES_PER: tuple[str, ...] = get_args(RatePer)
# "06:00", "6:00", and past midnight "25:30": hours 0 to 47, since a day is at most 24 hours.
CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})")
LONGEST_DAY = timedelta(hours=24)  # from call to wrap: longer is two days, costed one at a time
# Bounds that keep every amount within exact Decimal arithmetic; no real deal comes near them.
HIGHEST_RATE = Decimal("10000000")
WEEK_HOURS = Decimal(168)
PERSON = "The time card"  # how the engine's own sentences name the person


class ContractError(ValueError):
    """The document cannot be read as one person's day; the message names the field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


@dataclass(frozen=True, slots=True)
class NotCosted:
    """No rules loaded cover the day (a union whose agreement is not loaded, a date outside
    every term): why, in words. The day is then not costed at all."""

    reason: str


@dataclass(frozen=True, slots=True)
class DayRequest:
    """The document read: the day, whose rules (an agreement's id or a union), and the card."""

    on: date
    agreement: str | None
    union: str | None
    role: Role | None  # None: not given, read from the agreement
    card: TimeCard


def cost_day(document: object, rule_sets: Sequence[RuleSet]) -> Document:
    """The contract's output document for one input document (see docs/work-rules.md)."""
    request = read_day(document)
    if request.union is not None:
        rules = _union_rules(tuple(rule_sets), request, request.union)
    else:
        rules = _agreement_rules(rule_sets, request)
    if isinstance(rules, NotCosted):
        return not_costed(rules.reason)
    result = evaluate(request.card, rules)
    if result.problems:
        raise ContractError("day", " ".join(_without_person(p) for p in result.problems))
    return render(result)


def read_day(document: object) -> DayRequest:
    if not isinstance(document, dict):
        raise ContractError("document", "must be a JSON object with the day's fields")
    unknown = sorted(set(document) - FIELDS)
    if unknown:
        raise ContractError(_named(unknown[0]), _unknown(FIELDS))
    on = _date(_required(document, "date"), "date")
    zone = _zone(document.get("time_zone"))
    agreement, union = _agreement_or_union(document)
    role = document.get("role")
    if role is not None and role not in ("cast", "crew"):
        raise ContractError("role", f'is "cast" or "crew", not {_shown(role)}')
    rate, per, guaranteed = _deal(_required(document, "deal"))
    call = _moment(_required(document, "call"), "call", on, zone)
    if call.date() != on:
        raise ContractError("call", f"{call:%Y-%m-%d %H:%M} is not on the day's date {on}")
    wrap = _moment(_required(document, "wrap"), "wrap", on, zone)
    if wrap <= call:
        raise ContractError(
            "wrap",
            f"{_clock(wrap, on)} is not after the call {_clock(call, on)}; write a time past "
            'midnight as "25:30" or as a full timestamp',
        )
    if wrap - call > LONGEST_DAY:
        raise ContractError("wrap", "is more than 24 hours after the call: cost one day at a time")
    meals = _meals(document.get("meals", []), on, zone, call, wrap)
    ndb = _ndb(document.get("ndb"), on, zone, call, wrap, meals)
    previous = _previous_wrap(document.get("previous_wrap"), on, zone, call)
    holiday = document.get("holiday", False)
    if not isinstance(holiday, bool):
        raise ContractError("holiday", f"is true or false, not {_shown(holiday)}")
    scheduled = document.get("scheduled_hours")
    week_before, day_of_workweek = _week(document)
    card = TimeCard(
        person=PERSON,
        call=call,
        wrap=wrap,
        rate=rate,
        rate_per=per,
        meals=tuple(Meal(start, end) for start, end in meals),
        previous_wrap=previous,
        week_before=week_before,
        day_of_workweek=day_of_workweek,
        guaranteed_hours=guaranteed,
        holiday=holiday,
        scheduled_hours=None
        if scheduled is None
        else _hours(scheduled, "scheduled_hours", most=Decimal(24)),
        ndb=None if ndb is None else Meal(*ndb),
    )
    return DayRequest(on=on, agreement=agreement, union=union, role=role, card=card)


def render(result: DayResult) -> Document:
    rules = result.rules
    return {
        "agreement": {
            "id": rules.id,
            "version": rules.version,
            "valid_from": rules.valid_from.isoformat(),
            "valid_to": None if rules.valid_to is None else rules.valid_to.isoformat(),
        },
        "worked_hours": _hours_text(result.worked_minutes),
        "pay": [
            {
                "label": line.label,
                "hours": _hours_text(line.minutes),
                "multiplier": str(line.multiplier),
                "amount": _amount(line.amount),
            }
            for line in result.pay
        ],
        "violations": [
            {
                "kind": violation.kind,
                "amount": _amount(violation.amount),
                "explanation": violation.explanation,
            }
            for violation in result.violations
        ],
        "total": _amount(result.total),
        "not_costed": None,
    }


def not_costed(reason: str) -> Document:
    """A day whose rules are not loaded: why, and no figure at all (never a non-union guess)."""
    return {
        "agreement": None,
        "worked_hours": None,
        "pay": [],
        "violations": [],
        "total": None,
        "not_costed": reason,
    }


def _agreement_rules(rule_sets: Sequence[RuleSet], request: DayRequest) -> RuleSet | NotCosted:
    wanted = request.agreement
    assert wanted is not None
    loaded = [rules for rules in rule_sets if rules.id == wanted]
    if not loaded:
        ids = ", ".join(sorted({rules.id for rules in rule_sets}))
        raise ContractError("agreement", f"no agreement {wanted!r} is loaded; choose one of {ids}")
    role = request.role or _role_of(loaded)
    if not any(role in rules.roles for rules in loaded):
        covered = " and ".join(loaded[0].roles)
        raise ContractError("role", f"the {loaded[0].agreement} covers {covered}, not {role}")
    try:
        return choose(loaded, agreement=wanted, on=request.on, role=role)
    except NoRuleSet as error:
        # Loaded, but no term of it covers the date: no figure, and the reason, never a guess
        # from an expired term or another agreement's rules.
        return NotCosted(str(error))


def _union_rules(
    rule_sets: tuple[RuleSet, ...], request: DayRequest, union: str
) -> RuleSet | NotCosted:
    """The rules a member of `union` is costed under, read as the DPR reads an engagement's."""
    coverage = covering(union, {rules.id for rules in rule_sets})
    if coverage.agreement is None and not coverage.who:
        # Not a union the table knows (or two of them): the document is wrong, not the rules.
        raise ContractError("union", coverage.reason)
    agreement = [rules for rules in rule_sets if rules.id == coverage.agreement]
    role = request.role or _role_of(agreement)
    covered = rules_for(rule_sets, union_member=True, union_text=union, role=role, on=request.on)
    if covered.rules is None:
        return NotCosted(covered.not_costed.removeprefix("Not costed: "))
    return covered.rules


def _role_of(rule_sets: Sequence[RuleSet]) -> Role:
    """The role when none is given: the agreement's, if it covers one only; else crew."""
    roles = {role for rules in rule_sets for role in rules.roles}
    return "cast" if roles == {"cast"} else "crew"


def _agreement_or_union(document: Mapping[str, Any]) -> tuple[str | None, str | None]:
    agreement, union = document.get("agreement"), document.get("union")
    if agreement is not None and union is not None:
        raise ContractError("union", 'give "agreement" or "union", not both')
    if agreement is not None:
        if not isinstance(agreement, str) or not agreement.strip():
            raise ContractError(
                "agreement", f'is an id such as "sag-aftra", not {_shown(agreement)}'
            )
        return agreement.strip(), None
    if union is None:
        raise ContractError(
            "agreement",
            'is missing: give "agreement" (e.g. "iatse") or "union" (e.g. "ICG Local 600")',
        )
    if not isinstance(union, str) or not union.strip():
        raise ContractError(
            "union", f'is a union\'s name such as "ICG Local 600", not {_shown(union)}'
        )
    return None, union.strip()


def _required(document: Mapping[str, Any], field: str) -> Any:
    if field not in document or document[field] is None:
        raise ContractError(field, "is missing; it is required")
    return document[field]


def _date(value: Any, field: str) -> date:
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ContractError(field, f'is a date written "2026-12-21", not {_shown(value)}')


def _zone(value: Any) -> ZoneInfo | None:
    if value is None:
        return None
    if isinstance(value, str) and value:
        try:
            return ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    raise ContractError(
        "time_zone", f'is a time zone such as "America/Los_Angeles", not {_shown(value)}'
    )


def _moment(value: Any, field: str, on: date, zone: ZoneInfo | None) -> datetime:
    """A clock time on the day ("06:00"; "25:30" is 01:30 the next date) or a full timestamp."""
    moment = _parsed(value, on)
    if moment is None:
        raise ContractError(
            field,
            f'is a time written "06:00" ("25:30" past midnight) or "2026-12-21T06:00", not '
            f"{_shown(value)}",
        )
    if moment.tzinfo is None:
        return moment if zone is None else moment.replace(tzinfo=zone)
    if zone is None:
        raise ContractError(
            field, f'{value} carries a UTC offset: give "time_zone", or write the local time'
        )
    return moment.astimezone(zone)


def _parsed(value: Any, on: date) -> datetime | None:
    if not isinstance(value, str):
        return None
    clock = CLOCK.fullmatch(value)
    try:
        if clock:
            hours, minutes = int(clock[1]), int(clock[2])
            if hours > 47 or minutes > 59:
                return None
            return datetime.combine(on, time()) + timedelta(hours=hours, minutes=minutes)
        if "T" in value or " " in value:
            return datetime.fromisoformat(value)
    except (ValueError, OverflowError):
        pass
    return None


def _meals(
    value: Any, on: date, zone: ZoneInfo | None, call: datetime, wrap: datetime
) -> list[tuple[datetime, datetime]]:
    if not isinstance(value, list):
        raise ContractError("meals", f"is a list of [start, end] pairs, not {_shown(value)}")
    meals = [_period(pair, f"meals[{n}]", on, zone, call, wrap) for n, pair in enumerate(value)]
    order = sorted(range(len(meals)), key=lambda n: meals[n])
    for earlier, later in pairwise(order):
        if meals[later][0] < meals[earlier][1]:
            raise ContractError(f"meals[{later}]", f"overlaps meals[{earlier}]")
    return meals


def _ndb(
    value: Any,
    on: date,
    zone: ZoneInfo | None,
    call: datetime,
    wrap: datetime,
    meals: list[tuple[datetime, datetime]],
) -> tuple[datetime, datetime] | None:
    if value is None:
        return None
    start, end = _period(value, "ndb", on, zone, call, wrap)
    first = min(meals, default=None)
    if first is not None and end > first[0]:
        raise ContractError(
            "ndb",
            f"{_clock(start, on)}-{_clock(end, on)} is not before the first meal at "
            f"{_clock(first[0], on)}: a non-deductible breakfast comes before it",
        )
    return start, end


def _previous_wrap(value: Any, on: date, zone: ZoneInfo | None, call: datetime) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str) and CLOCK.fullmatch(value):
        raise ContractError(
            "previous_wrap", f'is a full timestamp such as "2026-12-20T19:30", not "{value}"'
        )
    previous = _moment(value, "previous_wrap", on, zone)
    if previous > call:
        raise ContractError(
            "previous_wrap", f"{previous:%Y-%m-%d %H:%M} is after today's call {_clock(call, on)}"
        )
    return previous


def _period(
    value: Any, field: str, on: date, zone: ZoneInfo | None, call: datetime, wrap: datetime
) -> tuple[datetime, datetime]:
    if not isinstance(value, list) or len(value) != 2:
        raise ContractError(
            field, f'is a [start, end] pair such as ["12:00", "12:30"], not {_shown(value)}'
        )
    start = _moment(value[0], field, on, zone)
    end = _moment(value[1], field, on, zone)
    if end <= start:
        raise ContractError(
            field, f"ends ({_clock(end, on)}) before it starts ({_clock(start, on)})"
        )
    if start < call or end > wrap:
        raise ContractError(
            field,
            f"{_clock(start, on)}-{_clock(end, on)} is outside the day, from the "
            f"{_clock(call, on)} call to the {_clock(wrap, on)} wrap",
        )
    return start, end


def _deal(value: Any) -> tuple[Decimal, RatePer, Decimal | None]:
    if not isinstance(value, dict):
        raise ContractError(
            "deal", f'is an object such as {{"rate": "1200.00", "per": "day"}}, not {_shown(value)}'
        )
    unknown = sorted(set(value) - DEAL_FIELDS)
    if unknown:
        raise ContractError(f"deal.{_named(unknown[0])}", _unknown(DEAL_FIELDS))
    rate = _number(_required_in(value, "rate", "deal"), "deal.rate")
    if rate > HIGHEST_RATE:
        raise ContractError("deal.rate", f"{rate} is more than any rate a day is costed at")
    per = _required_in(value, "per", "deal")
    if per not in RATES_PER:
        raise ContractError("deal.per", f"is one of {', '.join(RATES_PER)}, not {_shown(per)}")
    guaranteed = value.get("guaranteed_hours")
    if guaranteed is not None:
        guaranteed = _hours(guaranteed, "deal.guaranteed_hours", most=WEEK_HOURS)
        if guaranteed < 1:
            raise ContractError(
                "deal.guaranteed_hours",
                f"{guaranteed} hours is no guarantee: a deal guarantees 1 to 168 hours",
            )
    return rate, per, guaranteed


def _week(document: Mapping[str, Any]) -> tuple[timedelta, int]:
    """Straight time before today, and which day worked of the workweek today is."""
    week = document.get("week_so_far", {})
    if not isinstance(week, dict):
        raise ContractError(
            "week_so_far",
            f'is an object such as {{"days": 2, "straight_hours": "20"}}, not {_shown(week)}',
        )
    unknown = sorted(set(week) - WEEK_FIELDS)
    if unknown:
        raise ContractError(f"week_so_far.{_named(unknown[0])}", _unknown(WEEK_FIELDS))
    days = week.get("days")
    if days is not None and (not _whole(days) or not 0 <= days <= 6):
        raise ContractError(
            "week_so_far.days",
            f"is the days worked before today in the workweek, 0 to 6, not {_shown(days)}",
        )
    straight = Decimal(0)
    if week.get("straight_hours") is not None:
        straight = _number(week["straight_hours"], "week_so_far.straight_hours")
        if straight > WEEK_HOURS:
            raise ContractError(
                "week_so_far.straight_hours", f"{straight} is more hours than a week has"
            )
    day = document.get("day_of_workweek")
    if day is not None and (not _whole(day) or not 1 <= day <= 7):
        raise ContractError(
            "day_of_workweek",
            f"is 1 to 7 (which day worked of the workweek today is), not {_shown(day)}",
        )
    if day is not None and days is not None and day != days + 1:
        raise ContractError(
            "day_of_workweek",
            f"{day} does not follow week_so_far.days {days} (days worked before today): give one",
        )
    if day is None:
        day = 1 if days is None else days + 1
    return timedelta(minutes=int(straight * 60)), day


def _required_in(value: Mapping[str, Any], field: str, parent: str) -> Any:
    if field not in value or value[field] is None:
        raise ContractError(f"{parent}.{field}", "is missing; it is required")
    return value[field]


def _number(value: Any, field: str) -> Decimal:
    """A decimal string ("1200.00") or a JSON number, at least 0."""
    if isinstance(value, (int, float, str)) and not isinstance(value, bool):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = None
        if number is not None and number.is_finite() and number >= 0:
            return number
    raise ContractError(field, f'is a number of at least 0 such as "1200.00", not {_shown(value)}')


def _hours(value: Any, field: str, *, most: Decimal) -> Decimal:
    hours = _number(value, field)
    if hours == 0:
        raise ContractError(field, "is 0 hours; give more than 0, or leave it out")
    if hours > most:
        raise ContractError(field, f"{hours} is more than {most} hours")
    return hours


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _unknown(known: frozenset[str]) -> str:
    return f"is not a field of the time card; the fields are {', '.join(sorted(known))}"


def _named(field: str) -> str:
    """A field's name as a message shows it: quoted and escaped unless a plain word."""
    return field if re.fullmatch(r"[A-Za-z0-9_]+", field) else json.dumps(field)


def _shown(value: Any) -> str:
    """A value as the message shows it, on one line (ASCII, every control character escaped)."""
    text = json.dumps(value) if isinstance(value, str) else ascii(value)
    return text if len(text) <= 40 else f"{text[:37]}..."


def _clock(moment: datetime, on: date) -> str:
    """'06:00' on the day, '25:30' past midnight: as the document writes it."""
    days = (moment.date() - on).days
    if days == 0:
        return f"{moment:%H:%M}"
    if 0 < days < 2:
        return f"{moment.hour + 24 * days:02d}:{moment:%M}"
    return f"{moment:%Y-%m-%d %H:%M}"


def _hours_text(minutes: int) -> str:
    """Hours as a decimal string to at most two places: 630 minutes is "10.5"."""
    hours = (Decimal(minutes) / 60).quantize(CENT, ROUND_HALF_UP)
    return f"{hours.normalize():f}" if hours else "0"


def _amount(amount: Decimal) -> str:
    return f"{amount.quantize(CENT, ROUND_HALF_UP):f}"


def _without_person(problem: str) -> str:
    return problem.removeprefix(f"{PERSON}: ")

"""Whether the agreements loaded are in force for all of a shoot, said plainly when they are not.

A production shooting after an agreement's term has ended must not be costed under it: its days
are shown as not costed. The office should hear that before the first DPR, not on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from prodoffice.domain.rules.ruleset import RuleSet

ONE_DAY = timedelta(days=1)


def uncovered(
    rule_sets: Iterable[RuleSet], *, agreement: str, start: date, end: date
) -> list[tuple[date, date]]:
    """The spans of `start`..`end` (inclusive) that no loaded term of the agreement covers."""
    terms = sorted(
        (rules.valid_from, rules.valid_to or date.max)
        for rules in rule_sets
        if rules.id == agreement
    )
    spans: list[tuple[date, date]] = []
    cursor = start
    for valid_from, valid_to in terms:
        if cursor > end:
            break
        if valid_to < cursor:
            continue
        if valid_from > cursor:
            spans.append((cursor, min(end, valid_from - ONE_DAY)))
        cursor = valid_to + ONE_DAY if valid_to < date.max else date.max
    if cursor <= end:
        spans.append((cursor, end))
    return spans


def outside_terms(rule_sets: Iterable[RuleSet], *, agreement: str, start: date, end: date) -> str:
    """In words, when part of the shoot falls outside every loaded term of the agreement; "" when
    none does (or the agreement is not loaded at all: the union table says that)."""
    loaded = sorted(
        (rules for rules in rule_sets if rules.id == agreement), key=lambda r: r.valid_from
    )
    if not loaded:
        return ""
    spans = uncovered(loaded, agreement=agreement, start=start, end=end)
    if not spans:
        return ""
    terms = " and ".join(rules.term for rules in loaded)
    shoot = f"{_day(start)} to {_day(end)}" if start != end else _day(start)
    if spans == [(start, end)]:
        where = "all of it falls outside" + (" it" if len(loaded) == 1 else " them")
    else:
        where = "outside it: " + ", ".join(
            _day(a) if a == b else f"{_day(a)} to {_day(b)}" for a, b in spans
        )
    return (
        f"The {loaded[0].agreement} loaded runs {terms}; of the shoot, {shoot}, {where}. Days "
        "there are not costed for its members: load the agreement in force."
    )


def _day(on: date) -> str:
    return f"{on:%b} {on.day}, {on.year}"

"""What an engagement's union/local field says, read as the agreement that covers the person.

People write their union as they know it: "ICG Local 600", "Local 600", "IATSE 600", "I.A.T.S.E.
Local #80", "SAG-AFTRA", "Teamsters 399". The table (`unions.json`) names each union, the
agreement it works under and its locals. A person is either covered by an agreement loaded here
or not costed, with the reason: never costed under the non-union rules because their union was
written in an unexpected way. A blank field (or "non-union") is a non-member: California's rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from prodoffice.domain.rules.ruleset import NoRuleSet, Role, RuleSet, choose, load_rule_sets

TABLE = Path(__file__).parent / "unions.json"
NON_MEMBER = "california"  # the agreement id of the law every non-member works under
# What people write for "no union" (read as words: "N/A" is N A).
NOT_A_UNION = {"", "NONE", "NON UNION", "NONUNION", "N A", "NA", "NO", "NOT UNION"}
SHOWN = 60  # characters of the field quoted in a reason


class NotCovered(LookupError):
    """No agreement loaded covers what the union/local field says; `reason` says why, plainly.

    `unknown`: the text names no union the table knows (a typing slip, or a union to add), as
    against a union it knows whose agreement is not loaded.
    """

    def __init__(self, reason: str, *, unknown: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.unknown = unknown


@dataclass(frozen=True, slots=True)
class Union:
    """A union as the table knows it: its names, its agreement, the locals that work under it."""

    name: str
    names: tuple[tuple[str, ...], ...]  # each name as words: ("SAG", "AFTRA")
    agreement: str  # the rule-set id of the agreement its members work under
    agreement_name: str
    locals: tuple[tuple[str, str], ...]  # local number, what it is; empty: any local
    other_locals: tuple[tuple[str, str], ...]  # locals under another agreement, and why
    guilds: tuple[tuple[tuple[str, ...], str], ...]  # a guild's name as words, its local

    def local_name(self, number: str) -> str | None:
        return dict(self.locals).get(number)


@dataclass(frozen=True, slots=True)
class Coverage:
    """Who the field names and the agreement covering them, or why none does."""

    agreement: str | None  # a rule-set id; None: not costed
    who: str  # "IATSE Local 600 (International Cinematographers Guild)", or "" for a non-member
    reason: str = ""  # why no agreement covers them, when none does
    unknown: bool = False  # the text names no union the table knows


def load_unions(path: Path = TABLE) -> tuple[Union, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(_union(row) for row in data["unions"])


@cache
def unions() -> tuple[Union, ...]:
    """Read once a process: the table is a file shipped with the code."""
    return load_unions()


@cache
def shipped_rule_sets() -> tuple[RuleSet, ...]:
    """Read once a process: the rule sets are files shipped with the code."""
    return load_rule_sets()


@cache
def loaded_agreements() -> frozenset[str]:
    return frozenset(rules.id for rules in shipped_rule_sets())


@dataclass(frozen=True, slots=True)
class Covered:
    """The rules a person's day is costed under, or why it is not costed at all."""

    rules: RuleSet | None
    who: str  # the union and local as the table names them; "" for a non-member
    not_costed: str = ""  # "Not costed: ..." when `rules` is None
    note: str = ""  # why rules other than their union's apply (not signatory, another role)


def rules_for(
    rule_sets: tuple[RuleSet, ...],
    *,
    union_member: bool,
    union_text: str,
    role: Role,
    on: date,
    declined: Collection[str] = (),
) -> Covered:
    """The rule set a person is costed under on a day, from their union/local field and role.

    A union whose agreement is not loaded, or a day outside every loaded term of it, is not
    costed, with the reason: never costed under another agreement's or the non-union rules.
    A production not signatory to the agreement (`declined`), or work the agreement does not
    cover (a SAG-AFTRA member hired as crew), is under the law's floor, California's rules.
    """
    coverage = member_covering(
        union_member=union_member, union_text=union_text, loaded={r.id for r in rule_sets}
    )
    if coverage.agreement is None:
        return Covered(None, coverage.who, f"Not costed: {coverage.reason}")
    agreement, note = coverage.agreement, ""
    signed = next((rules for rules in rule_sets if rules.id == agreement), None)
    if signed is not None and agreement in declined and signed.union is not None:
        agreement = NON_MEMBER
        note = f"Not signatory to the {signed.agreement}: costed under the non-union rules."
    elif not any(rules.id == agreement and role in rules.roles for rules in rule_sets):
        agreement = NON_MEMBER
        if signed is not None:
            note = (
                f"The {signed.agreement} covers no {role} work: costed under the non-union rules."
            )
    try:
        rules = choose(rule_sets, agreement=agreement, on=on, role=role)
    except NoRuleSet as error:
        return Covered(None, coverage.who, f"Not costed: {error}")
    return Covered(rules, coverage.who, note=note)


def agreement_for(union_text: str, loaded: Collection[str] | None = None) -> str:
    """The id of the agreement covering a person whose union/local field says `union_text`.

    "" (a non-member) is "california". Raises `NotCovered` with the reason when the union's
    agreement is not among `loaded` (default: the rule sets shipped) or the text names no union
    the table knows; nothing else is raised, whatever the text.
    """
    coverage = covering(union_text, loaded)
    if coverage.agreement is None:
        raise NotCovered(coverage.reason, unknown=coverage.unknown)
    return coverage.agreement


def member_covering(
    *, union_member: bool, union_text: str, loaded: Collection[str] | None = None
) -> Coverage:
    """As `covering`, for an engagement: a member whose union is left blank is not guessed."""
    if union_member and not union_text.strip():
        return _not(
            'marked a union member, but the union/local is blank: write it ("IATSE Local 80", '
            '"SAG-AFTRA") or untick Union.'
        )
    return covering(union_text, loaded)


def covering(
    union_text: str, loaded: Collection[str] | None = None, table: tuple[Union, ...] | None = None
) -> Coverage:
    """As `agreement_for`, as a result: the agreement and who, or no agreement and why."""
    agreements = loaded_agreements() if loaded is None else loaded
    known = unions() if table is None else table
    words = _words(union_text)
    if " ".join(words) in NOT_A_UNION:
        return Coverage(NON_MEMBER, "")
    quoted = _quoted(union_text)
    named = {union.name: union for union in known if _names(union, words)}
    implied = {local for union in known for guild, local in union.guilds if _contains(words, guild)}
    numbers = _numbers(words) | implied
    if len(named) > 1:
        return _not(
            f"{quoted} names more than one union ({', '.join(sorted(named))}); write the one "
            "this engagement is under."
        )
    if len(numbers) > 1:
        return _not(
            f"{quoted} names more than one local ({', '.join(sorted(numbers, key=int))}); write "
            "the one this engagement is under."
        )
    local = next(iter(numbers), None)
    if not named and local is not None:
        named = {
            union.name: union
            for union in known
            if local in dict(union.locals) or local in dict(union.other_locals)
        }
        if len(named) > 1:
            return _not(
                f"{quoted}: Local {local} of which union ({', '.join(sorted(named))})? Write "
                "the union with its local."
            )
    if not named:
        reason = f"no agreement known for {quoted}; choose one of {_choices(known)}."
        return Coverage(None, "", reason, unknown=True)
    (union,) = named.values()
    return _covered(union, local, agreements)


def _covered(union: Union, local: str | None, agreements: Collection[str]) -> Coverage:
    short = union.name if local is None else f"{union.name} Local {local}"
    if local is not None and local in dict(union.other_locals):
        why = dict(union.other_locals)[local]
        return _not(f"{why}, and that agreement is not loaded here.", short)
    who = short
    if local is not None and union.locals:
        what = union.local_name(local)
        if what is None:
            listed = ", ".join(number for number, _ in union.locals)
            return _not(
                f"{short} is not one of the locals under the {union.agreement_name} ({listed}), "
                "and no agreement for it is loaded here.",
                short,
            )
        who = f"{short} ({what})"
    if union.agreement not in agreements:
        return _not(
            f"{short} members work under the {union.agreement_name}, which is not loaded here.",
            who,
        )
    return Coverage(union.agreement, who)


def _not(reason: str, who: str = "") -> Coverage:
    return Coverage(None, who, reason)


def _words(text: str) -> tuple[str, ...]:
    """The field as upper-case words and numbers: "I.A.T.S.E. Local #080" is IATSE LOCAL 80."""
    squeezed = text.upper().replace(".", "").replace("'", "")
    return tuple(
        word.lstrip("0") or "0" if word.isdigit() else word
        for word in re.findall(r"[A-Z]+|[0-9]+", squeezed)
    )


def _numbers(words: tuple[str, ...]) -> set[str]:
    """The local's number: the one after "Local" when written ("Local 600 since 2019")."""
    after_local = {word for before, word in pairwise(words) if before == "LOCAL" and word.isdigit()}
    return after_local or {word for word in words if word.isdigit()}


def _names(union: Union, words: tuple[str, ...]) -> bool:
    return any(_contains(words, name) for name in union.names) or any(
        _contains(words, guild) for guild, _ in union.guilds
    )


def _contains(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    size = len(name)
    return any(words[start : start + size] == name for start in range(len(words) - size + 1))


def _quoted(text: str) -> str:
    shown = " ".join(text.split())
    return f"'{shown[:SHOWN]}…'" if len(shown) > SHOWN else f"'{shown}'"


def _choices(known: tuple[Union, ...]) -> str:
    named = []
    for union in known:
        if union.locals:
            numbers = ", ".join(number for number, _ in union.locals)
            named.append(f"{union.name} with its local ({numbers})")
        else:
            named.append(union.name)
    return ", ".join(named) + ", or leave it blank for a non-member"


def _union(row: dict[str, Any]) -> Union:
    def as_words(name: str) -> tuple[str, ...]:
        words = _words(name)
        if not words:
            raise ValueError(f"{row['union']}: the name {name!r} has no letters or digits")
        return words

    return Union(
        name=row["union"],
        names=tuple(as_words(name) for name in row["names"]),
        agreement=row["agreement"],
        agreement_name=row["agreement_name"],
        locals=tuple((str(n), what) for n, what in row.get("locals", {}).items()),
        other_locals=tuple((str(n), why) for n, why in row.get("other_locals", {}).items()),
        guilds=tuple((as_words(name), str(n)) for name, n in row.get("guilds", {}).items()),
    )

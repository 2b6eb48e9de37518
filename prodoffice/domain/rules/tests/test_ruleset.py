"""Rule sets are data: dated, versioned, chosen per person and day."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from prodoffice.domain.rules import NoRuleSet, choose
from prodoffice.domain.rules.ruleset import SETS, parse_rule_set
from prodoffice.domain.rules.tests.helpers import RULE_SETS, rules_named


def test_every_shipped_rule_set_cites_its_source() -> None:
    assert {rules.id for rules in RULE_SETS} >= {"sag-aftra", "iatse", "california"}
    assert all(len(rules.source) > 100 for rules in RULE_SETS)


def _figures(value: Any, path: str) -> Iterator[str]:
    """Each figure's path ("meal.penalty.amounts") whose source is not written beside it: a
    group with its own "source" string, or a list whose every row has one, needs no other."""
    if isinstance(value, dict) and isinstance(value.get("source"), str):
        return
    if (
        isinstance(value, list)
        and value
        and all(isinstance(row, dict) and isinstance(row.get("source"), str) for row in value)
    ):
        return
    if isinstance(value, dict) and value:
        for key, inner in value.items():
            yield from _figures(inner, f"{path}.{key}")
    else:
        yield path


def test_every_figure_of_every_agreement_names_its_source() -> None:
    for file in sorted(SETS.glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        sources = data["sources"]
        assert sources.get("term"), f"{file.name}: where does its term come from?"
        for part in ("meal", "overtime", "rest", "scale"):
            for figure in _figures(data.get(part), part) if part in data else ():
                assert any(figure == key or figure.startswith(f"{key}.") for key in sources), (
                    f"{file.name}: no source for {figure}"
                )
        assert all(len(text) > 30 for text in sources.values()), file.name


def test_each_agreement_has_its_term_and_the_statute_none_that_ends() -> None:
    iatse, sag, law = (rules_named(name) for name in ("iatse", "sag-aftra", "california"))
    assert (iatse.version, iatse.valid_from, iatse.valid_to) == (
        "2024",
        date(2024, 8, 1),
        date(2027, 7, 31),
    )
    assert sag.valid_to == date(2026, 6, 30)
    assert law.valid_to is None and law.term == "from Jan 1, 2001"


def test_a_newer_term_replaces_the_older_from_its_first_day() -> None:
    sag = rules_named("sag-aftra")
    newer = dataclasses.replace(
        sag, version="2026", valid_from=date(2026, 7, 1), valid_to=date(2030, 6, 30)
    )
    sets = (*RULE_SETS, newer)
    assert choose(sets, agreement="sag-aftra", on=date(2026, 6, 30), role="cast") is sag
    assert choose(sets, agreement="sag-aftra", on=date(2026, 7, 1), role="cast") is newer


def test_non_union_cast_and_crew_share_the_california_rules() -> None:
    for role in ("cast", "crew"):
        chosen = choose(RULE_SETS, agreement="california", on=date(2025, 1, 1), role=role)
        assert chosen.id == "california"


def test_a_day_after_the_agreement_ends_is_refused_with_its_term() -> None:
    with pytest.raises(NoRuleSet) as refused:
        choose(RULE_SETS, agreement="iatse", on=date(2027, 12, 3), role="crew")
    assert str(refused.value) == (
        "The IATSE Basic Agreement loaded runs Aug 1, 2024 to Jul 31, 2027; Dec 3, 2027 is "
        "outside it: load the agreement in force."
    )


def test_a_day_before_the_agreement_takes_effect_is_refused_too() -> None:
    with pytest.raises(NoRuleSet, match="runs Nov 9, 2023 to Jun 30, 2026; Jan 1, 2020 is"):
        choose(RULE_SETS, agreement="sag-aftra", on=date(2020, 1, 1), role="cast")


def test_an_agreement_for_another_role_is_not_chosen() -> None:
    with pytest.raises(NoRuleSet, match="The IATSE Basic Agreement covers crew, not cast"):
        choose(RULE_SETS, agreement="iatse", on=date(2025, 1, 1), role="cast")


def test_an_agreement_not_loaded_names_those_that_are() -> None:
    with pytest.raises(NoRuleSet, match=r"No agreement 'wga' is loaded; choose one of .*iatse"):
        choose(RULE_SETS, agreement="wga", on=date(2025, 1, 1), role="crew")


def test_overtime_bands_must_start_at_zero_and_rise() -> None:
    data = {
        "id": "broken",
        "version": "1",
        "agreement": "Broken Agreement",
        "name": "Broken",
        "short_name": "Broken",
        "union": None,
        "roles": ["crew"],
        "valid_from": "2025-01-01",
        "valid_to": None,
        "source": "none",
        "meal": {
            "interval_hours": 6,
            "minimum_minutes": 30,
            "maximum_deducted_minutes": 60,
            "is_work_time": False,
            "penalty": {"unit": "hour_of_pay"},
        },
        "overtime": {"rounding_minutes": 1, "hours_in_paid_day": 8, "daily": [[8, "1.5"]]},
        "rest": None,
    }
    with pytest.raises(ValueError, match="start at 0 hours"):
        parse_rule_set(data)

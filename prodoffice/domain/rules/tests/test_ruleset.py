"""Rule sets are data: dated, versioned, chosen per person and day."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from prodoffice.domain.rules import NoRuleSet, choose
from prodoffice.domain.rules.ruleset import parse_rule_set
from prodoffice.domain.rules.tests.helpers import RULE_SETS, rules_named


def test_every_shipped_rule_set_cites_its_source() -> None:
    assert {rules.id for rules in RULE_SETS} >= {
        "sag-aftra-performer",
        "iatse-crew",
        "california-non-union",
    }
    assert all(len(rules.source) > 100 for rules in RULE_SETS)


def test_a_newer_version_replaces_the_older_from_its_date() -> None:
    sag = rules_named("sag-aftra-performer")
    newer = dataclasses.replace(sag, version=sag.version + 3, effective_from=date(2026, 7, 1))
    sets = (*RULE_SETS, newer)
    assert choose(sets, on=date(2026, 6, 30), union="SAG-AFTRA", role="cast") is sag
    assert choose(sets, on=date(2026, 7, 1), union="SAG-AFTRA", role="cast") is newer


def test_non_union_cast_and_crew_share_the_california_rules() -> None:
    for role in ("cast", "crew"):
        chosen = choose(RULE_SETS, on=date(2025, 1, 1), union=None, role=role)
        assert chosen.id == "california-non-union"


def test_no_rule_set_before_an_agreement_takes_effect() -> None:
    with pytest.raises(NoRuleSet, match="No work rules for SAG-AFTRA cast on Jan 1, 2020"):
        choose(RULE_SETS, on=date(2020, 1, 1), union="SAG-AFTRA", role="cast")


def test_a_union_for_another_role_is_not_chosen() -> None:
    with pytest.raises(NoRuleSet, match="IATSE cast"):
        choose(RULE_SETS, on=date(2025, 1, 1), union="IATSE", role="cast")


def test_overtime_bands_must_start_at_zero_and_rise() -> None:
    data = {
        "id": "broken",
        "version": 1,
        "name": "Broken",
        "short_name": "Broken",
        "union": None,
        "roles": ["crew"],
        "effective_from": "2025-01-01",
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

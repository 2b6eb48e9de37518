"""Agreements' terms against a shoot's dates, and rates against the agreements' scale minimums.

Sources: the SAG-AFTRA 2023 agreement ran from Nov 9, 2023 to Jun 30, 2026 (sagaftra.org, the
ratification announcement); its day performer minimum was $1,246 and its weekly performer
minimum $4,326 from Jul 1, 2025 ($1,082 and $3,756 in 2022-23 raised 7%, 4% and 3.5%, see the
rule set's sources); the IATSE Basic Agreement of 2024 runs Aug 1, 2024 to Jul 31, 2027.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from prodoffice.domain.rules.scale import below_scale, scale_on
from prodoffice.domain.rules.terms import outside_terms, uncovered
from prodoffice.domain.rules.tests.helpers import RULE_SETS, rules_named

SAG = rules_named("sag-aftra")
IATSE = rules_named("iatse")


def test_a_shoot_within_the_iatse_term_is_covered() -> None:
    assert (
        outside_terms(RULE_SETS, agreement="iatse", start=date(2026, 12, 21), end=date(2027, 2, 1))
        == ""
    )


def test_a_shoot_after_the_sag_aftra_term_is_told_plainly() -> None:
    said = outside_terms(
        RULE_SETS, agreement="sag-aftra", start=date(2026, 12, 21), end=date(2027, 2, 1)
    )
    assert said == (
        "The SAG-AFTRA TV/Theatrical Agreement loaded runs Nov 9, 2023 to Jun 30, 2026; of the "
        "shoot, Dec 21, 2026 to Feb 1, 2027, all of it falls outside it. Days there are not "
        "costed for its members: load the agreement in force."
    )


def test_a_shoot_across_the_end_of_a_term_names_the_days_outside() -> None:
    said = outside_terms(
        RULE_SETS, agreement="iatse", start=date(2027, 7, 19), end=date(2027, 8, 20)
    )
    assert "outside it: Aug 1, 2027 to Aug 20, 2027" in said


def test_a_newer_term_loaded_covers_the_rest_of_the_shoot() -> None:
    newer = dataclasses.replace(
        SAG, version="2026", valid_from=date(2026, 7, 1), valid_to=date(2030, 6, 30)
    )
    spans = uncovered(
        (SAG, newer), agreement="sag-aftra", start=date(2026, 6, 1), end=date(2026, 8, 1)
    )
    assert spans == []


@given(st.dates(date(2020, 1, 1), date(2032, 1, 1)), st.integers(0, 800))
def test_the_days_outside_are_exactly_those_no_term_covers(start: date, length: int) -> None:
    end = start + timedelta(days=length)
    spans = uncovered(RULE_SETS, agreement="sag-aftra", start=start, end=end)
    outside = {a + timedelta(days=n) for a, b in spans for n in range((b - a).days + 1)}
    for n in range(0, length + 1, 7):
        day = start + timedelta(days=n)
        assert (day in outside) == (not SAG.in_force(day))


def test_a_day_performer_under_scale_is_warned_with_the_minimum_of_the_day() -> None:
    said = below_scale(SAG, on=date(2025, 9, 1), rate=Decimal("1000"), per="day")
    assert said == (
        "The rate $1,000 a day is below the SAG-AFTRA 2023 day performer minimum of $1,246 a "
        "day on Sep 1, 2025: check the deal memo."
    )
    assert below_scale(SAG, on=date(2025, 9, 1), rate=Decimal("1246"), per="day") == ""
    assert below_scale(SAG, on=date(2024, 9, 1), rate=Decimal("1204"), per="day") == ""


def test_the_weekly_minimum_rises_on_each_of_its_dates() -> None:
    weekly = [scale_on(SAG, on=on, per="week") for on in (date(2024, 1, 8), date(2024, 7, 1))]
    assert [minimum.amount for minimum in weekly if minimum] == [Decimal(4019), Decimal(4180)]


def test_no_source_no_warning() -> None:
    assert below_scale(IATSE, on=date(2025, 1, 6), rate=Decimal("1"), per="hour") == ""
    assert scale_on(SAG, on=date(2027, 1, 4), per="day") is None  # after its term

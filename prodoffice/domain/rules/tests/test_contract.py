"""The timecard contract: a day as a JSON document in, the costed day as one out (issue 12).

Figures are hand-worked from the sources the rule sets cite: SAG-AFTRA's meal-period summary
(sagaftra.org/meal-periods: $25, then $35 per half hour or fraction, first meal due 6 h after
call), California Labor Code 510(a) (1.5x past 8 hours a day, 2x past 12) and 226.7 (one hour
of pay for a late meal). Fields that rules still being written will read (the guarantee, a
holiday, the scheduled hours, the NDB) are checked for being carried into the card.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from prodoffice.domain.rules import Meal
from prodoffice.domain.rules.contract import ContractError, cost_day, read_day
from prodoffice.domain.rules.tests.helpers import RULE_SETS

LA = ZoneInfo("America/Los_Angeles")


def day(**fields: Any) -> dict[str, Any]:
    """A California non-union grip at $20 an hour, 07:00-19:00 with lunch at 12:00; overrides."""
    document: dict[str, Any] = {
        "date": "2025-12-15",
        "time_zone": "America/Los_Angeles",
        "agreement": "california",
        "role": "crew",
        "deal": {"rate": "20.00", "per": "hour"},
        "call": "07:00",
        "wrap": "19:00",
        "meals": [["12:00", "12:30"]],
    }
    document.update(fields)
    return {key: value for key, value in document.items() if value is not ...}


def at(clock: str, days: int = 0) -> datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime(2025, 12, 15 + days, hours, minutes, tzinfo=LA)


def test_a_sag_aftra_lunch_45_minutes_late_costs_25_and_35_dollars() -> None:
    # sagaftra.org/meal-periods: lunch at 13:45 after a 07:00 call is 45 minutes past the
    # 6-hour deadline, two half hours: $25 + $35 = $60. $1,056 a day (8 h at $132): 07:00-19:00
    # less 30 minutes is 11.5 h: 8 h $1,056 + 2 h at 1.5x $396 + 1.5 h at 2x $396.
    out = cost_day(
        day(
            agreement="sag-aftra",
            role="cast",
            deal={"rate": "1056.00", "per": "day"},
            meals=[["13:45", "14:15"]],
        ),
        RULE_SETS,
    )
    assert out["agreement"] == {
        "id": "sag-aftra",
        "version": "2023",
        "valid_from": "2023-11-09",
        "valid_to": "2026-06-30",
    }
    assert out["worked_hours"] == "11.5"
    assert [(p["hours"], p["multiplier"], p["amount"]) for p in out["pay"]] == [
        ("8", "1", "1056.00"),
        ("2", "1.5", "396.00"),
        ("1.5", "2", "396.00"),
    ]
    assert [(v["kind"], v["amount"]) for v in out["violations"]] == [("meal_penalty", "60.00")]
    assert "$25 + $35 = $60" in out["violations"][0]["explanation"]
    assert out["total"] == "1908.00"
    assert out["not_costed"] is None


def test_a_california_day_of_12_hours_pays_daily_overtime_and_a_late_meal() -> None:
    # Labor Code 510(a) and 226.7: $20/h, 07:00-19:30, lunch 13:30-14:00 (30 min late): 12 h
    # worked, 8 h $160 + 4 h at 1.5x $120, and one hour's pay $20 for the late meal: $300.
    out = cost_day(day(wrap="19:30", meals=[["13:30", "14:00"]]), RULE_SETS)
    assert out["worked_hours"] == "12"
    assert [(p["label"], p["amount"]) for p in out["pay"]] == [
        ("from call", "160.00"),
        ("from 8 h", "120.00"),
    ]
    assert [(v["kind"], v["amount"]) for v in out["violations"]] == [("meal_penalty", "20.00")]
    assert out["total"] == "300.00"


def test_amounts_are_strings_with_two_decimals_and_add_up_to_the_total() -> None:
    # $33.33 an hour, 07:00-18:30 less lunch: 8 h $266.64 + 3 h at 1.5x, $149.985, paid
    # $149.99 (rounded once, half up).
    out = cost_day(day(deal={"rate": "33.33", "per": "hour"}, wrap="18:30"), RULE_SETS)
    amounts = [p["amount"] for p in out["pay"]] + [v["amount"] for v in out["violations"]]
    assert amounts == ["266.64", "149.99"]
    assert all(isinstance(a, str) and a.split(".")[1].isdigit() for a in amounts)
    assert all(len(a.split(".")[1]) == 2 for a in [*amounts, out["total"]])
    assert sum(Decimal(a) for a in amounts) == Decimal(out["total"]) == Decimal("416.63")
    json.dumps(out)  # plain JSON: no Decimal, no datetime


def test_a_time_past_midnight_is_written_as_25_30_or_as_a_full_timestamp() -> None:
    late = read_day(day(call="18:00", wrap="25:30", meals=[["24:00", "24:30"]]))
    stamped = read_day(
        day(call="18:00", wrap="2025-12-16T01:30", meals=[["24:00", "2025-12-16T00:30"]])
    )
    assert late.card.wrap == stamped.card.wrap == at("01:30", days=1)
    assert late.card.meals == stamped.card.meals == (Meal(at("00:00", 1), at("00:30", 1)),)


def test_every_field_is_carried_into_the_time_card() -> None:
    request = read_day(
        day(
            agreement="iatse",
            deal={"rate": "650", "per": "day", "guaranteed_hours": 10},
            call="06:00",
            wrap="18:30",
            ndb=["06:15", "06:30"],
            holiday=True,
            scheduled_hours=12,
            previous_wrap="2025-12-14T19:30",
            week_so_far={"days": 2, "straight_hours": "20"},
            day_of_workweek=3,
        )
    )
    card = request.card
    assert (request.agreement, request.role, request.on.isoformat()) == (
        "iatse",
        "crew",
        "2025-12-15",
    )
    assert (card.rate, card.rate_per, card.guaranteed_hours) == (
        Decimal(650),
        "day",
        Decimal(10),
    )
    assert (card.call, card.wrap) == (at("06:00"), at("18:30"))
    assert card.ndb == Meal(at("06:15"), at("06:30"))
    assert card.holiday is True
    assert card.scheduled_hours == Decimal(12)
    assert card.previous_wrap == at("19:30", days=-1)
    assert card.week_before == timedelta(hours=20)
    assert card.day_of_workweek == 3


def test_optional_fields_have_the_plain_defaults() -> None:
    document = day()
    del document["time_zone"], document["role"], document["meals"]
    request = read_day(document)
    card = request.card
    assert request.role is None  # read from the agreement: California covers both, so crew
    assert card.call == datetime.fromisoformat("2025-12-15T07:00")  # wall clock, no zone
    assert card.meals == ()
    assert (card.ndb, card.holiday, card.scheduled_hours, card.previous_wrap) == (
        None,
        False,
        None,
        None,
    )
    assert (card.guaranteed_hours, card.week_before, card.day_of_workweek) == (
        None,
        timedelta(0),
        1,
    )


def test_the_day_of_the_workweek_follows_the_days_worked_before_it() -> None:
    assert read_day(day(week_so_far={"days": 5})).card.day_of_workweek == 6
    assert read_day(day(day_of_workweek=7)).card.day_of_workweek == 7


def test_a_camera_assistant_in_icg_local_600_is_costed_under_the_iatse_agreement() -> None:
    # IATSE meal penalties (the locals' summaries of the Basic Agreement): lunch at 12:30 after
    # a 06:00 call is 30 minutes late, past the 12-minute grace: one half hour, $7.50, where
    # California's rules would pay an hour ($60).
    out = cost_day(
        day(
            agreement=...,
            union="ICG Local 600",
            deal={"rate": "60.00", "per": "hour"},
            call="06:00",
            wrap="18:30",
            meals=[["12:30", "13:00"]],
        ),
        RULE_SETS,
    )
    assert out["agreement"]["id"] == "iatse"
    assert [(v["kind"], v["amount"]) for v in out["violations"]] == [("meal_penalty", "7.50")]


def test_a_union_with_no_rules_loaded_is_not_costed_with_the_reason() -> None:
    for union in ("DGA", "Teamsters Local 399"):
        out = cost_day(day(agreement=..., union=union), RULE_SETS)
        assert out == {
            "agreement": None,
            "worked_hours": None,
            "pay": [],
            "violations": [],
            "total": None,
            "not_costed": out["not_costed"],
        }
        assert "not loaded" in out["not_costed"] and union in out["not_costed"]


def test_a_union_member_without_a_role_takes_the_agreements_role() -> None:
    request = read_day(day(agreement=..., union="SAG-AFTRA", role=...))
    assert request.role is None
    out = cost_day(day(agreement=..., union="SAG-AFTRA", role=...), RULE_SETS)
    assert out["agreement"]["id"] == "sag-aftra"


def test_a_day_outside_every_term_loaded_is_not_costed() -> None:
    out = cost_day(day(date="1990-06-01"), RULE_SETS)
    assert out["pay"] == [] and out["total"] is None
    assert out["not_costed"] is not None and "outside" in out["not_costed"]


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"agreement": "teamsters"}, "agreement", "no agreement 'teamsters' is loaded"),
        ({"agreement": ..., "union": "Local 9999"}, "union", "no agreement known for"),
        ({"union": "DGA"}, "union", '"agreement" or "union", not both'),
        ({"agreement": "sag-aftra", "role": "crew"}, "role", "covers cast, not crew"),
        ({"role": "grip"}, "role", '"cast" or "crew"'),
        ({"wrap": "06:00"}, "wrap", "is not after the call 07:00"),
        ({"wrap": "02:00"}, "wrap", '"25:30"'),
        ({"wrap": "31:30"}, "wrap", "more than 24 hours"),
        ({"meals": [["06:00", "06:30"]]}, "meals[0]", "outside the day"),
        ({"meals": [["18:45", "19:15"]]}, "meals[0]", "outside the day"),
        ({"meals": [["12:30", "12:00"]]}, "meals[0]", "before it starts"),
        ({"meals": [["12:00", "13:00"], ["12:30", "13:30"]]}, "meals[1]", "overlaps meals[0]"),
        ({"ndb": ["12:15", "12:30"]}, "ndb", "not before the first meal at 12:00"),
        ({"ndb": ["06:30", "06:45"]}, "ndb", "outside the day"),
        (
            {"deal": {"rate": "650", "per": "day", "guaranteed_hours": 0}},
            "deal.guaranteed_hours",
            "0 hours",
        ),
        ({"deal": {"rate": "650", "per": "shift"}}, "deal.per", "hour, day, week, flat"),
        ({"deal": {"rate": "-1", "per": "day"}}, "deal.rate", "at least 0"),
        ({"deal": {"per": "day"}}, "deal.rate", "missing"),
        ({"deal": {"rate": "650", "per": "day", "hours": 10}}, "deal.hours", "not a field"),
        ({"call": ...}, "call", "missing"),
        ({"deal": ...}, "deal", "missing"),
        ({"date": ...}, "date", "missing"),
        ({"date": "21/12/2026"}, "date", '"2026-12-21"'),
        ({"call": "7am"}, "call", '"06:00"'),
        ({"call": "07:60"}, "call", '"06:00"'),
        ({"call": "2025-12-16T07:00"}, "call", "not on the day's date"),
        ({"call": "2025-12-15T07:00-05:00", "time_zone": ...}, "call", "UTC offset"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "America/Los_Angeles"),
        ({"previous_wrap": "19:30"}, "previous_wrap", "full timestamp"),
        ({"previous_wrap": "2025-12-15T08:00"}, "previous_wrap", "after today's call"),
        ({"holiday": "yes"}, "holiday", "true or false"),
        ({"scheduled_hours": 0}, "scheduled_hours", "0 hours"),
        ({"week_so_far": {"days": 7}}, "week_so_far.days", "0 to 6"),
        ({"day_of_workweek": 4, "week_so_far": {"days": 1}}, "day_of_workweek", "does not follow"),
        ({"overtime": True}, "overtime", "not a field"),
    ],
)
def test_bad_input_is_refused_naming_the_field(
    fields: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(ContractError) as refused:
        cost_day(day(**fields), RULE_SETS)
    assert refused.value.field == field
    message = str(refused.value)
    assert message.startswith(f"{field}: ")
    assert words in message
    assert "\n" not in message


def test_a_document_that_is_not_an_object_is_refused() -> None:
    documents: tuple[object, ...] = ([], "day", 3, None)
    for document in documents:
        with pytest.raises(ContractError, match=r"^document: must be a JSON object"):
            cost_day(document, RULE_SETS)

"""Any JSON document gives a valid output document or a one-line message naming the field.

Never a traceback: a check outside the project feeds the timecard command whatever it has.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from prodoffice.domain.rules.contract import ContractError, cost_day
from prodoffice.domain.rules.tests.contract_shape import assert_contract_output
from prodoffice.domain.rules.tests.helpers import RULE_SETS

ANY_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
DATES = st.sampled_from(["2025-12-15", "2026-03-02", "2026-12-21", "1990-01-01"])
AGREEMENTS = st.sampled_from(["sag-aftra", "iatse", "california"])
ROLES = st.sampled_from(["cast", "crew"])
UNIONS = st.sampled_from(
    ["ICG Local 600", "IATSE Local 80", "DGA", "Teamsters Local 399", "SAG-AFTRA", "Local 9999"]
) | st.text(max_size=20)
AMOUNTS = st.decimals(min_value=0, max_value=20000, places=2).map(str) | st.integers(0, 5000)
HOURS = st.sampled_from([8, 10, 12, 40, 50, 60, "9.5"])


def written(minute: int, stamp: bool) -> str:
    """A minute from midnight of the day as the contract writes it: "25:30" or a timestamp."""
    if not stamp:
        return f"{minute // 60:02d}:{minute % 60:02d}"
    day, rest = divmod(minute, 24 * 60)
    return f"2025-12-{15 + day:02d}T{rest // 60:02d}:{rest % 60:02d}"


@st.composite
def plausible_days(draw: st.DrawFn) -> dict[str, Any]:
    """Documents most of which are days that can be costed: times in order, values in range."""
    stamp = draw(st.booleans())
    call = draw(st.integers(0, 24 * 60 - 1))
    wrap = call + draw(st.integers(1, 20 * 60))
    inside = sorted(draw(st.lists(st.integers(call, wrap), min_size=0, max_size=6, unique=True)))
    pairs = [inside[i : i + 2] for i in range(0, len(inside) - 1, 2)]
    document: dict[str, Any] = {
        "date": "2025-12-15",
        "agreement": draw(AGREEMENTS),
        "role": draw(ROLES),
        "deal": {
            "rate": draw(AMOUNTS),
            "per": draw(st.sampled_from(["hour", "day", "week", "flat"])),
        },
        "call": written(call, stamp),
        "wrap": written(wrap, stamp),
        "meals": [[written(a, stamp), written(b, stamp)] for a, b in pairs],
    }
    optional: dict[str, st.SearchStrategy[Any]] = {
        "time_zone": st.sampled_from(["America/Los_Angeles", "UTC", "Europe/London"]),
        "holiday": st.booleans(),
        "scheduled_hours": st.none() | st.sampled_from([4, 8, 12, "10.5"]),
        "previous_wrap": st.none()
        | st.integers(1, 36 * 60).map(lambda back: written(call - back + 24 * 60, True)),
        "week_so_far": st.fixed_dictionaries(
            {}, optional={"days": st.integers(0, 6), "straight_hours": st.integers(0, 60)}
        ),
        "ndb": st.none()
        | st.integers(call, call + 60).map(
            lambda start: [written(start, stamp), written(start + 15, stamp)]
        ),
    }
    if draw(st.booleans()):
        del document["agreement"]
        document["union"] = draw(UNIONS)
    for field, values in optional.items():
        if draw(st.booleans()):
            document[field] = draw(values)
    if draw(st.booleans()):
        document["deal"]["guaranteed_hours"] = draw(HOURS)
    # Then a field or two broken, dropped, or put where it does not belong.
    for _ in range(draw(st.integers(0, 2))):
        field = draw(st.sampled_from([*document, "union", "extra"]))
        if draw(st.booleans()):
            document.pop(field, None)
        else:
            document[field] = draw(ANY_JSON | DATES | AGREEMENTS)
    return document


FIELDS = {
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
DOCUMENTS = plausible_days() | ANY_JSON
FIELD_NAMES = {*FIELDS, "document", "day"}


@settings(max_examples=1000)
@given(DOCUMENTS)
@example(
    {
        "date": "2025-12-15",
        "agreement": "iatse",
        "deal": {"rate": "650", "per": "day"},
        "call": "07:00",
        "wrap": "19:00",
        "meals": [["12:00", "12:30"]],
    }
)
def test_any_document_is_costed_or_refused_with_a_message_naming_the_field(
    document: Any,
) -> None:
    try:
        out = cost_day(document, RULE_SETS)
    except ContractError as refused:
        message = str(refused)
        assert len(message.splitlines()) == 1, message
        top = refused.field.split(".")[0].split("[")[0]
        assert top in FIELD_NAMES or "is not a field of the time card" in message, message
        assert message.startswith(f"{refused.field}: ")
        return
    assert_contract_output(out)
    json.dumps(out)

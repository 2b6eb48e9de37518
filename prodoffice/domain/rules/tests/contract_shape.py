"""What every output document of the timecard contract looks like (docs/work-rules.md)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

AMOUNT = re.compile(r"-?[0-9]+\.[0-9]{2}")
HOURS = re.compile(r"[0-9]+(\.[0-9]{1,2})?")
KEYS = {"agreement", "worked_hours", "pay", "violations", "total", "not_costed"}


def assert_contract_output(document: Any) -> None:
    """The output's fields and their kinds; a costed day's amounts add up to its total."""
    assert isinstance(document, dict) and set(document) == KEYS, document
    if document["not_costed"] is not None:
        assert isinstance(document["not_costed"], str) and document["not_costed"]
        assert document["agreement"] is None and document["total"] is None
        assert document["pay"] == [] and document["violations"] == []
        return
    agreement = document["agreement"]
    assert set(agreement) == {"id", "version", "valid_from", "valid_to"}
    assert all(isinstance(agreement[key], str) for key in ("id", "version", "valid_from"))
    assert agreement["valid_to"] is None or isinstance(agreement["valid_to"], str)
    assert HOURS.fullmatch(document["worked_hours"])
    for line in document["pay"]:
        assert set(line) == {"label", "hours", "multiplier", "amount"}
        assert isinstance(line["label"], str) and HOURS.fullmatch(line["hours"])
        assert Decimal(line["multiplier"]) >= 0 and AMOUNT.fullmatch(line["amount"])
    for violation in document["violations"]:
        assert set(violation) == {"kind", "amount", "explanation"}
        assert isinstance(violation["kind"], str) and violation["explanation"]
        assert AMOUNT.fullmatch(violation["amount"])
    assert AMOUNT.fullmatch(document["total"])
    amounts = [item["amount"] for item in (*document["pay"], *document["violations"])]
    assert sum((Decimal(amount) for amount in amounts), Decimal(0)) == Decimal(document["total"])

"""How an explanation writes durations, amounts and meal numbers."""

from __future__ import annotations

from decimal import Decimal

ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth")


def ordinal(index: int) -> str:
    return ORDINALS[index] if index < len(ORDINALS) else f"{index + 1}th"


def duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def money(amount: Decimal) -> str:
    return f"${amount:,.0f}" if amount == amount.to_integral_value() else f"${amount:,.2f}"


def hours(amount: Decimal) -> str:
    """`Decimal("10.0")` as "10", `Decimal("8.8")` as "8.8": hours as a person writes them."""
    text = f"{amount:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text

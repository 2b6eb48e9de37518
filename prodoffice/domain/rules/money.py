"""Money shown in lines that add up: a total rounded once, shared out to the cent."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal

from prodoffice.domain.rules.results import CENT


def allocate(total: Decimal, exact: Sequence[Decimal]) -> list[Decimal]:
    """Each exact amount to the cent, so that they add up to `total` (the rounded sum).

    Every line gets its amount rounded down, and the cents left over go one each to the lines
    that lost the most to rounding down (the earlier line on a tie): the largest-remainder
    method. No line is ever more than a cent from its exact amount.
    """
    floors = [amount.quantize(CENT, ROUND_FLOOR) for amount in exact]
    left = int((total - sum(floors, Decimal(0))) / CENT)
    if left:
        lost = sorted(range(len(exact)), key=lambda i: (floors[i] - exact[i], i))
        for index in lost[:left]:
            floors[index] += CENT
    return floors

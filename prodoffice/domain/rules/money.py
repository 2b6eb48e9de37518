"""Money shown in lines that add up: a total rounded once, shared out to the cent."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from prodoffice.domain.rules.results import CENT


def allocate(total: Decimal, exact: Sequence[Decimal]) -> list[Decimal]:
    """Each exact amount to the cent, so that they add up to `total` (the rounded sum).

    Each line to its nearest cent where those add up to the total (most days); otherwise every
    line gets its amount rounded down, and the cents left over go one each to the lines
    that lost the most to rounding down (the earlier line on a tie): the largest-remainder
    method. No line is ever more than a cent from its exact amount.
    """
    nearest = [amount.quantize(CENT, ROUND_HALF_UP) for amount in exact]
    if sum(nearest) == total:
        return nearest  # each line to its nearest cent already adds up: nothing to share out
    floors = [amount.quantize(CENT, ROUND_FLOOR) for amount in exact]
    left = int((total - sum(floors)) / CENT)
    if left:
        lost = [amount - floor for amount, floor in zip(exact, floors, strict=True)]
        # Largest first; sorting is stable, so of equal losses the earlier line comes first.
        for index in sorted(range(len(lost)), key=lost.__getitem__, reverse=True)[:left]:
            floors[index] += CENT
    return floors

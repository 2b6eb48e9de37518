"""The drop rule, once: which gaps between a performer's work days take them off payroll.

A drop (SAG-AFTRA's "drop and pick-up") lets a performer off payroll between two work days
more than `min_gap_days` calendar days apart. It is worth taking only where it leaves out at
least one shoot day they would otherwise be held (paid) for, and at most `max_drops` are
taken: those leaving out the most shoot days, the earlier gap on a tie. The DOOD (which drops
to print) and the optimizer (what a schedule costs) both choose through `choose_drops`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Gap:
    """The stretch between two consecutive work days."""

    after: int  # the work day (its number or index) the gap follows; also the tie-break
    apart_days: int  # calendar days from that work day to the next
    days_saved: int  # shoot days in between a drop would take off payroll


def choose_drops(gaps: Iterable[Gap], *, min_gap_days: int, max_drops: int) -> list[Gap]:
    """The gaps to drop across, in the order of the shoot."""
    allowed = [g for g in gaps if g.apart_days > min_gap_days and g.days_saved > 0]
    allowed.sort(key=lambda g: (-g.days_saved, g.after))
    return sorted(allowed[: max(max_drops, 0)], key=lambda g: g.after)

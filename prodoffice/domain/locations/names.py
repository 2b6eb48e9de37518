"""How a location is matched by name: the script's BLUE MESA DINER is the Blue Mesa Diner."""

from __future__ import annotations

from prodoffice.domain.people.search import fold


def location_key(name: str) -> str:
    """The name without case, accents or extra spaces.

    >>> location_key("  Blue  Mesa Diner ") == location_key("BLUE MESA DINER")
    True
    """
    return fold(" ".join(name.split()))

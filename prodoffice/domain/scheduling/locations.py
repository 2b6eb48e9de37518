"""Which location a set is shot at, until the office says otherwise."""

from __future__ import annotations

import re

# "DINER - KITCHEN", "DINER -- BOOTH", "DINER / PARKING LOT": the part before the separator
# names the place, the rest the corner of it, as scene headings conventionally write sets.
_SEPARATOR = re.compile(r"\s+(?:-{1,2}|\u2013|\u2014|/)\s+")


def default_location(set_name: str) -> str:
    """The location a set is presumed to be at: its heading's place, without the sub-set.

    >>> default_location("DINER - KITCHEN")
    'DINER'
    >>> default_location("OPEN ROAD")
    'OPEN ROAD'
    """
    place = _SEPARATOR.split(set_name.strip(), maxsplit=1)[0]
    return " ".join(place.split()) or set_name.strip()

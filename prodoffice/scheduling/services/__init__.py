"""Every write to schedules, shoot days, strips and the rules the schedule keeps."""

from prodoffice.scheduling.services.days import add_banner, add_day, remove_banner, remove_day
from prodoffice.scheduling.services.rules import (
    add_unavailability,
    remove_unavailability,
    set_location,
    set_strip_rules,
)
from prodoffice.scheduling.services.strips import create_schedule, move_strip
from prodoffice.scheduling.services.versions import make_current, publish

__all__ = [
    "add_banner",
    "add_day",
    "add_unavailability",
    "create_schedule",
    "make_current",
    "move_strip",
    "publish",
    "remove_banner",
    "remove_day",
    "remove_unavailability",
    "set_location",
    "set_strip_rules",
]

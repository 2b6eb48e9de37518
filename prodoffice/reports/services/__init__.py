"""Every write to a DPR goes through these."""

from __future__ import annotations

from prodoffice.reports.services.background import (
    BackgroundDetails,
    remove_background,
    save_background,
)
from prodoffice.reports.services.day import (
    DayDetails,
    EntryTimes,
    add_person,
    edit_report,
    edit_times,
    start_report,
)
from prodoffice.reports.services.fill import Filled, SharedTimes, fill_shared_times
from prodoffice.reports.services.media import MediaDetails, remove_media, save_media
from prodoffice.reports.services.scenes import add_scene, set_scene_result

__all__ = [
    "BackgroundDetails",
    "DayDetails",
    "EntryTimes",
    "Filled",
    "MediaDetails",
    "SharedTimes",
    "add_person",
    "add_scene",
    "edit_report",
    "edit_times",
    "fill_shared_times",
    "remove_background",
    "remove_media",
    "save_background",
    "save_media",
    "set_scene_result",
    "start_report",
]

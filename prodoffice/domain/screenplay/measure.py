"""A screenplay measured: laid out on pages, split into scenes with their eighths."""

from __future__ import annotations

from prodoffice.domain.screenplay.layout import LETTER, PageFormat, lay_out
from prodoffice.domain.screenplay.limits import check_page_count
from prodoffice.domain.screenplay.model import Screenplay, Script
from prodoffice.domain.screenplay.scenes import build_scenes


def measure(screenplay: Screenplay, page_format: PageFormat = LETTER) -> Script:
    layout = lay_out(screenplay, page_format)
    check_page_count(layout.pages)  # before the scenes are built and broken down
    scenes = build_scenes(screenplay, layout)
    return Script(
        screenplay=screenplay,
        scenes=scenes,
        pages=layout.pages,
        eighths=sum(scene.eighths for scene in scenes),
    )

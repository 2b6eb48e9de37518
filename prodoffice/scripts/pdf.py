"""Breakdown sheets and the revision report as PDF: typst templates fed JSON built here.

The builders only reshape what the selectors read; the templates in `documents/` lay it out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TypedDict
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.text import slugify

from prodoffice.core.pdf import render_pdf
from prodoffice.domain.screenplay.breakdown import Category
from prodoffice.domain.screenplay.revisions import DiffLine
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.models import Production
from prodoffice.scripts import selectors
from prodoffice.scripts.choices import TagState
from prodoffice.scripts.models import BreakdownElement, Scene, SceneElement, ScriptRevision
from prodoffice.scripts.selectors import RevisionReport, SceneDiff

DOCUMENTS = Path(__file__).parent / "documents"
BREAKDOWN_SHEETS = DOCUMENTS / "breakdown_sheets.typ"
REVISION_REPORT = DOCUMENTS / "revision_report.typ"


@dataclass(frozen=True)
class PdfFile:
    filename: str
    content: bytes


class DraftHeader(TypedDict):
    production: str
    code: str
    script: str
    draft: str  # the revision colour, "Blue"
    swatch: str  # its paper tint
    date: str  # the day the draft came in, in the production's time zone
    printed: str


Names = dict[str, list[str]]  # element names by category value, as printed


class CategoryBox(TypedDict):
    label: str
    swatch: str
    elements: list[str]


class SheetData(TypedDict):
    number: str
    heading: str
    int_ext: str
    set: str
    time_of_day: str
    page: int
    length: str
    synopsis: str
    omitted: bool
    review_needed: bool
    boxes: list[CategoryBox]


class BreakdownData(TypedDict):
    header: DraftHeader
    sheets: list[SheetData]


class SceneLine(TypedDict):
    number: str
    heading: str
    page: int | None
    length: str


class DiffLineData(TypedDict):
    kind: str  # same, added, removed; gap for unchanged lines left out
    type: str  # the element type, for the screenplay indents
    text: str


class ChangedScene(TypedDict):
    number: str
    heading: str
    was: str  # the heading in the draft before, when it changed
    page: int
    lines: list[DiffLineData]


class RevisionReportData(TypedDict):
    header: DraftHeader
    previous: str  # the colour of the draft compared against, "" for a first draft
    counts: dict[str, int]
    pages: list[int]
    cast: list[str]
    elements: list[list[str]]  # [category label, names joined]
    added: list[SceneLine]
    omitted: list[SceneLine]
    moved: list[SceneLine]
    changed: list[ChangedScene]


def breakdown_sheets(access: ProductionAccess, revision: ScriptRevision) -> PdfFile:
    """A breakdown sheet for every scene still in the draft (OMITTED ones are not)."""
    return render_breakdown(revision, breakdown_data(access, revision))


def breakdown_data(access: ProductionAccess, revision: ScriptRevision) -> BreakdownData:
    """What the breakdown sheets print, read in a few queries; rendering is the slow part."""
    scenes = [scene for scene in selectors.scenes_of(revision) if not scene.omitted]
    accepted = _accepted_by_scene(selectors.element_lists(access, revision))
    sheets = []
    for scene in scenes:
        cast = _cast(scene.cast_tags)  # type: ignore[attr-defined]  # prefetched by scenes_of
        sheets.append(_sheet(scene, accepted[scene.pk] | {Category.CAST.value: cast}))
    return BreakdownData(header=_header(revision), sheets=sheets)


def render_breakdown(revision: ScriptRevision, data: BreakdownData) -> PdfFile:
    return PdfFile(breakdown_filename(revision), render_pdf(BREAKDOWN_SHEETS, data))


def breakdown_filename(revision: ScriptRevision) -> str:
    return _filename(revision, "breakdown")


def scene_breakdown_sheet(scene: Scene) -> PdfFile:
    tags = selectors.scene_sheet(scene).tags_by_category
    accepted = {
        category: [tag for tag in listed if tag.state == TagState.ACCEPTED]
        for category, listed in tags.items()
    }
    names = {
        category: _cast(listed) if category == Category.CAST.value else _plain(listed)
        for category, listed in accepted.items()
        if listed
    }
    data = BreakdownData(header=_header(scene.revision), sheets=[_sheet(scene, names)])
    number = re.sub(r"[^0-9A-Za-z-]", "", scene.number) or str(scene.order + 1)
    filename = _filename(scene.revision, f"scene-{number}-breakdown")
    return PdfFile(filename, render_pdf(BREAKDOWN_SHEETS, data))


def revision_report(revision: ScriptRevision) -> PdfFile:
    return render_revision_report(revision, revision_report_data(revision))


def render_revision_report(revision: ScriptRevision, data: RevisionReportData) -> PdfFile:
    return PdfFile(revision_report_filename(revision), render_pdf(REVISION_REPORT, data))


def revision_report_filename(revision: ScriptRevision) -> str:
    return _filename(revision, "revisions")


def revision_report_data(revision: ScriptRevision) -> RevisionReportData:
    report = selectors.revision_report(revision)
    return RevisionReportData(
        header=_header(revision),
        previous=report.previous.color if report.previous else "",
        counts=_counts(report),
        pages=report.pages,
        cast=report.cast,
        elements=[
            [Category(category).label, ", ".join(names)]
            for category, names in report.elements.items()
        ],
        added=[_scene_line(scene) for scene in report.added],
        omitted=[_scene_line(scene, placed=False) for scene in report.omitted],
        moved=[_scene_line(diff.scene) for diff in report.moved],
        changed=[_changed(diff) for diff in report.changed],
    )


def _header(revision: ScriptRevision) -> DraftHeader:
    production: Production = revision.script.production
    zone = ZoneInfo(production.time_zone)
    return DraftHeader(
        production=production.title,
        code=production.code,
        script=revision.script.title,
        draft=revision.color,
        swatch=revision.color_hex,
        date=_day(timezone.localtime(revision.imported_at, zone)),
        printed=_day(timezone.localdate(timezone=zone)),
    )


def _day(day: date | datetime) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _filename(revision: ScriptRevision, what: str) -> str:
    script = slugify(revision.script.title) or "script"
    return f"{revision.script.production.code}-{script}-{what}-{slugify(revision.color)}.pdf"


def _accepted_by_scene(elements: list[BreakdownElement]) -> defaultdict[int, Names]:
    # Suggestions nobody has accepted are not on the printed sheet: departments budget and
    # prep from it. Cast is left to `_cast`, which has the cast numbers at hand.
    by_scene: defaultdict[int, Names] = defaultdict(dict)
    for element in elements:
        if element.category == Category.CAST.value:
            continue
        for tag in element.draft_tags:  # type: ignore[attr-defined]  # prefetched by element_lists
            by_scene[tag.scene_id].setdefault(element.category, []).append(element.name)
    return by_scene


def _plain(tags: list[SceneElement]) -> list[str]:
    return [tag.element.name for tag in tags]


def _cast(tags: list[SceneElement]) -> list[str]:
    # In cast-number order, as on the call sheet; anyone not yet cast after, by name.
    numbered = sorted(tags, key=lambda tag: (_cast_number(tag) or 10**6, tag.element.name))
    return [_cast_name(tag) for tag in numbered]


def _cast_number(tag: SceneElement) -> int | None:
    return tag.element.cast.cast_number if tag.element.cast else None


def _cast_name(tag: SceneElement) -> str:
    number = _cast_number(tag)
    return f"{number}. {tag.element.name}" if number else tag.element.name


def _sheet(scene: Scene, names: Names) -> SheetData:
    return SheetData(
        number=scene.number,
        heading=scene.heading,
        int_ext=scene.int_ext,
        set=scene.set_name,
        time_of_day=scene.time_of_day,
        page=scene.page,
        length=scene.length,
        synopsis=scene.synopsis,
        omitted=scene.omitted,
        review_needed=scene.review_needed,
        boxes=[
            CategoryBox(
                label=category.label,
                swatch=category.style.swatch,
                elements=names.get(category.value, []),
            )
            for category in Category
        ],
    )


def _counts(report: RevisionReport) -> dict[str, int]:
    return {
        "changed": len(report.changed),
        "added": len(report.added),
        "omitted": len(report.omitted),
        "moved": len(report.moved),
        "to_review": len(report.to_review),
    }


def _scene_line(scene: Scene, *, placed: bool = True) -> SceneLine:
    # An omitted scene has no page in this draft: its number is all that stays.
    return SceneLine(
        number=scene.number,
        heading=scene.heading,
        page=scene.page if placed else None,
        length=scene.length if placed else "",
    )


def _changed(diff: SceneDiff) -> ChangedScene:
    scene = diff.scene
    was = scene.previous.heading if scene.previous else scene.heading
    return ChangedScene(
        number=scene.number,
        heading=scene.heading,
        was=was if was != scene.heading else "",
        page=scene.page,
        lines=[_diff_line(line) for line in diff.lines],
    )


def _diff_line(line: DiffLine | None) -> DiffLineData:
    if line is None:  # unchanged lines the report leaves out
        return DiffLineData(kind="gap", type="", text="")
    return DiffLineData(kind=line.kind.value, type=line.type.value, text=line.text)

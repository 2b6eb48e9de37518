"""Reads of scripts, drafts, scenes and the breakdown, scoped by the reader's access."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.http import Http404

from prodoffice.domain.access import Capability
from prodoffice.domain.screenplay.breakdown import Category
from prodoffice.domain.screenplay.revisions import DiffKind, DiffLine, diff_scene
from prodoffice.productions.access import ProductionAccess
from prodoffice.scripts.choices import SceneChange, TagState
from prodoffice.scripts.drafts import draft_scene
from prodoffice.scripts.models import (
    BreakdownElement,
    DraftPdf,
    Scene,
    SceneElement,
    Script,
    ScriptRevision,
)


def scripts(access: ProductionAccess) -> QuerySet[Script]:
    access.require(Capability.VIEW_SCRIPT)
    return Script.objects.filter(production=access.production).annotate(drafts=Count("revisions"))


def access_script(access: ProductionAccess, pk: int) -> Script:
    access.require(Capability.VIEW_SCRIPT)
    script = Script.objects.filter(pk=pk, production=access.production).first()
    if script is None:
        raise Http404("No such script.")
    return script


def access_draft_pdf(access: ProductionAccess, pk: int, *, with_content: bool = False) -> DraftPdf:
    access.require(Capability.VIEW_SCRIPT)
    files = DraftPdf.objects.filter(pk=pk, revision__script__production=access.production)
    found = (files if with_content else files.defer("content", "data")).first()
    if found is None:
        raise Http404("No such file.")
    return found


def current_revision(script: Script) -> ScriptRevision | None:
    return script.revisions.order_by("-sequence").first()


def access_revision(access: ProductionAccess, script: Script, sequence: int) -> ScriptRevision:
    revision = ScriptRevision.objects.filter(script=script, sequence=sequence).first()
    if revision is None:
        raise Http404("No such draft.")
    return revision


def cast_tags_prefetch(path: str = "tags") -> Prefetch:
    """A scene's accepted cast as `cast_tags`, cast numbers included, for lists of scenes."""
    cast_tags = SceneElement.objects.filter(
        state=TagState.ACCEPTED, element__category=Category.CAST.value
    ).select_related("element__cast")
    return Prefetch(path, queryset=cast_tags, to_attr="cast_tags")


def scenes_of(revision: ScriptRevision) -> list[Scene]:
    """The draft's scenes with their accepted cast, in one query each."""
    return list(revision.scenes.prefetch_related(cast_tags_prefetch()))


@dataclass(frozen=True)
class Segment:
    text: str
    tag: SceneElement | None = None


@dataclass(frozen=True)
class Paragraph:
    type: str
    segments: list[Segment]


@dataclass(frozen=True)
class SceneSheet:
    scene: Scene
    tags_by_category: dict[str, list[SceneElement]]
    suggested: int
    paragraphs: list[Paragraph]


def access_scene(access: ProductionAccess, pk: int) -> Scene:
    access.require(Capability.VIEW_SCRIPT)
    scene = (
        Scene.objects.select_related("revision__script")
        .filter(pk=pk, revision__script__production=access.production)
        .first()
    )
    if scene is None:
        raise Http404("No such scene.")
    return scene


def scene_sheet(scene: Scene) -> SceneSheet:
    tags = scene.tags.select_related("element__cast").order_by(Lower("element__name"))
    by_category: dict[str, list[SceneElement]] = defaultdict(list)
    suggested = 0
    for tag in tags:
        if tag.state != TagState.REJECTED:
            by_category[tag.element.category].append(tag)
        suggested += tag.state == TagState.SUGGESTED
    ordered = {c.value: by_category[c.value] for c in Category if by_category.get(c.value)}
    marked = [tag for tags in ordered.values() for tag in tags]
    return SceneSheet(
        scene=scene,
        tags_by_category=ordered,
        suggested=suggested,
        paragraphs=_highlighted(scene.body, marked),
    )


def _highlighted(body: list[dict[str, str]], tags: list[SceneElement]) -> list[Paragraph]:
    """The scene's text cut into runs, each suggestion's source text its own marked run."""
    spans: dict[int, list[SceneElement]] = defaultdict(list)
    for tag in tags:
        if tag.paragraph is not None and tag.start is not None and tag.end is not None:
            spans[tag.paragraph].append(tag)
    paragraphs = []
    for index, part in enumerate(body):
        text = part.get("text", "")
        segments: list[Segment] = []
        at = 0
        for tag in sorted(spans.get(index, []), key=lambda t: (t.start, -(t.end or 0))):
            start, end = tag.start or 0, tag.end or 0
            if start < at or end > len(text) or start >= end:
                continue  # overlapping or stale position: the tag is still listed beside
            segments.append(Segment(text[at:start]))
            segments.append(Segment(text[start:end], tag))
            at = end
        segments.append(Segment(text[at:]))
        paragraphs.append(Paragraph(part.get("type", "action"), [s for s in segments if s.text]))
    return paragraphs


def access_tag(access: ProductionAccess, pk: int) -> SceneElement:
    tag = (
        SceneElement.objects.select_related("scene__revision__script", "element")
        .filter(pk=pk, scene__revision__script__production=access.production)
        .first()
    )
    if tag is None:
        raise Http404("No such breakdown tag.")
    return tag


def element_lists(access: ProductionAccess, revision: ScriptRevision) -> list[BreakdownElement]:
    """Every accepted element of the draft with the scenes it is in, by category."""
    access.require(Capability.VIEW_SCRIPT)
    in_draft = Q(tags__scene__revision=revision, tags__state=TagState.ACCEPTED)
    scenes = SceneElement.objects.filter(scene__revision=revision, state=TagState.ACCEPTED)
    return list(
        BreakdownElement.objects.filter(in_draft)
        .distinct()
        .prefetch_related(
            Prefetch("tags", queryset=scenes.select_related("scene"), to_attr="draft_tags")
        )
        .order_by("category", "name")
    )


@dataclass(frozen=True)
class SceneDiff:
    scene: Scene
    lines: list[DiffLine | None]  # None stands for unchanged lines left out


def _around_changes(lines: list[DiffLine], context: int = 2) -> list[DiffLine | None]:
    """The changed lines with `context` unchanged lines either side, as a reader wants them."""
    near = set()
    for at, line in enumerate(lines):
        if line.kind != DiffKind.SAME:
            near.update(range(at - context, at + context + 1))
    shown: list[DiffLine | None] = []
    for at, line in enumerate(lines):
        if at in near:
            shown.append(line)
        elif shown and shown[-1] is not None:
            shown.append(None)
    return shown


@dataclass(frozen=True)
class RevisionReport:
    """What a draft changed against the one before: the coordinator's revision report."""

    revision: ScriptRevision
    previous: ScriptRevision | None
    added: list[Scene]
    changed: list[SceneDiff]
    moved: list[SceneDiff]
    omitted: list[Scene]  # scenes of the draft before that are gone
    pages: list[int]  # pages of this draft that carry a change
    cast: list[str]  # cast in the added, changed and omitted scenes
    elements: dict[str, list[str]]  # other accepted breakdown elements there, by category
    to_review: list[Scene]


def revision_report(revision: ScriptRevision) -> RevisionReport:
    previous = (
        ScriptRevision.objects.filter(script=revision.script, sequence__lt=revision.sequence)
        .order_by("-sequence")
        .first()
    )
    rows = list(
        revision.scenes.select_related("previous").prefetch_related(
            Prefetch("tags", queryset=SceneElement.objects.select_related("element__cast"))
        )
    )
    kept = {row.previous_id for row in rows if row.previous_id}
    before = previous.scenes.prefetch_related("tags__element__cast") if previous else []
    gone = [row for row in before if row.pk not in kept and not row.omitted]
    # Only what this draft cut: a placeholder carried on from an earlier cut is old news.
    newly_cut = [
        row
        for row in rows
        if row.change == SceneChange.OMITTED and not (row.previous and row.previous.omitted)
    ]
    omitted = newly_cut + gone
    added = [row for row in rows if row.change == SceneChange.ADDED]
    changed, moved = [], []
    for row in rows:
        if row.change in (SceneChange.CHANGED, SceneChange.MOVED) and row.previous:
            before = draft_scene(row.previous, 0)
            lines = _around_changes(diff_scene(before, draft_scene(row, 0)))
            (changed if row.change == SceneChange.CHANGED else moved).append(SceneDiff(row, lines))
    touched = [*added, *(d.scene for d in changed), *(d.scene for d in moved), *omitted]
    cast = sorted(
        {
            _cast_label(tag)
            for scene in touched
            for tag in scene.tags.all()
            if tag.element.category == Category.CAST.value and tag.state == TagState.ACCEPTED
        }
        | {name for scene in gone for name in scene.characters}
    )
    elements: dict[str, set[str]] = defaultdict(set)
    for scene in touched:
        for tag in scene.tags.all():
            if tag.state == TagState.ACCEPTED and tag.element.category != Category.CAST.value:
                elements[tag.element.category].add(tag.element.name)
    return RevisionReport(
        revision=revision,
        previous=previous,
        added=added,
        changed=changed,
        moved=moved,
        omitted=omitted,
        pages=sorted({s.page for s in touched if s.revision_id == revision.pk and not s.omitted}),
        cast=cast,
        elements={
            c.value: sorted(elements[c.value], key=str.casefold) for c in Category if c in elements
        },
        to_review=[row for row in rows if row.review_needed],
    )


def _cast_label(tag: SceneElement) -> str:
    cast = tag.element.cast
    return f"{cast.cast_number}. {tag.element.name}" if cast else tag.element.name

"""Every write to scripts, drafts, scenes and the breakdown."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from prodoffice.core import history
from prodoffice.core.db import unique_or_refuse
from prodoffice.core.errors import BadFile, RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.domain.people.search import fold
from prodoffice.domain.screenplay.analysis import Analysis, analyse
from prodoffice.domain.screenplay.breakdown import Category
from prodoffice.domain.screenplay.limits import MAX_BYTES, check_file_size
from prodoffice.domain.screenplay.model import Scene as DraftScene
from prodoffice.domain.screenplay.model import ScreenplayError
from prodoffice.domain.screenplay.numbering import number_scenes
from prodoffice.domain.screenplay.revisions import (
    REVISION_COLORS,
    MatchStatus,
    SceneMatch,
    carry_over,
    lock_numbers,
    match_scenes,
    needs_review,
    revision_color,
)
from prodoffice.people.models import Engagement
from prodoffice.productions.access import ProductionAccess
from prodoffice.scripts.choices import SceneChange, TagState
from prodoffice.scripts.drafts import draft_scene
from prodoffice.scripts.models import BreakdownElement, Scene, SceneElement, Script, ScriptRevision


def read_upload(upload: UploadedFile) -> bytes:
    """The uploaded screenplay's bytes, refused by its size before it is held in memory."""
    try:
        check_file_size(upload.name or "", upload.size or 0)
    except ScreenplayError as exc:
        raise BadFile(str(exc), field="file") from exc
    return upload.read(MAX_BYTES + 1)  # a byte past any limit is enough for read_draft to refuse


def read_draft(filename: str, data: bytes) -> Analysis:
    """Parse and measure a file before anything is written; a bad file is a field error."""
    try:
        analysis = analyse(data, filename)
    except ScreenplayError as exc:
        raise BadFile(str(exc), field="file") from exc
    if not analysis.script.scenes:
        # A script without scenes cannot be broken down or scheduled; storing it would leave an
        # empty draft that later drafts are matched against as if every scene were new.
        heading = (
            "no paragraph of type Scene Heading"
            if analysis.script.screenplay.format == "fdx"
            else "no scene heading (a line starting INT. or EXT.)"
        )
        raise BadFile(
            f"{filename} has no scenes: Prodoffice found {heading} in it. Nothing was stored; "
            "check that this is the screenplay itself.",
            field="file",
        )
    return analysis


def import_script(
    *, access: ProductionAccess, filename: str, data: bytes, title: str = ""
) -> ScriptRevision:
    """A new script from its first (White) draft: scenes numbered, breakdown suggested."""
    access.require(Capability.EDIT_SCRIPT)
    # Read, measured and broken down before the transaction opens: on SQLite every other
    # write waits while one is open.
    analysis = read_draft(filename, data)
    return _store_script(access, filename, data, title, analysis)


@transaction.atomic
def _store_script(
    access: ProductionAccess, filename: str, data: bytes, title: str, analysis: Analysis
) -> ScriptRevision:
    name = " ".join((title or analysis.title or PurePath(filename).stem).split())[:200]
    script = Script.objects.create(production=access.production, title=name)
    revision = _add_revision(access, script, 0, filename, data, analysis)
    scenes = analysis.script.scenes
    numbers = number_scenes([scene.number for scene in scenes], keep_written=True)
    rows = _store_scenes(
        revision, scenes, numbers, [SceneChange.FIRST_DRAFT] * len(scenes), [False] * len(scenes)
    )
    _tag_suggestions(access, dict(zip(range(len(rows)), rows, strict=True)), scenes, analysis)
    history.record_change(access, script, ChangeRecord.Action.CREATED)
    return revision


def _add_revision(
    access: ProductionAccess,
    script: Script,
    sequence: int,
    filename: str,
    data: bytes,
    analysis: Analysis,
) -> ScriptRevision:
    screenplay = analysis.script.screenplay
    return ScriptRevision.objects.create(
        script=script,
        sequence=sequence,
        color=revision_color(sequence, script.production.revision_colors or REVISION_COLORS),
        filename=PurePath(filename).name[:255],
        format=screenplay.format,
        encoding=screenplay.encoding,
        source=screenplay.source,
        original=data,
        pages=analysis.script.pages,
        eighths=analysis.script.eighths,
        warnings=[{"line": w.line, "message": w.message} for w in screenplay.warnings][:500],
        imported_by=access.user,
    )


def _store_scenes(
    revision: ScriptRevision,
    scenes: Sequence[DraftScene | None],
    numbers: Sequence[str],
    changes: Sequence[str],
    review: Sequence[bool],
    omitted_headings: Sequence[str] | None = None,
) -> list[Scene]:
    rows = []
    for order, (scene, number, change, flag) in enumerate(
        zip(scenes, numbers, changes, review, strict=True)
    ):
        if scene is None:  # an omitted scene keeps its number and place
            heading = omitted_headings[order] if omitted_headings else ""
            rows.append(
                Scene(
                    revision=revision,
                    order=order,
                    number=number,
                    heading=heading,
                    change=SceneChange.OMITTED,
                    eighths=0,
                )
            )
            continue
        rows.append(
            Scene(
                revision=revision,
                order=order,
                number=number,
                heading=scene.heading[:300],
                int_ext=scene.parts.int_ext[:8],
                set_name=scene.parts.set[:200],
                time_of_day=scene.parts.time_of_day[:40],
                page=scene.page,
                eighths=scene.eighths,
                synopsis=scene.synopsis,
                characters=list(scene.characters),
                body=[{"type": e.type.value, "text": e.text} for e in scene.elements],
                change=change,
                review_needed=flag,
            )
        )
    return Scene.objects.bulk_create(rows)


def _tag_suggestions(
    access: ProductionAccess,
    rows_by_index: dict[int, Scene],
    scenes: Sequence[DraftScene],
    analysis: Analysis,
    *,
    keep_existing: bool = False,
) -> None:
    """Store the script's suggestions; a scene's speaking characters are its cast, accepted.

    With `keep_existing`, an element already on the scene (carried over from the draft
    before, accepted or rejected) is not suggested again."""
    existing: set[tuple[int, int]] = set()
    if keep_existing:
        existing = set(
            SceneElement.objects.filter(scene__in=rows_by_index.values()).values_list(
                "scene_id", "element_id"
            )
        )
    wanted: dict[tuple[str, str], str] = {}
    for index in rows_by_index:
        for suggestion in analysis.suggestions.get(index, []):
            wanted.setdefault((suggestion.category.value, fold(suggestion.name)), suggestion.name)
    elements = _elements(access, wanted)
    tags = []
    for index, row in rows_by_index.items():
        speaking = {fold(name) for name in scenes[index].characters}
        seen: set[int] = set()
        for suggestion in analysis.suggestions.get(index, []):
            element = elements[(suggestion.category.value, fold(suggestion.name))]
            if element.pk in seen or (row.pk, element.pk) in existing:
                continue
            seen.add(element.pk)
            spoke = suggestion.category is Category.CAST and fold(suggestion.name) in speaking
            tags.append(
                SceneElement(
                    scene=row,
                    element=element,
                    state=TagState.ACCEPTED if spoke else TagState.SUGGESTED,
                    paragraph=suggestion.element_index,
                    start=suggestion.start,
                    end=suggestion.end,
                    reason=suggestion.reason[:120],
                )
            )
    SceneElement.objects.bulk_create(tags)


def _elements(
    access: ProductionAccess, wanted: dict[tuple[str, str], str]
) -> dict[tuple[str, str], BreakdownElement]:
    """The production's breakdown elements for these (category, key) pairs, made where new."""
    production = access.production
    found = {
        (e.category, e.key): e
        for e in BreakdownElement.objects.filter(
            production=production, key__in={key for _, key in wanted}
        )
    }
    cast_by_character = {
        fold(e.character): e
        for e in Engagement.objects.filter(production=production, cast_number__isnull=False)
        if e.character
    }
    new = [
        BreakdownElement(
            production=production,
            category=category,
            key=key[:200],
            name=name[:200],
            cast=cast_by_character.get(key) if category == Category.CAST.value else None,
        )
        for (category, key), name in wanted.items()
        if (category, key) not in found
    ]
    for element in BreakdownElement.objects.bulk_create(new):
        found[(element.category, element.key)] = element
    return found


@transaction.atomic
def lock_scene_numbers(*, access: ProductionAccess, script: Script) -> Script:
    """From now on scene numbers never change: inserts get A/B numbers, cuts stay OMITTED."""
    access.require(Capability.EDIT_SCRIPT)
    if script.locked_at is None:
        before = history.snapshot(script)
        script.locked_at = timezone.now()
        script.save(update_fields=["locked_at"])
        history.record_change(access, script, ChangeRecord.Action.CHANGED, before=before)
    return script


@transaction.atomic
def set_tag_state(*, access: ProductionAccess, tag: SceneElement, state: str) -> SceneElement:
    """Accept or reject a suggestion (or take an accepted element off the scene)."""
    access.require(Capability.EDIT_SCRIPT)
    if state not in TagState.values:
        raise RuleBroken("Choose accept or reject.", field="state")
    if tag.scene.revision.script.production_id != access.production.pk:
        raise RuleBroken("That tag is not on this production.")
    if tag.state != state:
        before = history.snapshot(tag)
        tag.state = state
        tag.save(update_fields=["state"])
        history.record_change(access, tag, ChangeRecord.Action.CHANGED, before=before)
    return tag


@transaction.atomic
def tag_element(
    *, access: ProductionAccess, scene: Scene, category: str, name: str
) -> SceneElement:
    """Tag an element in a scene by hand: it is accepted, and joins the production's list."""
    access.require(Capability.EDIT_SCRIPT)
    if category not in {c.value for c in Category}:
        raise RuleBroken("Choose one of the breakdown categories.", field="category")
    name = " ".join(name.split())
    if not name:
        raise RuleBroken("Name the element, e.g. Revolver or Police cruiser.", field="name")
    if len(name) > 200:
        raise RuleBroken("At most 200 characters.", field="name")
    element = _elements(access, {(category, fold(name)): name})[(category, fold(name))]
    tag, created = SceneElement.objects.get_or_create(
        scene=scene, element=element, defaults={"state": TagState.ACCEPTED, "reason": "by hand"}
    )
    if not created and tag.state != TagState.ACCEPTED:
        tag.state = TagState.ACCEPTED
        tag.save(update_fields=["state"])
    history.record_change(access, tag, ChangeRecord.Action.CREATED)
    return tag


_CHANGE = {
    MatchStatus.UNCHANGED: SceneChange.UNCHANGED,
    MatchStatus.CHANGED: SceneChange.CHANGED,
    MatchStatus.MOVED: SceneChange.MOVED,
    MatchStatus.ADDED: SceneChange.ADDED,
    MatchStatus.OMITTED: SceneChange.OMITTED,
}


def import_draft(
    *, access: ProductionAccess, script: Script, filename: str, data: bytes
) -> ScriptRevision:
    """The next draft (Blue, Pink ...): scenes matched to the current draft, numbers kept when
    locked, breakdown carried over, changed scenes flagged for review."""
    access.require(Capability.EDIT_SCRIPT)
    if script.production_id != access.production.pk:
        raise RuleBroken("That script is not on this production.")
    analysis = read_draft(filename, data)  # before the transaction, as for a new script
    return _store_draft(access, script, filename, data, analysis)


@transaction.atomic
def _store_draft(
    access: ProductionAccess, script: Script, filename: str, data: bytes, analysis: Analysis
) -> ScriptRevision:
    current = script.revisions.order_by("-sequence").first()
    if current is None:
        raise RuleBroken("This script has no draft yet; import it as a new script.")
    old_rows = list(current.scenes.order_by("order").prefetch_related("tags"))
    old = [draft_scene(row, index) for index, row in enumerate(old_rows)]
    new = analysis.script.scenes
    matches = match_scenes(old, new, locked=script.is_locked)
    with unique_or_refuse("file", "Someone imported a draft a moment ago; reload and try again."):
        revision = _add_revision(access, script, current.sequence + 1, filename, data, analysis)
    if script.is_locked:
        pairs = {(m.old, m.new): m for m in matches}
        placed = [
            (n.new, n.old, n.number, pairs.get((n.old, n.new)) or _gone(n.old))
            for n in lock_numbers(matches, old, new)
        ]
    else:
        numbers = number_scenes([scene.number for scene in new], keep_written=True)
        by_new = {m.new: m for m in matches if m.new is not None}
        placed = [(i, by_new[i].old, numbers[i], by_new[i]) for i in range(len(new))]
    rows = _store_scenes(
        revision,
        [new[n] if n is not None else None for n, _, _, _ in placed],
        [number for _, _, number, _ in placed],
        [_CHANGE[match.status] for _, _, _, match in placed],
        [needs_review(match) for _, _, _, match in placed],
        [old_rows[o].heading if o is not None else "" for _, o, _, _ in placed],
    )
    fresh: dict[int, Scene] = {}
    carried = []
    for row, (n, o, _, match) in zip(rows, placed, strict=True):
        if o is not None:
            row.previous = old_rows[o]
        if n is None:
            continue
        if o is not None and carry_over(match):
            same = match.status is MatchStatus.UNCHANGED
            carried.extend(_carried_tags(old_rows[o], row, unchanged=same))
        if match.status is not MatchStatus.UNCHANGED:
            fresh[n] = row
    Scene.objects.bulk_update([r for r in rows if r.previous_id], ["previous"])
    SceneElement.objects.bulk_create(carried)
    _tag_suggestions(access, fresh, new, analysis, keep_existing=True)
    history.record_change(access, revision, ChangeRecord.Action.CREATED)
    return revision


def _gone(old: int | None) -> SceneMatch:
    return SceneMatch(old=old, new=None, status=MatchStatus.OMITTED, similarity=0.0)


def _carried_tags(old: Scene, new: Scene, *, unchanged: bool) -> list[SceneElement]:
    """The old scene's breakdown on the new one; text positions only where the text is the same."""
    return [
        SceneElement(
            scene=new,
            element_id=tag.element_id,
            state=tag.state,
            paragraph=tag.paragraph if unchanged else None,
            start=tag.start if unchanged else None,
            end=tag.end if unchanged else None,
            reason=tag.reason,
        )
        for tag in old.tags.all()
    ]

"""API for scripts, drafts and the breakdown: /api/v1/productions/{code}/scripts/...

Screenplay files arrive as multipart uploads (a `file` field), as the import form sends them.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Field, File, Form, Router, Schema, Status, UploadedFile

from prodoffice.api.schemas import READ_ERRORS, WRITE_ERRORS, Text
from prodoffice.domain.access import Capability
from prodoffice.domain.screenplay.breakdown import Category
from prodoffice.domain.screenplay.revisions import DiffLine
from prodoffice.productions.access import ProductionAccess, access_production
from prodoffice.scripts import selectors, services
from prodoffice.scripts.choices import SceneChange, TagState
from prodoffice.scripts.models import Scene, SceneElement, Script, ScriptRevision

router = Router(tags=["scripts"])

CATEGORIES = "One of: " + ", ".join(c.value for c in Category) + "."
STATES = "One of: " + ", ".join(TagState.values) + "."
CHANGES = "One of: " + ", ".join(SceneChange.values) + "."
# The upload's fields, spelled out: Form[Text] would lose its default (ninja nests Annotated).
SCREENPLAY = File(
    ...,
    description="Fountain (.fountain, .txt, .spmd) under 1 MB or Final Draft (.fdx) under 5 MB; "
    "up to 1,000 scenes and 600 pages.",
)
TITLE = Form("", max_length=200, description="Left out, the title page's title or the file name.")
# A listing never needs the draft's text or file, which can run to megabytes each.
_HEAVY = ("source", "original", "warnings")


class DraftOut(Schema):
    """One draft of a script as imported: White, then Blue, Pink ..."""

    sequence: int = Field(description="0 for the first (White) draft; the report's path uses it.")
    color: str
    filename: str
    format: str = Field(description="fountain or fdx.")
    encoding: str = Field(description="How the file's text was decoded.")
    pages: int
    eighths: int = Field(description="The draft's length in eighths of a page.")
    imported_at: datetime

    @classmethod
    def of(cls, revision: ScriptRevision) -> DraftOut:
        return cls(
            sequence=revision.sequence,
            color=revision.color,
            filename=revision.filename,
            format=revision.format,
            encoding=revision.encoding,
            pages=revision.pages,
            eighths=revision.eighths,
            imported_at=revision.imported_at,
        )


class ParseWarningOut(Schema):
    """Text the parser could not place; it was kept as action, never dropped."""

    line: int
    message: str


class ImportedDraftOut(DraftOut):
    """A draft just imported: how many scenes it has and what the parser warned about."""

    scenes: int
    warnings: list[ParseWarningOut]

    @classmethod
    def imported(cls, revision: ScriptRevision) -> ImportedDraftOut:
        return cls(
            **DraftOut.of(revision).model_dump(),
            scenes=revision.scenes.count(),
            warnings=[ParseWarningOut(**w) for w in revision.warnings],
        )


class RevisedDraftOut(ImportedDraftOut):
    """The next draft just imported, with what changed against the draft before."""

    added: int
    changed: int
    moved: int
    omitted: int
    review_needed: int = Field(description="Scenes whose breakdown should be checked again.")

    @classmethod
    def revised(cls, revision: ScriptRevision, report: selectors.RevisionReport) -> RevisedDraftOut:
        return cls(
            **ImportedDraftOut.imported(revision).model_dump(),
            added=len(report.added),
            changed=len(report.changed),
            moved=len(report.moved),
            omitted=len(report.omitted),
            review_needed=len(report.to_review),
        )


class ScriptOut(Schema):
    """A screenplay the production shoots from, with its drafts, oldest first."""

    id: int
    title: str
    locked_at: datetime | None = Field(
        description="When scene numbers were locked; null while they may still change."
    )
    drafts: list[DraftOut]

    @classmethod
    def of(cls, script: Script, drafts: list[ScriptRevision]) -> ScriptOut:
        return cls(
            id=script.pk,
            title=script.title,
            locked_at=script.locked_at,
            drafts=[DraftOut.of(d) for d in drafts],
        )


class ImportedScriptOut(Schema):
    """A script just imported, and its first draft."""

    id: int
    title: str
    locked_at: datetime | None
    draft: ImportedDraftOut


class SceneOut(Schema):
    """A scene of the current draft, as the stripboard and the breakdown read it."""

    id: int
    number: str
    heading: str
    int_ext: str = Field(description="INT, EXT or INT/EXT; empty when the heading has none.")
    set: str
    time_of_day: str
    page: int
    eighths: int
    length: str = Field(examples=["1 3/8"], description="The eighths as a coordinator writes them.")
    synopsis: str
    characters: list[str] = Field(description="Who speaks, extensions such as (V.O.) removed.")
    cast_numbers: list[int] = Field(description="Cast numbers of the scene's accepted cast.")
    change: str = Field(description=f"Against the draft before. {CHANGES}")
    review_needed: bool
    omitted: bool

    @classmethod
    def of(cls, scene: Scene) -> SceneOut:
        return cls(
            id=scene.pk,
            number=scene.number,
            heading=scene.heading,
            int_ext=scene.int_ext,
            set=scene.set_name,
            time_of_day=scene.time_of_day,
            page=scene.page,
            eighths=scene.eighths,
            length=scene.length,
            synopsis=scene.synopsis,
            characters=scene.characters,
            cast_numbers=sorted(
                {
                    tag.element.cast.cast_number
                    for tag in scene.cast_tags  # type: ignore[attr-defined]
                    if tag.element.cast and tag.element.cast.cast_number is not None
                }
            ),
            change=scene.change,
            review_needed=scene.review_needed,
            omitted=scene.omitted,
        )


class ScriptDetailOut(ScriptOut):
    """A script with the scenes of its current (latest) draft."""

    scenes: list[SceneOut]


class ReportSceneOut(Schema):
    id: int
    number: str
    heading: str
    page: int

    @classmethod
    def of(cls, scene: Scene) -> ReportSceneOut:
        return cls(id=scene.pk, number=scene.number, heading=scene.heading, page=scene.page)


class DiffLineOut(Schema):
    """One printed line of the scene, as it was (removed), is (added), or both (same)."""

    kind: str = Field(
        description="same, added or removed; gap where unchanged lines are left out (the "
        "report shows two unchanged lines either side of a change)."
    )
    type: str = Field(description="The screenplay element: action, dialogue ...; empty for a gap.")
    text: str

    @classmethod
    def of(cls, line: DiffLine | None) -> DiffLineOut:
        if line is None:
            return cls(kind="gap", type="", text="")
        return cls(kind=line.kind.value, type=line.type.value, text=line.text)


class SceneDiffOut(ReportSceneOut):
    lines: list[DiffLineOut]

    @classmethod
    def of_diff(cls, diff: selectors.SceneDiff) -> SceneDiffOut:
        lines = [DiffLineOut.of(line) for line in diff.lines]
        return cls(**ReportSceneOut.of(diff.scene).model_dump(), lines=lines)


class RevisionReportOut(Schema):
    """What a draft changed against the one before: the coordinator's revision report."""

    sequence: int
    color: str
    previous_color: str | None = Field(description="Null for the first draft.")
    added: list[ReportSceneOut]
    changed: list[SceneDiffOut]
    moved: list[SceneDiffOut]
    omitted: list[ReportSceneOut] = Field(
        description="Scenes of the draft before that are gone; once numbers are locked they "
        "keep their number and stay in the draft as OMITTED."
    )
    pages: list[int] = Field(description="Pages of this draft that carry a change.")
    cast: list[str] = Field(description="Cast in the added, changed and omitted scenes.")
    review_needed: list[str] = Field(description="Numbers of the scenes to check again.")

    @classmethod
    def of(cls, report: selectors.RevisionReport) -> RevisionReportOut:
        return cls(
            sequence=report.revision.sequence,
            color=report.revision.color,
            previous_color=report.previous.color if report.previous else None,
            added=[ReportSceneOut.of(s) for s in report.added],
            changed=[SceneDiffOut.of_diff(d) for d in report.changed],
            moved=[SceneDiffOut.of_diff(d) for d in report.moved],
            omitted=[ReportSceneOut.of(s) for s in report.omitted],
            pages=report.pages,
            cast=report.cast,
            review_needed=[s.number for s in report.to_review],
        )


class TagOut(Schema):
    """An element tagged in a scene, and where in the scene's text it was found."""

    id: int
    category: str = Field(description=CATEGORIES)
    element_id: int
    name: str
    state: str = Field(description=STATES)
    cast_number: int | None = Field(description="For cast linked to the cast list.")
    reason: str = Field(description="Why it was suggested, or `by hand`.")
    paragraph: int | None = Field(description="Index of the paragraph of the scene it is in.")
    start: int | None
    end: int | None

    @classmethod
    def of(cls, tag: SceneElement) -> TagOut:
        element = tag.element
        return cls(
            id=tag.pk,
            category=element.category,
            element_id=element.pk,
            name=element.name,
            state=tag.state,
            cast_number=element.cast.cast_number if element.cast else None,
            reason=tag.reason,
            paragraph=tag.paragraph,
            start=tag.start,
            end=tag.end,
        )


class BreakdownOut(Schema):
    """A scene's breakdown sheet. Rejected suggestions are left out, as on the page."""

    scene: ReportSceneOut
    suggested: int = Field(description="Suggestions still to accept or reject.")
    categories: dict[str, list[TagOut]] = Field(
        description="Tags by category, in breakdown-sheet order; empty categories left out."
    )


class TagIn(Schema):
    """An element to tag in the scene by hand; it is accepted at once."""

    category: Text = Field(description=CATEGORIES, examples=["props"])
    name: Text = Field(description="At most 200 characters.", examples=["Thermos"])


class TagStateIn(Schema):
    state: Text = Field(description=STATES, examples=["accepted"])


def _drafts(script: Script) -> list[ScriptRevision]:
    return list(script.revisions.defer(*_HEAVY))


def _scripts_with_drafts(access: ProductionAccess) -> list[Script]:
    light = ScriptRevision.objects.defer(*_HEAVY)
    return list(
        selectors.scripts(access).prefetch_related(
            Prefetch("revisions", queryset=light, to_attr="draft_list")
        )
    )


@router.get("/{code}/scripts", response={200: list[ScriptOut], **READ_ERRORS})
def list_scripts(request: HttpRequest, code: str) -> list[ScriptOut]:
    access = access_production(request.user, code, Capability.VIEW_SCRIPT)
    return [
        ScriptOut.of(script, script.draft_list)  # type: ignore[attr-defined]
        for script in _scripts_with_drafts(access)
    ]


@router.post("/{code}/scripts", response={201: ImportedScriptOut, **WRITE_ERRORS})
def import_script(
    request: HttpRequest,
    code: str,
    file: UploadedFile = SCREENPLAY,
    title: Text = TITLE,
) -> Status[ImportedScriptOut]:
    """A new script from its first (White) draft: scenes numbered, breakdown suggested.

    Send the file as multipart form data in the field `file`, and optionally a `title`.
    """
    access = access_production(request.user, code, Capability.EDIT_SCRIPT)
    revision = services.import_script(
        access=access, filename=file.name or "", data=services.read_upload(file), title=title
    )
    script = revision.script
    body = ImportedScriptOut(
        id=script.pk,
        title=script.title,
        locked_at=script.locked_at,
        draft=ImportedDraftOut.imported(revision),
    )
    return Status(201, body)


@router.get("/{code}/scripts/{id}", response={200: ScriptDetailOut, **READ_ERRORS})
def get_script(request: HttpRequest, code: str, id: int) -> ScriptDetailOut:
    access = access_production(request.user, code, Capability.VIEW_SCRIPT)
    script = selectors.access_script(access, id)
    drafts = _drafts(script)
    scenes = selectors.scenes_of(drafts[-1]) if drafts else []
    return ScriptDetailOut(
        **ScriptOut.of(script, drafts).model_dump(), scenes=[SceneOut.of(s) for s in scenes]
    )


@router.post("/{code}/scripts/{id}/drafts", response={201: RevisedDraftOut, **WRITE_ERRORS})
def import_draft(
    request: HttpRequest, code: str, id: int, file: UploadedFile = SCREENPLAY
) -> Status[RevisedDraftOut]:
    """The next draft (Blue, Pink ...), matched scene by scene to the current one.

    Send the file as multipart form data in the field `file`. The counts say what changed;
    `GET .../drafts/{sequence}/report` gives the scenes and the line-level changes.
    """
    access = access_production(request.user, code, Capability.EDIT_SCRIPT)
    script = selectors.access_script(access, id)
    revision = services.import_draft(
        access=access, script=script, filename=file.name or "", data=services.read_upload(file)
    )
    return Status(201, RevisedDraftOut.revised(revision, selectors.revision_report(revision)))


@router.post("/{code}/scripts/{id}/lock", response={200: ScriptOut, **WRITE_ERRORS})
def lock_scene_numbers(request: HttpRequest, code: str, id: int) -> ScriptOut:
    """Lock scene numbers: from the next draft on, new scenes get A/B numbers (12A) and cut
    scenes stay as OMITTED. Locking a locked script changes nothing."""
    access = access_production(request.user, code, Capability.EDIT_SCRIPT)
    script = services.lock_scene_numbers(access=access, script=selectors.access_script(access, id))
    return ScriptOut.of(script, _drafts(script))


@router.get(
    "/{code}/scripts/{id}/drafts/{sequence}/report",
    response={200: RevisionReportOut, **READ_ERRORS},
)
def revision_report(request: HttpRequest, code: str, id: int, sequence: int) -> RevisionReportOut:
    access = access_production(request.user, code, Capability.VIEW_SCRIPT)
    script = selectors.access_script(access, id)
    revision = selectors.access_revision(access, script, sequence)
    return RevisionReportOut.of(selectors.revision_report(revision))


def _breakdown(scene: Scene) -> BreakdownOut:
    sheet = selectors.scene_sheet(scene)
    return BreakdownOut(
        scene=ReportSceneOut.of(scene),
        suggested=sheet.suggested,
        categories={
            category: [TagOut.of(tag) for tag in tags]
            for category, tags in sheet.tags_by_category.items()
        },
    )


@router.get("/{code}/scenes/{id}/breakdown", response={200: BreakdownOut, **READ_ERRORS})
def get_breakdown(request: HttpRequest, code: str, id: int) -> BreakdownOut:
    access = access_production(request.user, code, Capability.VIEW_SCRIPT)
    return _breakdown(selectors.access_scene(access, id))


@router.post("/{code}/scenes/{id}/breakdown", response={201: TagOut, **WRITE_ERRORS})
def tag_element(request: HttpRequest, code: str, id: int, payload: TagIn) -> Status[TagOut]:
    access = access_production(request.user, code, Capability.EDIT_SCRIPT)
    scene = selectors.access_scene(access, id)
    tag = services.tag_element(
        access=access, scene=scene, category=payload.category, name=payload.name
    )
    return Status(201, TagOut.of(tag))


@router.patch("/{code}/breakdown-tags/{id}", response={200: TagOut, **WRITE_ERRORS})
def set_tag_state(request: HttpRequest, code: str, id: int, payload: TagStateIn) -> TagOut:
    """Accept or reject a suggestion, or set it back to suggested."""
    access = access_production(request.user, code, Capability.EDIT_SCRIPT)
    tag = selectors.access_tag(access, id)
    return TagOut.of(services.set_tag_state(access=access, tag=tag, state=payload.state))

"""Drafts of a script: revision colours, scene numbers that hold, and what changed.

A production script goes through many drafts. Each revision is issued on paper of the next
colour in the production's sequence; changed lines carry an asterisk in the margin. Once the
script is locked, scene numbers never change, because schedules, call sheets and reports
all refer to them: a scene added between 12 and 13 becomes 12A, and a scene taken out stays
in the script as "12 OMITTED". (DESIGN.md, "Revision colours".) How scene numbers sort and
which number an added scene gets is in `numbering`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from prodoffice.domain.screenplay.model import PRINTED, ElementType, Scene
from prodoffice.domain.screenplay.numbering import (
    SceneNumber,
    free_number,
    normalise_number,
    number_scenes,
    scene_number_key,
)

# --- Revision colours ------------------------------------------------------------------------

# The usual US sequence (DESIGN.md); a production may use its own, so every function that
# names a colour takes the sequence as an argument.
REVISION_COLORS: tuple[str, ...] = (
    "White", "Blue", "Pink", "Yellow", "Green", "Goldenrod", "Buff", "Salmon", "Cherry",
)  # fmt: skip

# Paper tints for screens and PDFs: the CSS colour of the name where CSS has one (blue paper
# as CSS lightblue, green as palegreen, yellow a little paler than CSS yellow), Wikipedia's
# "Buff" and "Cherry" for the two CSS lacks.
REVISION_SWATCHES: dict[str, str] = {
    "White": "#FFFFFF",
    "Blue": "#ADD8E6",
    "Pink": "#FFC0CB",
    "Yellow": "#FFFF99",
    "Green": "#98FB98",
    "Goldenrod": "#DAA520",
    "Buff": "#F0DC82",
    "Salmon": "#FA8072",
    "Cherry": "#DE3163",
}

# After the last colour the sequence starts again on "Double White", then "Triple White"...
_ROUNDS = (
    "", "Double ", "Triple ", "Quadruple ", "Quintuple ", "Sextuple ", "Septuple ", "Octuple ",
)  # fmt: skip


def revision_color(n: int, sequence: Sequence[str] = REVISION_COLORS) -> str:
    """The colour of revision `n`, counting the white production draft as 0.

    0 is "White", 1 "Blue", ..., 8 "Cherry", 9 "Double White", 18 "Triple White"; past the
    eighth round the round is written as a number ("9x White").
    """
    if n < 0:
        raise ValueError(f"a revision number counts from 0 (the white draft), not {n}.")
    if not sequence:
        raise ValueError("the production's revision colour sequence is empty.")
    rounds, at = divmod(n, len(sequence))
    prefix = _ROUNDS[rounds] if rounds < len(_ROUNDS) else f"{rounds + 1}x "
    return prefix + sequence[at]


def revision_swatch(color: str) -> str | None:
    """The paper tint for a colour as `revision_color` names it ("Double Blue" is blue), or
    None for a colour of the production's own that has no swatch."""
    base = re.sub(
        r"^(?:\d+x |(?:Double|Triple|Quadruple|Quintuple|Sextuple|Septuple|Octuple) )", "", color
    )
    return REVISION_SWATCHES.get(base)


# --- Matching scenes between drafts ----------------------------------------------------------


class MatchStatus(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    MOVED = "moved"  # found elsewhere in the new draft; its text may have changed too
    ADDED = "added"
    OMITTED = "omitted"


@dataclass(frozen=True)
class SceneMatch:
    """A scene of the old draft and the one it became in the new draft."""

    old: int | None  # index in the old draft; None for an added scene
    new: int | None  # index in the new draft; None when the scene is gone
    status: MatchStatus
    # Share of words the two scenes have in common (Dice coefficient), 1.0 only when their
    # printed text is identical; 0.0 for added and omitted scenes.
    similarity: float


class _Profile:
    """What matching compares in a scene: its printed text, and the words of it."""

    def __init__(self, scene: Scene) -> None:
        self.heading = _plain(scene.heading).upper()
        # The printed text with spacing collapsed: equal fingerprints, unchanged scene.
        self.body = tuple(
            (element.type, _plain(element.text))
            for element in scene.elements[1:]
            if element.type in PRINTED
        )
        self.fingerprint = (self.heading, self.body)
        self.number = normalise_number(scene.number) if scene.number else None
        self.omitted = scene.omitted
        self._words: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        # Only scenes without an exact copy in the other draft need their words: computed
        # when first asked for.
        if self._words is None:
            text = " ".join([self.heading, *(text for _, text in self.body)])
            self._words = frozenset(_WORD.findall(text.casefold()))
        return self._words


_WORD = re.compile(r"\w+")
# Typographic quotes for straight ones: a draft saved by another program is not a revision.
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _plain(text: str) -> str:
    """Text as drafts are compared: spacing collapsed, quotes straight."""
    if not text.isascii():  # a flag on the string: free to ask
        text = text.translate(_QUOTES)
    return " ".join(text.split())


# A content match needs this share of words in common, or less with the same heading.
MATCH_SIMILARITY = 0.5
MATCH_SIMILARITY_SAME_HEADING = 0.3
# A scene matched out of order (moved) needs more: a new scene that happens to resemble an
# old one elsewhere should stay "added".
MOVE_SIMILARITY = 0.75
# The candidates for a new scene: the old scenes sharing most of its few rarest words, those
# with its heading, and those around where it should be.
_RAREST = 4
_CANDIDATES = 8
_NEAR = 3


def _similarity(a: _Profile, b: _Profile) -> float:
    if a.fingerprint == b.fingerprint:
        return 1.0
    total = len(a.words) + len(b.words)
    if not total:
        return 1.0
    return 2 * len(a.words & b.words) / total


def match_scenes(old: Sequence[Scene], new: Sequence[Scene], *, locked: bool) -> list[SceneMatch]:
    """How the scenes of a new draft follow from the old one, in new-script order, with
    each scene gone from the old draft placed where it was.

    A locked script matches by scene number first: a number is the scene's identity for the
    whole production. Everything else (an unlocked script, or scenes without numbers) is
    matched by content, keeping the order of both drafts: the largest set of scene pairs that
    do not cross, weighted by similarity (exact copies first). Pairs only come from a few
    candidates per scene (the same text, the same heading, its rarest words, the place it
    should be), so a 200-scene script is matched in milliseconds. A scene found again out of
    order is "moved"; an OMITTED placeholder in the new draft omits the old scene with its
    number.
    """
    old_profiles = [_Profile(scene) for scene in old]
    new_profiles = [_Profile(scene) for scene in new]
    # Number pairs outweigh every possible set of content pairs, so they are kept first.
    number_weight = 2.0 * min(len(old), len(new)) + 3.0
    pairs: dict[tuple[int, int], float] = {}
    by_number: dict[str, int] = {}
    for i, profile in enumerate(old_profiles):
        if profile.number is not None:
            by_number.setdefault(profile.number, i)
    numbered_old: set[int] = set()
    numbered_new: set[int] = set()
    for j, profile in enumerate(new_profiles):
        # An OMITTED placeholder only means something by its number, locked or not.
        if profile.number is None or not (locked or profile.omitted):
            continue
        i = by_number.get(profile.number, -1)
        if i >= 0 and i not in numbered_old:
            pairs[(i, j)] = number_weight + _similarity(old_profiles[i], profile)
            numbered_old.add(i)
            numbered_new.add(j)

    content = _content_pairs(old_profiles, new_profiles, numbered_old, numbered_new)
    pairs.update({pair: weight + similarity for pair, (weight, similarity) in content.items()})
    chosen = _heaviest_chain(pairs, len(new))

    used_old = {i for i, _ in chosen}
    used_new = {j for _, j in chosen}
    moved: dict[int, int] = {}  # new -> old
    # Number pairs left out of the chain are the same scene, moved.
    leftovers = [
        (pairs[pair], pair) for pair in pairs if pair not in chosen and pair[0] in numbered_old
    ]
    leftovers += [
        (similarity, pair)
        for pair, (_, similarity) in content.items()
        if pair not in chosen and similarity >= MOVE_SIMILARITY
    ]
    for _, (i, j) in sorted(leftovers, key=lambda item: (-item[0], item[1])):
        if i not in used_old and j not in used_new:
            moved[j] = i
            used_old.add(i)
            used_new.add(j)

    in_order = {j: i for i, j in chosen}
    gone = sorted(i for i in range(len(old)) if i not in used_old)
    # A scene gone from the old draft shows where it was: before the first new scene that
    # comes ahead of the next old scene kept in order (so before a scene that replaced it).
    bound = [len(old)] * (len(new) + 1)
    for j in range(len(new) - 1, -1, -1):
        bound[j] = in_order.get(j, bound[j + 1])
    matches: list[SceneMatch] = []
    for j in range(len(new)):
        while gone and gone[0] < bound[j]:
            matches.append(SceneMatch(gone.pop(0), None, MatchStatus.OMITTED, 0.0))
        if j in in_order:
            i = in_order[j]
            matches.append(_pair(i, j, old_profiles[i], new_profiles[j], moved=False))
        elif j in moved:
            i = moved[j]
            matches.append(_pair(i, j, old_profiles[i], new_profiles[j], moved=True))
        elif new_profiles[j].omitted:
            matches.append(SceneMatch(None, j, MatchStatus.OMITTED, 0.0))
        else:
            matches.append(SceneMatch(None, j, MatchStatus.ADDED, 0.0))
    matches.extend(SceneMatch(i, None, MatchStatus.OMITTED, 0.0) for i in gone)
    return matches


def _pair(i: int, j: int, old: _Profile, new: _Profile, *, moved: bool) -> SceneMatch:
    if new.omitted and not old.omitted:
        return SceneMatch(i, j, MatchStatus.OMITTED, 0.0)
    if old.fingerprint == new.fingerprint:
        return SceneMatch(i, j, MatchStatus.MOVED if moved else MatchStatus.UNCHANGED, 1.0)
    # A changed scene never shows as 100% alike, even when only punctuation changed.
    similarity = min(_similarity(old, new), 0.99)
    return SceneMatch(i, j, MatchStatus.MOVED if moved else MatchStatus.CHANGED, similarity)


def _content_pairs(
    old: list[_Profile], new: list[_Profile], skip_old: set[int], skip_new: set[int]
) -> dict[tuple[int, int], tuple[float, float]]:
    """Candidate pairs by content: (bonus, similarity) for each pair worth considering.

    A scene whose exact text occurs once in each draft is paired with its copy and nothing
    else. The others are compared with a few candidates each: old scenes with the same
    heading, those sharing the most of its rarest words, and those around the place it
    should have, judging by the exact copies before it.
    """
    old_ids = [i for i in range(len(old)) if i not in skip_old]
    new_ids = [j for j in range(len(new)) if j not in skip_new]
    old_by_text: dict[object, list[int]] = {}
    new_by_text: dict[object, list[int]] = {}
    for i in old_ids:
        old_by_text.setdefault(old[i].fingerprint, []).append(i)
    for j in new_ids:
        new_by_text.setdefault(new[j].fingerprint, []).append(j)

    pairs: dict[tuple[int, int], tuple[float, float]] = {}
    settled_old: set[int] = set()
    settled_new: set[int] = set()
    for text, js in new_by_text.items():
        is_ = old_by_text.get(text, [])
        for i in is_:
            for j in js:
                pairs[(i, j)] = (1.0, 1.0)  # an exact copy outweighs any two near ones
        if len(is_) == 1 and len(js) == 1:
            settled_old.add(is_[0])
            settled_new.add(js[0])

    by_heading: dict[str, list[int]] = {}
    by_word: dict[str, list[int]] = {}
    for i in old_ids:
        # OMITTED placeholders are all alike: only an exact copy (in order) matches one.
        if i in settled_old or old[i].omitted:
            continue
        by_heading.setdefault(old[i].heading, []).append(i)
        for word in old[i].words:
            by_word.setdefault(word, []).append(i)
    open_old = sorted(i for i in old_ids if i not in settled_old and not old[i].omitted)
    # Where each new scene should be, judging by the last settled pair before it.
    anchors = sorted((j, i) for i, j in pairs if i in settled_old)
    for j in new_ids:
        if j in settled_new or new[j].omitted:
            continue
        profile = new[j]
        # Old scenes sharing the new scene's rarest words (rarest in the old draft).
        rarest = sorted((len(by_word[word]), word) for word in profile.words if word in by_word)
        shared: dict[int, int] = {}
        for _, word in rarest[:_RAREST]:
            for i in by_word[word]:
                shared[i] = shared.get(i, 0) + 1
        candidates = set(sorted(shared, key=lambda i: -shared[i])[:_CANDIDATES])
        candidates.update(by_heading.get(profile.heading, ()))
        # And the old scenes around where it should be.
        at = bisect_left(anchors, (j, -1)) - 1
        expected = anchors[at][1] + (j - anchors[at][0]) if at >= 0 else j
        near = bisect_left(open_old, expected)
        candidates.update(open_old[max(0, near - _NEAR) : near + _NEAR])
        for i in candidates:
            if (i, j) in pairs:
                continue
            similarity = _similarity(old[i], profile)
            same_heading = old[i].heading == profile.heading
            if similarity >= (MATCH_SIMILARITY_SAME_HEADING if same_heading else MATCH_SIMILARITY):
                pairs[(i, j)] = (0.0, similarity)
    return pairs


def _heaviest_chain(pairs: dict[tuple[int, int], float], width: int) -> set[tuple[int, int]]:
    """The heaviest set of pairs (i, j) increasing in both i and j: a weighted longest
    common subsequence over the candidate pairs only, in O(p log n) with a Fenwick tree of
    prefix maxima over j."""
    best = [0.0] * (width + 1)
    best_at = [-1] * (width + 1)
    ordered = sorted(pairs, key=lambda pair: (pair[0], -pair[1]))  # same i: never chained
    previous = [-1] * len(ordered)
    score = [0.0] * len(ordered)
    for at, (i, j) in enumerate(ordered):
        # Best chain ending at some j' < j (tree positions are j + 1).
        value, link, position = 0.0, -1, j
        while position > 0:
            if best[position] > value:
                value, link = best[position], best_at[position]
            position -= position & -position
        score[at] = value + pairs[(i, j)]
        previous[at] = link
        position = j + 1
        while position <= width:
            if score[at] > best[position]:
                best[position], best_at[position] = score[at], at
            position += position & -position
    if not ordered:
        return set()
    at = max(range(len(ordered)), key=lambda k: score[k])
    chain: set[tuple[int, int]] = set()
    while at >= 0:
        chain.add(ordered[at])
        at = previous[at]
    return chain


def carry_over(match: SceneMatch) -> bool:
    """Whether the old scene's breakdown goes on to the new draft's scene. Changed and moved
    scenes keep it too, flagged for review (`needs_review`); added scenes start from
    suggestions; omitted scenes are not shot."""
    return match.old is not None and match.status in (
        MatchStatus.UNCHANGED,
        MatchStatus.CHANGED,
        MatchStatus.MOVED,
    )


def needs_review(match: SceneMatch) -> bool:
    """Whether a carried-over breakdown should be checked against the new text."""
    return match.status == MatchStatus.CHANGED or (
        match.status == MatchStatus.MOVED and match.similarity < 1.0
    )


# --- Line-level diff -------------------------------------------------------------------------


class DiffKind(StrEnum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class DiffLine:
    """One line of a printed element, as it was, is, or both."""

    kind: DiffKind
    text: str
    type: ElementType
    old_element: int | None  # index in the old scene's elements
    new_element: int | None  # index in the new scene's elements


def _lines(scene: Scene) -> list[tuple[tuple[str, str], str, ElementType, int]]:
    lines = []
    for at, element in enumerate(scene.elements):
        if element.type not in PRINTED:
            continue
        for line in element.text.split("\n"):
            lines.append(((element.type.value, _plain(line)), line, element.type, at))
    return lines


def diff_scene(old: Scene, new: Scene) -> list[DiffLine]:
    """The printed lines of two versions of a scene, with what was added and removed.

    Lines are the lines of each printed element as written (the text between line breaks),
    not as wrapped on the page; an element that changes type (action to dialogue) counts as
    removed and added.
    """
    before = _lines(old)
    after = _lines(new)
    matcher = SequenceMatcher(
        None, [line[0] for line in before], [line[0] for line in after], autojunk=False
    )
    diff: list[DiffLine] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for (_, _, _, old_at), (_, text, kind, new_at) in zip(
                before[i1:i2], after[j1:j2], strict=True
            ):
                diff.append(DiffLine(DiffKind.SAME, text, kind, old_at, new_at))
            continue
        for _, text, kind, old_at in before[i1:i2]:
            diff.append(DiffLine(DiffKind.REMOVED, text, kind, old_at, None))
        for _, text, kind, new_at in after[j1:j2]:
            diff.append(DiffLine(DiffKind.ADDED, text, kind, None, new_at))
    return diff


def revised_elements(diff: Sequence[DiffLine]) -> frozenset[int]:
    """The new scene's elements that carry a revision asterisk: those with an added line,
    and, where lines were only taken out, the element that now follows the cut (or, at the
    end of the scene, the one before it)."""
    marked: set[int] = set()
    cut = False
    last_new: int | None = None
    for line in diff:
        if line.kind == DiffKind.REMOVED:
            cut = True
            continue
        assert line.new_element is not None
        if line.kind == DiffKind.ADDED or cut:
            marked.add(line.new_element)
        cut = False
        last_new = line.new_element
    if cut and last_new is not None:
        marked.add(last_new)
    return frozenset(marked)


# --- Locked numbering across drafts ----------------------------------------------------------


@dataclass(frozen=True)
class NumberedScene:
    """A scene of the new draft with its locked number, or an OMITTED placeholder."""

    number: str
    new: int | None  # index in the new draft; None for a placeholder of a scene now gone
    old: int | None
    status: MatchStatus
    omitted: bool


def lock_numbers(
    matches: Sequence[SceneMatch],
    old_scenes: Sequence[Scene],
    new_scenes: Sequence[Scene],
    *,
    skip_io: bool = False,
) -> list[NumberedScene]:
    """The new draft numbered under a lock, in script order, omitted scenes included.

    Every scene found in the old draft keeps its old number; a scene gone from the new draft
    stays as an OMITTED placeholder with its number where it was; an added scene gets the
    next free letter after the scene before it (12A, then 12B), or keeps the number the
    writer gave it when that number is free and in order. `matches` come from
    `match_scenes(old, new, locked=True)`.
    """
    old_numbers = number_scenes(
        [scene.number for scene in old_scenes], keep_written=True, skip_io=skip_io
    )
    taken = set(old_numbers)
    fixed: list[str | None] = [old_numbers[m.old] if m.old is not None else None for m in matches]
    numbers: list[str] = []
    for at, match in enumerate(matches):
        number = fixed[at]
        if number is None:
            prev = next((n for n in reversed(numbers) if SceneNumber.parse(n)), None)
            written = new_scenes[match.new].number if match.new is not None else None
            number = _added_number(prev, fixed[at + 1 :], written, taken, skip_io=skip_io)
            taken.add(number)
        numbers.append(number)
    return [
        NumberedScene(
            number=number,
            new=match.new,
            old=match.old,
            status=match.status,
            omitted=match.status == MatchStatus.OMITTED
            or (match.new is not None and new_scenes[match.new].omitted),
        )
        for number, match in zip(numbers, matches, strict=True)
    ]


def _added_number(
    prev: str | None,
    later: Sequence[str | None],
    written: str | None,
    taken: set[str],
    *,
    skip_io: bool,
) -> str:
    if written is not None:
        number = normalise_number(written)
        low = scene_number_key(prev) if prev is not None else None
        following = next(
            (n for n in later if n is not None and (low is None or scene_number_key(n) > low)), None
        )
        key = scene_number_key(number)
        if (
            number not in taken
            and SceneNumber.parse(number) is not None
            and (low is None or key > low)
            and (following is None or key < scene_number_key(following))
        ):
            return number
    return free_number(prev, later, taken, skip_io=skip_io)

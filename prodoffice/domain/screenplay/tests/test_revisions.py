from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from conftest import missing_in_ci
from prodoffice.domain.screenplay.fountain import parse_fountain
from prodoffice.domain.screenplay.measure import measure
from prodoffice.domain.screenplay.model import Element, ElementType, Heading, Scene
from prodoffice.domain.screenplay.numbering import insert_numbers, number_scenes, scene_number_key
from prodoffice.domain.screenplay.revisions import (
    REVISION_COLORS,
    REVISION_SWATCHES,
    DiffKind,
    MatchStatus,
    SceneMatch,
    carry_over,
    diff_scene,
    lock_numbers,
    match_scenes,
    needs_review,
    revised_elements,
    revision_color,
    revision_swatch,
)

T = ElementType


def scene(
    heading: str, *body: tuple[ElementType, str], number: str | None = None, index: int = 0
) -> Scene:
    elements = (
        Element(T.SCENE_HEADING, heading, line=1, scene_number=number),
        *(Element(kind, text, line=line) for line, (kind, text) in enumerate(body, start=2)),
    )
    return Scene(
        index=index,
        number=number,
        heading=heading,
        parts=Heading("INT", heading, ""),
        elements=elements,
        characters=tuple(text for kind, text in body if kind == T.CHARACTER),
        omitted=heading == "OMITTED",
    )


def script(*scenes: Scene) -> list[Scene]:
    return [replace(each, index=at) for at, each in enumerate(scenes)]


def action(text: str) -> tuple[ElementType, str]:
    return (T.ACTION, text)


# --- Revision colours ------------------------------------------------------------------------


def test_revisions_follow_the_colours_then_start_again_doubled() -> None:
    assert [revision_color(n) for n in range(9)] == list(REVISION_COLORS)
    assert REVISION_COLORS[0] == "White"
    assert REVISION_COLORS[-1] == "Cherry"
    assert revision_color(9) == "Double White"
    assert revision_color(10) == "Double Blue"
    assert revision_color(18) == "Triple White"


def test_a_production_can_use_its_own_colour_sequence() -> None:
    sequence = ("White", "Blue", "Pink")
    assert [revision_color(n, sequence) for n in (0, 2, 3, 5)] == [
        "White",
        "Pink",
        "Double White",
        "Double Pink",
    ]


def test_a_revision_number_below_zero_is_refused() -> None:
    with pytest.raises(ValueError, match="counts from 0"):
        revision_color(-1)
    with pytest.raises(ValueError, match="empty"):
        revision_color(0, ())


@given(st.integers(min_value=0, max_value=9 * 4 - 1), st.integers(min_value=0, max_value=9 * 4 - 1))
def test_no_two_of_the_first_four_rounds_share_a_colour_name(a: int, b: int) -> None:
    assume(a != b)
    assert revision_color(a) != revision_color(b)


def test_every_colour_has_a_paper_swatch_in_every_round() -> None:
    assert set(REVISION_SWATCHES) == set(REVISION_COLORS)
    for n in range(9 * 12):
        assert revision_swatch(revision_color(n)) == REVISION_SWATCHES[REVISION_COLORS[n % 9]]
    assert revision_swatch("Lavender") is None


# --- Scene numbers ---------------------------------------------------------------------------


def test_scene_numbers_sort_in_script_order() -> None:
    shuffled = ["12B", "13", "A1", "12", "1", "12AA", "12A-1", "12Z", "B1", "12A", "12-1", "2"]
    assert sorted(shuffled, key=scene_number_key) == [
        "A1",
        "B1",
        "1",
        "2",
        "12",
        "12-1",
        "12A",
        "12A-1",
        "12B",
        "12Z",
        "12AA",
        "13",
    ]


def test_letters_after_the_number_go_by_length_first_as_betterfountain_orders_them() -> None:
    assert scene_number_key("3A") < scene_number_key("3B") < scene_number_key("3AA")


def test_letters_before_the_number_mark_scenes_inserted_before_it() -> None:
    # betterfountain reads A3 as after 3; we read it as before, so A1 can precede scene 1.
    assert scene_number_key("A3") < scene_number_key("B3") < scene_number_key("3")
    assert scene_number_key("2") < scene_number_key("A3")


def test_numbers_are_compared_without_case_or_spaces_and_oddities_sort_last() -> None:
    assert scene_number_key("12a") == scene_number_key(" 12A ")
    assert scene_number_key("999") < scene_number_key("X-RAY")


@pytest.mark.parametrize(
    ("prev", "following", "taken", "expected"),
    [
        ("12", "13", {"12", "13"}, "12A"),
        ("12A", "13", {"12", "12A", "13"}, "12B"),
        ("12Z", "13", {"12Z", "13"}, "12AA"),
        ("12", "13", {"12", "12A", "12B", "13"}, "12C"),  # 12A and 12B omitted: still taken
        ("12A", "12B", {"12A", "12B"}, "12A-1"),
        ("12", "12A", {"12", "12A"}, "12-1"),
        (None, "1", {"1"}, "A1"),
        (None, "A1", {"A1", "1"}, "0"),
        ("A1", "1", {"A1", "1"}, "B1"),
        ("40", None, {"40"}, "40A"),
        (None, None, {"1", "2"}, "3"),
    ],
)
def test_an_inserted_scene_gets_the_next_free_letter(
    prev: str | None, following: str | None, taken: set[str], expected: str
) -> None:
    assert insert_numbers(prev, following, taken) == expected


def test_productions_that_skip_i_and_o_go_from_h_to_j() -> None:
    assert insert_numbers("12H", "13", {"12H"}, skip_io=True) == "12J"
    assert insert_numbers("12", "13", {"12", "12A"}, skip_io=True) == "12B"


def test_numbers_out_of_order_or_without_room_are_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="comes after"):
        insert_numbers("13", "12", set())
    with pytest.raises(ValueError, match="no scene number fits"):
        insert_numbers("12", "12-1", {"12", "12-1"})
    with pytest.raises(ValueError, match="cannot be lettered"):
        insert_numbers("X-RAY", None, set())


_written = st.builds(
    lambda n, before, after: f"{before}{n}{after}",
    st.integers(min_value=1, max_value=60),
    st.sampled_from(["", "", "", "A", "B"]),
    st.sampled_from(["", "", "A", "B", "C", "Z", "AA", "AB"]),
).filter(lambda number: not (number[0].isalpha() and number[-1].isalpha()))


@given(
    st.lists(_written, min_size=1, max_size=30, unique=True),
    st.data(),
)
def test_an_inserted_number_sorts_between_its_neighbours_and_is_never_taken(
    taken: list[str], data: st.DataObject
) -> None:
    ordered = sorted(taken, key=scene_number_key)
    at = data.draw(st.integers(min_value=0, max_value=len(ordered)))
    prev = ordered[at - 1] if at > 0 else None
    following = ordered[at] if at < len(ordered) else None
    number = insert_numbers(prev, following, taken)
    assert number not in taken
    if prev is not None:
        assert scene_number_key(prev) < scene_number_key(number)
    if following is not None:
        assert scene_number_key(number) < scene_number_key(following)


@given(st.integers(min_value=1, max_value=40), st.sampled_from(["12", "12A", "A12", None]))
def test_scenes_added_one_after_another_keep_finding_numbers(count: int, prev: str | None) -> None:
    taken = {"A12", "12", "12A", "13"}
    following = {"12": "12A", "12A": "13", "A12": "12", None: "A12"}[prev]
    added: list[str] = []
    low = prev
    for _ in range(count):
        number = insert_numbers(low, following, taken)
        assert number not in taken
        assert scene_number_key(number) < scene_number_key(following)
        if low is not None:
            assert scene_number_key(low) < scene_number_key(number)
        taken.add(number)
        added.append(number)
        low = number
    assert added == sorted(added, key=scene_number_key)


def test_an_unlocked_script_is_numbered_one_to_n() -> None:
    assert number_scenes(["5", None, "7A"]) == ["1", "2", "3"]


def test_written_numbers_can_be_kept_and_the_gaps_lettered() -> None:
    assert number_scenes([None, "1", None, "2", None, None], keep_written=True) == [
        "A1",
        "1",
        "1A",
        "2",
        "2A",
        "2B",
    ]
    assert number_scenes([None, None], keep_written=True) == ["1", "2"]


# --- Matching drafts -------------------------------------------------------------------------

KITCHEN = scene(
    "INT. KITCHEN - DAY",
    action("Maria chops onions."),
    (T.CHARACTER, "MARIA"),
    (T.DIALOGUE, "Dinner at six."),
)
GARAGE = scene("INT. GARAGE - NIGHT", action("Tom fixes the old pickup under a bare bulb."))
STREET = scene("EXT. STREET - DAY", action("Rain. Umbrellas everywhere, a bus splashes past."))
ROOF = scene("EXT. ROOF - NIGHT", action("Maria and Tom share a cigarette and watch the city."))


def test_a_draft_matched_against_itself_is_unchanged_throughout() -> None:
    draft = script(KITCHEN, GARAGE, STREET, ROOF)
    matches = match_scenes(draft, draft, locked=False)
    assert [(m.old, m.new, m.status) for m in matches] == [
        (k, k, MatchStatus.UNCHANGED) for k in range(4)
    ]
    assert all(m.similarity == 1.0 for m in matches)


def test_a_new_draft_shows_its_changed_added_and_omitted_scenes_in_script_order() -> None:
    # The omitted scene shows where it was, ahead of the scene that took its place.
    old = script(KITCHEN, GARAGE, STREET, ROOF)
    garage = scene(
        "INT. GARAGE - NIGHT", action("Tom fixes the old pickup under a flickering bulb.")
    )
    office = scene("INT. OFFICE - DAY", action("A clerk stamps forms, one after another."))
    new = script(KITCHEN, garage, office, ROOF)
    matches = match_scenes(old, new, locked=False)
    assert [(m.old, m.new, m.status) for m in matches] == [
        (0, 0, MatchStatus.UNCHANGED),
        (1, 1, MatchStatus.CHANGED),
        (2, None, MatchStatus.OMITTED),
        (None, 2, MatchStatus.ADDED),
        (3, 3, MatchStatus.UNCHANGED),
    ]
    assert 0.5 < matches[1].similarity < 1.0


def test_a_scene_moved_elsewhere_is_found_as_moved() -> None:
    old = script(KITCHEN, GARAGE, STREET, ROOF)
    new = script(ROOF, GARAGE, STREET, KITCHEN)
    matches = match_scenes(old, new, locked=False)
    assert [(m.old, m.new, m.status) for m in matches] == [
        (3, 0, MatchStatus.MOVED),
        (1, 1, MatchStatus.UNCHANGED),
        (2, 2, MatchStatus.UNCHANGED),
        (0, 3, MatchStatus.MOVED),
    ]


def test_a_locked_script_matches_by_number_even_when_the_text_is_rewritten() -> None:
    old = script(
        replace(KITCHEN, number="1"), replace(GARAGE, number="2"), replace(STREET, number="3")
    )
    rewritten = scene("EXT. DRIVEWAY - DAY", action("Nobody is here. Only a cat."), number="2")
    unnumbered = scene("INT. OFFICE - DAY", action("A clerk stamps forms."))
    new = script(replace(KITCHEN, number="1"), unnumbered, rewritten, replace(STREET, number="3"))
    locked = match_scenes(old, new, locked=True)
    assert [(m.old, m.new, m.status) for m in locked] == [
        (0, 0, MatchStatus.UNCHANGED),
        (None, 1, MatchStatus.ADDED),
        (1, 2, MatchStatus.CHANGED),
        (2, 3, MatchStatus.UNCHANGED),
    ]
    unlocked = {(m.old, m.new): m.status for m in match_scenes(old, new, locked=False)}
    assert unlocked[(1, None)] == MatchStatus.OMITTED  # by content it is a different scene
    assert unlocked[(None, 2)] == MatchStatus.ADDED


def test_an_omitted_placeholder_in_the_new_draft_omits_the_scene_with_that_number() -> None:
    old = script(replace(KITCHEN, number="1"), replace(GARAGE, number="2"))
    new = script(replace(KITCHEN, number="1"), scene("OMITTED", number="2"))
    for locked in (True, False):
        matches = match_scenes(old, new, locked=locked)
        assert [(m.old, m.new, m.status) for m in matches][1] == (1, 1, MatchStatus.OMITTED)


def test_a_changed_quote_style_or_spacing_is_not_a_revision() -> None:
    old = script(scene("INT. TOM'S ROOM - DAY", action("Tom's  keys are   gone.")))
    new = script(scene("INT. TOM\u2019S ROOM - DAY", action("Tom\u2019s keys are gone.")))
    assert match_scenes(old, new, locked=False)[0].status == MatchStatus.UNCHANGED


_WORDS = [
    "rain", "door", "knife", "Maria", "Tom", "pickup", "bulb", "city", "onions", "bus",
    "silence", "window", "phone", "glass", "table", "dog", "stairs", "light", "coat", "smile",
]  # fmt: skip

_scene_texts = st.lists(st.sampled_from(_WORDS), min_size=3, max_size=12).map(" ".join)


@st.composite
def _drafts(draw: st.DrawFn) -> tuple[list[Scene], list[Scene]]:
    texts = draw(st.lists(_scene_texts, min_size=1, max_size=25))
    headings = draw(
        st.lists(
            st.sampled_from(["INT. HOUSE - DAY", "EXT. YARD - NIGHT", "INT. CAR - DAY"]),
            min_size=len(texts),
            max_size=len(texts),
        )
    )
    old = script(*(scene(h, action(t)) for h, t in zip(headings, texts, strict=True)))
    new = list(old)
    randomizer = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(0, 6))):
        if not new:
            break
        at = randomizer.randrange(len(new))
        operation = randomizer.choice(["edit", "drop", "add", "swap"])
        if operation == "edit":
            body = new[at].elements[1].text + " " + randomizer.choice(_WORDS)
            new[at] = scene(new[at].heading, action(body))
        elif operation == "drop":
            del new[at]
        elif operation == "add":
            new.insert(at, scene("INT. NEW PLACE - DAY", action(draw(_scene_texts))))
        else:
            other = randomizer.randrange(len(new))
            new[at], new[other] = new[other], new[at]
    return old, script(*new)


@given(_drafts())
def test_every_scene_of_both_drafts_appears_exactly_once_in_the_matches(
    drafts: tuple[list[Scene], list[Scene]],
) -> None:
    old, new = drafts
    for locked in (False, True):
        matches = match_scenes(old, new, locked=locked)
        olds = sorted(m.old for m in matches if m.old is not None)
        news = [m.new for m in matches if m.new is not None]
        assert olds == list(range(len(old)))
        assert news == list(range(len(new)))  # and in the new draft's order
        for m in matches:
            assert (m.old is None) == (m.status == MatchStatus.ADDED)
            assert 0.0 <= m.similarity <= 1.0


@given(_drafts())
def test_a_draft_against_itself_is_always_unchanged(
    drafts: tuple[list[Scene], list[Scene]],
) -> None:
    old, _ = drafts
    for locked in (False, True):
        matches = match_scenes(old, old, locked=locked)
        assert [(m.old, m.new, m.status) for m in matches] == [
            (k, k, MatchStatus.UNCHANGED) for k in range(len(old))
        ]


def test_breakdowns_carry_over_to_kept_scenes_and_changed_ones_are_flagged() -> None:
    unchanged = SceneMatch(1, 1, MatchStatus.UNCHANGED, 1.0)
    changed = SceneMatch(2, 2, MatchStatus.CHANGED, 0.8)
    moved_as_is = SceneMatch(3, 7, MatchStatus.MOVED, 1.0)
    moved_and_changed = SceneMatch(4, 8, MatchStatus.MOVED, 0.9)
    added = SceneMatch(None, 3, MatchStatus.ADDED, 0.0)
    omitted = SceneMatch(5, None, MatchStatus.OMITTED, 0.0)
    assert [carry_over(m) for m in (unchanged, changed, moved_as_is, added, omitted)] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert [needs_review(m) for m in (unchanged, changed, moved_as_is, moved_and_changed)] == [
        False,
        True,
        False,
        True,
    ]


# --- Line diff -------------------------------------------------------------------------------


def test_a_changed_scene_shows_its_lines_added_and_removed() -> None:
    old = scene(
        "INT. GARAGE - NIGHT",
        action("Tom fixes the pickup.\nSparks fly."),
        (T.CHARACTER, "TOM"),
        (T.DIALOGUE, "Almost there."),
        (T.NOTE, "check the bulb"),
    )
    new = scene(
        "INT. GARAGE - NIGHT",
        action("Tom fixes the pickup.\nThe engine coughs."),
        (T.CHARACTER, "TOM"),
        (T.DIALOGUE, "Almost there."),
        (T.CHARACTER, "MARIA (O.S.)"),
        (T.DIALOGUE, "Dinner!"),
    )
    diff = diff_scene(old, new)
    assert [(line.kind, line.text) for line in diff] == [
        (DiffKind.SAME, "INT. GARAGE - NIGHT"),
        (DiffKind.SAME, "Tom fixes the pickup."),
        (DiffKind.REMOVED, "Sparks fly."),
        (DiffKind.ADDED, "The engine coughs."),
        (DiffKind.SAME, "TOM"),
        (DiffKind.SAME, "Almost there."),
        (DiffKind.ADDED, "MARIA (O.S.)"),
        (DiffKind.ADDED, "Dinner!"),
    ]
    assert revised_elements(diff) == {1, 4, 5}


def test_a_line_taken_out_marks_the_element_that_follows_the_cut() -> None:
    old = scene("INT. A - DAY", action("One."), action("Two."), action("Three."))
    new = scene("INT. A - DAY", action("One."), action("Three."))
    assert revised_elements(diff_scene(old, new)) == {2}
    at_end = scene("INT. A - DAY", action("One."), action("Two."))
    assert revised_elements(diff_scene(old, at_end)) == {2}


def test_an_element_that_changes_type_is_a_revision() -> None:
    old = scene("INT. A - DAY", action("HELLO"))
    new = scene("INT. A - DAY", (T.CHARACTER, "HELLO"))
    assert [line.kind for line in diff_scene(old, new)][1:] == [DiffKind.REMOVED, DiffKind.ADDED]


# --- Locked numbering ------------------------------------------------------------------------


def test_a_locked_draft_keeps_its_numbers_letters_new_scenes_and_keeps_omitted_ones() -> None:
    old = script(
        replace(KITCHEN, number="1"),
        replace(GARAGE, number="2"),
        replace(STREET, number="3"),
        replace(ROOF, number="4"),
    )
    office = scene("INT. OFFICE - DAY", action("A clerk stamps forms, one after another."))
    lobby = scene("INT. LOBBY - DAY", action("A doorman tips his cap to everyone."))
    cellar = scene("INT. CELLAR - NIGHT", action("Jars of peaches line the shelves."))
    new = script(cellar, KITCHEN, office, lobby, GARAGE, ROOF)  # no numbers written
    matches = match_scenes(old, new, locked=True)
    numbered = lock_numbers(matches, old, new)
    assert [(n.number, n.new, n.omitted) for n in numbered] == [
        ("A1", 0, False),
        ("1", 1, False),
        ("1A", 2, False),
        ("1B", 3, False),
        ("2", 4, False),
        ("3", None, True),
        ("4", 5, False),
    ]


def test_a_number_the_writer_gave_a_new_scene_is_kept_when_it_fits() -> None:
    old = script(replace(KITCHEN, number="1"), replace(GARAGE, number="2"))
    office = scene("INT. OFFICE - DAY", action("A clerk stamps forms."), number="1B")
    clash = scene("INT. LOBBY - DAY", action("A doorman waves."), number="2")
    new = script(replace(KITCHEN, number="1"), office, replace(GARAGE, number="2"), clash)
    numbered = lock_numbers(match_scenes(old, new, locked=True), old, new)
    assert [n.number for n in numbered] == ["1", "1B", "2", "2A"]


@given(_drafts())
def test_locked_numbers_are_unique_and_in_script_order_when_nothing_moved(
    drafts: tuple[list[Scene], list[Scene]],
) -> None:
    old, new = drafts
    old = [replace(each, number=str(at + 1)) for at, each in enumerate(old)]
    matches = match_scenes(old, new, locked=True)
    numbered = lock_numbers(matches, old, new)
    numbers = [n.number for n in numbered]
    assert len(set(numbers)) == len(numbers)
    assert {n.new for n in numbered if n.new is not None} == set(range(len(new)))
    if not any(m.status == MatchStatus.MOVED for m in matches):
        assert numbers == sorted(numbers, key=scene_number_key)


# --- Real scripts ----------------------------------------------------------------------------

DATA = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "screenplays"


def _real_scenes(name: str) -> tuple[Scene, ...]:
    path = DATA / name
    if not path.is_file():
        missing_in_ci(f"the shared screenplay {path}")
    return measure(parse_fountain(path.read_text(encoding="utf-8"))).scenes


def test_big_fish_with_typographic_quotes_is_the_same_draft_as_big_fish() -> None:
    plain = _real_scenes("big_fish.fountain")
    curly = _real_scenes("big_fish_nyousefi_curlyquotes.fountain")
    matches = match_scenes(plain, curly, locked=False)
    assert len(matches) == len(plain) == 190
    assert all(m.old == m.new and m.status == MatchStatus.UNCHANGED for m in matches)


def test_big_fish_revised_shows_exactly_the_revisions_made() -> None:
    old = list(_real_scenes("big_fish.fountain"))
    new = list(old)
    new[20] = replace(new[20], elements=(*new[20].elements, Element(T.ACTION, "Rain starts.", 0)))
    del new[40]
    new.insert(100, scene("EXT. NEW FIELD - DAY", action("A scarecrow nobody remembers.")))
    new = script(*new)
    old = [replace(each, number=str(at + 1)) for at, each in enumerate(old)]
    matches = match_scenes(old, new, locked=True)
    changed = [(m.old, m.status) for m in matches if m.status != MatchStatus.UNCHANGED]
    assert changed == [
        (20, MatchStatus.CHANGED),
        (40, MatchStatus.OMITTED),
        (None, MatchStatus.ADDED),
    ]
    numbered = lock_numbers(matches, old, new)
    assert [n.number for n in numbered if n.omitted] == ["41"]
    # Scene 41 is gone, so the new scene at index 100 follows the old scene numbered 101.
    assert numbered[101].number == "101A"

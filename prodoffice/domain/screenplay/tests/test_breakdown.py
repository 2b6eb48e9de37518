from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import missing_in_ci
from prodoffice.domain.screenplay.breakdown import (
    _PLAIN_RE,
    CATEGORY_STYLES,
    Category,
    Mark,
    Suggestion,
    _plain_matches,
    elements_json,
    normalise_name,
    suggest,
    suggest_script,
)
from prodoffice.domain.screenplay.fountain import parse_fountain
from prodoffice.domain.screenplay.measure import measure
from prodoffice.domain.screenplay.model import Element, ElementType, Heading, Scene
from prodoffice.domain.screenplay.scenes import character_name

T = ElementType


def scene(
    *body: tuple[ElementType, str], heading: str = "INT. KITCHEN - DAY", index: int = 0
) -> Scene:
    elements = (
        Element(T.SCENE_HEADING, heading, line=1),
        *(Element(kind, text, line=line) for line, (kind, text) in enumerate(body, start=2)),
    )
    speakers = dict.fromkeys(character_name(text) for kind, text in body if kind == T.CHARACTER)
    return Scene(
        index=index,
        number=None,
        heading=heading,
        parts=Heading("INT", "KITCHEN", "DAY"),
        elements=elements,
        characters=tuple(speakers),
    )


def action(text: str) -> tuple[ElementType, str]:
    return (T.ACTION, text)


def cue(name: str) -> tuple[ElementType, str]:
    return (T.CHARACTER, name)


def says(text: str) -> tuple[ElementType, str]:
    return (T.DIALOGUE, text)


def found(suggestions: list[Suggestion]) -> list[tuple[str, str]]:
    return [(s.category.value, s.name) for s in suggestions]


# --- Categories ------------------------------------------------------------------------------


def test_categories_carry_the_industry_breakdown_colours() -> None:
    colours = {category: style.color for category, style in CATEGORY_STYLES.items()}
    assert colours[Category.CAST] == "Red"
    assert colours[Category.STUNTS] == "Orange"
    assert colours[Category.BACKGROUND] == "Green"
    assert colours[Category.SFX] == "Blue"
    assert colours[Category.PROPS] == "Purple"
    assert colours[Category.VEHICLES] == colours[Category.ANIMALS] == "Pink"
    assert colours[Category.SOUND] == colours[Category.MUSIC] == "Brown"


def test_wardrobe_makeup_equipment_and_notes_are_marked_with_a_pen_not_a_colour() -> None:
    assert Category.WARDROBE.style.mark == Mark.CIRCLE
    assert Category.MAKEUP_HAIR.style.mark == Mark.ASTERISK
    assert Category.SPECIAL_EQUIPMENT.style.mark == Mark.BOX
    assert Category.NOTES.style.mark == Mark.UNDERLINE


def test_every_category_has_a_label_and_a_swatch() -> None:
    assert set(CATEGORY_STYLES) == set(Category)
    for category in Category:
        assert category.label
        assert re.fullmatch(r"#[0-9A-F]{6}", category.style.swatch)
    assert Category("props") is Category.PROPS  # values are what `parse-script --json` prints


# --- Cast ------------------------------------------------------------------------------------


def test_a_speaking_character_is_cast_highlighted_on_their_cue() -> None:
    suggestions = suggest(scene(cue("EDWARD (V.O.)(CONT'D)"), says("There are some fish...")))
    assert len(suggestions) == 1
    cast = suggestions[0]
    assert (cast.category, cast.name, cast.display) == (Category.CAST, "EDWARD", "EDWARD")
    assert (cast.element_index, cast.start, cast.end) == (1, 0, 6)
    assert cast.reason == "speaks in the scene"


def test_a_character_introduced_in_capitals_is_cast_under_the_name_on_their_cue() -> None:
    intro = scene(action("WILL BLOOM, age 3, listens as his father EDWARD BLOOM tells the story."))
    suggestions = suggest(intro, cues={"WILL", "EDWARD"})
    assert found(suggestions) == [("cast", "WILL"), ("cast", "EDWARD")]
    assert [s.display for s in suggestions] == ["WILL BLOOM", "EDWARD BLOOM"]


def test_the_whole_script_tells_which_capitals_are_characters() -> None:
    first = scene(action("DON PRICE swaggers in."), index=0)
    second = scene(cue("DON PRICE"), says("Bloom."), index=1)
    by_scene = suggest_script([first, second])
    assert found(by_scene[0]) == [("cast", "DON PRICE")]
    # Alone, the first scene cannot know Don Price ever speaks.
    assert ("cast", "DON PRICE") not in found(suggest(first))


def test_a_surname_in_capitals_names_the_character_with_that_surname() -> None:
    intro = scene(action("DR. JULIUS BENNETT, 40s, looks up."))
    assert found(suggest(intro, cues={"DR. BENNETT", "YOUNG DR. BENNETT"}))[0] == (
        "cast",
        "DR. BENNETT",
    )


def test_a_silent_character_introduced_with_an_age_is_cast() -> None:
    assert found(suggest(scene(action("MARGARET (60s) knits by the fire.")))) == [
        ("cast", "MARGARET"),
        ("sfx", "fire"),
    ]


def test_people_in_capitals_who_never_speak_are_background() -> None:
    suggestions = suggest(scene(action("A NURSE checks the chart. TWO COPS wait by the door.")))
    assert found(suggestions) == [("background", "nurse"), ("background", "two cops")]


def test_a_generic_part_with_a_cue_of_its_own_is_not_mistaken_for_another() -> None:
    # "TELLER WOMAN" speaks; every other WOMAN in capitals is not her.
    intro = scene(action("An OLD WOMAN feeds pigeons."))
    assert found(suggest(intro, cues={"TELLER WOMAN"}))[0] == ("background", "old woman")


# --- Capitals and plain words ----------------------------------------------------------------


def test_sounds_written_in_capitals_are_sound_cues() -> None:
    suggestions = suggest(scene(action("The door SLAMS. A loud BANG. The crowd CHEERS.")))
    assert [(s.category.value, s.name, s.display) for s in suggestions] == [
        ("sound", "slam", "SLAMS"),
        ("sound", "bang", "BANG"),
        ("background", "crowd", "crowd"),
        ("sound", "cheer", "CHEERS"),
    ]


def test_sound_words_in_lower_case_are_just_prose() -> None:
    assert found(suggest(scene(action("She slams the drawer and laughs.")))) == []


def test_vehicles_animals_crowds_stunts_and_effects_come_from_plain_words() -> None:
    text = (
        "A police cruiser pulls up in the rain. Passengers scatter. A dog barks at two "
        "men who fight by the burning truck. Smoke everywhere."
    )
    assert found(suggest(scene(action(text)))) == [
        ("vehicles", "police cruiser"),
        ("sfx", "rain"),
        ("background", "passengers"),
        ("animals", "dog"),
        ("stunts", "fight"),
        ("vehicles", "truck"),
        ("sfx", "smoke"),
    ]


def test_plurals_are_filed_under_the_singular_and_verbs_under_their_base() -> None:
    text = "Two trucks and three taxis. He punches Tom, who falls. Knives on the table."
    assert found(suggest(scene(action(text)))) == [
        ("vehicles", "truck"),
        ("vehicles", "taxi"),
        ("stunts", "punch"),
        ("stunts", "fall"),
        ("props", "knife"),
    ]


def test_an_element_in_capitals_keeps_its_adjectives() -> None:
    text = "A RED PICKUP idles. A MASSIVE LION yawns. He pockets the REVOLVER."
    suggestions = suggest(scene(action(text)))
    assert found(suggestions) == [
        ("vehicles", "red pickup"),
        ("animals", "massive lion"),
        ("props", "revolver"),
    ]
    assert suggestions[0].reason == "vehicle word in capitals"


def test_other_capitals_in_action_are_props() -> None:
    text = "She switches on the TV and picks up the SILVER LOCKET."
    assert found(suggest(scene(action(text)))) == [("props", "tv"), ("props", "silver locket")]


def test_camera_directions_and_emphasis_in_capitals_are_not_elements() -> None:
    text = "ANGLE ON the door. CLOSE ON Tom. We PUSH IN. He does NOT move. They RUSH IN."
    assert found(suggest(scene(action(text)))) == []


def test_a_line_all_in_capitals_is_a_shot_and_only_names_characters() -> None:
    suggestions = suggest(
        scene(action("THE EMPTY LOT"), action("ON WILL AND SANDRA")), cues={"WILL", "SANDRA"}
    )
    assert found(suggestions) == [("cast", "WILL"), ("cast", "SANDRA")]


def test_a_vehicle_in_the_heading_means_the_scene_needs_it() -> None:
    suggestions = suggest(scene(action("Edward drives."), heading="INT. EDWARD'S CAR - MOVING"))
    assert [(s.category, s.name, s.element_index, s.display) for s in suggestions] == [
        (Category.VEHICLES, "car", 0, "CAR")
    ]


def test_dialogue_is_never_read_for_elements() -> None:
    suggestions = suggest(
        scene(cue("TOM"), (T.PARENTHETICAL, "(holding a GUN)"), says("Get the car and the dog."))
    )
    assert found(suggestions) == [("cast", "TOM")]


def test_each_element_is_suggested_once_a_scene_where_it_first_appears() -> None:
    suggestions = suggest(
        scene(action("A gun on the table."), action("He takes the gun. The GUN is loaded."))
    )
    assert [(s.name, s.element_index, s.start) for s in suggestions] == [("gun", 1, 2)]


def test_names_are_normalised_for_matching() -> None:
    assert normalise_name("POLICE  CRUISERS") == "police cruiser"
    assert normalise_name("Glasses") == "glass"
    assert normalise_name("BAKER'S") == "baker"
    assert normalise_name("Ladies") == "lady"
    assert normalise_name("bus") == "bus"


def test_elements_json_lists_names_by_category_once_each() -> None:
    suggestions = suggest(
        scene(cue("TOM"), says("Hi."), action("Tom drives the truck past a dog and a truck."))
    )
    elements = elements_json(suggestions)
    assert list(elements) == [category.value for category in Category]
    assert elements["cast"] == ["TOM"]
    assert elements["vehicles"] == ["truck"]
    assert elements["animals"] == ["dog"]
    assert elements["props"] == []


# --- Properties ------------------------------------------------------------------------------

_VOCABULARY = [
    "car", "cars", "police car", "scary", "cart", "o'car", "police-car", "CAR", "Rain", "rainy",
    "crowd", "the", "and", "a", "fight", "fights", "fought", "KNIFE", "BANG", "EDWARD",
    "EDWARD BLOOM", "ANGLE ON", "caf\u00e9", "na\u00efve", "\u00bbdog\u00ab", "\u201ctruck\u201d",
    "pickup\ntruck", "make-up", "blood", "smoke", "TV", "two COPS", "\u0130stanbul", "\u00df",
]  # fmt: skip
_texts = st.lists(st.one_of(st.sampled_from(_VOCABULARY), st.text(max_size=4)), max_size=30).map(
    lambda words: " ".join(words)
)


@given(_texts)
def test_the_fast_word_scan_finds_exactly_what_the_full_pattern_finds(text: str) -> None:
    lowered = text.lower()
    if len(lowered) != len(text):
        return  # that case is read by the case-insensitive pattern itself
    fast = [match.span() for match in _plain_matches(text)]
    full = [match.span() for match in _PLAIN_RE.finditer(lowered)]
    assert fast == full


def test_text_whose_lower_case_is_longer_still_gives_the_right_offsets() -> None:
    # "\u0130" (dotted capital I) lower-cases to two characters.
    suggestions = suggest(scene(action("\u0130STANBUL. A Taxi waits.")))
    assert [(s.name, s.display) for s in suggestions] == [("taxi", "Taxi")]


_bodies = st.lists(
    st.tuples(
        st.sampled_from([T.ACTION, T.ACTION, T.CHARACTER, T.DIALOGUE, T.PARENTHETICAL, T.NOTE]),
        _texts,
    ),
    max_size=8,
)


@given(_bodies)
def test_every_suggestion_points_at_its_text_and_none_comes_from_dialogue(
    body: list[tuple[ElementType, str]],
) -> None:
    made = scene(*body)
    suggestions = suggest(made, cues={"EDWARD"})
    keys = [(s.category, s.name) for s in suggestions]
    assert len(keys) == len(set(keys))
    for suggestion in suggestions:
        element = made.elements[suggestion.element_index]
        assert element.text[suggestion.start : suggestion.end] == suggestion.display
        if element.type in (T.DIALOGUE, T.PARENTHETICAL, T.NOTE):
            pytest.fail(f"{suggestion} comes from {element.type}")
        if element.type == T.CHARACTER:
            assert suggestion.category == Category.CAST


# --- Real scripts ----------------------------------------------------------------------------

DATA = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "screenplays"


def _real_scenes(name: str) -> tuple[Scene, ...]:
    path = DATA / name
    if not path.is_file():
        missing_in_ci(f"the shared screenplay {path}")
    return measure(parse_fountain(path.read_text(encoding="utf-8"))).scenes


def test_big_fish_is_broken_down_scene_by_scene() -> None:
    scenes = _real_scenes("big_fish.fountain")
    by_scene = suggest_script(scenes)
    assert sorted(by_scene) == list(range(190))
    for each in scenes:
        cast = {s.name for s in by_scene[each.index] if s.category == Category.CAST}
        assert set(each.characters) <= cast
    # Scene 1: "WILL BLOOM, AGE 3, listens wide-eyed as his father EDWARD BLOOM..."
    first = by_scene[0]
    assert [(s.name, s.display) for s in first[:2]] == [
        ("WILL", "WILL BLOOM"),
        ("EDWARD", "EDWARD BLOOM"),
    ]
    # Scene 2: "Edward points to his wedding band, glinting in the firelight."
    assert ("props", "wedding band") in found(by_scene[1])
    everything = elements_json(s for suggestions in by_scene.values() for s in suggestions)
    assert {"car", "truck"} <= set(everything["vehicles"])
    assert "catfish" in everything["animals"]


def test_brick_and_steel_finds_its_cast() -> None:
    scenes = _real_scenes("brick_and_steel.fountain")
    by_scene = suggest_script(scenes)
    cast = {
        s.name
        for suggestions in by_scene.values()
        for s in suggestions
        if s.category == Category.CAST
    }
    assert {name for each in scenes for name in each.characters} <= cast

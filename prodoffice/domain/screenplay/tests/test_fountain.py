from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prodoffice.domain.screenplay.emphasis import Run, emphasis_runs, strip_emphasis
from prodoffice.domain.screenplay.fountain import parse_fountain
from prodoffice.domain.screenplay.model import Element, ElementType, Screenplay

A = ElementType.ACTION
C = ElementType.CHARACTER
D = ElementType.DIALOGUE
H = ElementType.SCENE_HEADING
P = ElementType.PARENTHETICAL
T = ElementType.TRANSITION


def lost_lines(source: str, screenplay: Screenplay) -> list[str]:
    """Non-blank source lines that are in no element's raw text and not on the title page.

    Every element's `raw` is whole source lines (a boneyard's is its `/* ... */`), so a line
    kept is a line of some raw. A title-page line is kept when its characters, spaces aside,
    are in some `key:value` once the boneyard that starts, ends or sits in it is taken out.
    """
    text = source.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    kept = {line.strip() for element in screenplay.elements for line in element.raw.split("\n")}
    boneyards = [
        element.raw.split("\n")
        for element in screenplay.elements
        if element.type == ElementType.BONEYARD
    ]
    title = "".join("".join(f"{key}:{value}".split()) for key, value in screenplay.title_page)
    lost = []
    for line in text.split("\n"):
        line = line.strip()
        if not line or line in kept:
            continue
        rest = line
        for boneyard in boneyards:
            if len(boneyard) == 1:
                rest = rest.replace(boneyard[0].strip(), "")
            else:
                rest = rest.removesuffix(boneyard[0].strip()).removeprefix(boneyard[-1].strip())
        if "".join(rest.split()) not in title:
            lost.append(line)
    return lost


def types(text: str) -> list[ElementType]:
    return [element.type for element in parse_fountain(text).elements]


def texts(text: str) -> list[tuple[ElementType, str]]:
    return [(element.type, element.text) for element in parse_fountain(text).elements]


def texts_of(screenplay: Screenplay) -> list[tuple[ElementType, str]]:
    return [(element.type, element.text) for element in screenplay.elements]


def only(text: str) -> Element:
    elements = parse_fountain(text).elements
    assert len(elements) == 1, elements
    return elements[0]


# Title page


def test_a_title_page_is_read_as_keys_and_values() -> None:
    screenplay = parse_fountain(
        "Title: Big Sky\nCredit: written by\nAuthor: Ann Lee\nDraft date: 1/2/2026\n\nFADE IN:"
    )
    assert screenplay.title_page == (
        ("Title", "Big Sky"),
        ("Credit", "written by"),
        ("Author", "Ann Lee"),
        ("Draft date", "1/2/2026"),
    )
    assert screenplay.title == "Big Sky"
    assert texts_of(screenplay) == [(A, "FADE IN:")]


def test_an_indented_title_page_value_keeps_its_lines() -> None:
    screenplay = parse_fountain("Title:\n    _**BIG SKY**_\n\tPart One\nContact:\n   Office\n")
    assert screenplay.title_page == (("Title", "_**BIG SKY**_\nPart One"), ("Contact", "Office"))


def test_a_title_page_only_comes_at_the_start() -> None:
    screenplay = parse_fountain("Some action.\n\nTitle: Not a title\n")
    assert screenplay.title_page == ()
    assert types("Some action.\n\nTitle: Not a title\n") == [A, A]


def test_a_note_or_blank_lines_may_come_before_the_title_page() -> None:
    screenplay = parse_fountain("\n[[third draft]]\n\nTitle: Big Sky\n\nEXT. FIELD - DAY\n")
    assert screenplay.title == "Big Sky"
    assert [element.type for element in screenplay.elements] == [ElementType.NOTE, H]


def test_a_lone_transition_on_the_first_line_is_not_a_title_page() -> None:
    screenplay = parse_fountain("CUT TO:\n\nEXT. FIELD - DAY\n")
    assert screenplay.title_page == ()
    assert types("CUT TO:\n\nEXT. FIELD - DAY\n") == [T, H]


def test_a_first_line_ending_in_a_colon_is_a_title_page_only_with_a_title_page_key() -> None:
    screenplay = parse_fountain("He reads:\n    Scott --\n    Room 412\n")
    assert screenplay.title_page == ()
    assert screenplay.elements[0].text == "He reads:\n    Scott --\n    Room 412"


def test_a_title_page_without_a_blank_line_after_it_ends_with_a_warning() -> None:
    screenplay = parse_fountain("Title: Big Sky\nINT. BARN - DAY\n\nHay.\n")
    assert screenplay.title_page == (("Title", "Big Sky"),)
    assert [element.type for element in screenplay.elements] == [H, A]
    assert screenplay.warnings[0].line == 2


# Scene headings


@pytest.mark.parametrize(
    "heading",
    [
        "INT. BARN - DAY",
        "EXT. FIELD - NIGHT",
        "EST. CITY - DAWN",
        "INT./EXT. CAR - MOVING",
        "INT/EXT CAR - DAY",
        "I/E CAR - DAY",
        "int. barn - day",
        "EXT FIELD",
    ],
)
def test_a_line_starting_with_a_heading_prefix_is_a_scene_heading(heading: str) -> None:
    assert texts(f"Before.\n\n{heading}\n\nAfter.") == [(A, "Before."), (H, heading), (A, "After.")]


def test_a_scene_heading_needs_a_blank_line_before_it() -> None:
    assert types("He walks in.\nINT. BARN - DAY\n") == [A]


def test_action_right_under_a_scene_heading_is_action() -> None:
    assert texts("INT. BARN - DAY\nHay everywhere.\n") == [
        (H, "INT. BARN - DAY"),
        (A, "Hay everywhere."),
    ]


def test_a_leading_period_forces_a_scene_heading() -> None:
    element = only(".FLASHBACK - THE BARN\n")
    assert (element.type, element.text, element.forced) == (H, "FLASHBACK - THE BARN", True)


def test_an_ellipsis_or_a_period_and_space_does_not_force_a_heading() -> None:
    assert types("...and then he left.\n\n. NOT A HEADING\n") == [A, A]


def test_a_scene_number_is_taken_from_the_end_of_the_heading() -> None:
    element = only("INT. BARN - DAY #12A#\n")
    assert (element.text, element.scene_number) == ("INT. BARN - DAY", "12A")
    assert only("EXT. FIELD #1.2-B#").scene_number == "1.2-B"


def test_a_scene_number_with_other_characters_stays_in_the_heading_with_a_warning() -> None:
    screenplay = parse_fountain("INT. BARN #12 A#\n")
    assert screenplay.elements[0].text == "INT. BARN #12 A#"
    assert screenplay.elements[0].scene_number is None
    assert "Scene number" in screenplay.warnings[0].message


def test_an_unlisted_prefix_stays_action_with_a_warning_that_says_how_to_force_it() -> None:
    screenplay = parse_fountain("EXT/INT. SHACK - DAY\n\nHe leaves.\n")
    assert [element.type for element in screenplay.elements] == [A, A]
    assert "start the line with a '.'" in screenplay.warnings[0].message


# Action


def test_consecutive_lines_are_one_action_paragraph() -> None:
    assert texts("He opens the card.\nIt is blank.\n\nHe sighs.") == [
        (A, "He opens the card.\nIt is blank."),
        (A, "He sighs."),
    ]


def test_action_keeps_its_indentation_and_makes_tabs_four_spaces() -> None:
    assert only("He reads:\n    Scott --\n\tRoom 412\n").text == (
        "He reads:\n    Scott --\n    Room 412"
    )


def test_an_exclamation_mark_forces_action() -> None:
    element = only("!INT. NOT A HEADING\n")
    assert (element.type, element.text, element.forced) == (A, "INT. NOT A HEADING", True)
    assert types("!SCANNING THE AISLES\nWhere is he?\n") == [A]


# Characters and dialogue


def test_a_capitalised_line_before_a_line_of_text_is_a_character() -> None:
    assert texts("\nSTEEL\nThe man's a myth!\n") == [(C, "STEEL"), (D, "The man's a myth!")]


def test_a_character_extension_may_be_in_any_case() -> None:
    assert texts("HANS (on the radio)\nWhat?\n") == [(C, "HANS (on the radio)"), (D, "What?")]


def test_a_character_needs_a_capital_letter_and_no_blank_line_after_it() -> None:
    assert types("23\nNot a character.\n") == [A]
    assert types("R2D2\nBeep.\n") == [C, D]
    assert types("BOB\n\nNot dialogue.\n") == [A, A]
    assert types("Bob\nNot dialogue either.\n") == [A]


def test_a_character_needs_a_blank_line_before_it() -> None:
    assert types("He turns.\nBOB\nHello.\n") == [A]


def test_an_at_sign_forces_a_character() -> None:
    elements = parse_fountain("@McCLANE\nYippie ki-yay!\n").elements
    assert [(element.type, element.text) for element in elements] == [
        (C, "McCLANE"),
        (D, "Yippie ki-yay!"),
    ]
    assert elements[0].forced


def test_a_forced_character_with_no_dialogue_is_action_with_a_warning() -> None:
    screenplay = parse_fountain("@McCLANE\n\nHe looks up.\n")
    assert [element.type for element in screenplay.elements] == [A, A]
    assert "no dialogue" in screenplay.warnings[0].message


def test_dialogue_that_is_only_a_note_is_a_note_not_a_line() -> None:
    assert types("BOB\n[[cut his line?]]\n") == [C, ElementType.NOTE]


def test_indented_characters_and_dialogue_are_read_without_their_indentation() -> None:
    assert texts("        DAVE\n    Nice day, right?\n") == [(C, "DAVE"), (D, "Nice day, right?")]


def test_dialogue_lines_stay_together_and_two_spaces_keep_a_blank_line_in_it() -> None:
    assert texts("DEALER\nTen.\nFour.\n  \nHit or stand?\n\nHe waits.") == [
        (C, "DEALER"),
        (D, "Ten.\nFour.\n\nHit or stand?"),
        (A, "He waits."),
    ]


def test_parentheticals_sit_between_dialogue() -> None:
    assert texts("STEEL\n(beat)\nThey're back!\n  (pause)\nAll of them.\n") == [
        (C, "STEEL"),
        (P, "(beat)"),
        (D, "They're back!"),
        (P, "(pause)"),
        (D, "All of them."),
    ]


def test_a_second_parenthetical_in_a_row_is_dialogue() -> None:
    assert types("BOB\n(loudly)\n(bouncy)\nHi.\n") == [C, P, D]


def test_a_caret_makes_the_right_side_of_dual_dialogue() -> None:
    elements = parse_fountain("BRICK\nScrew retirement.\n\nSTEEL ^\nScrew retirement.\n").elements
    assert [(element.type, element.text, element.dual) for element in elements] == [
        (C, "BRICK", False),
        (D, "Screw retirement.", False),
        (C, "STEEL", True),
        (D, "Screw retirement.", True),
    ]


def test_a_caret_with_no_dialogue_before_it_is_ordinary_dialogue_with_a_warning() -> None:
    screenplay = parse_fountain("He waits.\n\nSTEEL ^\nHello?\n")
    assert [(element.text, element.dual) for element in screenplay.elements[1:]] == [
        ("STEEL", False),
        ("Hello?", False),
    ]
    assert screenplay.warnings[0].line == 3


# Transitions, centered text, lyrics, page breaks, sections, synopses


def test_a_capitalised_line_ending_in_to_between_blank_lines_is_a_transition() -> None:
    assert texts("He runs.\n\nCUT TO:\n\nEXT. FIELD - DAY") == [
        (A, "He runs."),
        (T, "CUT TO:"),
        (H, "EXT. FIELD - DAY"),
    ]
    assert texts("    SMASH CUT TO:\n") == [(T, "SMASH CUT TO:")]


def test_a_transition_must_be_capitals_and_end_the_line() -> None:
    assert types("boop boop TO:\n\nNOT A TRANSITION TO:  \n") == [A, A]


def test_a_greater_than_sign_forces_a_transition() -> None:
    element = only("> Burn to White.\n")
    assert (element.type, element.text, element.forced) == (T, "Burn to White.", True)


def test_text_between_greater_and_less_than_signs_is_centered() -> None:
    element = only(">THE END<\n")
    assert (element.type, element.text) == (ElementType.CENTERED, "THE END")
    assert only("> **ACT ONE** <  \n> Part Two <\n").text == "ACT ONE\nPart Two"


def test_a_tilde_makes_a_lyric_even_inside_dialogue() -> None:
    assert texts("~Willy Wonka!\n~The amazing chocolatier!\n") == [
        (ElementType.LYRICS, "Willy Wonka!\nThe amazing chocolatier!")
    ]
    assert types("SINGER\n~ La la la\nShe bows.\n") == [C, ElementType.LYRICS, D]


def test_three_or_more_equal_signs_are_a_page_break() -> None:
    assert types("One.\n\n===\n   =====\n\nTwo.") == [
        A,
        ElementType.PAGE_BREAK,
        ElementType.PAGE_BREAK,
        A,
    ]


def test_sections_keep_their_depth_and_synopses_their_text() -> None:
    elements = parse_fountain("# Act One\n\n## Sequence\n= They meet.\n").elements
    assert [(element.type, element.text, element.depth) for element in elements] == [
        (ElementType.SECTION, "Act One", 1),
        (ElementType.SECTION, "Sequence", 2),
        (ElementType.SYNOPSIS, "They meet.", 0),
    ]


# Notes and boneyard


def test_an_inline_note_is_taken_out_of_the_text_and_kept_in_notes() -> None:
    element = only("They drink beer[[Or wine?]]. Lots of it.\n")
    assert (element.text, element.notes) == ("They drink beer. Lots of it.", ("Or wine?",))
    assert element.raw == "They drink beer[[Or wine?]]. Lots of it."


def test_a_paragraph_that_is_only_a_note_is_a_note_element() -> None:
    element = only("[[It was supposed to be Vietnamese,\nright?]]\n")
    assert (element.type, element.text) == (
        ElementType.NOTE,
        "It was supposed to be Vietnamese,\nright?",
    )


def test_a_note_spans_lines_and_two_spaces_but_not_a_blank_line() -> None:
    element = only("He pauses.[[Needs work.\n  \nCoffee.]] He looks around.\n")
    assert element.text == "He pauses. He looks around."
    assert element.notes == ("Needs work.\n  \nCoffee.",)
    screenplay = parse_fountain("He pauses.[[Needs work.\n\nCoffee.]] He looks around.\n")
    assert texts_of(screenplay) == [
        (A, "He pauses.[[Needs work."),
        (A, "Coffee.]] He looks around."),
    ]
    assert "never closed" in screenplay.warnings[0].message


def test_a_boneyard_is_kept_as_its_own_element_and_never_printed() -> None:
    screenplay = parse_fountain(
        "CUT TO:\n/*\nINT. GARAGE - DAY\n\nOld scene.\n*/\nEXT. MANSION - DAY\n"
    )
    assert texts_of(screenplay) == [
        (T, "CUT TO:"),
        (ElementType.BONEYARD, "INT. GARAGE - DAY\n\nOld scene."),
        (H, "EXT. MANSION - DAY"),
    ]
    assert screenplay.elements[1].line == 2


def test_an_inline_boneyard_comes_out_of_the_text() -> None:
    screenplay = parse_fountain("He walks /* quietly */ away.\n")
    assert texts_of(screenplay) == [(A, "He walks  away."), (ElementType.BONEYARD, "quietly")]


def test_boneyards_nest_so_a_commented_out_stretch_stays_hidden() -> None:
    screenplay = parse_fountain("/*\nOld.\n/* older */\nOld too.\n*/\nNew.\n")
    assert texts_of(screenplay) == [
        (ElementType.BONEYARD, "Old.\n/* older */\nOld too."),
        (A, "New."),
    ]


def test_an_unclosed_boneyard_is_kept_as_text_with_a_warning() -> None:
    screenplay = parse_fountain("He leaves. /* maybe\n\nThe end.\n")
    assert texts_of(screenplay) == [(A, "He leaves. /* maybe"), (A, "The end.")]
    assert screenplay.warnings[0].line == 1


# Emphasis


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("*italics*", "italics"),
        ("**bold**", "bold"),
        ("***bold italics***", "bold italics"),
        ("_underline_", "underline"),
        ("**\\*9765\\***", "*9765*"),
        ("He dialed *69 and then *23.", "He dialed *69 and then *23."),
        ("He dialed *69 and then 23*.", "He dialed 69 and then 23."),
        ("He dialed _69 and then 23 _.", "He dialed _69 and then 23 _."),
        ("a file_name_here", "a file_name_here"),
        ("*Not across\nlines.*", "*Not across\nlines.*"),
    ],
)
def test_emphasis_markers_are_removed_from_the_text(written: str, printed: str) -> None:
    assert strip_emphasis(written) == printed


def test_emphasis_runs_say_which_style_each_stretch_has() -> None:
    assert emphasis_runs("_face *FILLS* the_ scope") == (
        Run("face ", underline=True),
        Run("FILLS", italic=True, underline=True),
        Run(" the", underline=True),
        Run(" scope"),
    )


def test_emphasis_is_removed_from_text_and_kept_in_raw() -> None:
    element = parse_fountain("STEEL\n*Did you know?*\n").elements[1]
    assert (element.text, element.raw) == ("Did you know?", "*Did you know?*")


# Lines and sources


def test_each_element_knows_the_line_it_starts_on() -> None:
    elements = parse_fountain("Title: X\n\nINT. BARN - DAY\n\nBOB\nHi.\n").elements
    assert [element.line for element in elements] == [3, 5, 6]


def test_windows_and_old_mac_line_endings_and_a_byte_order_mark_are_read() -> None:
    assert texts("\ufeffINT. BARN - DAY\r\n\r\nBOB\rHi.\r\n") == [
        (H, "INT. BARN - DAY"),
        (C, "BOB"),
        (D, "Hi."),
    ]


def test_an_empty_text_is_an_empty_screenplay() -> None:
    screenplay = parse_fountain("")
    assert (screenplay.format, screenplay.elements, screenplay.title_page) == ("fountain", (), ())


# Properties: any text parses, and no line is lost

SAMPLE = """\
Title: The Ferry
Author: Prodoffice tests

EXT. HARBOUR - DAWN #1#

Fog. A FERRY noses out of it.[[Stock shot?]]

MARGIT (V.O.)
Every morning, the same crossing.
(beat)
Every morning, the same faces.

JONAS ^
Not mine.

/* INT. CABIN - DAY
Cut for time. */

> INTERMISSION <

CUT TO:

.THE BRIDGE

~ Row, row, row
= Margit sees the storm.
"""

FOUNTAIN_PIECES = [
    "\n",
    "\n\n",
    "  \n",
    "\t",
    " ",
    "INT. ",
    "EXT. ",
    "I/E ",
    ".",
    "!",
    "@",
    "~",
    "=",
    "===",
    "#",
    "#1A#",
    ">",
    "<",
    "^",
    "(",
    ")",
    "*",
    "**",
    "_",
    "\\",
    "[[",
    "]]",
    "/*",
    "*/",
    ":",
    "Title:",
    "CUT TO:",
    "BOB",
    "Bob",
    "walks",
    "\u00e9",
    "\u2019",
    "\r",
]


@given(st.text())
def test_any_text_parses_without_an_error(text: str) -> None:
    parse_fountain(text)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(FOUNTAIN_PIECES), max_size=60).map("".join))
def test_fountain_like_text_parses_and_loses_no_line(text: str) -> None:
    screenplay = parse_fountain(text)
    assert lost_lines(text, screenplay) == []
    assert_raw_is_the_source(text, screenplay)


@given(st.data())
def test_a_mutated_script_parses_and_loses_no_line(data: st.DataObject) -> None:
    lines = SAMPLE.split("\n")
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(lines) - 1))
        piece = data.draw(st.sampled_from(FOUNTAIN_PIECES))
        column = data.draw(st.integers(0, len(lines[at])))
        lines[at] = lines[at][:column] + piece + lines[at][column:]
    text = "\n".join(lines)
    screenplay = parse_fountain(text)
    assert lost_lines(text, screenplay) == []
    assert_raw_is_the_source(text, screenplay)


def assert_raw_is_the_source(text: str, screenplay: Screenplay) -> None:
    """Each element's raw is its own source lines, and elements come in source order."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff").split("\n")
    previous = 0
    for element in screenplay.elements:
        assert element.line >= previous
        previous = element.line
        if element.type == ElementType.BONEYARD:
            assert element.raw.startswith("/*") and element.raw.endswith("*/")
        else:
            count = element.raw.count("\n") + 1
            assert element.raw == "\n".join(lines[element.line - 1 : element.line - 1 + count])


def test_the_sample_script_reads_as_written() -> None:
    screenplay = parse_fountain(SAMPLE)
    assert screenplay.title == "The Ferry"
    assert texts_of(screenplay) == [
        (H, "EXT. HARBOUR - DAWN"),
        (A, "Fog. A FERRY noses out of it."),
        (C, "MARGIT (V.O.)"),
        (D, "Every morning, the same crossing."),
        (P, "(beat)"),
        (D, "Every morning, the same faces."),
        (C, "JONAS"),
        (D, "Not mine."),
        (ElementType.BONEYARD, "INT. CABIN - DAY\nCut for time."),
        (ElementType.CENTERED, "INTERMISSION"),
        (T, "CUT TO:"),
        (H, "THE BRIDGE"),
        (ElementType.LYRICS, "Row, row, row"),
        (ElementType.SYNOPSIS, "Margit sees the storm."),
    ]
    assert screenplay.warnings == ()
    assert lost_lines(SAMPLE, screenplay) == []

"""Pages as screenwriting software sets them: Courier 12, 54 lines, standard indents."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from prodoffice.domain.screenplay.layout import LETTER, Layout, lay_out, wrap
from prodoffice.domain.screenplay.model import PRINTED, Element, Screenplay
from prodoffice.domain.screenplay.tests.build_screenplay import (
    T,
    action,
    aside,
    cue,
    heading,
    lines,
    page_break,
    says,
    screenplay,
)

PAGE = LETTER.lines_per_page


def where(layout: Layout, index: int) -> tuple[int, int, int]:
    placement = layout.placement(index)
    return placement.page, placement.line, placement.lines


def test_a_page_holds_54_lines_of_text() -> None:
    assert PAGE == 54  # 9 in between 1 in margins, at 6 lines an inch


def test_it_wraps_words_to_the_width_and_breaks_a_word_too_long_for_a_line() -> None:
    assert wrap("word " * 20, 60) == ["word " * 11 + "word", "word " * 7 + "word"]
    assert wrap("x" * 130, 60) == ["x" * 60, "x" * 60, "x" * 10]
    assert wrap("one\n\ntwo", 60) == ["one", "", "two"]
    assert wrap("", 60) == [""]


def test_it_puts_a_blank_line_before_each_element_but_not_inside_a_speech() -> None:
    layout = lay_out(
        screenplay(
            heading("INT. RADIO STUDIO - NIGHT"),
            action("Dave is at the coffee machine."),
            cue("DJ"),
            aside("(bored)"),
            says("Hey everyone."),
            (T.TRANSITION, "CUT TO:"),
        )
    )
    assert [where(layout, i) for i in range(6)] == [
        (1, 0, 1),
        (1, 2, 1),
        (1, 4, 1),
        (1, 5, 1),
        (1, 6, 1),
        (1, 8, 1),
    ]
    assert [layout.placement(i).space for i in range(6)] == [0, 1, 1, 0, 0, 1]
    assert layout.total_lines == 9
    assert layout.pages == 1


def test_each_element_wraps_at_its_own_width() -> None:
    text = "x" * 30 + " " + "y" * 7  # 38 characters
    layout = lay_out(screenplay(action(text), cue("JIM"), says(text), aside("(" + text + ")")))
    assert [layout.placement(i).lines for i in range(4)] == [1, 1, 2, 2]


def test_a_page_ends_after_54_lines_and_the_next_starts_without_a_blank_line() -> None:
    layout = lay_out(screenplay(*[action("Jim waits.")] * 28))
    assert where(layout, 26) == (1, 52, 1)
    assert where(layout, 27) == (2, 0, 1)
    assert layout.placement(27).space == 0
    assert layout.page_lines == (53, 1)
    assert layout.pages == 2


def test_a_scene_heading_is_never_the_last_line_on_a_page() -> None:
    moved = lay_out(screenplay(lines(51), heading("EXT. ROAD - DAY"), action("A car.")))
    assert where(moved, 1) == (2, 0, 1)
    assert where(moved, 2) == (2, 2, 1)
    assert moved.page_lines == (51, 3)

    kept = lay_out(screenplay(lines(50), heading("EXT. ROAD - DAY"), action("A car.")))
    assert where(kept, 1) == (1, 51, 1)
    assert where(kept, 2) == (1, 53, 1)


def test_a_scene_heading_moves_with_the_cue_and_first_line_of_the_speech_below_it() -> None:
    layout = lay_out(screenplay(lines(49), heading("INT. BAR - NIGHT"), cue("JIM"), says("Hi.")))
    # 49 lines, blank, heading, blank, cue, dialogue would be 54; one more would not fit.
    assert where(layout, 1) == (1, 50, 1)
    layout = lay_out(screenplay(lines(50), heading("INT. BAR - NIGHT"), cue("JIM"), says("Hi.")))
    assert where(layout, 1) == (2, 0, 1)
    assert where(layout, 2) == (2, 2, 1)


def test_headings_in_a_row_move_together() -> None:
    layout = lay_out(
        screenplay(lines(50), heading("EXT. ROAD - DAY"), heading("EXT. SKY - DAY"), action("A."))
    )
    assert [where(layout, i) for i in (1, 2, 3)] == [(2, 0, 1), (2, 2, 1), (2, 4, 1)]


def test_a_script_of_nothing_but_headings_lays_out_without_trouble() -> None:
    layout = lay_out(screenplay(*[heading("INT. ROOM - DAY")] * 5000))
    assert layout.pages == 186  # 27 headings a page (1 + 26 x 2 lines), the last alone
    assert layout.placement(4999).page == 186


def test_a_character_cue_is_never_separated_from_its_first_line_of_dialogue() -> None:
    layout = lay_out(screenplay(lines(52), cue("JIM"), says("Hi.")))
    assert where(layout, 1) == (2, 0, 1)
    assert where(layout, 2) == (2, 1, 1)
    assert layout.page_lines == (52, 2)


def test_dialogue_split_across_pages_gets_more_and_a_continued_cue() -> None:
    speech = "\n".join(f"Line {n}." for n in range(20))
    layout = lay_out(screenplay(lines(40), cue("JIM"), says(speech), action("He stops.")))
    # Page 1: 40 lines, blank, cue, 11 lines of dialogue, (MORE). Page 2: JIM (CONT'D), 9 lines.
    character = layout.placement(1)
    assert (character.page, character.line, character.lines, character.end_page) == (1, 41, 3, 2)
    dialogue = layout.placement(2)
    assert (dialogue.page, dialogue.line, dialogue.lines, dialogue.end_page) == (1, 42, 20, 2)
    assert layout.page_lines[0] == PAGE
    assert where(layout, 3) == (2, 11, 1)


def test_dialogue_breaks_only_after_a_sentence() -> None:
    # One sentence over many lines cannot break: the speech moves to the next page.
    speech = " ".join(["word"] * 60) + "."
    layout = lay_out(screenplay(lines(45), cue("JIM"), says(speech)))
    assert where(layout, 1) == (2, 0, 1)
    assert layout.placement(2).end_page == 2


def test_dialogue_does_not_break_after_a_parenthetical() -> None:
    layout = lay_out(
        screenplay(
            lines(47),
            cue("JIM"),
            says("One.\nTwo.\nThree."),
            aside("(beat)"),
            says("Four.\nFive.\nSix."),
        )
    )
    # Page 1 has room for the cue, 4 lines and (MORE): the break falls after "Three.", not
    # after the parenthetical, which goes over with "Four.".
    assert where(layout, 3) == (2, 1, 1)
    assert where(layout, 2) == (1, 49, 3)


def test_action_splits_at_a_sentence_with_two_lines_on_each_side() -> None:
    paragraph = "\n".join(f"Sentence {n}." for n in range(20))
    split = lay_out(screenplay(lines(40), action(paragraph)))
    placement = split.placement(1)
    assert (placement.page, placement.line, placement.lines, placement.end_page) == (1, 41, 20, 2)
    assert split.page_lines == (PAGE, 7)

    two_fit = lay_out(screenplay(lines(51), action(paragraph)))
    assert where(two_fit, 1) == (1, 52, 20)

    one_fits = lay_out(screenplay(lines(52), action(paragraph)))
    assert where(one_fits, 1) == (2, 0, 20)

    would_leave_one = lay_out(screenplay(lines(51), action("One.\nTwo.\nThree.")))
    assert where(would_leave_one, 1) == (2, 0, 3)


def test_action_without_a_sentence_end_moves_whole() -> None:
    layout = lay_out(screenplay(lines(40), action(" ".join(["word"] * 200))))
    assert where(layout, 1) == (2, 0, 17)


def test_a_paragraph_taller_than_a_page_breaks_where_the_page_ends() -> None:
    layout = lay_out(screenplay(action(" ".join(["word"] * 2000))))
    assert layout.placement(0).lines == 167
    assert layout.page_lines == (PAGE, PAGE, PAGE, 5)


def test_a_page_break_starts_a_new_page_but_never_an_empty_one() -> None:
    layout = lay_out(
        screenplay(action("One."), page_break(), page_break(), action("Two."), page_break())
    )
    assert where(layout, 3) == (2, 0, 1)
    assert layout.placement(3).space == 0
    assert where(layout, 1) == (2, 0, 0)
    assert layout.pages == 2


def test_dual_dialogue_prints_side_by_side() -> None:
    layout = lay_out(
        screenplay(
            action("They talk at once."),
            cue("BRICK"),
            says("One.\nTwo.\nThree."),
            cue("STEEL", dual=True),
            says("Four."),
            action("Silence."),
        )
    )
    assert where(layout, 1) == (1, 2, 1)
    assert where(layout, 3) == (1, 2, 1)
    assert where(layout, 4) == (1, 3, 1)
    assert where(layout, 5) == (1, 7, 1)  # after the taller column (4 lines) and a blank


def test_what_never_prints_takes_no_room() -> None:
    layout = lay_out(
        screenplay(
            heading("INT. ROOM - DAY"),
            (T.SYNOPSIS, "Jim arrives."),
            (T.NOTE, "check the lamp"),
            (T.SECTION, "Act one"),
            (T.BONEYARD, "an old scene"),
            action("Jim arrives."),
        )
    )
    assert [layout.placement(i).lines for i in range(6)] == [1, 0, 0, 0, 0, 1]
    assert where(layout, 1) == (*where(layout, 5)[:2], 0)
    assert layout.total_lines == 3


def test_an_empty_script_is_one_empty_page() -> None:
    layout = lay_out(screenplay())
    assert (layout.pages, layout.total_lines, layout.placements) == (1, 0, ())


# Properties, on scripts made of random elements.

_WORDS = st.text(alphabet="abc .!?\n", min_size=0, max_size=300)
_TYPES = st.sampled_from(
    [
        T.SCENE_HEADING,
        T.ACTION,
        T.CHARACTER,
        T.DIALOGUE,
        T.PARENTHETICAL,
        T.TRANSITION,
        T.CENTERED,
        T.LYRICS,
        T.PAGE_BREAK,
        T.NOTE,
        T.SYNOPSIS,
    ]
)


@st.composite
def scripts(draw: st.DrawFn, dual: bool = False) -> Screenplay:
    elements = []
    for line in range(draw(st.integers(min_value=0, max_value=120))):
        kind = draw(_TYPES)
        text = draw(st.text(alphabet="ABC ", max_size=60) if kind == T.CHARACTER else _WORDS)
        elements.append(
            Element(
                type=kind,
                text=text,
                line=line,
                dual=dual and kind == T.CHARACTER and draw(st.booleans()),
            )
        )
    return Screenplay(format="fountain", title_page=(), elements=tuple(elements))


@settings(max_examples=200, deadline=None)
@given(scripts(dual=True))
def test_layout_never_loses_an_element_nor_overfills_a_page(script: Screenplay) -> None:
    layout = lay_out(script)
    assert len(layout.placements) == len(script.elements)
    for element, placement in zip(script.elements, layout.placements, strict=True):
        assert (placement.lines >= 1) == (element.type in PRINTED)
        assert 1 <= placement.page <= placement.end_page <= layout.pages
    assert layout.pages >= 1
    assert len(layout.page_lines) == layout.pages
    assert all(0 <= used <= PAGE for used in layout.page_lines)
    assert sum(layout.page_lines) == layout.total_lines


@settings(max_examples=200, deadline=None)
@given(scripts())
def test_every_printed_line_is_counted_once_in_order(script: Screenplay) -> None:
    layout = lay_out(script)
    placements = layout.placements
    assert sum(p.lines + p.space for p in placements) == layout.total_lines
    pages = [p.page for p in placements]
    assert pages == sorted(pages)
    offsets = [p.offset for p in placements]
    assert offsets == sorted(offsets)
    for element, placement in zip(script.elements, placements, strict=True):
        if element.type in PRINTED:
            # Each line of the text prints; a cue adds (MORE) and a continued cue when split.
            assert placement.lines >= len(wrap(element.text, 60))

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import missing_in_ci
from prodoffice.domain.screenplay.fdx import parse_fdx
from prodoffice.domain.screenplay.model import ElementType, Screenplay, ScreenplayError

DATA = Path(__file__).resolve().parents[4].parent / "shared" / "data"
SCREENPLAYS = DATA / "screenplays"
CONFORMANCE = DATA / "fountain-conformance"

# The same Final Draft test script, as Final Draft and as Fade In export it.
TITLE_PAGE = (
    ("Title", "FDX Test Script"),
    ("Credit", "Written by"),
    ("Author", "Ian"),
    ("Copyright", "Copyright (c) 2026"),
    ("Draft date", "Draft\ninformation"),
    ("Contact", "Contact\ninformation"),
)


def sample(path: Path) -> bytes:
    if not path.is_file():
        missing_in_ci(f"the shared screenplay samples ({path})")
    return path.read_bytes()


def fdx(content: str, *, title_page: str = "", extra: str = "") -> bytes:
    """A small Final Draft document around the given <Content> paragraphs."""
    title = f"<TitlePage><Content>{title_page}</Content></TitlePage>" if title_page else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n'
        '<FinalDraft DocumentType="Script" Template="No" Version="5">\n'
        f"<Content>{content}</Content>{title}{extra}</FinalDraft>"
    ).encode()


def para(kind: str, text: str, attributes: str = "") -> str:
    return f'<Paragraph Type="{kind}"{attributes}><Text>{escape(text)}</Text></Paragraph>'


def kinds(screenplay: Screenplay) -> list[tuple[ElementType, str]]:
    return [(element.type, element.text) for element in screenplay.elements]


@pytest.fixture(scope="module")
def final_draft_export() -> bytes:
    return sample(SCREENPLAYS / "screenplaytools_TestFDX-FD.finaldraft.fdx")


# --- real files ------------------------------------------------------------------------------


def test_the_final_draft_export_starts_with_its_first_scene(final_draft_export: bytes) -> None:
    screenplay = parse_fdx(final_draft_export)

    first = screenplay.elements[0]
    assert screenplay.format == "fdx"
    assert (first.type, first.text, first.scene_number) == (
        ElementType.SCENE_HEADING,
        "INT. RADIO STUDIO",
        "1",
    )
    assert screenplay.warnings == ()


def test_the_conformance_copies_start_with_int_radio_studio() -> None:
    for name in ("TestFDX-FD.fdx", "TestFDX-FI.fdx"):
        screenplay = parse_fdx(sample(CONFORMANCE / "screenplay-tools" / name))
        first = screenplay.elements[0]
        assert (first.type, first.text) == (ElementType.SCENE_HEADING, "INT. RADIO STUDIO")


def test_final_draft_and_fade_in_exports_read_the_same() -> None:
    final_draft = parse_fdx(sample(CONFORMANCE / "screenplay-tools" / "TestFDX-FD.fdx"))
    fade_in = parse_fdx(sample(CONFORMANCE / "screenplay-tools" / "TestFDX-FI.fdx"))

    assert kinds(final_draft) == kinds(fade_in)
    assert final_draft.title_page == fade_in.title_page == TITLE_PAGE
    assert [e.type for e in final_draft.elements].count(ElementType.SCENE_HEADING) == 2
    assert kinds(final_draft)[-1] == (ElementType.TRANSITION, "FADE TO BLACK")


def test_scene_properties_keep_what_final_draft_measured(final_draft_export: bytes) -> None:
    headings = [
        e for e in parse_fdx(final_draft_export).elements if e.type is ElementType.SCENE_HEADING
    ]

    assert [(h.scene_number, h.properties) for h in headings] == [
        ("1", (("Length", "3/8"), ("Page", "1"))),
        ("2", (("Length", "2/8"), ("Page", "1"))),
    ]


def test_the_title_page_becomes_fountain_keys(final_draft_export: bytes) -> None:
    screenplay = parse_fdx(final_draft_export)

    assert screenplay.title_page == TITLE_PAGE
    assert screenplay.title == "FDX Test Script"


def test_element_line_is_the_paragraph_index(final_draft_export: bytes) -> None:
    lines = [e.line for e in parse_fdx(final_draft_export).elements]

    assert lines == list(range(1, 17))


@pytest.mark.parametrize(
    ("name", "scenes", "speaking"),
    [("big_fish.screenplain.fdx", 190, 48), ("brick_and_steel.screenplain.fdx", 8, 7)],
)
def test_scene_counts_agree_with_other_parsers(name: str, scenes: int, speaking: int) -> None:
    screenplay = parse_fdx(sample(SCREENPLAYS / name))
    types = Counter(e.type for e in screenplay.elements)
    names = {
        e.text.split("(")[0].strip() for e in screenplay.elements if e.type is ElementType.CHARACTER
    }

    assert types[ElementType.SCENE_HEADING] == scenes
    assert len(names) == speaking
    assert screenplay.warnings == ()


def test_dual_dialogue_marks_the_second_speech() -> None:
    screenplay = parse_fdx(sample(CONFORMANCE / "screenplain" / "dual-dialogue.fdx"))

    assert [(e.type, e.text, e.dual) for e in screenplay.elements] == [
        (ElementType.CHARACTER, "GIRL", False),
        (ElementType.DIALOGUE, "Hey!", False),
        (ElementType.CHARACTER, "GUY", True),
        (ElementType.DIALOGUE, "Hello!", True),
    ]
    assert [e.line for e in screenplay.elements] == [2, 3, 4, 5]  # 1 is the wrapper


def test_dual_dialogue_in_a_whole_script() -> None:
    screenplay = parse_fdx(sample(SCREENPLAYS / "brick_and_steel.screenplain.fdx"))

    assert [(e.text, e.dual) for e in screenplay.elements if e.dual] == [
        ("BRICK", True),
        ("Screw retirement.", True),
    ]


def test_text_runs_are_joined_with_their_line_breaks() -> None:
    screenplay = parse_fdx(sample(CONFORMANCE / "screenplain" / "simple.fdx"))

    assert kinds(screenplay)[2] == (
        ElementType.ACTION,
        "It's a sunny day.\nSunnier than normal.\nToo sunny to be funny.",
    )


def test_action_keeps_the_indentation_typed() -> None:
    screenplay = parse_fdx(sample(CONFORMANCE / "screenplain" / "indentation.fdx"))

    assert [e.text for e in screenplay.elements[1:]] == [
        "    Four spaces",
        "   Three spaces",
        "  Two spaces",
        " One space",
        "No spaces",
    ]


def test_centred_action_is_centered_text() -> None:
    screenplay = parse_fdx(sample(SCREENPLAYS / "big_fish.screenplain.fdx"))

    assert kinds(screenplay)[-1] == (ElementType.CENTERED, "THE END")


def test_non_latin_text_survives() -> None:
    screenplay = parse_fdx(sample(CONFORMANCE / "screenplain" / "extended-characters.fdx"))

    # The sample's own words in Japanese, Russian, Chinese, Korean and Arabic.
    words = "Hello\nこんにちは\nпривет\n你好\n안녕하세요\nأهلا"  # noqa: RUF001
    assert screenplay.elements[0].text == words


def test_a_script_note_belongs_to_its_paragraph() -> None:
    heading = parse_fdx(sample(CONFORMANCE / "afterwriting" / "header_note.fdx")).elements
    action = parse_fdx(sample(CONFORMANCE / "afterwriting" / "note.fdx")).elements

    assert [(e.text, e.notes) for e in heading] == [
        ("INT. SCENE HEADING - DAY", ("Note in scene heading.",))
    ]
    assert [(e.text, e.notes) for e in action] == [
        ("Action. Action.", ("Note in action. Note. Note. Note.",))
    ]


def test_a_scene_summary_is_its_synopsis() -> None:
    screenplay = parse_fdx(sample(CONFORMANCE / "afterwriting" / "synopsis.fdx"))

    assert kinds(screenplay) == [
        (ElementType.SCENE_HEADING, "INT. SCENE HEADING - DAY"),
        (ElementType.SYNOPSIS, "Here is the synopsis."),
    ]


@pytest.mark.parametrize(
    "name",
    [
        "dialogue-with-blank-line.fdx",
        "dialogue.fdx",
        "dual-dialogue.fdx",
        "extended-characters.fdx",
        "forced-action.fdx",
        "indentation.fdx",
        "parenthetical.fdx",
        "simple.fdx",
        "utf-8-bom.fdx",
    ],
)
def test_every_screenplain_fdx_reads_cleanly(name: str) -> None:
    screenplay = parse_fdx(sample(CONFORMANCE / "screenplain" / name))

    assert screenplay.elements
    assert screenplay.warnings == ()
    assert all(e.text and e.text == e.text.rstrip() for e in screenplay.elements)


# --- paragraph types -------------------------------------------------------------------------


def test_a_shot_is_camera_direction_not_a_new_scene() -> None:
    screenplay = parse_fdx(
        fdx(para("Scene Heading", "INT. KITCHEN - DAY") + para("Shot", "CLOSE ON THE KNIFE"))
    )

    shot = screenplay.elements[1]
    assert (shot.type, shot.text, shot.forced) == (ElementType.ACTION, "CLOSE ON THE KNIFE", False)


def test_general_paragraphs_are_action() -> None:
    screenplay = parse_fdx(
        fdx(para("General", "Some words.") + "<Paragraph><Text>More.</Text></Paragraph>")
    )

    assert kinds(screenplay) == [(ElementType.ACTION, "Some words."), (ElementType.ACTION, "More.")]


def test_an_unknown_type_is_read_as_action_with_one_warning() -> None:
    screenplay = parse_fdx(
        fdx(para("Beat", "A pause.") + para("Action", "x") + para("Beat", "Another."))
    )

    assert kinds(screenplay) == [
        (ElementType.ACTION, "A pause."),
        (ElementType.ACTION, "x"),
        (ElementType.ACTION, "Another."),
    ]
    assert len(screenplay.warnings) == 1
    assert screenplay.warnings[0].line == 1
    assert '"Beat"' in screenplay.warnings[0].message
    assert "2 paragraphs" in screenplay.warnings[0].message


def test_outline_elements_are_sections_and_synopses() -> None:
    screenplay = parse_fdx(
        fdx(
            para("Outline 2", "Act one")
            + para("Outline Body", "Things go wrong.")
            + para("Scene Heading", "EXT. FIELD - DAY")
        )
    )

    assert [(e.type, e.depth) for e in screenplay.elements] == [
        (ElementType.SECTION, 2),
        (ElementType.SYNOPSIS, 0),
        (ElementType.SCENE_HEADING, 0),
    ]


def test_a_new_act_starts_a_page_and_prints_centred() -> None:
    screenplay = parse_fdx(
        fdx(para("Action", "The end of the teaser.") + para("New Act", "act one"))
    )

    assert kinds(screenplay) == [
        (ElementType.ACTION, "The end of the teaser."),
        (ElementType.PAGE_BREAK, ""),
        (ElementType.CENTERED, "ACT ONE"),
    ]


def test_all_caps_elements_print_in_capitals() -> None:
    settings = (
        '<ElementSettings Type="Scene Heading"><FontSpec Style="AllCaps"/>'
        '<ParagraphSpec Alignment="Left" StartsNewPage="No"/></ElementSettings>'
    )
    screenplay = parse_fdx(
        fdx(para("Scene Heading", "int. kitchen - day") + para("Character", "bob"), extra=settings)
    )

    assert [e.text for e in screenplay.elements] == ["INT. KITCHEN - DAY", "BOB"]
    assert screenplay.elements[0].raw == "int. kitchen - day"


def test_scene_numbers_are_kept_as_written() -> None:
    screenplay = parse_fdx(fdx(para("Scene Heading", "INT. HALL - NIGHT", ' Number="12A"')))

    assert screenplay.elements[0].scene_number == "12A"


def test_empty_paragraphs_give_no_element_but_count_as_lines() -> None:
    screenplay = parse_fdx(
        fdx(para("Action", "One.") + '<Paragraph Type="Action"/>' + para("Action", "Two."))
    )

    assert [(e.text, e.line) for e in screenplay.elements] == [("One.", 1), ("Two.", 3)]


def test_final_draft_script_notes_are_placed_by_their_range() -> None:
    notes = (
        '<ScriptNotes><ScriptNote ID="1" Range="12,15"><Paragraph><Text>Check this prop.'
        '</Text></Paragraph></ScriptNote><ScriptNote ID="2"><Paragraph><Text>Loose note.'
        "</Text></Paragraph></ScriptNote></ScriptNotes>"
    )
    screenplay = parse_fdx(
        fdx(para("Action", "First line.") + para("Action", "Second line."), extra=notes)
    )

    assert [(e.type, e.text, e.notes) for e in screenplay.elements] == [
        (ElementType.ACTION, "First line.", ()),
        (ElementType.ACTION, "Second line.", ("Check this prop.",)),
        (ElementType.NOTE, "Loose note.", ()),
    ]
    assert len(screenplay.warnings) == 1


# --- title pages -----------------------------------------------------------------------------


def title_page(*lines: str) -> tuple[tuple[str, str], ...]:
    paragraphs = "".join(
        f'<Paragraph Alignment="Center"><Text>{escape(line)}</Text></Paragraph>'
        if line
        else '<Paragraph Alignment="Center"/>'
        for line in lines
    )
    return parse_fdx(fdx(para("Action", "x"), title_page=paragraphs)).title_page


def test_a_title_page_with_source_notes_and_copyright() -> None:
    pairs = title_page(
        "BIG FISH",
        "",
        "written by",
        "John August",
        "",
        "based on the novel by",
        "Daniel Wallace",
        "",
        "FINAL PRODUCTION DRAFT",
        "includes post-production dialogue",
        "and omitted scenes",
        "",
        "(c) 2003 Columbia Pictures",
    )

    assert pairs == (
        ("Title", "BIG FISH"),
        ("Credit", "written by"),
        ("Author", "John August"),
        ("Source", "based on the novel by\nDaniel Wallace"),
        ("Notes", "FINAL PRODUCTION DRAFT\nincludes post-production dialogue\nand omitted scenes"),
        ("Copyright", "(c) 2003 Columbia Pictures"),
    )


def test_a_title_page_with_a_two_line_title_a_date_and_an_address() -> None:
    pairs = title_page(
        "BRICK & STEEL",
        "FULL RETIRED",
        "",
        "Written by Stu Maschwitz",
        "",
        "Story by KTM",
        "",
        "1/27/2012",
        "",
        "Next Level Productions",
        "1588 Mission Dr.",
        "Solvang, CA 93463",
    )

    assert pairs == (
        ("Title", "BRICK & STEEL\nFULL RETIRED"),
        ("Credit", "Written by"),
        ("Author", "Stu Maschwitz"),
        ("Source", "Story by KTM"),
        ("Draft date", "1/27/2012"),
        ("Contact", "Next Level Productions\n1588 Mission Dr.\nSolvang, CA 93463"),
    )


def test_a_title_page_without_a_credit_still_has_a_title() -> None:
    assert title_page("UNTITLED", "", "Some remark") == (
        ("Title", "UNTITLED"),
        ("Notes", "Some remark"),
    )


def test_a_script_without_a_title_page_has_none() -> None:
    assert parse_fdx(fdx(para("Action", "x"))).title_page == ()


# --- encodings -------------------------------------------------------------------------------


def test_utf16_with_a_byte_order_mark_is_read() -> None:
    document = fdx(para("Action", "Café crème.")).decode().replace('"UTF-8"', '"UTF-16"')
    screenplay = parse_fdx(document.encode("utf-16"))

    assert screenplay.elements[0].text == "Café crème."
    assert screenplay.encoding.startswith("utf-16")


def test_a_declared_latin1_file_is_read_as_declared() -> None:
    document = fdx(para("Action", "Café.")).decode().replace('"UTF-8"', '"ISO-8859-1"')
    screenplay = parse_fdx(document.encode("latin-1"))

    assert (screenplay.elements[0].text, screenplay.encoding) == ("Café.", "iso8859-1")
    assert screenplay.warnings == ()


def test_an_undeclared_windows_file_is_read_with_a_warning() -> None:
    document = '<FinalDraft><Content><Paragraph Type="Action"><Text>“Café”</Text></Paragraph>'
    screenplay = parse_fdx((document + "</Content></FinalDraft>").encode("cp1252"))

    assert (screenplay.elements[0].text, screenplay.encoding) == ("“Café”", "cp1252")
    assert "not UTF-8" in screenplay.warnings[0].message


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "this .fdx is empty"),
        (b"INT. HOUSE - DAY\n\nBob enters.", "this .fdx is not XML (line 1, column 1: "),
        (b"<FinalDraft>\n<Content>\n<Pa<ragraph>", "this .fdx is not XML (line 3, column 4: "),
        (b"<html><body/></html>", "its root element is <html>, not <FinalDraft>"),
        (b"<FinalDraft/>", "has no <Content>"),
        (b"<FinalDraft><Content/></FinalDraft>", "has no script text"),
        (b'<FinalDraft><Content><Paragraph Type="Action"/></Content></FinalDraft>', "no script"),
        (b'<?xml version="1.0" encoding="klingon"?><FinalDraft/>', "'klingon' encoding"),
        (b'<?xml version="1.0" encoding="base64"?><FinalDraft/>', "cannot be read as base64"),
    ],
)
def test_it_refuses_what_is_not_a_final_draft_script(data: bytes, message: str) -> None:
    with pytest.raises(ScreenplayError, match=message.replace("(", r"\(").replace(".", r"\.")):
        parse_fdx(data)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<FinalDraft><Content><Paragraph Type="Action"><Text>&lol9;</Text></Paragraph></Content></FinalDraft>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE FinalDraft [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<FinalDraft><Content><Paragraph Type="Action">
<Text>&secret;</Text>
</Paragraph></Content></FinalDraft>
"""


@pytest.mark.parametrize("document", [BILLION_LAUGHS, EXTERNAL_ENTITY])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-be"])
def test_it_refuses_entities_quickly(document: str, encoding: str) -> None:
    started = time.perf_counter()
    with pytest.raises(ScreenplayError, match="DTD") as refused:
        parse_fdx(document.encode(encoding))

    assert time.perf_counter() - started < 1
    assert "root:" not in str(refused.value)


def test_deep_nesting_is_read_without_recursion() -> None:
    depth = 100_000
    nested = "<Paragraph>" * depth + "<Text>deep</Text>" + "</Paragraph>" * depth
    screenplay = parse_fdx(fdx(nested))

    assert [e.text for e in screenplay.elements] == ["deep"]
    assert screenplay.warnings


@settings(max_examples=300)
@given(st.binary(max_size=2000))
def test_random_bytes_raise_nothing_but_screenplay_error(data: bytes) -> None:
    try:
        parse_fdx(data)
    except ScreenplayError as error:
        assert str(error)


@settings(max_examples=200, deadline=None)
@given(
    cut=st.integers(min_value=0),
    flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=8),
    inserts=st.lists(st.tuples(st.integers(min_value=0), st.binary(max_size=12)), max_size=3),
)
def test_mutated_real_files_raise_nothing_but_screenplay_error(
    final_draft_export: bytes,
    cut: int,
    flips: list[tuple[int, int]],
    inserts: list[tuple[int, bytes]],
) -> None:
    data = bytearray(final_draft_export)
    for position, junk in inserts:
        at = position % len(data)
        data[at:at] = junk
    for position, byte in flips:
        data[position % len(data)] = byte
    data = data[: len(data) - cut % (len(data) // 2 + 1)]
    try:
        parse_fdx(bytes(data))
    except ScreenplayError as error:
        assert str(error)


XML_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff").filter(
        lambda c: c != "\x85"
    )
    | st.sampled_from("\n\t "),
    min_size=1,
).filter(lambda text: text.strip())


@settings(max_examples=200)
@given(XML_TEXT)
def test_no_text_is_lost(text: str) -> None:
    screenplay = parse_fdx(fdx(para("Action", text)))

    assert screenplay.elements[0].raw == text
    assert screenplay.elements[0].text == text.rstrip().lstrip("\n")

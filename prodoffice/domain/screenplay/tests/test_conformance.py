"""Our Fountain parser against other parsers' fixtures, read from ../shared/data/.

Each peer writes its expectations in its own form, so each suite has a converter from our
model to that form. What the converters do beyond renaming is representation only:

- Peers hold consecutive action paragraphs as one element with the blank lines inside it;
  we hold one element per paragraph. The converters join our paragraphs back with as many
  blank lines as the source has between them. The other way round, nyousefi's parser holds
  each `> centered <` line as an element where we hold the paragraph, so its converter
  counts a centered paragraph once per line.
- Peers keep emphasis markers (`*`, `_`) in their text; our `text` has them removed, so the
  expectation goes through our `strip_emphasis` (emphasis itself is checked against
  screenplay-tools' Formatted.txt, paragraph by paragraph).
- screenplay-tools writes each blank line as an empty `ACTION:""` and keeps the spaces inside
  `> centered <` and the indentation of title-page values; Jouvence puts the blank lines
  after a heading or dialogue into the next action. We keep none of them, so they are
  taken out of the expectation, as are screenplay-tools' `[[0]]` and `/*0*/` placeholders
  (the notes and boneyards themselves are compared at the end of its dump).
- screenplain's own runner compares its HTML with whitespace collapsed; so does ours.

Where a fixture encodes a peer's own reading that the Fountain 1.1 spec does not support,
the case is in EXPECTED_DEVIATIONS with the reason and runs as a strict xfail: if we ever
agree with the peer, the test says so. Nothing is skipped, except when the data folder is
absent on a developer's machine (in CI that fails).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from fnmatch import fnmatch
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import missing_in_ci
from prodoffice.domain.screenplay.decoding import decode
from prodoffice.domain.screenplay.emphasis import emphasis_runs, strip_emphasis
from prodoffice.domain.screenplay.fountain import parse_fountain
from prodoffice.domain.screenplay.model import Element, ElementType, Screenplay
from prodoffice.domain.screenplay.tests.test_fountain import lost_lines

DATA = Path(__file__).resolve().parents[4].parent / "shared" / "data"
CONFORMANCE = DATA / "fountain-conformance"
SCREENPLAY_TOOLS = CONFORMANCE / "screenplay-tools"
JOUVENCE = CONFORMANCE / "jouvence"
SCREENPLAIN = CONFORMANCE / "screenplain"
NYOUSEFI = CONFORMANCE / "nyousefi-fountain"
BETTERFOUNTAIN = CONFORMANCE / "betterfountain"

EXPECTED_DEVIATIONS = {
    "screenplay-tools/Character": (
        "screenplay-tools reads '3CPO' and 'AND ^ (Dual)' as action; the spec makes any "
        "all-capitals line with a letter a character ('R2D2 works, 23 does not'), and a "
        "'^' that does not end the line is part of the name, not a dual-dialogue mark"
    ),
    "screenplay-tools/Sections": (
        "screenplay-tools reads a lone 'CUT TO:' on the first line as a title-page key "
        "with no value; with no value under a title-page key there is no title page, so we "
        "read a transition"
    ),
    "screenplay-tools/Boneyards": (
        "screenplay-tools reads 'CUT TO:' right before a /* boneyard */ as action and puts "
        "the boneyard inside it; we read a boneyard that fills whole lines as a paragraph "
        "break (as screenplain does), so 'CUT TO:' stays a transition (and the boneyard's "
        "text loses the line breaks right inside /* and */)"
    ),
    "screenplay-tools/Notes": (
        "screenplay-tools closes a [[note]] at a blank line and then carries the rest of the "
        "paragraph into the dialogue before it; the spec says a note cannot hold a blank line "
        "(use two spaces), so the unclosed '[[' and the ']]' after the blank line stay as "
        "action text, and 'His hand is an inch...' after a blank line is action"
    ),
    "screenplay-tools/Tags": (
        "'#tag' at the end of a line is screenplay-tools' own extension (parser option "
        "useTags), not Fountain 1.1: we keep the text as written"
    ),
    "screenplay-tools/Formatted#2": (
        "screenplay-tools does not render *italics* inside _underline_; the spec's own "
        "example (_Steel's face FILLS the *Leupold Mark 4* scope_) combines them"
    ),
    "jouvence/test_lyrics.yaml#2": (
        "Jouvence makes '~This is lyrics' followed by a plain line one action; the spec "
        "makes every line starting with '~' a lyric (screenplay-tools agrees)"
    ),
    "screenplain/forced-transition": (
        "screenplain upper-cases a transition forced with '>' when it writes HTML; we keep "
        "the text as written (the spec's own example, '> Burn to White.', is mixed case)"
    ),
}

# Files in the fixture folders that are not cases here, and why: none is left out unnamed.
# (Every .fountain file among them still goes through the no-line-lost check below.)
NOT_CASES = {
    "screenplay-tools/SimpleCallbackParser.txt": "the event stream of its callback API",
    "screenplay-tools/*-output.fountain": "expected output of its Fountain writer",
    "screenplay-tools/TestFDX-*": "its FDX reader and writer tests: FDX is fdx.py's to test",
    "screenplain/*.fdx": "expected output of its FDX writer",
    "screenplain/title-page.fountain": "screenplain keeps no expectation for it",
    "screenplain/README": "describes the folder",
    "nyousefi-fountain/*": "its other tests assert in Objective-C code, not in data",
    "afterwriting/*": "inputs of its JavaScript unit tests and expected FDX writer output",
}


def _case(suite: str, name: str, *values: object) -> Any:
    key = f"{suite}/{name}"
    marks = []
    if key in EXPECTED_DEVIATIONS:
        marks.append(pytest.mark.xfail(strict=True, reason=EXPECTED_DEVIATIONS[key]))
    return pytest.param(*values, id=key, marks=marks)


def _absent(folder: Path, arity: int) -> list[Any]:
    return [pytest.param(*([None] * arity), id=f"{folder.name}-missing")]


def _require(value: object, folder: Path) -> None:
    if value is None:
        missing_in_ci(f"the shared test data in {folder}")


def _parse_file(path: Path) -> tuple[str, Screenplay]:
    text, _ = decode(path.read_bytes())
    return text, parse_fountain(text)


def _blank_lines_between(source_lines: list[str], before: Element, after: Element) -> int:
    last = before.line + before.raw.count("\n")  # 1-based last line of `before`
    return sum(1 for line in source_lines[last : after.line - 1] if not line.strip())


# screenplay-tools: X.fountain -> X.txt, a dump of its elements


def screenplay_tools_dump(
    screenplay: Screenplay, source: str, *, merge_actions: bool = True, merge_dialogue: bool = True
) -> str:
    """Our screenplay in screenplay-tools' `Script.dump()` form."""
    lines = source.split("\n")
    out = [f'TITLEENTRY:"{key}":"{value}"' for key, value in screenplay.title_page]
    notes: list[str] = []
    boneyards: list[str] = []
    previous_action: Element | None = None
    for element in screenplay.elements:
        kind = element.type
        if kind == ElementType.NOTE:
            notes.extend(element.notes)
            continue
        if kind == ElementType.BONEYARD:
            boneyards.append(element.text)
            continue
        notes.extend(element.notes)
        if kind == ElementType.ACTION:
            if not merge_actions:
                out.extend(f'ACTION:"{line}"' for line in element.text.split("\n"))
            elif previous_action is not None:
                gap = "\n" * (1 + _blank_lines_between(lines, previous_action, element))
                out[-1] = f'{out[-1][:-1]}{gap}{element.text}"'
            else:
                out.append(f'ACTION:"{element.text}"')
            previous_action = element
            continue
        previous_action = None
        if kind == ElementType.SCENE_HEADING:
            number = f" ({element.scene_number})" if element.scene_number else ""
            out.append(f'HEADING:"{element.text}"{number}')
        elif kind == ElementType.CHARACTER:
            name, _, rest = element.text.partition("(")
            extensions = [
                extension
                for extension in re.findall(r"\(([^)]*)\)", "(" + rest if rest else "")
                if extension.upper().replace("\u2019", "'") not in ("CONT'D", "CONT", "CONTD")
            ]
            line = f'CHARACTER:"{name.strip()}"'
            line += f' "({extensions[0]})"' if extensions else ""
            out.append(line + (" (Dual)" if element.dual else ""))
        elif kind == ElementType.DIALOGUE:
            spoken = element.text.split("\n") if not merge_dialogue else [element.text]
            out.extend(f'DIALOGUE:"{line}"' for line in spoken)
        elif kind == ElementType.PARENTHETICAL:
            out.append(f'PARENTHETICAL:"{element.text.removeprefix("(").removesuffix(")")}"')
        elif kind == ElementType.CENTERED:
            out.append(f'ACTION:"{element.text}" (centered)')
        elif kind == ElementType.PAGE_BREAK:
            out.append('PAGEBREAK:""')
        elif kind == ElementType.SECTION:
            out.append(f'SECTION:"{element.text}" ({element.depth})')
        else:
            name = {ElementType.LYRICS: "LYRIC"}.get(kind, kind.name)
            out.append(f'{name}:"{element.text}"')
    out.extend(f'[[{number}]]NOTE:"{note}"' for number, note in enumerate(notes))
    out.extend(f'/*{number}*/BONEYARD:"{text}"' for number, text in enumerate(boneyards))
    return "\n".join(out)


_DUMP_RECORD = re.compile(
    r'^(?P<prefix>\[\[\d+\]\]|/\*\d+\*/)?(?P<type>[A-Z]+):(?P<key>"[^"\n]*":)?"(?P<body>.*?)"'
    r'(?P<suffix>(?: "\([^"\n]*\)")?(?: \([^()\n]*\))*(?: tags:\S*)?)$',
    re.MULTILINE | re.DOTALL,
)


def screenplay_tools_in_our_terms(dump: str) -> str:
    records = list(_DUMP_RECORD.finditer(dump))
    assert "\n".join(record.group(0) for record in records) == dump, "unreadable dump"
    out = []
    for record in records:
        prefix, kind, key, body, suffix = record.group("prefix", "type", "key", "body", "suffix")
        if prefix is None:
            if kind == "ACTION" and body == "":
                continue  # a blank line
            body = re.sub(r"\[\[\d+\]\]|/\*\d+\*/", "", body)
            if kind == "TITLEENTRY":
                body = "\n".join(line.strip() for line in body.split("\n")).strip("\n")
            else:
                body = strip_emphasis(body)
            if "(centered)" in suffix:
                body = body.strip()
        out.append(f'{prefix or ""}{kind}:{key or ""}"{body}"{suffix}')
    return "\n".join(out)


def _screenplay_tools_cases() -> list[Any]:
    if not SCREENPLAY_TOOLS.is_dir():
        return _absent(SCREENPLAY_TOOLS, 4)
    cases = []
    for expected in sorted(SCREENPLAY_TOOLS.glob("*.txt")):
        name = expected.stem
        if f"screenplay-tools/{expected.name}" in NOT_CASES or name == "Formatted":
            continue
        source, _, variant = name.partition("-")
        merged = variant != "Unmerged"
        cases.append(
            _case(
                "screenplay-tools",
                name,
                SCREENPLAY_TOOLS / f"{source}.fountain",
                expected,
                merged or source != "Action",
                merged or source != "Dialogue",
            )
        )
    return cases


@pytest.mark.parametrize(
    ("source", "expected", "merge_actions", "merge_dialogue"), _screenplay_tools_cases()
)
def test_screenplay_tools_dumps_agree(
    source: Path | None, expected: Path | None, merge_actions: bool, merge_dialogue: bool
) -> None:
    _require(source, SCREENPLAY_TOOLS)
    assert source is not None and expected is not None
    text, screenplay = _parse_file(source)
    ours = screenplay_tools_dump(
        screenplay, text, merge_actions=merge_actions, merge_dialogue=merge_dialogue
    )
    assert ours == screenplay_tools_in_our_terms(expected.read_text(encoding="utf-8"))


def _html(element: Element) -> str:
    out = []
    for run in emphasis_runs(element.raw):
        tags = [tag for tag, on in (("b", run.bold), ("i", run.italic), ("u", run.underline)) if on]
        opening = "".join(f"<{tag}>" for tag in tags)
        closing = "".join(f"</{tag}>" for tag in reversed(tags))
        out.append(f"{opening}{run.text}{closing}")
    return "".join(out)


def _formatted_cases() -> list[Any]:
    expected = SCREENPLAY_TOOLS / "Formatted.txt"
    if not expected.exists():
        return _absent(SCREENPLAY_TOOLS, 2)
    paragraphs = expected.read_text(encoding="utf-8").split("\n\n")
    return [
        _case("screenplay-tools", f"Formatted#{number}", number, paragraph)
        for number, paragraph in enumerate(paragraphs, start=1)
    ]


@pytest.mark.parametrize(("number", "expected"), _formatted_cases())
def test_screenplay_tools_emphasis_agrees(number: int | None, expected: str | None) -> None:
    _require(number, SCREENPLAY_TOOLS)
    assert number is not None
    _, screenplay = _parse_file(SCREENPLAY_TOOLS / "Formatted.fountain")
    assert all(element.type == ElementType.ACTION for element in screenplay.elements)
    assert _html(screenplay.elements[number - 1]) == expected


# Jouvence: YAML documents of `in:` Fountain and `out:` elements in prefix codes


def load_yaml_documents(text: str) -> list[dict[str, Any]]:
    """The few YAML forms Jouvence's fixtures use; anything else fails loudly.

    (PyYAML is not a dependency of the project, and these files need only this much.)
    """
    documents = []
    for chunk in re.split(r"^---[ \t]*$", text, flags=re.MULTILINE):
        lines = chunk.split("\n")
        document: dict[str, Any] = {}
        i = 0
        while i < len(lines):
            line = lines[i]
            i += 1
            if not line.strip():
                continue
            match = re.fullmatch(r"(\w+):[ \t]*(.*?)[ \t]*", line)
            if match is None:
                raise ValueError(f"unexpected YAML line {line!r}")
            key, value = match.groups()
            nested = []
            while i < len(lines) and (not lines[i].strip() or lines[i][:1] in (" ", "\t")):
                nested.append(lines[i])
                i += 1
            document[key] = _yaml_value(value, nested)
        if document:
            documents.append(document)
    return documents


def _yaml_value(value: str, nested: list[str]) -> Any:
    if value == "|":
        indent = min(len(line) - len(line.lstrip(" ")) for line in nested if line.strip())
        body = [line[indent:] for line in nested]
        while body and not body[-1].strip():
            body.pop()
        return "\n".join(body) + "\n"
    if value:
        if any(line.strip() for line in nested):
            raise ValueError(f"unexpected YAML after {value!r}")
        return _yaml_scalar(value)
    items = [line.strip() for line in nested if line.strip()]
    if all(item.startswith("- ") for item in items):
        return [_yaml_scalar(item[2:]) for item in items]
    mapping = {}
    for item in items:
        key, _, scalar = item.partition(":")
        mapping[key.strip()] = _yaml_scalar(scalar.strip())
    return mapping


def _yaml_scalar(value: str) -> Any:
    if value == "[]":
        return []
    if value == "{}":
        return {}
    if value.startswith('"'):
        return json.loads(value)
    if value.startswith("'"):
        if not value.endswith("'"):
            raise ValueError(f"unexpected YAML scalar {value!r}")
        return value[1:-1].replace("''", "'")
    return value


Scenes = list[tuple[str | None, list[tuple[str, str]]]]


def jouvence_scenes(screenplay: Screenplay, source: str) -> Scenes:
    """Our elements as Jouvence's scenes: a heading, then its paragraphs in Jouvence's codes."""
    codes = {
        ElementType.CENTERED: "!><",
        ElementType.CHARACTER: "@",
        ElementType.DIALOGUE: "=",
        ElementType.PARENTHETICAL: "_",
        ElementType.TRANSITION: ">",
        ElementType.LYRICS: "~",
        ElementType.SECTION: "#",
        ElementType.SYNOPSIS: "+",
        ElementType.PAGE_BREAK: "<pagebreak>",
    }
    lines = source.split("\n")
    scenes: Scenes = [(None, [])]
    previous_action: Element | None = None
    for element in screenplay.elements:
        if element.type in (ElementType.NOTE, ElementType.BONEYARD):
            continue
        if element.type == ElementType.SCENE_HEADING:
            scenes.append((element.text, []))
        elif element.type == ElementType.ACTION:
            paragraphs = scenes[-1][1]
            if previous_action is not None:
                gap = "\n" * (1 + _blank_lines_between(lines, previous_action, element))
                paragraphs[-1] = ("!", paragraphs[-1][1] + gap + element.text)
            else:
                paragraphs.append(("!", element.text))
            previous_action = element
            continue
        else:
            text = "" if element.type == ElementType.PAGE_BREAK else element.text
            scenes[-1][1].append((codes[element.type], text))
        previous_action = None
    return [scene for scene in scenes if scene[0] is not None or scene[1]]


def jouvence_in_our_terms(out: list[str]) -> Scenes:
    """Jouvence's expected codes (decoded as its tests/conftest.py does) in our terms."""
    scenes: Scenes = [(None, [])]
    for item in out:
        if item == "<pagebreak>":
            scenes[-1][1].append(("<pagebreak>", ""))
        elif item.startswith("."):
            scenes.append((item[1:], []))
        elif item.startswith("!><"):
            scenes[-1][1].append(("!><", strip_emphasis(item[3:]).strip()))
        elif item.startswith("!"):
            action = strip_emphasis(item[1:]).strip("\n")
            if action:  # blank lines only: not a paragraph for us
                scenes[-1][1].append(("!", action))
        elif item[:1] in ("@", "=", "_", ">", "~", "#", "+"):
            scenes[-1][1].append((item[0], strip_emphasis(item[1:])))
        else:
            raise ValueError(f"unknown Jouvence code in {item!r}")
    return [scene for scene in scenes if scene[0] is not None or scene[1]]


def _jouvence_cases() -> list[Any]:
    if not JOUVENCE.is_dir():
        return _absent(JOUVENCE, 1)
    return [
        _case("jouvence", f"{path.name}#{number}", document)
        for path in sorted(JOUVENCE.glob("test_*.yaml"))
        for number, document in enumerate(
            load_yaml_documents(path.read_text(encoding="utf-8")), start=1
        )
    ]


@pytest.mark.parametrize("document", _jouvence_cases())
def test_jouvence_cases_agree(document: dict[str, Any] | None) -> None:
    _require(document, JOUVENCE)
    assert document is not None
    screenplay = parse_fountain(document["in"])
    if "title" in document:
        assert {key.lower(): value for key, value in screenplay.title_page} == document["title"]
    assert jouvence_scenes(screenplay, document["in"]) == jouvence_in_our_terms(document["out"])


# screenplain: X.fountain -> X.html


@dataclass
class _Open:
    tag: str
    classes: list[str]


class ScreenplainHTML(HTMLParser):
    """screenplain's HTML body read back into (kind, text) paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Open] = []
        self.paragraphs: list[tuple[str, ...]] = []
        self.text: list[str] = []
        self.number = ""
        self.numbered_to = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "br":
            self.text.append("\n")
            return
        self.stack.append(_Open(tag, classes))
        numbering = "scnuml" in classes or "scnumr" in classes
        paragraph = tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "span") or (
            tag == "div" and "transition" in classes
        )
        if paragraph and not numbering:
            self.text = []
        if "scnumr" in classes:
            self.numbered_to = len(self.text)
        if tag == "h6" and "page-break" in classes:
            self.paragraphs.append(("page_break",))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        opened = self.stack.pop()
        text = " ".join("".join(self.text).split())
        classes = opened.classes
        inside = [cls for item in self.stack for cls in item.classes]
        if tag == "span" and "scnuml" in classes:
            self.number = text
            self.text = []
        elif tag == "span" and "scnumr" in classes:
            del self.text[self.numbered_to :]
        elif tag == "span" and any(cls.endswith("-synopsis") for cls in classes):
            self.paragraphs.append(("synopsis", text))
        elif tag == "h6":
            self.paragraphs.append(("heading", text, self.number))
            self.number = ""
        elif tag in ("h1", "h2", "h3", "h4", "h5"):
            self.paragraphs.append(("section", text, tag[1]))
        elif tag == "div" and "transition" in classes:
            self.paragraphs.append(("transition", text))
        elif tag == "p" and "action" in inside:
            self.paragraphs.append(("action", text))
        elif tag == "p" and "character" in classes:
            self.paragraphs.append(("character", text, "right" if "right" in inside else ""))
        elif tag == "p" and "parenthetical" in classes:
            self.paragraphs.append(("parenthetical", text))
        elif tag == "p":
            self.paragraphs.append(("dialogue", text))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def screenplain_paragraphs(screenplay: Screenplay) -> list[tuple[str, ...]]:
    """Our elements as screenplain's HTML paragraphs, whitespace collapsed as its runner does."""
    out: list[tuple[str, ...]] = []
    for element in screenplay.elements:
        kind = element.type
        text = " ".join(element.text.split())
        if kind == ElementType.SCENE_HEADING:
            out.append(("heading", text, element.scene_number or ""))
        elif kind in (ElementType.ACTION, ElementType.CENTERED):
            out.append(("action", text))
        elif kind == ElementType.CHARACTER:
            out.append(("character", text, "right" if element.dual else ""))
        elif kind == ElementType.DIALOGUE:
            out.extend(("dialogue", " ".join(line.split())) for line in element.text.split("\n"))
        elif kind == ElementType.SECTION:
            out.append(("section", text, str(element.depth)))
        elif kind in (ElementType.PAGE_BREAK,):
            out.append(("page_break",))
        elif kind not in (ElementType.NOTE, ElementType.BONEYARD):
            out.append((kind.value, text))
    return out


def _screenplain_cases() -> list[Any]:
    if not SCREENPLAIN.is_dir():
        return _absent(SCREENPLAIN, 2)
    return [
        _case("screenplain", html.stem, html.with_suffix(".fountain"), html)
        for html in sorted(SCREENPLAIN.glob("*.html"))
    ]


@pytest.mark.parametrize(("source", "expected"), _screenplain_cases())
def test_screenplain_html_agrees(source: Path | None, expected: Path | None) -> None:
    _require(source, SCREENPLAIN)
    assert source is not None and expected is not None
    reader = ScreenplainHTML()
    reader.feed(expected.read_text(encoding="utf-8"))
    assert screenplain_paragraphs(_parse_file(source)[1]) == reader.paragraphs


# nyousefi/Fountain, the format authors' parser: element types at element indexes

_NYOUSEFI_NAMES = {
    ElementType.SCENE_HEADING: "Scene Heading",
    ElementType.ACTION: "Action",
    ElementType.CENTERED: "Action",
    ElementType.CHARACTER: "Character",
    ElementType.DIALOGUE: "Dialogue",
    ElementType.PARENTHETICAL: "Parenthetical",
    ElementType.TRANSITION: "Transition",
    ElementType.PAGE_BREAK: "Page Break",
    ElementType.LYRICS: "Lyrics",
    ElementType.SECTION: "Section Heading",
    ElementType.SYNOPSIS: "Synopsis",
    ElementType.NOTE: "Comment",
    ElementType.BONEYARD: "Boneyard",
}


def _nyousefi_cases() -> list[Any]:
    expected = NYOUSEFI / "EXPECTED_element_indexes.json"
    if not expected.exists():
        return _absent(NYOUSEFI, 3)
    cases = []
    for test_file, spec in json.loads(expected.read_text(encoding="utf-8")).items():
        for case in spec["cases"]:
            name = f"{Path(test_file).stem}.{case['test']}"
            cases.append(
                _case(
                    "nyousefi",
                    name,
                    NYOUSEFI / spec["fixture"],
                    case["element_type"],
                    case["indexes"],
                )
            )
    return cases


@pytest.mark.parametrize(("source", "element_type", "indexes"), _nyousefi_cases())
def test_nyousefi_element_types_agree(
    source: Path | None, element_type: str | None, indexes: list[int] | None
) -> None:
    _require(source, NYOUSEFI)
    assert source is not None and indexes is not None
    names = [
        _NYOUSEFI_NAMES[element.type]
        for element in _parse_file(source)[1].elements
        # Its parser holds each `> centered <` line as an element; we hold their paragraph.
        for _ in (element.text.split("\n") if element.type == ElementType.CENTERED else [0])
    ]
    assert [names[index] for index in indexes] == [element_type] * len(indexes)


# betterfountain: whole-script scene and speaking-character counts


def speaking_characters(screenplay: Screenplay) -> set[str]:
    """Names that speak, without extensions like (V.O.) or (CONT'D): betterfountain's count."""
    return {
        " ".join(re.sub(r"\([^)]*\)", "", element.text).split())
        for element in screenplay.elements
        if element.type == ElementType.CHARACTER
    }


def _counts(screenplay: Screenplay) -> tuple[int, int]:
    scenes = sum(1 for element in screenplay.elements if element.type == ElementType.SCENE_HEADING)
    return scenes, len(speaking_characters(screenplay))


def _betterfountain_cases() -> list[Any]:
    expected = BETTERFOUNTAIN / "EXPECTED_statistics.json"
    if not expected.exists():
        return _absent(BETTERFOUNTAIN, 3)
    statistics = json.loads(expected.read_text(encoding="utf-8"))
    cases = []
    for name, figures in statistics.items():
        if name.startswith("_"):
            continue
        figures = statistics[figures["same_as"]] if "same_as" in figures else figures
        path = BETTERFOUNTAIN / name
        text = path.read_bytes() if path.exists() else name.strip("'").replace("empty string", "")
        counts = (figures["scenes"], figures["speaking_characters"])
        cases.append(_case("betterfountain", name, name, text, counts))
    return cases


@pytest.mark.parametrize(("name", "source", "counts"), _betterfountain_cases())
def test_betterfountain_counts_agree(
    name: str | None, source: bytes | str | None, counts: tuple[int, int] | None
) -> None:
    _require(name, BETTERFOUNTAIN)
    text = decode(source)[0] if isinstance(source, bytes) else source
    assert text is not None
    assert _counts(parse_fountain(text)) == counts


PUBLISHED = {
    # Counts several parsers agree on (shared/data/README.md and betterfountain's spec).
    "big_fish.fountain": (190, 48),
    "brick_and_steel.fountain": (8, 7),
    # ИНТ. is not a Fountain scene heading prefix.
    "cyrillic_afterwriting.fountain": (0, None),
}


@pytest.mark.parametrize(("name", "counts"), list(PUBLISHED.items()))
def test_the_shared_screenplays_have_the_published_counts(
    name: str, counts: tuple[int, int | None]
) -> None:
    path = DATA / "screenplays" / name
    if not path.exists():
        missing_in_ci(f"the shared screenplay {path}")
    scenes, characters = _counts(_parse_file(path)[1])
    assert scenes == counts[0]
    assert counts[1] is None or characters == counts[1]


# Every fixture file is a case or named as not one; no fixture text is ever lost


def test_every_fixture_is_a_case_or_named_as_not_one() -> None:
    if not CONFORMANCE.is_dir():
        missing_in_ci(f"the shared test data in {CONFORMANCE}")
    files = {str(path.relative_to(CONFORMANCE)) for path in CONFORMANCE.glob("*/*")}
    used = {"screenplay-tools/Formatted.fountain", "screenplay-tools/Formatted.txt"}
    for case in [*_screenplay_tools_cases(), *_screenplain_cases(), *_nyousefi_cases()]:
        used.add(str(case.values[0].relative_to(CONFORMANCE)))
        if isinstance(case.values[1], Path):
            used.add(str(case.values[1].relative_to(CONFORMANCE)))
    used |= {f"jouvence/{path.name}" for path in JOUVENCE.glob("test_*.yaml")}
    used |= {"nyousefi-fountain/EXPECTED_element_indexes.json"}
    used |= {f"betterfountain/{path.name}" for path in BETTERFOUNTAIN.iterdir()}
    unused = files - used
    unnamed = {name for name in unused if not any(fnmatch(name, rule) for rule in NOT_CASES)}
    assert unnamed == set()
    assert all(any(fnmatch(name, rule) for name in unused) for rule in NOT_CASES)


def _all_fountain_files() -> list[Any]:
    if not DATA.is_dir():
        return [pytest.param(None, id="data-missing")]
    return [
        pytest.param(path, id=str(path.relative_to(DATA)))
        for path in sorted(DATA.glob("**/*.fountain")) + sorted(NYOUSEFI.glob("*.txt"))
    ]


@pytest.mark.parametrize("path", _all_fountain_files())
def test_no_line_of_any_shared_fountain_file_is_lost(path: Path | None) -> None:
    _require(path, DATA)
    assert path is not None
    text, screenplay = _parse_file(path)
    assert lost_lines(text, screenplay) == []


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_mutated_real_script_parses_and_loses_nothing(data: st.DataObject) -> None:
    path = DATA / "screenplays" / "brick_and_steel.fountain"
    if not path.exists():
        missing_in_ci(f"the shared screenplay {path}")
    lines = path.read_text(encoding="utf-8").split("\n")
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(lines) - 1))
        change = data.draw(st.sampled_from(["drop", "repeat", "swap", "insert"]))
        if change == "drop" and len(lines) > 1:
            del lines[at]
        elif change == "repeat":
            lines.insert(at, lines[at])
        elif change == "swap":
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        else:
            token = data.draw(st.sampled_from(["/*", "*/", "[[", "]]", "^", "  ", "", ">", "<"]))
            column = data.draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + token + lines[at][column:]
    text = "\n".join(lines)
    assert lost_lines(text, parse_fountain(text)) == []

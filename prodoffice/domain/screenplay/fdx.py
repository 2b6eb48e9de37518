"""Final Draft (.fdx) reader: the XML a writer's Final Draft file holds, as a `Screenplay`.

An FDX file is `<FinalDraft><Content><Paragraph Type="...">` with the text of each paragraph in
`<Text>` runs; `<TitlePage><Content>` holds the title page as loose lines. Every paragraph with
text becomes one `Element`; whatever we do not recognise becomes action text and a warning.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from bisect import bisect_right
from dataclasses import dataclass, replace

from prodoffice.domain.screenplay.model import (
    Element,
    ElementType,
    ParseWarning,
    Screenplay,
    ScreenplayError,
)

__all__ = ["parse_fdx"]

_PARAGRAPH_TYPES: dict[str, ElementType] = {
    "Scene Heading": ElementType.SCENE_HEADING,
    "Action": ElementType.ACTION,
    "Character": ElementType.CHARACTER,
    "Dialogue": ElementType.DIALOGUE,
    "Parenthetical": ElementType.PARENTHETICAL,
    "Transition": ElementType.TRANSITION,
    # A shot ("CLOSE ON THE KNIFE") is camera direction inside a scene, not a new scene, even
    # though Final Draft paginates it like a heading.
    "Shot": ElementType.ACTION,
    "General": ElementType.ACTION,
    "Cast List": ElementType.ACTION,
    # TV templates: "ACT ONE" / "END OF ACT ONE" print centred; New Act starts a page.
    "New Act": ElementType.CENTERED,
    "End of Act": ElementType.CENTERED,
    "Lyrics": ElementType.LYRICS,
    # Final Draft 12 outline elements are hidden text: they never print, like Fountain's
    # sections and synopses.
    "Outline Body": ElementType.SYNOPSIS,
}
_OUTLINE = re.compile(r"Outline (\d{1,2})")
_MAX_NESTING = 2  # a paragraph wrapping <DualDialogue> wrapping paragraphs

# How Final Draft's default screenplay template shows each type, for files that carry no
# <ElementSettings> of their own (most files written by other programs).
_ALL_CAPS_BY_DEFAULT = frozenset(
    {"Scene Heading", "Character", "Transition", "Shot", "New Act", "End of Act"}
)
_NEW_PAGE_BY_DEFAULT = frozenset({"New Act"})

_DTD = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DECLARED_ENCODING = re.compile(
    rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]{0,39})["']"""
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Title-page lines, by the conventions of a printed title page.
_CREDIT_WORDS = (
    r"(?:(?:original|written|screenplay|teleplay|story|script|created|directed|developed"
    r"|adapted|produced|words|music|lyrics|and|&)\s+){0,4}by"
)
_CREDIT = re.compile(_CREDIT_WORDS, re.IGNORECASE)
_CREDIT_AND_NAME = re.compile(rf"({_CREDIT_WORDS})\s+(\S.*)", re.IGNORECASE)
_SOURCE = re.compile(
    r"(?:based (?:up)?on|adapted from|inspired by|story by|from the)\b", re.IGNORECASE
)
_COPYRIGHT = re.compile(r"copyright|©|\(c\)", re.IGNORECASE)
_DATE = re.compile(
    r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b",
    re.IGNORECASE,
)
_DRAFT = re.compile(r"\b(?:draft|revised|revisions?)\b", re.IGNORECASE)
_CONTACT = re.compile(
    r"@|https?://|www\.|\bcontact\b|\bagent\b|\bagency\b|\bmanager\b|\bmanagement\b"
    r"|\brepresent|\bc/o\b|\btel\b|\bphone\b"
    r"|\+?\d[\d ().-]{7,}\d"  # a phone number
    r"|\b[A-Z]{2} \d{5}\b"  # a US state and ZIP code
    r"|\b\d+ [\w .]+\b(?:street|st|avenue|ave|road|rd|drive|dr|boulevard|blvd|lane|ln|way)\b",
    re.IGNORECASE,
)


def parse_fdx(data: bytes) -> Screenplay:
    """Read a Final Draft file.

    `Element.line` is the 1-based position of the paragraph among the script's paragraphs in
    document order: every `<Paragraph>` of `<Content>` counts, empty ones too, and the
    paragraphs inside a `<DualDialogue>` count after the paragraph that wraps them. Empty
    paragraphs (blank lines typed as paragraphs) give no element.
    """
    text, encoding, declared = _decode(data)
    _refuse_dtd(text)
    root = _parse_xml(text)
    if root.tag != "FinalDraft":
        raise ScreenplayError(
            f"this .fdx is XML but not a Final Draft script: its root element is <{root.tag}>, "
            "not <FinalDraft>. Export the script from Final Draft (File > Save As > .fdx)."
        )
    content = root.find("Content")
    if content is None:
        raise ScreenplayError(
            "this Final Draft file has no <Content>, so there is no script in it; "
            "check that it is the right file."
        )
    reader = _ContentReader(_read_settings(root))
    reader.read(content)
    reader.place_script_notes(root.find("ScriptNotes"))
    if not reader.elements:
        raise ScreenplayError(
            "this Final Draft file has no script text: its <Content> has no paragraph with text."
        )
    if not declared:
        reader.warnings.insert(
            0,
            ParseWarning(
                1,
                f"this .fdx is not UTF-8, as XML without an encoding declaration must be; "
                f"it was read as {encoding}, so check accented letters and quotes",
            ),
        )
    reader.warn_unknown_types()
    title_page = root.find("TitlePage/Content")
    return Screenplay(
        format="fdx",
        title_page=_read_title_page(title_page) if title_page is not None else (),
        elements=tuple(reader.elements),
        warnings=tuple(reader.warnings),
        encoding=encoding,
    )


# --- bytes to XML ------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str, bool]:
    """The document as text, the encoding it was read in, and whether the file says so.

    We decode before parsing (instead of letting expat read the bytes) so that the check for a
    DTD sees the document's characters whatever the encoding.
    """
    if not data.strip():
        raise ScreenplayError("this .fdx is empty; choose the file again or export it again.")
    encoding, start, declared = "utf-8", 0, True
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding, start = name, len(bom)
            break
    else:
        if data.startswith(b"<\x00"):
            encoding = "utf-16-le"
        elif data.startswith(b"\x00<"):
            encoding = "utf-16-be"
        elif declaration := _DECLARED_ENCODING.match(data):
            name = declaration.group(1).decode("ascii")
            try:
                encoding = codecs.lookup(name).name
            except LookupError:
                raise ScreenplayError(
                    f"this .fdx says it is written in the {name!r} encoding, which we do not "
                    "know; save it again from Final Draft (it writes UTF-8)."
                ) from None
        elif not _valid_utf8(data):
            # Undeclared and not UTF-8: a file re-saved by a Windows editor, most likely.
            # Windows-1252 leaves five bytes undefined; Latin-1 reads any byte.
            encoding, declared = "cp1252", False
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                encoding = "iso8859-1"
    try:
        return data[start:].decode(encoding), encoding, declared
    except UnicodeDecodeError as error:
        raise ScreenplayError(
            f"this .fdx is not valid {encoding} text ({error.reason} at byte "
            f"{start + error.start}); it may be damaged or not a Final Draft file."
        ) from None
    except (UnicodeError, LookupError, ValueError) as error:
        # A declared codec that is not a text encoding ("base64"), or one that fails outright.
        raise ScreenplayError(
            f"this .fdx cannot be read as {encoding} text ({error}); "
            "save it again from Final Draft (it writes UTF-8)."
        ) from None


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# The standard library XML parser is safe here because no DTD ever reaches it: `_refuse_dtd`
# rejects every document that contains `<!DOCTYPE` or `<!ENTITY` before parsing. Without a DTD
# there are no entities to expand (billion laughs) and no external entities to fetch (XXE), and
# Final Draft never writes one. We refuse rather than switch off expat's entity handling because
# the C-accelerated ElementTree parser does not expose expat's switches, and `defusedxml` is not
# a dependency.
def _refuse_dtd(text: str) -> None:
    if _DTD.search(text):
        raise ScreenplayError(
            "this .fdx declares a DTD or entities (<!DOCTYPE> or <!ENTITY>), which Final Draft "
            "never writes; it is refused so that a crafted file cannot expand entities without "
            "end or read other files. Export the script from Final Draft again."
        )


def _parse_xml(text: str) -> ET.Element:
    # A str goes to expat as UTF-8 whatever the declaration says: `_decode` already chose.
    parser = ET.XMLParser()  # noqa: S314 (no DTD reaches it: see _refuse_dtd)
    try:
        parser.feed(text)
        return parser.close()
    except ET.ParseError as error:
        line, column = error.position
        reason = str(error).split(":", 1)[0]
        raise ScreenplayError(
            f"this .fdx is not XML (line {line}, column {column + 1}: {reason}); "
            "it may be damaged or not a Final Draft file."
        ) from None
    except (UnicodeError, ValueError) as error:  # a lone surrogate from an odd codec
        raise ScreenplayError(f"this .fdx is not XML ({error}).") from None


# --- what the file says about its element types ------------------------------------------


@dataclass(frozen=True)
class _Look:
    """How a paragraph type prints, from the file's <ElementSettings>."""

    all_caps: bool
    alignment: str
    new_page: bool


def _read_settings(root: ET.Element) -> dict[str, _Look]:
    looks = {
        name: _Look(
            all_caps=name in _ALL_CAPS_BY_DEFAULT,
            alignment="Center" if name in ("New Act", "End of Act") else "",
            new_page=name in _NEW_PAGE_BY_DEFAULT,
        )
        for name in (*_PARAGRAPH_TYPES, *_ALL_CAPS_BY_DEFAULT)
    }
    for settings in root.iterfind("ElementSettings"):
        name = settings.get("Type")
        if not name:
            continue
        font = settings.find("FontSpec")
        paragraph = settings.find("ParagraphSpec")
        looks[name] = _Look(
            all_caps="AllCaps" in (font.get("Style", "") if font is not None else ""),
            alignment=paragraph.get("Alignment", "") if paragraph is not None else "",
            new_page=paragraph is not None and paragraph.get("StartsNewPage") == "Yes",
        )
    return looks


# --- the script ----------------------------------------------------------------------------


def _all_text(node: ET.Element) -> str:
    # The C Element.itertext walks with its own stack, so deep nesting cannot recurse.
    return "".join(node.itertext())


def _has_text(node: ET.Element) -> bool:
    return any(part.strip() for part in node.itertext())


def _note_text(note: ET.Element) -> str:
    paragraphs = [_all_text(p).strip() for p in note.iterfind("Paragraph")]
    text = "\n".join(p for p in paragraphs if p) if paragraphs else _all_text(note).strip()
    return _normalise_newlines(text)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


class _ContentReader:
    """Walks <Content>, turning paragraphs into elements in script order."""

    def __init__(self, looks: dict[str, _Look]) -> None:
        self.looks = looks
        self.elements: list[Element] = []
        self.warnings: list[ParseWarning] = []
        self.paragraphs = 0
        # Paragraph types we do not know: name -> lines where they were read as action.
        self.unknown: dict[str, list[int]] = {}
        # Final Draft 10+ keeps script notes apart, in <ScriptNotes>, each with a Range of
        # character offsets into the script text; these are (start offset, element index).
        self.offsets: list[tuple[int, int]] = []
        self.offset = 0

    def read(self, content: ET.Element) -> None:
        for child in content:
            if child.tag == "Paragraph":
                self.paragraphs += 1
                self.paragraph(child, self.paragraphs, dual=False, nesting=0)
            elif child.tag == "ScriptNote":
                self.note(child, max(self.paragraphs, 1))
            elif _has_text(child):
                self.stray(child, max(self.paragraphs, 1))

    def stray(self, node: ET.Element, line: int, why: str = "is not a paragraph") -> None:
        """Text in an element we do not know: kept as action, with a warning."""
        text = _normalise_newlines(_all_text(node)).strip()
        self.warnings.append(ParseWarning(line, f"<{node.tag}> {why}; its text is read as action"))
        self.elements.append(Element(ElementType.ACTION, text, line, raw=text))

    def note(self, node: ET.Element, line: int) -> None:
        text = _note_text(node)
        if text:
            self.elements.append(Element(ElementType.NOTE, text, line, raw=text))

    def paragraph(self, node: ET.Element, line: int, *, dual: bool, nesting: int) -> None:
        name = node.get("Type") or "General"  # Final Draft's own default element
        runs: list[str] = []
        all_caps = False
        notes: list[str] = []
        properties: list[tuple[str, str]] = []
        synopsis = ""
        blocks: list[ET.Element] = []
        for child in node:
            tag = child.tag
            if tag == "Text":
                runs.append(_all_text(child))
                all_caps = all_caps or "AllCaps" in child.get("Style", "")
            elif tag == "SceneProperties":
                properties.extend((k, v) for k, v in child.attrib.items() if v.strip())
                synopsis, more_notes = _scene_extras(child)
                notes.extend(more_notes)
            elif tag == "ScriptNote":
                if text := _note_text(child):
                    notes.append(text)
            elif tag in ("DualDialogue", "Paragraph"):  # paragraphs within: read in turn
                blocks.append(child)
            elif _has_text(child) and tag != "DynamicLabel":
                notes.append(_normalise_newlines(_all_text(child)).strip())
                self.warnings.append(
                    ParseWarning(line, f"<{tag}> inside a paragraph is kept as a note")
                )

        raw = "".join(runs)
        if raw.strip():
            element_type, depth = self.type_of(name, node, line)
            text = self.printed_text(raw, element_type, all_caps or self.look(name).all_caps)
            if self.starts_new_page(name, node) and self.elements:
                self.elements.append(Element(ElementType.PAGE_BREAK, "", line))
            self.offsets.append((self.offset, len(self.elements)))
            self.offset += len(raw) + 1
            self.elements.append(
                Element(
                    element_type,
                    text,
                    line,
                    raw=raw,
                    scene_number=(node.get("Number") or "").strip() or None,
                    dual=dual,
                    depth=depth,
                    notes=tuple(notes),
                    properties=tuple(properties),
                )
            )
        else:
            # Nothing prints, but what was written about it is kept.
            for note in notes:
                self.elements.append(Element(ElementType.NOTE, note, line, raw=note))
        if synopsis:
            self.elements.append(Element(ElementType.SYNOPSIS, synopsis, line, raw=synopsis))
        for block in blocks:
            if nesting >= _MAX_NESTING:
                # Final Draft nests one level (dual dialogue); deeper is kept flat, not walked.
                self.stray(block, line, why="is nested deeper than Final Draft writes")
            elif block.tag == "DualDialogue":
                self.dual_dialogue(block, line, nesting=nesting + 1)
            else:
                self.paragraphs += 1
                self.paragraph(block, self.paragraphs, dual=dual, nesting=nesting + 1)

    def dual_dialogue(self, block: ET.Element, line: int, *, nesting: int) -> None:
        """Two speeches side by side: the second character and its lines are marked `dual`."""
        characters = 0
        for child in block:
            if child.tag != "Paragraph":
                if _has_text(child):
                    self.stray(child, line)
                continue
            self.paragraphs += 1
            if child.get("Type") == "Character" and _has_text(child):
                characters += 1
            self.paragraph(child, self.paragraphs, dual=characters >= 2, nesting=nesting)

    def look(self, name: str) -> _Look:
        return self.looks.get(name) or _Look(all_caps=False, alignment="", new_page=False)

    def type_of(self, name: str, node: ET.Element, line: int) -> tuple[ElementType, int]:
        element_type = _PARAGRAPH_TYPES.get(name)
        if element_type is None:
            outline = _OUTLINE.fullmatch(name)
            if outline:
                return ElementType.SECTION, int(outline.group(1))
            self.unknown.setdefault(name, []).append(line)
            element_type = ElementType.ACTION
        if element_type is ElementType.ACTION:
            alignment = node.get("Alignment") or self.look(name).alignment
            if alignment == "Center":
                element_type = ElementType.CENTERED
        return element_type, 0

    def starts_new_page(self, name: str, node: ET.Element) -> bool:
        own = node.get("StartsNewPage")
        return own == "Yes" if own else self.look(name).new_page

    @staticmethod
    def printed_text(raw: str, element_type: ElementType, all_caps: bool) -> str:
        text = _normalise_newlines(raw)
        # Action keeps the indentation the writer typed; every other element is set by its type.
        text = text.rstrip().lstrip("\n") if element_type is ElementType.ACTION else text.strip()
        return text.upper() if all_caps else text

    def place_script_notes(self, notes: ET.Element | None) -> None:
        """Attach Final Draft 10+ script notes to the paragraph their Range starts in."""
        if notes is None:
            return
        unplaced: list[str] = []
        for note in notes.iterfind("ScriptNote"):
            text = _note_text(note)
            if not text:
                continue
            index = self.element_at(note.get("Range", ""))
            if index is None:
                unplaced.append(text)
                continue
            element = self.elements[index]
            self.elements[index] = replace(element, notes=(*element.notes, text))
        line = self.paragraphs or 1
        for text in unplaced:
            self.warnings.append(
                ParseWarning(line, "a script note has no place in the script; kept at the end")
            )
            self.elements.append(Element(ElementType.NOTE, text, line, raw=text))

    def element_at(self, range_: str) -> int | None:
        start = range_.partition(",")[0].strip()
        if not (start.isascii() and start.isdigit() and len(start) <= 12) or not self.offsets:
            return None
        position = int(start)
        if position > self.offset:
            return None
        # The last paragraph that starts at or before the position.
        found = bisect_right(self.offsets, position, key=lambda pair: pair[0]) - 1
        return self.offsets[found][1] if found >= 0 else None

    def warn_unknown_types(self) -> None:
        for name, lines in self.unknown.items():
            count = f"{len(lines)} paragraphs" if len(lines) > 1 else "1 paragraph"
            self.warnings.append(
                ParseWarning(
                    lines[0],
                    f'paragraph type "{name}" is not a screenplay element we know; '
                    f"{count} of it read as action",
                )
            )
        self.warnings.sort(key=lambda warning: warning.line)


def _scene_extras(properties: ET.Element) -> tuple[str, list[str]]:
    """A scene's summary (its synopsis) and any other text Final Draft keeps with the scene."""
    synopsis = ""
    notes: list[str] = []
    for child in properties:
        if child.tag == "Summary":
            synopsis = _note_text(child)
        elif child.tag == "SceneArcBeats":
            for beat in child.iterfind("CharacterArcBeat"):
                if text := _note_text(beat):
                    notes.append(f"{beat.get('Name', '')}: {text}".lstrip(": "))
        elif _has_text(child):
            notes.append(_note_text(child))
    return synopsis, notes


# --- the title page ------------------------------------------------------------------------


def _read_title_page(content: ET.Element) -> tuple[tuple[str, str], ...]:
    """Title-page lines as Fountain-style (key, value) pairs; no line is left out.

    Final Draft keeps the title page as loose lines, so the keys are inferred the way a reader
    of the printed page would: the line(s) above "Written by" are the title, the name below it
    the author; then copyright, draft date and contact lines where recognisable, else notes.
    """
    blocks = _title_blocks(content)
    pairs: list[tuple[str, str]] = []
    credit_at = next(
        (
            (b, i)
            for b, block in enumerate(blocks)
            for i, line in enumerate(block)
            if (b, i) != (0, 0) and _is_credit(line)  # the first line is the title: "BY THE SEA"
        ),
        None,
    )
    rest: list[list[str]]
    if credit_at is None:
        if not blocks:
            return ()
        pairs.append(("Title", "\n".join(blocks[0])))
        rest = blocks[1:]
    else:
        b, i = credit_at
        title = [line for block in blocks[:b] for line in block] + blocks[b][:i]
        if title:
            pairs.append(("Title", "\n".join(title)))
        rest = [blocks[b][i:], *blocks[b + 1 :]]
    while rest:
        block = rest.pop(0)
        first = block[0]
        if _SOURCE.match(first):
            if _CREDIT.fullmatch(block[-1]) and rest:  # "Based on the novel by" / "Daniel Wallace"
                block = block + rest.pop(0)
            pairs.append(("Source", "\n".join(block)))
        elif _is_credit(first):
            name_match = _CREDIT_AND_NAME.fullmatch(first)
            if name_match and not _CREDIT.fullmatch(first):
                pairs.append(("Credit", name_match.group(1)))
                author = [name_match.group(2), *block[1:]]
            else:
                pairs.append(("Credit", first))
                author = block[1:] or (rest.pop(0) if rest else [])
            if author:
                pairs.append(("Author", "\n".join(author)))
        else:
            pairs.append((_title_key(block), "\n".join(block)))
    return tuple(pairs)


def _title_blocks(content: ET.Element) -> list[list[str]]:
    """Runs of consecutive non-empty lines with the same alignment."""
    blocks: list[list[str]] = []
    current: list[str] = []
    alignment: str | None = None
    for paragraph in content.iterfind("Paragraph"):
        raw = "".join(_all_text(run) for run in paragraph.iterfind("Text"))
        text = "\n".join(line.strip() for line in _normalise_newlines(raw).split("\n")).strip()
        if not text or paragraph.get("Alignment", "") != alignment:
            if current:
                blocks.append(current)
            current = []
            alignment = paragraph.get("Alignment", "")
        if text:
            current.append(text)
    if current:
        blocks.append(current)
    return blocks


def _is_credit(line: str) -> bool:
    return (
        len(line) <= 40
        and bool(_CREDIT.fullmatch(line) or _CREDIT_AND_NAME.fullmatch(line))
        and not _SOURCE.match(line)
    )


def _title_key(block: list[str]) -> str:
    # The start of the block is enough to recognise it, and bounds the regex work on a
    # hostile title page.
    text = "\n".join(block)[:400]
    if _COPYRIGHT.search(text):
        return "Copyright"
    if _DATE.search(text) or (len(block) <= 2 and _DRAFT.search(text)):
        return "Draft date"
    if _CONTACT.search(text):
        return "Contact"
    return "Notes"

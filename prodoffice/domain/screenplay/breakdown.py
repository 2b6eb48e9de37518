"""Breakdown: the categories a scene's elements are tagged in, and suggestions from the script.

A breakdown lists, per scene, everything the shoot needs: cast, extras, props, vehicles...
Suggestions read the scene the way a first AD does with a highlighter, by the conventions
screenwriters follow: a speaking character has a cue; a character, a sound or an important
prop is written in CAPITALS in action the first time; vehicles, animals, crowds, stunts and
effects are named in plain words. They are heuristics: each suggestion says why it was made
and where (element and character offsets, to highlight), and the coordinator accepts or
rejects it. Dialogue is never read for elements: a prop someone talks about is not on set.
The word lists, open to argument and extension, are in `breakdown_words`.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TypeAlias

from prodoffice.domain.screenplay.breakdown_words import (
    ANIMAL_WORDS,
    BACKGROUND_WORDS,
    CAMERA_WORDS,
    IGNORED_WORDS,
    JOINING_WORDS,
    LEADING_WORDS,
    MAKEUP_HAIR_WORDS,
    MUSIC_WORDS,
    PERSON_WORDS,
    PROP_WORDS,
    SET_DRESSING_WORDS,
    SFX_WORDS,
    SOUND_WORDS,
    SPECIAL_EQUIPMENT_WORDS,
    STUNT_WORDS,
    TRAILING_WORDS,
    VEHICLE_WORDS,
    VFX_WORDS,
    WARDROBE_WORDS,
    singular,
    word_forms,
)
from prodoffice.domain.screenplay.model import ElementType, Scene
from prodoffice.domain.screenplay.scenes import character_name


class Category(StrEnum):
    CAST = "cast"
    BACKGROUND = "background"  # extras: atmosphere and silent bits
    STUNTS = "stunts"
    VEHICLES = "vehicles"
    PROPS = "props"
    WARDROBE = "wardrobe"
    MAKEUP_HAIR = "makeup_hair"
    SFX = "sfx"  # special effects on set: rain, smoke, fire, explosions
    VFX = "vfx"  # visual effects added in post
    ANIMALS = "animals"
    SPECIAL_EQUIPMENT = "special_equipment"
    SET_DRESSING = "set_dressing"
    SOUND = "sound"
    MUSIC = "music"
    NOTES = "notes"

    @property
    def label(self) -> str:
        return CATEGORY_STYLES[self].label

    @property
    def style(self) -> CategoryStyle:
        return CATEGORY_STYLES[self]


class Mark(StrEnum):
    """How an element is marked on a paper breakdown: a highlighter colour, or a pen mark."""

    HIGHLIGHT = "highlight"
    CIRCLE = "circle"
    ASTERISK = "asterisk"
    BOX = "box"
    UNDERLINE = "underline"


@dataclass(frozen=True)
class CategoryStyle:
    label: str
    color: str  # the conventional highlighter colour; "" where the convention uses a pen mark
    mark: Mark
    swatch: str  # what screens and PDFs show: the colour, or ours where there is none


# The industry's breakdown colour code, as published in Wikipedia's "Script breakdown"
# ("Element color codes") and in StudioBinder's and Filmustage's breakdown guides: cast red,
# stunts orange, silent extras yellow and atmosphere extras green (one category here, shown
# green), special effects blue, props purple, vehicles and animals pink, sound effects and
# music brown; wardrobe is circled, makeup/hair marked with an asterisk, special equipment
# boxed, production notes underlined. VFX and set dressing postdate that table (Movie Magic
# and StudioBinder let each production pick); their colours here are ours.
CATEGORY_STYLES: dict[Category, CategoryStyle] = {
    Category.CAST: CategoryStyle("Cast", "Red", Mark.HIGHLIGHT, "#E53935"),
    Category.BACKGROUND: CategoryStyle("Background / extras", "Green", Mark.HIGHLIGHT, "#43A047"),
    Category.STUNTS: CategoryStyle("Stunts", "Orange", Mark.HIGHLIGHT, "#FB8C00"),
    Category.VEHICLES: CategoryStyle("Vehicles", "Pink", Mark.HIGHLIGHT, "#F48FB1"),
    Category.PROPS: CategoryStyle("Props", "Purple", Mark.HIGHLIGHT, "#8E24AA"),
    Category.WARDROBE: CategoryStyle("Wardrobe", "", Mark.CIRCLE, "#26A69A"),
    Category.MAKEUP_HAIR: CategoryStyle("Makeup / hair", "", Mark.ASTERISK, "#EC407A"),
    Category.SFX: CategoryStyle("Special effects", "Blue", Mark.HIGHLIGHT, "#1E88E5"),
    Category.VFX: CategoryStyle("Visual effects", "", Mark.HIGHLIGHT, "#81D4FA"),
    Category.ANIMALS: CategoryStyle("Animals", "Pink", Mark.HIGHLIGHT, "#F48FB1"),
    Category.SPECIAL_EQUIPMENT: CategoryStyle("Special equipment", "", Mark.BOX, "#546E7A"),
    Category.SET_DRESSING: CategoryStyle("Set dressing", "", Mark.HIGHLIGHT, "#BCAAA4"),
    Category.SOUND: CategoryStyle("Sound", "Brown", Mark.HIGHLIGHT, "#8D6E63"),
    Category.MUSIC: CategoryStyle("Music", "Brown", Mark.HIGHLIGHT, "#8D6E63"),
    Category.NOTES: CategoryStyle("Notes", "", Mark.UNDERLINE, "#9E9E9E"),
}


@dataclass(frozen=True)
class Suggestion:
    """An element the script suggests for a scene's breakdown, with the text it came from.

    `name` is what breakdown elements are matched on: for cast, the character's name as its
    cue prints (as in `Scene.characters`); for everything else, the words in lower case, the
    last one made singular where that is trivial ("police cruisers" -> "police cruiser"),
    except background, which keeps its plural ("patrons"). `display` is the text as written.
    """

    category: Category
    name: str
    display: str
    element_index: int  # in scene.elements
    start: int  # character offsets in that element's text
    end: int
    reason: str


_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_LOWER_RE = re.compile("[a-zß-öø-ÿа-яё]")
_TOKEN = rf"(?:(?:MRS|MR|MS|DR|ST|JR|SR)\.|[{_UPPER}](?:[{_UPPER}0-9'\u2019\-]*[{_UPPER}0-9])?)"
# Capitalised words separated by single spaces, the first of two letters or more. (Whether
# the run starts inside a word, "McCLANE", is checked after: a look-behind here would make
# the engine try every position in the text, five times slower.)
_CAPS_RUN = re.compile(rf"[{_UPPER}][{_UPPER}0-9'\u2019\-]*[{_UPPER}0-9](?: {_TOKEN})*(?!\w)")
# "WILL BLOOM, AGE 3", "EDWARD BLOOM, 40's", "SANDRA (60s)": a character's introduction.
_AGE = re.compile(
    r"(?:,\s*|\s*\(\s*)(?:age[sd]?\s+|early\s+|mid[- ]?\s*|late\s+)?\d", re.IGNORECASE
)
# Separates action texts joined for one pass of the regular expressions: a line break (so no
# run of capitals or phrase crosses it) and a character no word contains.
_JOIN = "\n\x00\n"


@dataclass(frozen=True)
class _Rule:
    category: Category
    name: str
    reason: str


# Plain-word rules, first listed first: a word in two lists goes to the first.
_WORD_LISTS: tuple[tuple[Category, tuple[str, ...], bool, str], ...] = (
    (Category.VEHICLES, VEHICLE_WORDS, False, "vehicle word"),
    (Category.ANIMALS, ANIMAL_WORDS, False, "animal word"),
    (Category.PROPS, PROP_WORDS, False, "prop or weapon word"),
    (Category.STUNTS, STUNT_WORDS, True, "stunt word"),
    (Category.SFX, SFX_WORDS, True, "special effects word"),
    (Category.VFX, VFX_WORDS, True, "visual effects word"),
    (Category.WARDROBE, WARDROBE_WORDS, False, "wardrobe word"),
    (Category.MAKEUP_HAIR, MAKEUP_HAIR_WORDS, False, "makeup or hair word"),
    (Category.SPECIAL_EQUIPMENT, SPECIAL_EQUIPMENT_WORDS, False, "special equipment word"),
    (Category.SET_DRESSING, SET_DRESSING_WORDS, False, "set dressing word"),
    (Category.MUSIC, MUSIC_WORDS, True, "music word"),
)


def _plain_rules() -> dict[str, _Rule]:
    rules: dict[str, _Rule] = {}
    for word in BACKGROUND_WORDS:
        rules.setdefault(word, _Rule(Category.BACKGROUND, word, "crowd word"))
    for category, words, verbs, reason in _WORD_LISTS:
        for form, word in word_forms(words, verbs=verbs).items():
            rules.setdefault(form, _Rule(category, word, reason))
    return rules


_PLAIN = _plain_rules()
_SOUND = word_forms(SOUND_WORDS, verbs=True)
_MUSIC = word_forms(MUSIC_WORDS, verbs=True)
_PERSON = word_forms(PERSON_WORDS, verbs=False)
_CAMERA = frozenset(CAMERA_WORDS)
_LEADING = frozenset(LEADING_WORDS)
_TRAILING = frozenset(TRAILING_WORDS)
_JOINING = frozenset(JOINING_WORDS)
_IGNORED = frozenset(IGNORED_WORDS)


_Trie: TypeAlias = dict[str, "_Trie"]


def _trie_pattern(words: Iterable[str]) -> str:
    """One alternation for many words, shared prefixes factored out: the regex engine then
    tries one branch per letter instead of every word, which makes the scan ~10x faster."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + pattern(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


# Applied to lower-cased text (same length as the original for nearly every script; the few
# whose lower-casing changes length go through the case-insensitive twin).
_PLAIN_RE = re.compile(r"(?<![\w'\u2019\-])" + _trie_pattern(_PLAIN) + r"(?![\w\-])")
# The first word of every rule, as `bytes.split` finds words once punctuation (and "?",
# which stands for any character outside ASCII) is made spaces. Every rule is ASCII.
_PLAIN_HEADS = frozenset(re.split(r"[\s'\-]", form)[0].encode("ascii") for form in _PLAIN)
_SEPARATORS = (string.punctuation + "?").encode("ascii")
_TO_SPACES = bytes.maketrans(_SEPARATORS, b" " * len(_SEPARATORS))


def normalise_name(text: str) -> str:
    """The name a breakdown element is matched on: lower case, single spaces, and the last
    word singular where that is trivial ("POLICE CRUISERS" -> "police cruiser")."""
    words = text.casefold().split()
    if not words:
        return ""
    words[-1] = singular(_without_possessive(words[-1]))
    return " ".join(words)


class _Cues:
    """The character names of a script, for telling a character's caps from other caps."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = frozenset(names)
        by_last: dict[str, list[str]] = {}
        for name in self.names:
            words = name.split()
            # "TELLER WOMAN" does not make every WOMAN in capitals the teller.
            if len(words) > 1 and words[-1].casefold() not in _PERSON and words[-1] not in _IGNORED:
                by_last.setdefault(words[-1], []).append(name)
        # "JULIUS BENNETT" in action speaks as "DR. BENNETT": a surname names the shortest
        # cue that ends in it ("DR. BENNETT" rather than "YOUNG DR. BENNETT").
        self.surnames = {
            last: min(full, key=lambda name: (len(name.split()), name))
            for last, full in by_last.items()
        }

    def find(self, words: Sequence[str]) -> tuple[str, int, int] | None:
        """The cue these capitalised words name, and which words (from, to) name it."""
        plain = [_without_possessive(word) for word in words]
        for count in range(min(3, len(plain)), 0, -1):
            candidate = " ".join(plain[:count])
            if candidate in self.names:
                return candidate, 0, count
        if len(plain) <= 3:
            if plain[-1] in self.names:
                return plain[-1], len(plain) - 1, len(plain)
            if len(plain) > 1 and plain[-1] in self.surnames:
                return self.surnames[plain[-1]], 0, len(plain)
        return None


# What one rule found: element index in its scene, start, end, category, name, reason.
# Plain tuples: a few thousand of them are made per script, and dataclasses cost more.
_Found: TypeAlias = tuple[int, int, int, Category, str, str]


def suggest(scene: Scene, *, cues: Iterable[str] | None = None) -> list[Suggestion]:
    """Breakdown suggestions for one scene, in reading order.

    `cues` are the character names of the whole script (the scene's own speakers are always
    included): a name in capitals in action counts as cast only when it is one of them.
    `suggest_script` passes them for every scene.
    """
    names = set(scene.characters)
    if cues is not None:
        names.update(cues)
    return _suggest_all([scene], _Cues(names))[scene.index]


def suggest_script(scenes: Sequence[Scene]) -> dict[int, list[Suggestion]]:
    """Suggestions for every scene, by scene index, knowing every cue name in the script."""
    return _suggest_all(scenes, _Cues(name for scene in scenes for name in scene.characters))


def elements_json(suggestions: Iterable[Suggestion]) -> dict[str, list[str]]:
    """Names by category value, each once, in the order they first appear. Every category
    is present, so readers of `parse-script --json` never miss a key."""
    grouped: dict[str, dict[str, None]] = {category.value: {} for category in Category}
    for suggestion in suggestions:
        grouped[suggestion.category.value].setdefault(suggestion.name, None)
    return {category: list(names) for category, names in grouped.items()}


def _suggest_all(scenes: Sequence[Scene], cues: _Cues) -> dict[int, list[Suggestion]]:
    found: dict[int, list[_Found]] = {scene.index: [] for scene in scenes}
    # Action from every scene is read in one pass of each regular expression: calling them
    # once per paragraph costs more than the matching itself.
    texts: list[str] = []
    owners: list[tuple[list[_Found], int]] = []  # where each text's findings go, its element
    cue_names: dict[str, tuple[str, int, int]] = {}
    headings: dict[str, list[tuple[int, int, _Rule]]] = {}
    for scene in scenes:
        sink = found[scene.index]
        for at, element in enumerate(scene.elements):
            kind = element.type
            if kind == ElementType.ACTION:
                texts.append(element.text)
                owners.append((sink, at))
            elif kind == ElementType.CHARACTER:
                cue = element.text
                if cue not in cue_names:
                    cue_names[cue] = _name_in_cue(cue)
                name, start, end = cue_names[cue]
                if name:
                    sink.append((at, start, end, Category.CAST, name, "speaks in the scene"))
            elif kind == ElementType.SCENE_HEADING:
                heading = element.text
                if heading not in headings:  # sets recur: read each heading once
                    headings[heading] = _vehicles_in_heading(heading)
                for start, end, rule in headings[heading]:
                    reason = "scene is set in a vehicle"
                    sink.append((at, start, end, rule.category, rule.name, reason))
    if texts:
        _read_action(texts, owners, cues)
    return {scene.index: _resolve(found[scene.index], scene) for scene in scenes}


def _name_in_cue(cue: str) -> tuple[str, int, int]:
    start = len(cue) - len(cue.lstrip(" \t@"))
    end = start + len(cue[start:].split("(")[0].rstrip(" \t^"))
    return character_name(cue), start, end


def _vehicles_in_heading(heading: str) -> list[tuple[int, int, _Rule]]:
    # "INT. EDWARD'S CAR - MOVING": a scene set in a vehicle needs that vehicle.
    found = []
    for match in _plain_matches(heading):
        rule = _PLAIN.get(" ".join(match.group().casefold().split()))
        if rule is not None and rule.category == Category.VEHICLES:
            found.append((match.start(), match.end(), rule))
    return found


def _read_action(texts: list[str], owners: list[tuple[list[_Found], int]], cues: _Cues) -> None:
    joined = _JOIN.join(texts)
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + len(_JOIN)

    claimed: list[tuple[int, int]] = []  # spans of the joined text already read as caps
    for match in _CAPS_RUN.finditer(joined):
        run, run_start = match.group(), match.start()
        if run_start and (joined[run_start - 1].isalnum() or joined[run_start - 1] in "'\u2019-"):
            # The run starts inside a word ("McCLANE"): read from the next word on.
            space = run.find(" ")
            if space < 0:
                continue
            run, run_start = run[space + 1 :], run_start + space + 1
        which = bisect_right(starts, run_start) - 1
        sink, element = owners[which]
        base = starts[which]
        line_start = joined.rfind("\n", 0, run_start) + 1
        line_end = joined.find("\n", match.end())
        if line_end < 0:
            line_end = len(joined)
        # A line all in capitals is a shot or a secondary heading ("THE EMPTY LOT",
        # "JOSEPHINE."), not an introduction: only a character named in it is read.
        mixed = _LOWER_RE.search(joined, line_start, line_end) is not None
        for words, start, end, trimmed in _parts(run, run_start):
            read = _read_caps(words, joined, start, end, cues, mixed=mixed, trimmed=trimmed)
            if read is not None:
                category, name, reason, start, end = read
                sink.append((element, start - base, end - base, category, name, reason))
                claimed.append((start, end))

    next_claim = 0
    for match in _plain_matches(joined):
        start, end = match.span()
        while next_claim < len(claimed) and claimed[next_claim][1] <= start:
            next_claim += 1
        if next_claim < len(claimed) and claimed[next_claim][0] < end:
            continue  # already read as a run of capitals
        rule = _PLAIN.get(" ".join(match.group().casefold().split()))
        if rule is None:
            continue
        which = bisect_right(starts, start) - 1
        sink, element = owners[which]
        base = starts[which]
        sink.append((element, start - base, end - base, rule.category, rule.name, rule.reason))


@cache
def _plain_re_any_case() -> re.Pattern[str]:
    # Compiled when first needed: it costs as much as the rest of the module's import.
    return re.compile(_PLAIN_RE.pattern, re.IGNORECASE)


def _plain_matches(text: str) -> Iterator[re.Match[str]]:
    """The plain-word rules' matches in a text, in order.

    Scanning the whole text with the big pattern costs ~30 ns a character, whatever it
    finds. Splitting the text into words is ten times cheaper, so the pattern is only tried
    where a word begins that some rule begins with.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        # Lower-casing changed the length (a few letters outside Latin-1 do): offsets would
        # not hold, so the case-insensitive pattern reads the original text.
        yield from _plain_re_any_case().finditer(text)
        return
    # Bytes: one per character (anything outside ASCII becomes "?"), so offsets hold, and
    # translating and splitting bytes is fast whatever the script's quotes and dashes are.
    words = lowered.encode("ascii", "replace").translate(_TO_SPACES)
    position = 0  # where the next word starts at the earliest
    end = 0  # where the last match ended: matches never overlap
    for word in words.split():
        if word not in _PLAIN_HEADS:
            continue
        at = words.find(word, position)
        # The word itself, not the same letters inside a longer word ("car" in "scary").
        while at >= 0 and (
            (at > 0 and words[at - 1 : at].isalnum())
            or words[at + len(word) : at + len(word) + 1].isalnum()
        ):
            at = words.find(word, at + 1)
        if at < 0:
            continue
        position = at + len(word)
        if at < end:
            continue  # inside the last match ("car" in "police car")
        match = _PLAIN_RE.match(lowered, at)
        if match is not None:
            end = match.end()
            yield match


def _parts(run: str, offset: int) -> list[tuple[list[str], int, int, bool]]:
    """The words of a run of capitals split at AND/OR/WITH and trimmed of articles and
    directions, each part with its offsets and whether a direction was trimmed off its end
    ("RUSH IN", "LOOK DOWN": a verb with its particle)."""
    if " " not in run:  # most runs are one word
        if run in _LEADING or run in _TRAILING or run in _JOINING:
            return []
        return [([run], offset, offset + len(run), False)]
    parts: list[tuple[list[str], int, int, bool]] = []
    part: list[tuple[str, int]] = []
    at = offset
    for word in [*run.split(" "), "AND"]:
        if word not in _JOINING:
            part.append((word, at))
            at += len(word) + 1
            continue
        at += len(word) + 1
        while part and part[0][0] in _LEADING:
            part.pop(0)
        trimmed = False
        while part and part[-1][0] in _TRAILING:
            part.pop()
            trimmed = True
        if part:
            parts.append(
                ([w for w, _ in part], part[0][1], part[-1][1] + len(part[-1][0]), trimmed)
            )
        part = []
    return parts


def _read_caps(
    words: list[str], text: str, start: int, end: int, cues: _Cues, *, mixed: bool, trimmed: bool
) -> tuple[Category, str, str, int, int] | None:
    """What a run of capitals in action is, by screenwriting convention, if anything."""
    if not _CAMERA.isdisjoint(words) or _IGNORED.issuperset(words):
        return None
    cue = cues.find(words)
    if cue is not None:
        name, first, last = cue
        if len(words) > 3:  # only the words that name the character
            start += sum(len(word) + 1 for word in words[:first])
            end = start + len(" ".join(words[first:last]))
        return Category.CAST, name, "in capitals in action; speaks in the script", start, end
    if not mixed:
        return None
    display = text[start:end]
    if len(words) <= 3 and _AGE.match(text, end):
        name = " ".join(display.split())
        return Category.CAST, name, "introduced in capitals with an age", start, end
    lowered = [_without_possessive(word).casefold() for word in words]
    phrase = " ".join(lowered)
    for forms, category, reason in (
        (_MUSIC, Category.MUSIC, "music in capitals"),
        (_SOUND, Category.SOUND, "sound in capitals"),
    ):
        if phrase in forms:
            return category, forms[phrase], reason, start, end
        for index, word in enumerate(lowered):
            if word in forms:
                at = start + sum(len(w) + 1 for w in words[:index])
                return category, forms[word], reason, at, at + len(words[index])
    exact = _PLAIN.get(phrase)
    rules = [exact, *(_PLAIN.get(word) for word in reversed(lowered))]
    for rule in rules:
        if rule is not None and rule.category in (Category.VEHICLES, Category.ANIMALS):
            # Adjectives in capitals matter for a picture car or an animal: "RED PICKUP".
            name = rule.name if rule is exact else normalise_name(display)
            return rule.category, name, f"{rule.reason} in capitals", start, end
    if not _PERSON.keys().isdisjoint(lowered):
        name = " ".join(display.casefold().split())
        return Category.BACKGROUND, name, "person in capitals who never speaks", start, end
    for rule in rules:
        if rule is not None:
            return rule.category, rule.name, f"{rule.reason} in capitals", start, end
    # What is left is a prop written in capitals, unless it reads as a verb: one word in -s
    # ("FREEZES", "RUSHES") or a verb with its particle ("CIRCLE BEHIND").
    if len(words) > 3 or trimmed or all(len(word) < 2 or word.isdigit() for word in words):
        return None
    if len(words) == 1 and lowered[0].endswith("ing"):
        return Category.SOUND, lowered[0], "capitalised -ing word: usually a sound", start, end
    if len(words) == 1 and lowered[0].endswith("s") and not lowered[0].endswith("ss"):
        return None
    return Category.PROPS, normalise_name(display), "in capitals in action", start, end


def _without_possessive(word: str) -> str:
    if word.endswith(("'S", "\u2019S", "'s", "\u2019s")):  # BAKER'S, with either apostrophe
        return word[:-2]
    return word.rstrip("'\u2019")


def _resolve(found: list[_Found], scene: Scene) -> list[Suggestion]:
    found.sort()  # reading order: element, then offset
    seen: set[tuple[Category, str]] = set()
    suggestions: list[Suggestion] = []
    for element, start, end, category, name, reason in found:
        if (category, name) in seen or not name:
            continue
        seen.add((category, name))
        display = scene.elements[element].text[start:end]
        suggestions.append(Suggestion(category, name, display, element, start, end, reason))
    return suggestions

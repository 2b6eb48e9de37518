"""Scene numbers: the order they print in, and the numbers scenes added to a locked script get.

Once a script is locked its numbers never change, so a scene added between 12 and 13 becomes
12A; `revisions.lock_numbers` numbers a new draft that way.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from itertools import count

# A scene number is a number with letters before or after it and, rarely, further parts:
# "12", "12A", "A12", "12AA", "A3-1", "2-B". They sort in the order the scenes print in:
#
#   A12 < B12 < 12 < 12-1 < 12A < 12A-1 < 12B < ... < 12Z < 12AA < 13
#
#   - letters AFTER the number mark scenes inserted after it: 12, 12A, 12B ... 12Z, 12AA,
#     12AB: shorter letters first, like spreadsheet columns (betterfountain: A3 < B3 < AA3).
#     So StudioBinder letters a new scene in a locked script: "a letter will automatically
#     append to the preceding scene number".
#   - letters BEFORE the number mark scenes inserted before it: A1, B1, then 1, the usual
#     way to add scenes before the first one, and the only use new numbers make of them.
#     betterfountain's scenenumbering spec reads a prefix as "after" (1 < A2 < 3), which
#     cannot place a scene before scene 1; a script using that style still sorts sensibly
#     except that A2 comes before 2.
#   - a part after a dash orders after the number before it: 12 < 12-1 < 12A and
#     12A < 12A-1 < 12A-2 < 12B. New numbers only take one when no letter fits (a scene
#     between 12A and 12B, or between 12 and 12A).
#   - anything else ("I", "X-RAY") sorts after every number, by its text.

_NUMBER = re.compile(r"([A-Z]*)(\d+)([A-Z]*)((?:[-.][A-Z0-9]+)*)")
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Many productions leave out I and O, which read as 1 and 0 on a call sheet.
_ALPHABET_WITHOUT_IO = "ABCDEFGHJKLMNPQRSTUVWXYZ"

_Part = tuple[int, int, str]
SceneNumberKey = tuple[int, int, _Part, _Part, tuple[_Part, ...], str]


def normalise_number(number: str) -> str:
    """A scene number as compared: no spaces, capitals ("12 a" is "12A")."""
    return "".join(number.split()).upper()


def scene_number_key(number: str) -> SceneNumberKey:
    """A sort key putting scene numbers in script order: A1 < 1 < 1A < 1A-1 < 1B < 1AA < 2."""
    text = normalise_number(number)
    match = _NUMBER.fullmatch(text)
    if match is None:
        return (1, 0, (0, 0, ""), (0, 0, ""), (), text)
    prefix, digits, suffix, rest = match.groups()
    prefix_key = (0, len(prefix), prefix) if prefix else (1, 0, "")
    suffix_key = (1, len(suffix), suffix) if suffix else (0, 0, "")
    rest_key = tuple(_rest_part_key(part) for part in re.split(r"[-.]", rest)[1:])
    return (0, int(digits), prefix_key, suffix_key, rest_key, "")


def _rest_part_key(part: str) -> _Part:
    if part.isdecimal():  # not isdigit: "²" is a digit that int() refuses
        return (0, int(part), "")
    if part.isalpha():
        return (1, len(part), part)
    return (2, 0, part)


@dataclass(frozen=True)
class SceneNumber:
    """A scene number that can take letters, in its parts: "A12B-1" is A, 12, B, ("1",)."""

    prefix: str
    digits: str
    suffix: str
    rest: tuple[str, ...]  # parts after dashes or dots

    @classmethod
    def parse(cls, number: str) -> SceneNumber | None:
        match = _NUMBER.fullmatch(normalise_number(number))
        if match is None:
            return None
        prefix, digits, suffix, rest = match.groups()
        return cls(prefix, digits, suffix, tuple(re.split(r"[-.]", rest)[1:]))

    def text(self, rest: tuple[str, ...] | None = None) -> str:
        parts = self.rest if rest is None else rest
        return self.prefix + self.digits + self.suffix + "".join("-" + part for part in parts)


def _letters(alphabet: str) -> Iterator[str]:
    """A, B, ... Z, AA, AB, ...: letters in scene-number order."""
    for length in count(1):
        yield from _words(alphabet, length)


def _words(alphabet: str, length: int) -> Iterator[str]:
    if length == 1:
        yield from alphabet
        return
    for head in _words(alphabet, length - 1):
        for letter in alphabet:
            yield head + letter


def _letters_after(letters: str, alphabet: str) -> Iterator[str]:
    key = (len(letters), letters)
    return (each for each in _letters(alphabet) if (len(each), each) > key)


def _siblings(number: SceneNumber, alphabet: str) -> Iterator[str]:
    """Numbers after this one at its own level: 12A -> 12B, A12 -> B12, 12A-1 -> 12A-2."""
    if number.rest:
        last = number.rest[-1]
        head = number.rest[:-1]
        if last.isdecimal():
            return (number.text((*head, str(k))) for k in count(int(last) + 1))
        if last.isalpha():
            return (number.text((*head, each)) for each in _letters_after(last, alphabet))
        return iter(())
    if number.suffix:
        base = number.prefix + number.digits
        return (base + each for each in _letters_after(number.suffix, alphabet))
    if number.prefix:
        return (each + number.digits for each in _letters_after(number.prefix, alphabet))
    # A plain number has no siblings of its own: 13 belongs to the script, even if free.
    return iter(())


def _children(number: SceneNumber, alphabet: str) -> list[Iterator[str]]:
    """Numbers right after this one and before its next sibling, smallest level last tried:
    12 -> 12A, 12B ... (or 12-1 where 12A is already the next scene); 12A -> 12A-1."""
    text = number.text()
    dashed = (f"{text}-{k}" for k in count(1))
    if number.rest or number.suffix:
        return [dashed]
    return [(text + each for each in _letters(alphabet)), dashed]


def insert_numbers(
    prev: str | None, following: str | None, taken: Collection[str], *, skip_io: bool = False
) -> str:
    """The number for a scene inserted between two numbered scenes of a locked script.

    After 12 comes 12A, after 12A 12B (12A between 12 and 13; a scene after 12A and before
    13 is 12B). Where no letter fits it takes a dash: 12A-1 between 12A and 12B, 12-1
    between 12 and 12A. Before the first scene (prev None) it is A1, then B1 (A1 < B1 < 1).
    After the last (following None) it is the last number lettered. The result sorts
    strictly between the two and is not in `taken` (every number the script has used,
    omitted scenes' included). Raises ValueError when nothing fits: between 12 and 12-1.
    """
    alphabet = _ALPHABET_WITHOUT_IO if skip_io else _ALPHABET
    taken_keys = {scene_number_key(number) for number in taken}
    high = scene_number_key(following) if following is not None else None
    if prev is None and following is None:
        return next(str(k) for k in count(1) if scene_number_key(str(k)) not in taken_keys)
    if prev is None:
        assert following is not None
        return _before(following, taken_keys, alphabet)
    low = SceneNumber.parse(prev)
    if low is None:
        raise ValueError(f"scene number {prev!r} cannot be lettered; give it a number first.")
    if high is not None and scene_number_key(prev) >= high:
        raise ValueError(f"scene {prev} comes after {following}; put the numbers in order first.")
    return _between(low, high, taken_keys, alphabet, prev, following)


def _between(
    low: SceneNumber,
    high: SceneNumberKey | None,
    taken: set[SceneNumberKey],
    alphabet: str,
    prev: str,
    following: str | None,
) -> str:
    current = low
    while True:
        last_taken: tuple[SceneNumberKey, str] | None = None
        for candidates in [_siblings(current, alphabet), *_children(current, alphabet)]:
            for candidate in candidates:  # each run of candidates increases
                key = scene_number_key(candidate)
                if high is not None and key >= high:
                    break
                if key not in taken:
                    return candidate
                if last_taken is None or key > last_taken[0]:
                    last_taken = (key, candidate)
        # `following` lies under `current` (12A-1 after 12A) and every number before it is
        # taken: look under the last of those.
        parsed = SceneNumber.parse(last_taken[1]) if last_taken is not None else None
        if parsed is None:
            raise ValueError(f"no scene number fits between {prev} and {following}.")
        current = parsed


def _before(following: str, taken: set[SceneNumberKey], alphabet: str) -> str:
    first = SceneNumber.parse(following)
    if first is None:
        raise ValueError(f"scene number {following!r} cannot be lettered; give it a number first.")
    high = scene_number_key(following)
    for each in _letters(alphabet):
        candidate = each + first.digits
        key = scene_number_key(candidate)
        if key >= high:
            break
        if key not in taken:
            return candidate
    # Every A1, B1 ... before it is taken, or it is itself A1: use the number below.
    if int(first.digits) == 0:
        raise ValueError(f"no scene number fits before {following}.")
    below = str(int(first.digits) - 1)
    if scene_number_key(below) not in taken:
        return below
    below_number = SceneNumber.parse(below)
    assert below_number is not None
    return _between(below_number, high, taken, alphabet, below, following)


def number_scenes(
    numbers: Sequence[str | None], *, keep_written: bool = False, skip_io: bool = False
) -> list[str]:
    """Numbers for every scene of a script, in order.

    An unlocked script is numbered 1 to N whatever it says. With `keep_written` (a script
    that arrives partly numbered, or a locked draft), written numbers stay and each scene
    without one is lettered after the scene before it (12A), or before the first (A1).
    """
    if not keep_written or all(number is None for number in numbers):
        return [str(k) for k in range(1, len(numbers) + 1)]
    result: list[str | None] = [normalise_number(n) if n is not None else None for n in numbers]
    taken = {number for number in result if number is not None}
    for at, number in enumerate(result):
        if number is not None:
            continue
        prev = next((n for n in reversed(result[:at]) if n and SceneNumber.parse(n)), None)
        assigned = free_number(prev, result[at + 1 :], taken, skip_io=skip_io)
        result[at] = assigned
        taken.add(assigned)
    return [number for number in result if number is not None]


def free_number(
    prev: str | None, later: Sequence[str | None], taken: set[str], *, skip_io: bool
) -> str:
    """A number after `prev` and before the next later number that sorts after it."""
    low = scene_number_key(prev) if prev is not None else None
    following = next(
        (
            number
            for number in later
            if number is not None
            and SceneNumber.parse(number) is not None
            and (low is None or scene_number_key(number) > low)
        ),
        None,
    )
    try:
        return insert_numbers(prev, following, taken, skip_io=skip_io)
    except ValueError:
        # No room (a scene between 12 and 12A): a number after `prev` that is free, though
        # it sorts after `following`, is better than stopping the import.
        return insert_numbers(prev, None, taken, skip_io=skip_io)

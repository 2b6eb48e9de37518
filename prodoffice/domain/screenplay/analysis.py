"""A screenplay file read, measured and broken down: what `parse-script` prints, import stores."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from prodoffice.domain.screenplay.breakdown import Suggestion, elements_json, suggest_script
from prodoffice.domain.screenplay.emphasis import strip_emphasis
from prodoffice.domain.screenplay.measure import measure
from prodoffice.domain.screenplay.model import Script
from prodoffice.domain.screenplay.read import read_screenplay


@dataclass(frozen=True)
class Analysis:
    script: Script
    suggestions: dict[int, list[Suggestion]]  # by scene index

    @property
    def title(self) -> str:
        return " ".join(strip_emphasis(self.script.screenplay.title).split())

    def as_contract(self) -> dict[str, Any]:
        """The `prodoffice parse-script --json` document (DESIGN.md, "Contracts")."""
        return {
            "title": self.title,
            "format": self.script.screenplay.format,
            "eighths": self.script.eighths,
            "pages": self.script.pages,
            "encoding": self.script.screenplay.encoding,
            "warnings": [
                {"line": w.line, "message": w.message} for w in self.script.screenplay.warnings
            ],
            "scenes": [
                {
                    "number": scene.number,
                    "heading": scene.heading,
                    "int_ext": scene.parts.int_ext,
                    "set": scene.parts.set,
                    "time_of_day": scene.parts.time_of_day,
                    "eighths": scene.eighths,
                    "page": scene.page,
                    "characters": list(scene.characters),
                    "synopsis": scene.synopsis,
                    "elements": elements_json(self.suggestions.get(scene.index, [])),
                }
                for scene in self.script.scenes
            ],
        }


def analyse(data: bytes, filename: str) -> Analysis:
    script = measure(read_screenplay(data, filename))
    return Analysis(script=script, suggestions=suggest_script(script.scenes))

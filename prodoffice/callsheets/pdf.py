"""The call sheet as a PDF: `documents/call_sheet.typ` fed the same document the page prints."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

from prodoffice.callsheets.models import CallSheet
from prodoffice.callsheets.selectors import CallSheetDocument, call_sheet_document
from prodoffice.callsheets.selectors.document import PersonCall, SceneRow
from prodoffice.core.pdf import render_pdf

CALL_SHEET = Path(__file__).parent / "documents" / "call_sheet.typ"


def call_sheet_pdf(sheet: CallSheet, highlight: int | None = None) -> bytes:
    """The sheet as printed; `highlight` (an engagement pk) picks out one person's call."""
    return render_call_sheet(call_sheet_document(sheet, highlight=highlight))


def render_call_sheet(document: CallSheetDocument) -> bytes:
    return render_pdf(CALL_SHEET, call_sheet_data(document))


def call_sheet_filename(document: CallSheetDocument) -> str:
    head = document.header
    return f"{head.code}-call-sheet-day-{head.day_number}-v{head.version}-{head.date}.pdf"


def clock(moment: time | None) -> str:
    """7:00 AM, as call sheets print a time; empty for none."""
    return moment.strftime("%I:%M %p").lstrip("0") if moment else ""


def long_date(day: date) -> str:
    return f"{day:%A, %B} {day.day}, {day.year}"


def call_sheet_data(document: CallSheetDocument) -> dict[str, Any]:
    """The JSON the typst template reads: strings, lists and flags only."""
    head = document.header
    personal = document.personal
    mine = personal.engagement_pk if personal else None
    return {
        "header": {
            "production": head.production,
            "code": head.code,
            "day": head.day_label,
            "date": long_date(head.date),
            "crew_call": clock(head.crew_call),
            "shooting_call": clock(head.shooting_call),
            "status": head.status_label,
            "weather": head.weather,
            "sun": head.sun,
            "sunrise": clock(head.sunrise),
            "sunset": clock(head.sunset),
            "hospital": head.hospital,
        },
        "personal": (
            {
                "name": personal.name,
                "call": clock(personal.call.call_time) if personal.call else "",
                "on_sheet": personal.call is not None,
                "scenes": ", ".join(personal.scenes),
            }
            if personal
            else None
        ),
        "scenes": [_scene(s, personal.scenes if personal else []) for s in document.scenes],
        "pages": document.pages,
        "cast": [_person(p, mine) for p in document.cast],
        "background": [f"{e.name} (sc. {', '.join(e.scenes)})" for e in document.background],
        "stand_ins": [f"{e.name} (sc. {', '.join(e.scenes)})" for e in document.stand_ins],
        "crew": [
            {"name": d.name, "people": [_person(p, mine) for p in d.people]} for d in document.crew
        ],
        "locations": [
            {
                "name": loc.name,
                "sets": ", ".join(loc.sets),
                "known": loc.known,
                "address": loc.address,
                "map": loc.map_link,
                "parking": loc.parking,
                "crew_parking": loc.crew_parking,
                "basecamp": loc.basecamp,
                "hospital": ", ".join(
                    p for p in (loc.hospital_name, loc.hospital_address, loc.hospital_phone) if p
                ),
                "contact": loc.contact,
            }
            for loc in document.locations
        ],
        "headcount": document.headcount,
        "diets": [f"{n.need}: {n.count}" for n in document.diets],
        "instructions": [{"category": i.category, "items": i.items} for i in document.instructions],
        "notes": document.notes,
        "advance": (
            {
                "title": f"Day {document.advance.number} — {long_date(document.advance.date)}",
                "pages": document.advance.pages,
                "scenes": [_scene(s, []) for s in document.advance.scenes],
            }
            if document.advance
            else None
        ),
        "contacts": [[c.name, c.position, c.phone] for c in document.contacts],
        "warnings": [w.message for w in document.printed_warnings],
    }


def _scene(scene: SceneRow, mine: list[str]) -> dict[str, Any]:
    return {
        "number": scene.number,
        "int_ext": scene.int_ext,
        "set": scene.set_name,
        "synopsis": scene.synopsis,
        "time_of_day": scene.time_of_day,
        "pages": scene.pages,
        "cast": scene.cast_numbers,
        "location": scene.location,
        "mine": bool(scene.number) and scene.number in mine,
    }


def _person(person: PersonCall, mine: int | None) -> dict[str, Any]:
    return {
        "number": str(person.cast_number or ""),
        "character": person.character,
        "name": person.name,
        "position": person.position,
        "status": person.status,
        "call": clock(person.call_time) if person.called else "Hold" if person.status else "N/C",
        "pickup": clock(person.pickup_time),
        "place": person.pickup_place,
        "makeup": clock(person.makeup_time),
        "wardrobe": clock(person.wardrobe_time),
        "on_set": clock(person.on_set_time),
        "remarks": person.remarks,
        "exception": person.exception,
        "mine": person.engagement_pk == mine,
    }

"""The DPR as a PDF: `documents/dpr.typ` fed the same document the page prints."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from prodoffice.core.pdf import render_pdf
from prodoffice.domain.scheduling.constraints import pages
from prodoffice.reports.selectors import PersonLine, ReportDocument

DPR = Path(__file__).parent / "documents" / "dpr.typ"


def render_report(document: ReportDocument) -> bytes:
    """Pay, the labour cost and violations' costs print only in a document built with money."""
    return render_pdf(DPR, report_data(document))


def report_filename(document: ReportDocument) -> str:
    return f"{document.code}-dpr-day-{document.day_number}-{document.date}.pdf"


def clock(moment: datetime | None, day: date | None = None) -> str:
    """13:05, and the date too when it is not the shoot day (a wrap past midnight)."""
    if moment is None:
        return ""
    if day is not None and moment.date() != day:
        return f"{moment:%H:%M} ({moment:%a})"
    return f"{moment:%H:%M}"


def dollars(amount: Decimal) -> str:
    return f"${amount:,.2f}"


def report_data(document: ReportDocument) -> dict[str, Any]:
    """The JSON the typst template reads: strings and lists only."""
    report, day, t, money = document.report, document.date, document.totals, document.money
    zone = document.crew_call.tzinfo

    def local(moment: datetime | None) -> datetime | None:
        return moment.astimezone(zone) if moment is not None else None

    return {
        "header": {
            "production": document.production,
            "code": document.code,
            "day": f"Day {document.day_number} of {document.days_total}",
            "date": f"{day:%A, %B} {day.day}, {day.year}",
            "status": document.status_label,
        },
        "times": [
            ["Crew call", clock(document.crew_call, day)],
            ["Shooting call", clock(document.shooting_call, day)],
            ["First shot", clock(local(report.first_shot), day)],
            ["First meal", clock(document.first_meal, day)],
            *(
                [f"{ordinal} meal", f"{clock(start, day)}-{clock(end, day)}"]
                for ordinal, (start, end) in zip(
                    ("1st", "2nd"), document.company_meals, strict=False
                )
            ),
            ["Camera wrap", clock(local(report.camera_wrap), day)],
            ["Last person out", clock(local(report.last_out), day)],
            ["Setups", f"{t.setups} (to date {t.setups_to_date})"],
            ["Script minutes", f"{t.script_minutes} (to date {t.script_minutes_to_date})"],
        ],
        "totals": [
            [
                "Pages",
                pages(t.eighths_scheduled),
                pages(t.eighths_shot),
                pages(t.eighths_scheduled_to_date),
                pages(t.eighths_shot_to_date),
            ],
            ["Scenes", str(t.scenes_scheduled), _scenes_shot(document), "", ""],
        ],
        "scenes": [
            {
                "number": f"{s.number} ({s.kind})" if s.kind else s.number,
                "set": s.set_name,
                "pages": s.pages,
                "result": s.result_label,
                "shot": s.pages_shot,
                "setups": str(s.setups),
                "note": s.note,
            }
            for s in document.scenes
        ],
        "cast": [_person(p, day, money) for p in document.cast],
        "crew": [_person(p, day, money) for p in document.crew],
        "money": money,
        "violations": [
            {
                "name": v.name,
                "explanation": v.explanation,
                "amount": dollars(v.amount) if v.amount is not None else "",
            }
            for v in document.violations
        ],
        "labour": (
            [
                ["Regular", dollars(document.labour.regular)],
                ["Overtime", dollars(document.labour.overtime)],
                ["Penalties", dollars(document.labour.penalties)],
                ["Total", dollars(document.labour.total)],
            ]
            if money
            else None
        ),
        "notes": [[label, text] for label, text in document.notes],
        "deal_notes": [f"{note} ({count})" for note, count in document.deal_notes],
        "not_costed": [[reason, ", ".join(names)] for reason, names in document.not_costed],
        "background": [
            {
                "who": g.description,
                "count": str(g.count),
                "call": clock(g.call, day),
                "meal": f"{clock(g.meal_start) or '?'}-{clock(g.meal_end) or '?'}"
                if g.meal_start or g.meal_end
                else "",
                "wrap": clock(g.wrap, day),
                "hours": str(g.hours) if g.hours is not None else "",
                "remarks": g.remarks,
            }
            for g in document.background
        ],
        "background_count": str(document.background_count),
        "media": [
            {
                "device": m.device,
                "count": str(m.count),
                "gigabytes": str(m.gigabytes) if m.gigabytes is not None else "",
                "to_date": f"{m.count_to_date}"
                + (f" · {m.gigabytes_to_date} GB" if m.gigabytes_to_date else ""),
                "note": m.note,
            }
            for m in document.media
        ],
    }


def _scenes_shot(document: ReportDocument) -> str:
    t = document.totals
    words = [f"{t.scenes_complete} complete"]
    if t.scenes_added:
        words.append(f"{t.scenes_added} added")
    if t.retakes:
        words.append(f"{t.retakes} retake{'s' if t.retakes != 1 else ''}")
    return " · ".join(words)


# The performer's day between in and out, as one cell: "PU 05:30 · MU 06:15 · Set 07:00".
_CAST_TIMES = (("pickup", "PU"), ("makeup", "MU"), ("on_set", "Set"), ("dismissed_set", "Dism"))


def _person(person: PersonLine, day: date, money: bool) -> dict[str, Any]:
    times = person.times

    def meal(pair: str) -> str:
        start, end = times[f"{pair}_start"], times[f"{pair}_end"]
        if start is None and end is None:
            return ""
        return f"{clock(start) or '?'}-{clock(end) or '?'}"

    flags = [flag for flag in (person.not_costed, person.below_scale) if flag]
    if person.missing:
        flags.append("Missing: " + ", ".join(person.missing))
    elif person.problems:
        flags += person.problems
    result = person.result
    if result is not None and result.costed:
        if money:
            flags.append(f"Pay {dollars(result.regular + result.overtime)}")
        # One hour's pay is the hourly rate: penalties in money only for those who see rates.
        if money and result.penalties:
            flags.append(f"Penalties {dollars(result.penalties)}")
    return {
        "number": str(person.cast_number or ""),
        "name": person.name,
        "role": person.role,
        "status": person.status,
        "call": clock(times["call"], day),
        "ndb": meal("ndb"),
        "meal1": meal("meal1"),
        "meal2": meal("meal2"),
        "wrap": clock(times["wrap"], day),
        "day": " · ".join(
            f"{short} {clock(times[name], day)}" for name, short in _CAST_TIMES if times.get(name)
        ),
        "hours": str(person.hours) if person.hours is not None else "",
        "flags": "; ".join(flags),
        "flagged": bool(person.missing or person.problems or person.not_costed),
    }

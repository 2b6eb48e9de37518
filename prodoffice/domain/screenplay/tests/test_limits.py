"""Scripts past what any production shoots are refused with the reason, before the slow work."""

from __future__ import annotations

import pytest

from prodoffice.domain.screenplay.analysis import analyse
from prodoffice.domain.screenplay.model import ScreenplayError


def scenes(count: int, *, action: str = "She waits.") -> bytes:
    return "".join(
        f"{'INT.' if i % 2 else 'EXT.'} ROOM {i} - DAY\n\n{action}\n\nJUNE\nNot yet.\n\n"
        for i in range(count)
    ).encode()


def test_a_400_scene_feature_is_read_in_full() -> None:
    action = "The wind takes the dust across the salt flats and the road goes on. " * 12
    analysis = analyse(scenes(400, action=action), "long.fountain")
    assert len(analysis.script.scenes) == 400
    assert analysis.script.pages == 200


def test_a_fountain_file_of_ten_megabytes_is_refused_by_its_size() -> None:
    with pytest.raises(ScreenplayError) as refused:
        analyse(b"INT. ROOM - DAY\n\nShe waits.\n\n" * 400_000, "huge.fountain")
    assert str(refused.value).startswith(
        "huge.fountain is 11.1 MB; a Fountain screenplay is under 1 MB"
    )


def test_a_final_draft_file_may_be_larger_but_not_past_5_mb() -> None:
    with pytest.raises(ScreenplayError, match=r"huge.fdx is 5.7 MB; a Final Draft screenplay"):
        analyse(b"<FinalDraft>" + b" " * (6_000_000), "huge.fdx")


def test_a_script_of_more_than_1000_scenes_is_refused_before_it_is_laid_out() -> None:
    with pytest.raises(ScreenplayError) as refused:
        analyse(scenes(1001), "many.fountain")
    assert str(refused.value) == (
        "The file has 1,001 scene headings; Prodoffice takes scripts of up to 1,000 scenes (the "
        "longest features have about 400). Check that it is one screenplay and that only scene "
        "headings start with INT. or EXT."
    )
    assert len(analyse(scenes(1000), "many.fountain").script.scenes) == 1000


def test_a_script_of_more_than_600_pages_is_refused() -> None:
    # A forced page break (===) starts a new page: 601 pages in a few kilobytes.
    with pytest.raises(ScreenplayError) as refused:
        analyse(b"INT. ROOM - DAY\n\n" + b"She waits.\n\n===\n\n" * 601, "long.fountain")
    assert str(refused.value).startswith(
        "The script runs to 601 pages; Prodoffice takes scripts of up to 600 pages"
    )

"""The union/local field read as the agreement that covers the person, or why none does.

Source: the table's own source text (`unions.json`): the IATSE Basic Agreement covers the
thirteen West Coast studio locals, Local 600 (ICG) and Local 700 (Editors Guild) among them;
DGA members, Teamsters Local 399 and IBEW Local 40 work under agreements of their own.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from prodoffice.domain.rules.tests.helpers import RULE_SETS
from prodoffice.domain.rules.unions import NotCovered, agreement_for, covering, load_unions

LOADED = {rules.id for rules in RULE_SETS}


@pytest.mark.parametrize(
    "written",
    [
        "ICG Local 600",
        "Local 600",
        "IATSE 600",
        "IATSE Local 600",
        "International Cinematographers Guild",
        "iatse local #600",
        "I.A.T.S.E. Local 0600",
    ],
)
def test_a_camera_assistant_in_local_600_is_under_the_iatse_basic_agreement(
    written: str,
) -> None:
    assert agreement_for(written) == "iatse"
    assert covering(written).who == "IATSE Local 600 (International Cinematographers Guild)"


@pytest.mark.parametrize(
    "local", ["700", "728", "80", "44", "706", "705", "729", "800", "871", "892", "695", "884"]
)
def test_every_west_coast_studio_local_is_under_the_iatse_basic_agreement(local: str) -> None:
    assert agreement_for(f"IATSE Local {local}") == "iatse"
    assert agreement_for(f"Local {local}") == "iatse"


def test_guilds_written_by_name_are_their_iatse_local() -> None:
    assert covering("Editors Guild").who == "IATSE Local 700 (Motion Picture Editors Guild)"
    assert covering("ADG").who == "IATSE Local 800 (Art Directors Guild)"


def test_performers_are_under_the_sag_aftra_agreement_however_written() -> None:
    for written in ("SAG-AFTRA", "SAG", "sag aftra", "AFTRA", "Screen Actors Guild"):
        assert agreement_for(written) == "sag-aftra", written


def test_a_non_member_is_under_the_california_rules() -> None:
    for written in ("", "   ", "Non-union", "none", "N/A"):
        assert agreement_for(written) == "california", written


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("DGA", "DGA members work under the DGA Basic Agreement, which is not loaded here."),
        (
            "Teamsters Local 399",
            "Teamsters Local 399 members work under the Teamsters Local 399 agreement (the "
            "Black Book), which is not loaded here.",
        ),
        (
            "IBEW Local 40",
            "IBEW Local 40 members work under the IBEW Local 40 agreement, which is not loaded "
            "here.",
        ),
        ("Local 399", "Teamsters Local 399 members work under"),
    ],
)
def test_a_union_whose_agreement_is_not_loaded_is_not_costed_and_says_which(
    written: str, reason: str
) -> None:
    with pytest.raises(NotCovered) as refused:
        agreement_for(written)
    assert refused.value.reason.startswith(reason)
    assert not refused.value.unknown  # a union the table knows


def test_a_loaded_agreement_covers_those_unions_once_it_is() -> None:
    assert agreement_for("Teamsters Local 399", loaded={*LOADED, "teamsters-399"}) == (
        "teamsters-399"
    )
    with pytest.raises(NotCovered, match="IATSE Basic Agreement, which is not loaded"):
        agreement_for("ICG Local 600", loaded={"california"})


def test_an_unknown_union_names_the_choices() -> None:
    with pytest.raises(NotCovered) as refused:
        agreement_for("WGA")
    assert refused.value.reason.startswith("no agreement known for 'WGA'; choose one of IATSE")
    assert refused.value.unknown
    assert "or leave it blank for a non-member" in refused.value.reason


def test_an_iatse_local_outside_the_basic_agreement_is_not_costed_under_it() -> None:
    with pytest.raises(NotCovered, match=r"IATSE Local 479 is not one of the locals under"):
        agreement_for("IATSE Local 479")
    with pytest.raises(NotCovered, match=r"Local 52 .* its own agreement"):
        agreement_for("Local 52")


def test_two_unions_or_two_locals_ask_which_one() -> None:
    with pytest.raises(NotCovered, match="names more than one union"):
        agreement_for("IATSE / SAG-AFTRA")
    with pytest.raises(NotCovered, match=r"names more than one local \(600, 700\)"):
        agreement_for("IATSE 600 and 700")
    assert agreement_for("IATSE Local 600 since 2019") == "iatse"  # the number after "Local"


def test_every_union_in_the_table_names_its_agreement() -> None:
    table = load_unions()
    assert {union.name for union in table} >= {"IATSE", "SAG-AFTRA", "DGA", "Teamsters", "IBEW"}
    assert all(union.agreement and union.agreement_name for union in table)


@given(st.text(max_size=120))
@example("Local")
@example("0")
@example("٦٠٠")  # digits in another script are not a local's number
@example("IATSE Local 99999999999999999999999")
def test_any_text_maps_to_an_agreement_loaded_or_gives_a_reason_and_never_raises_else(
    written: str,
) -> None:
    coverage = covering(written)
    if coverage.agreement is None:
        assert coverage.reason
        with pytest.raises(NotCovered):
            agreement_for(written)
    else:
        assert coverage.agreement in LOADED and not coverage.reason
        assert agreement_for(written) == coverage.agreement


WORDS = st.sampled_from(
    [
        "IATSE",
        "I.A.T.S.E.",
        "Local",
        "#",
        "ICG",
        "SAG-AFTRA",
        "SAG",
        "DGA",
        "Teamsters",
        "IBEW",
        "600",
        "0600",
        "80",
        "399",
        "40",
        "52",
        "479",
        "/",
        "non-union",
        "N/A",
        "Guild",
        "Editors",
    ]
)


@given(st.lists(WORDS, max_size=6).map(" ".join))
@example("Local 600 / Local 600")
@example("SAG-AFTRA SAG")
def test_any_mix_of_union_words_is_read_or_refused_with_a_reason(written: str) -> None:
    coverage = covering(written)
    assert (coverage.agreement in LOADED) != bool(coverage.reason)

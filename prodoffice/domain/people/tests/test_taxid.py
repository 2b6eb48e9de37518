from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prodoffice.domain.people.taxid import TaxIdError, TaxIdKind, mask, parse_tax_id


@pytest.mark.parametrize(
    ("typed", "kind", "formatted"),
    [
        ("123-45-6789", TaxIdKind.SSN, "123-45-6789"),
        ("123456789", TaxIdKind.SSN, "123-45-6789"),
        (" 123 45 6789 ", TaxIdKind.SSN, "123-45-6789"),
        ("12-3456789", TaxIdKind.EIN, "12-3456789"),
        ("912-70-1234", TaxIdKind.ITIN, "912-70-1234"),
    ],
)
def test_it_reads_tax_ids_typed_in_the_usual_ways(
    typed: str, kind: TaxIdKind, formatted: str
) -> None:
    tax_id = parse_tax_id(typed)
    assert tax_id.kind is kind
    assert tax_id.formatted == formatted


def test_an_ein_can_be_named_explicitly_when_typed_without_the_dash() -> None:
    assert parse_tax_id("123456789", "ein").formatted == "12-3456789"


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("12345", "nine digits"),
        ("12345678a", "nine digits"),
        ("000-12-3456", "No SSN starts with 000"),
        ("666-12-3456", "No SSN starts with 666"),
        ("123-00-4567", "00 in the middle"),
        ("123-45-0000", "0000 at the end"),
        ("", "nine digits"),
        (
            "".join(chr(0xFF11 + i) for i in range(9)),
            "nine digits",
        ),  # full-width digits are not what the IRS issues
    ],
)
def test_it_refuses_numbers_the_irs_never_issues(typed: str, reason: str) -> None:
    with pytest.raises(TaxIdError, match=reason):
        parse_tax_id(typed)


def test_an_ein_never_starts_with_00() -> None:
    with pytest.raises(TaxIdError, match="00"):
        parse_tax_id("00-1234567")


def test_the_mask_shows_only_the_last_four_digits() -> None:
    assert mask("ssn", "6789") == "***-**-6789"
    assert mask("ein", "6789") == "**-***6789"
    assert mask("ssn", "") == ""


@given(st.text(max_size=30))
def test_any_text_is_either_a_tax_id_or_a_clear_error(text: str) -> None:
    try:
        tax_id = parse_tax_id(text)
    except TaxIdError as error:
        assert str(error)
    else:
        assert len(tax_id.digits) == 9
        assert tax_id.digits.isdigit()
        assert tax_id.last4 == tax_id.digits[-4:]


@given(
    st.from_regex(
        r"[1-8][0-9]{2}-(0[1-9]|[1-9][0-9])-(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})",
        fullmatch=True,
    )
)
def test_every_well_formed_ssn_round_trips(ssn: str) -> None:
    if ssn.startswith("666"):
        return
    assert parse_tax_id(ssn).formatted == ssn

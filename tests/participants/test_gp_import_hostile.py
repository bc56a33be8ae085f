"""Hostile and broken files: each gets a clear Dutch message, and nothing is ever written."""

import datetime as dt
import io
import zipfile

import pytest

from groepsconsult.participants.gp_import.checking import check_file
from groepsconsult.participants.gp_import.reading import MAX_ROWS, FileRejected
from tests.factories.gp_import import HEADER, gp_csv, gp_row, gp_rows, gp_xlsx


def refused(region, data, name="selectie.csv"):
    with pytest.raises(FileRejected) as exc:
        check_file(data=data, file_name=name, region=region, today=dt.date(2026, 11, 23))
    return " ".join(exc.value.messages)


def check(region, data, name="selectie.csv"):
    return check_file(data=data, file_name=name, region=region, today=dt.date(2026, 11, 23))


def test_empty_file(region_a):
    assert refused(region_a, b"") == "Het bestand is leeg."
    assert refused(region_a, b"  \r\n\r\n") == "Het bestand is leeg."


def test_utf16_file_is_refused_with_advice(region_a):
    message = refused(region_a, gp_csv(gp_rows(2), encoding="utf-16"))
    assert "UTF-16" in message and "CSV UTF-8" in message


def test_undecodable_bytes_are_refused(region_a):
    data = gp_csv(gp_rows(1)) + b"\x81\x8d\x8f\x90\x9d\xff\xfe"
    assert "CSV UTF-8" in refused(region_a, data)


def test_binary_junk_is_refused(region_a):
    data = bytes(range(1, 32)) * 50
    assert "geen CSV- of Excelbestand" in refused(region_a, data)


@pytest.mark.parametrize("payload", ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1)"])
def test_formula_cells_are_bad_rows_never_evaluated(region_a, payload):
    report = check(region_a, gp_csv([gp_row(1), gp_row(2, Naam=payload)]))
    assert report.bad_rows == 1 and len(report.new_rows) == 1
    assert report.errors[0].startswith("Rij 3: naam ")
    assert "formule" in report.errors[0]


def test_formula_in_xlsx_is_kept_as_text_and_refused(region_a):
    data = gp_xlsx([gp_row(1, Selectiereden='=HYPERLINK("http://x")')])
    report = check(region_a, data, "selectie.xlsx")
    assert report.bad_rows == 1 and "formule" in report.errors[0]


def test_international_phone_with_plus_is_not_a_formula(region_a):
    report = check(region_a, gp_csv([gp_row(1, Telefoon="+32 470 12 34 56")]))
    assert report.ok and report.new_rows[0].values["phone"] == "+32470123456"


def test_huge_cell_is_a_bad_row(region_a):
    report = check(region_a, gp_csv([gp_row(1, Selectiereden="x" * 501)]))
    assert report.errors == ["Rij 2: selectiereden is 501 tekens lang (maximaal 500)"]


def test_gigantic_cell_refuses_the_file_naming_the_row(region_a):
    data = gp_csv([gp_row(1), gp_row(2, Selectiereden='"' + "x" * 200_000)])
    assert refused(region_a, data).startswith("Rij ")


def test_missing_required_columns_are_named(region_a):
    header = ["Naam", "Telefoon", "Selectiereden"]
    message = refused(region_a, gp_csv([gp_row(1)], header=header))
    assert message.startswith("Verplichte kolommen ontbreken: geboortedatum, geslacht, postcode.")


def test_same_column_twice_is_refused(region_a):
    header = [*HEADER, "Mobiel"]
    message = refused(region_a, gp_csv([{**gp_row(1), "Mobiel": "0611111111"}], header=header))
    assert "telefoon" in message and "twee keer" in message


def test_file_over_the_size_limit(region_a):
    data = gp_csv(gp_rows(1)) + b"x" * (10 * 1024 * 1024)
    assert (
        refused(region_a, data)
        == "Het bestand is groter dan 10 MB. Splits het in kleinere bestanden."
    )


def test_too_many_rows(region_a):
    lines = [";".join(HEADER)] + ["a;b;c;d;e;f;g"] * (MAX_ROWS + 1)
    message = refused(region_a, "\n".join(lines).encode())
    assert message == "Het bestand heeft meer dan 100.000 rijen. Splits het in kleinere bestanden."


def test_text_file_renamed_to_xlsx(region_a):
    message = refused(region_a, gp_csv(gp_rows(1)), "selectie.xlsx")
    assert message == ("Het bestand heet .xlsx maar is geen Excelbestand. Exporteer het opnieuw.")


def test_old_xls_file(region_a):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    assert ".xls" in refused(region_a, data, "selectie.xls")


def test_zip_that_is_not_a_workbook(region_a):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hallo")
    assert "geen echt .xlsx" in refused(region_a, out.getvalue(), "selectie.xlsx")


def test_truncated_xlsx(region_a):
    data = gp_xlsx(gp_rows(3))
    assert "beschadigd" in refused(region_a, data[: len(data) // 2], "selectie.xlsx")


def test_xlsx_zip_bomb(region_a):
    """A worksheet that unpacks from a few hundred kB to 300 MB is refused before it is read."""
    source = io.BytesIO(gp_xlsx(gp_rows(1)))
    out = io.BytesIO()
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for item in original.infolist():
            bomb.writestr(item, original.read(item.filename))
        with bomb.open("xl/worksheets/padding.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1024 * 1024)
            for _ in range(300):
                member.write(chunk)
    assert len(out.getvalue()) < 2 * 1024 * 1024
    assert "zip-bom" in refused(region_a, out.getvalue(), "selectie.xlsx")


def test_xlsx_billion_laughs(region_a):
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1">'
        b"<si><t>&lol2;</t></si></sst>"
    )
    source = io.BytesIO(gp_xlsx(gp_rows(1)))
    out = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w") as evil:
        for item in original.infolist():
            data = original.read(item.filename)
            evil.writestr(item, laughs if item.filename == "xl/sharedStrings.xml" else data)
        if "xl/sharedStrings.xml" not in original.namelist():
            evil.writestr("xl/sharedStrings.xml", laughs)
    assert "XML-entiteiten" in refused(region_a, out.getvalue(), "selectie.xlsx")


def test_row_with_more_cells_than_header(region_a):
    data = (
        gp_csv(gp_rows(1)) + b"Extra, Ik;01-01-1960;V;0612345678;a@b.nl;2525 AB;T90;extra;meer\r\n"
    )
    report = check(region_a, data)
    assert report.errors == [
        "Rij 3: heeft meer cellen dan de kopregel (controleer het scheidingsteken of de aanhalingstekens)"
    ]

"""Issue 10 finding 3: one upload-safety helper, used by every importer."""

import contextlib
import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groepsconsult.core.uploads import Limits, UploadRejected, capped, sniff
from groepsconsult.measurements.inbody import InBodyFileError, parse_inbody
from groepsconsult.participants.gp_import.reading import FileRejected, read_file


def zip_bomb(inflated=30 * 1024 * 1024) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<row>" + b" " * inflated + b"</row>")
    return buffer.getvalue()


def test_finding_3_inbody_xlsx_zip_bomb_is_refused_before_parsing():
    bomb = zip_bomb()
    assert len(bomb) < 100 * 1024
    with pytest.raises(InBodyFileError) as exc:
        parse_inbody(bomb, filename="inbody.xlsx")
    assert "zip" in str(exc.value).lower()


def test_finding_3_inbody_format_comes_from_magic_bytes_not_the_name():
    with pytest.raises(InBodyFileError):
        parse_inbody(b"ID;Weight(kg)\n1;80\n", filename="inbody.xlsx")  # text named .xlsx
    with pytest.raises(InBodyFileError):
        parse_inbody(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, filename="x.csv")
    parsed = parse_inbody(b"ID;Weight(kg)\n1;80\n", filename="export.csv")
    assert parsed.rows[0].day_number == 1


def test_finding_3_gp_reader_uses_the_same_guard():
    with pytest.raises(FileRejected) as exc:
        read_file(zip_bomb(), "selectie.xlsx")
    assert isinstance(exc.value, UploadRejected)


def test_caps_on_rows_columns_and_cells():
    limits = Limits(max_rows=5, max_columns=3, max_cells=8)
    with pytest.raises(UploadRejected):
        list(capped([["a"]] * 20, limits))
    with pytest.raises(UploadRejected):
        list(capped([["a", "b", "c", "d"]], limits))
    assert list(capped([["a", "b", "c", None, ""]], limits)) == [(1, ["a", "b", "c"])]
    with pytest.raises(UploadRejected):
        list(capped([["a", "b", "c"]] * 3, limits))


def test_sniff_refuses_old_excel_and_renamed_text():
    assert sniff(b"PK\x03\x04rest") == "xlsx"
    assert sniff(b"Naam;Geb") == "csv"
    with pytest.raises(UploadRejected):
        sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    with pytest.raises(UploadRejected):
        sniff(b"Naam;Geb", "lijst.xlsx")


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2048), name=st.sampled_from(["a.csv", "a.xlsx", "a.txt", ""]))
def test_importers_refuse_any_bytes_with_their_own_error_only(data, name):
    """Fuzz: whatever arrives, each reader answers rows or its clear refusal, never a crash."""
    for read, refused in ((read_file, FileRejected), (parse_inbody, InBodyFileError)):
        with contextlib.suppress(refused):
            read(data, name) if read is read_file else read(data, filename=name)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.lists(st.text(max_size=12), max_size=6), max_size=12))
def test_zipped_fuzz_rows_never_escape_the_guard(rows):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", repr(rows))
    with contextlib.suppress(FileRejected):
        read_file(buffer.getvalue(), "x.xlsx")

"""InBody import: one generated fixture per export layout, the tolerated variants, the matching
by day number only, the preview and the all-or-nothing import."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from groepsconsult.audit.services import Actor
from groepsconsult.measurements.imports import inbody_import, inbody_preview
from groepsconsult.measurements.inbody import (
    InBodyFileError,
    normalise_header,
    parse_inbody,
    parse_number,
)
from groepsconsult.measurements.models import Measurement
from tests.factories.backbone import make_consultation, make_participant, make_user
from tests.factories.measurements import make_measurement, make_station_registration

D = Decimal


def numbered_csv() -> bytes:
    """Format 1: "N. Name" headers, comma separated, UTF-8 with BOM, "Level 6", "-" as null."""
    header = ["1. ID", "3. Height", "13. Test Date / Time", "15. Weight", "33. SMM", "36. BMI"]
    header += ["39. PBF", "71. VFL", "85. Measured Circumference of Abdomen"]
    rows = [
        ["3", "172.0", "20261210103012", "84.3", "30.1", "28.5", "33.2", "Level 9", "-"],
        ["4", "160.5", "20261210104500", "71.0", "22.4", "27.6", "38.0", "Level 12", "92"],
        ["0612345678", "180", "20261210105000", "90", "35", "27.8", "25", "Level 7", "-"],
    ]
    lines = [",".join(header)] + [",".join(r) for r in rows]
    return ("\ufeff" + "\r\n".join(lines)).encode("utf-8")


def named_semicolon_cp1252() -> bytes:
    """Format 3, localised: "Peso (kg)", semicolons, decimal commas, cp1252 text."""
    lines = [
        "ID;Fecha;Peso (kg);Altura (cm);IMC (kg/m²);PGC (%);Nivel de grasa visceral",
        "3;20261210103012;84,3;172;28,5;33,2;9",
        "5;20261210103500;-;-;-;-;-",
    ]
    return "\r\n".join(lines).encode("cp1252")


def named_tab_pounds() -> bytes:
    """Format 3 with a tab separator and pounds/inches headers."""
    lines = [
        "ID\tTest Date / Time\tWeight(lb)\tHeight(in)\tPercent Body Fat(%)",
        "3\t2026.12.10 10:30:12 AM\t185.9\t67.7\t33,2",
    ]
    return "\n".join(lines).encode("utf-8")


def dbbackup_csv() -> bytes:
    """Format 2, positional: header 0 = ID, header 5 contains "weight"."""
    header = ["ID", "DateTime", "Age", "Height", "Gender", "Weight", "WeightMin", "WeightMax"]
    header += [f"c{i}" for i in range(8, 30)]
    row = ["3", "20261210103012", "55", "172", "M", "84.3", "60", "80"] + ["0"] * 22
    row[8], row[20], row[23] = "30.1", "28.5", "33.2"
    return (",".join(header) + "\n" + ",".join(row)).encode("utf-8")


def xlsx_bytes() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["ID", "Test Date / Time", "Weight(kg)", "Height(cm)", "BMI(kg/m2)", "VFL"])
    sheet.append([3, dt.datetime(2026, 12, 10, 10, 30), 84.3, 172, 28.5, "Level 9"])
    sheet.append([4, "20261210104500", "71,0", 160.5, 27.6, 12])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_numbered_export():
    parsed = parse_inbody(numbered_csv(), filename="INBODY 1.csv")
    assert parsed.layout == "numbered"
    first = parsed.rows[0]
    assert first.day_number == 3 and first.measured_at == dt.datetime(2026, 12, 10, 10, 30, 12)
    assert first.values == {
        "weight": D("84.30"),
        "height": D("172.00"),
        "bmi": D("28.50"),
        "fat_percent": D("33.20"),
        "visceral_fat_level": D("9.00"),
        "muscle_mass": D("30.10"),
    }
    assert parsed.rows[1].values["waist"] == D("92.00")
    assert parsed.rows[2].day_number is None  # a phone number is not a day number


def test_named_semicolon_cp1252_with_decimal_commas():
    parsed = parse_inbody(named_semicolon_cp1252(), filename="export.csv")
    assert parsed.layout == "named"
    assert parsed.rows[0].values["weight"] == D("84.30")
    assert parsed.rows[0].values["bmi"] == D("28.50")
    assert parsed.rows[0].values["visceral_fat_level"] == D("9.00")
    assert parsed.rows[1].values == {}  # "-" everywhere: nothing measured


def test_named_tab_in_pounds_and_inches_is_converted():
    (row,) = parse_inbody(named_tab_pounds(), filename="export.txt").rows
    assert row.values["weight"] == D("84.32")
    assert row.values["height"] == D("171.96")
    assert row.measured_at == dt.datetime(2026, 12, 10, 10, 30, 12)


def test_dbbackup_positional_layout():
    parsed = parse_inbody(dbbackup_csv(), filename="dbbackup.CSV")
    assert parsed.layout == "dbbackup"
    assert parsed.rows[0].values == {
        "height": D("172.00"),
        "weight": D("84.30"),
        "muscle_mass": D("30.10"),
        "bmi": D("28.50"),
        "fat_percent": D("33.20"),
    }


def test_xlsx_export():
    parsed = parse_inbody(xlsx_bytes(), filename="lookinbody.xlsx")
    assert [r.day_number for r in parsed.rows] == [3, 4]
    assert parsed.rows[1].values["weight"] == D("71.00")
    assert parsed.rows[0].values["visceral_fat_level"] == D("9.00")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("72,5", "72.5"), ("72.5 kg", "72.5"), ("Level 6", "6"), ("-", None), ("", None), (6, "6")],
)
def test_number_variants(raw, expected):
    assert parse_number(raw) == (None if expected is None else D(expected))


def test_header_variants_normalise_to_one_name():
    for header in ("15. Weight", "Weight(kg)", "\ufeffWEIGHT [kg]", " weight "):
        assert normalise_header(header) == "weight"
    assert normalise_header("Peso (kg)") == "peso"


def test_a_file_without_id_column_is_refused():
    with pytest.raises(InBodyFileError, match="dagnummer"):
        parse_inbody(b"Weight(kg),BMI\n80,25\n", filename="x.csv")


def test_bad_values_get_row_numbered_dutch_messages():
    data = b"ID;Weight(kg);BMI\n3;725;28\n4;abc;27\n"
    rows = parse_inbody(data, filename="x.csv").rows
    assert rows[0].line == 2 and "typefout" in rows[0].errors[0]
    assert "geen getal" in rows[1].errors[0]


@pytest.fixture
def session(region_a):
    consultation = make_consultation(region_a)
    three = make_station_registration(
        consultation, day_number=3, participant=make_participant(region_a, sex="male")
    )
    four = make_station_registration(consultation, day_number=4)
    return consultation, three, four


@pytest.fixture
def physician(region_a):
    return make_user("physician", region_a)


def _import(consultation, physician, data, filename="x.csv"):
    rows = parse_inbody(data, filename=filename).rows
    return inbody_import(
        membership=physician.memberships.get(),
        consultation=consultation,
        rows=rows,
        by=Actor.for_user(physician),
        device="InBody 270",
    )


def test_preview_lists_matched_and_unmatched_rows(session, physician):
    consultation, three, four = session
    rows = parse_inbody(numbered_csv(), filename="INBODY 1.csv").rows
    preview = inbody_preview(
        membership=physician.memberships.get(), consultation=consultation, rows=rows
    )
    assert [reg for _row, reg in preview.matched] == [three, four]
    assert [row.line for row, _reason in preview.unmatched] == [4]
    assert preview.can_import


def test_import_stores_coloured_values_and_supersedes_typed_ones(session, physician):
    consultation, three, _four = session
    typed = make_measurement(three, "weight", "83")
    stored = _import(consultation, physician, numbered_csv())
    assert stored == 13
    weight = Measurement.objects.get(registration=three, measure="weight", superseded_by=None)
    assert weight.value == D("84.30") and weight.method == "import"
    assert weight.device == "InBody 270" and weight.correction_reason == "InBody import"
    typed.refresh_from_db()
    assert typed.superseded_by == weight
    vfl = Measurement.objects.get(registration=three, measure="visceral_fat_level")
    assert vfl.colour == "green" and vfl.ruleset_version


def test_import_with_a_bad_row_imports_nothing(session, physician):
    consultation, _three, _four = session
    with pytest.raises(ValidationError):
        _import(consultation, physician, b"ID;Weight(kg)\n3;80\n4;725\n")
    assert not Measurement.objects.exists()


def test_duplicate_day_number_blocks_the_import(session, physician):
    consultation, _three, _four = session
    with pytest.raises(ValidationError):
        _import(consultation, physician, b"ID;Weight(kg)\n3;80\n3;81\n")
    assert not Measurement.objects.exists()


def test_upload_preview_and_confirm_through_the_pages(session, client_for):
    consultation, three, _four = session
    client = client_for("professional")
    url = f"/measurements/sessions/{consultation.public_id}/inbody/"
    upload = SimpleUploadedFile("lookinbody.xlsx", xlsx_bytes())
    preview = client.post(url, {"file": upload, "device": "InBody 270"})
    body = preview.content.decode()
    assert three.participant.full_name in body
    assert not Measurement.objects.exists()  # a preview stores nothing
    done = client.post(f"{url}confirm/")
    assert done.status_code == 302
    assert Measurement.objects.filter(registration=three, measure="weight").exists()


def test_upload_of_an_unreadable_file_shows_a_message(session, client_for):
    consultation, _three, _four = session
    response = client_for("professional").post(
        f"/measurements/sessions/{consultation.public_id}/inbody/",
        {"file": SimpleUploadedFile("x.xlsx", b"not excel"), "device": "InBody"},
    )
    assert response.status_code == 200 and response.context["form"].errors["file"]

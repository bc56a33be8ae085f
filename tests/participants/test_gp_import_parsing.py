"""Reading and checking GP files: every format and variant a practice system may export."""

import datetime as dt

import pytest

from groepsconsult.participants.gp_import.checking import check_file
from groepsconsult.participants.gp_import.columns import (
    LOOKUP,
    REASON_FIELDS,
    map_columns,
    normalise,
)
from groepsconsult.participants.gp_import.reading import FileRejected, read_file
from tests.factories.gp_import import HEADER, gp_csv, gp_row, gp_rows, gp_xlsx


def check(region, data, name="selectie.csv"):
    return check_file(data=data, file_name=name, region=region, today=dt.date(2026, 11, 23))


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_with_each_separator_is_read(region_a, delimiter):
    report = check(region_a, gp_csv(gp_rows(3), delimiter=delimiter))
    assert report.ok and len(report.new_rows) == 3
    assert report.new_rows[0].values["family_name"] == "Testpatient1"


def test_utf8_with_bom_keeps_the_first_header(region_a):
    rows = [gp_row(1, Naam="Öztürk, Ayşe")]
    report = check(region_a, gp_csv(rows, bom=True))
    assert report.ok
    assert report.new_rows[0].values["family_name"] == "Öztürk"


def test_cp1252_file_from_dutch_excel_is_read(region_a):
    rows = [gp_row(1, Naam="Çelik, Renée")]
    report = check(region_a, gp_csv(rows, encoding="cp1252"))
    assert report.ok
    person = report.new_rows[0].values
    assert (person["given_name"], person["family_name"]) == ("Renée", "Çelik")


@pytest.mark.parametrize(
    "header,field",
    [
        ("Geboortedatum", "date_of_birth"),
        ("geb. datum", "date_of_birth"),
        ("Date of birth", "date_of_birth"),
        ("GEBOORTE DATUM", "date_of_birth"),
        ("Telefoonnummer", "phone"),
        ("E-mailadres", "email"),
        ("Sélectiereden", "reason"),
        ("ICPC-code", "icpc"),
    ],
)
def test_header_variants_are_recognised(header, field):
    def kind(title):  # the reason columns stand in for each other
        name = LOOKUP[normalise(title)]
        return "reason" if name in REASON_FIELDS else name

    others = [h for h in HEADER if kind(h) != kind(header)]
    mapping, _ignored = map_columns([*others, header])
    assert mapping[field] == len(others)


def test_given_and_family_name_columns_with_prefix(region_a):
    header = [
        "Voornaam",
        "Tussenvoegsel",
        "Achternaam",
        "Geb. datum",
        "M/V",
        "Mobiel",
        "PC",
        "ICPC",
    ]
    rows = [
        {
            "Voornaam": "Jan",
            "Tussenvoegsel": "van der",
            "Achternaam": "Berg",
            "Geb. datum": "1-2-1961",
            "M/V": "M",
            "Mobiel": "+31 6 1234 5678",
            "PC": "2525ab",
            "ICPC": "T90",
        }
    ]
    report = check(region_a, gp_csv(rows, header=header))
    assert report.ok, report.errors
    person = report.new_rows[0].values
    assert (person["given_name"], person["family_name"]) == ("Jan", "van der Berg")
    assert (person["phone"], person["postcode"]) == ("0612345678", "2525 AB")
    assert report.new_rows[0].values["selection_reason"] == "ICPC T90"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("01-02-1960", dt.date(1960, 2, 1)),
        ("1-2-1960", dt.date(1960, 2, 1)),
        ("1960-02-01", dt.date(1960, 2, 1)),
        ("01/02/1960", dt.date(1960, 2, 1)),
        ("1.2.1960", dt.date(1960, 2, 1)),
    ],
)
def test_date_formats(region_a, text, expected):
    report = check(region_a, gp_csv([gp_row(1, Geboortedatum=text)]))
    assert report.ok, report.errors
    assert report.new_rows[0].values["date_of_birth"] == expected


def test_xlsx_with_real_excel_dates_and_numbers(region_a):
    rows = gp_rows(2)
    values = {
        0: {"Geboortedatum": dt.datetime(1958, 7, 14), "Telefoon": 612345678},
        1: {"Geboortedatum": 21916},  # an Excel serial number: 1960-01-01
    }
    report = check(region_a, gp_xlsx(rows, values=values), "selectie.xlsx")
    assert report.ok, report.errors
    first, second = (r.values for r in report.new_rows)
    assert first["date_of_birth"] == dt.date(1958, 7, 14)
    assert first["phone"] == "0612345678"  # Excel dropped the leading zero; we put it back
    assert second["date_of_birth"] == dt.date(1960, 1, 1)


def test_bmi_medication_and_icpc_columns_make_one_reason(region_a):
    header = [
        "Naam",
        "Geboortedatum",
        "Geslacht",
        "Telefoon",
        "Postcode",
        "ICPC",
        "BMI",
        "Medicatie",
    ]
    row = {**gp_row(1), "ICPC": "A91.05, K86", "BMI": "31,4", "Medicatie": "metformine"}
    report = check(region_a, gp_csv([row], header=header))
    assert report.ok, report.errors
    assert report.new_rows[0].values["selection_reason"] == (
        "ICPC A91.05, K86; BMI 31,4; medicatie: metformine"
    )


def test_unknown_columns_are_ignored_and_listed(region_a):
    header = [*HEADER, "Huisarts"]
    report = check(region_a, gp_csv([{**gp_row(1), "Huisarts": "Dr. X"}], header=header))
    assert report.ok and report.ignored_columns == ["Huisarts"]


def test_blank_lines_are_skipped_and_row_numbers_stay_true(region_a):
    data = (
        gp_csv([gp_row(1)])
        + b"\r\n\r\n"
        + gp_csv([gp_row(2, Geslacht="q")])[len(";".join(HEADER)) + 2 :]
    )
    report = check(region_a, data)
    assert report.errors == ["Rij 5: geslacht 'q' is onbekend (gebruik M, V of X)"]


def test_each_bad_value_gets_a_dutch_reason_with_row_number(region_a):
    rows = [
        gp_row(1, Geboortedatum="31-02-1960"),
        gp_row(2, Geboortedatum="morgen"),
        gp_row(3, Telefoon="12345", **{"E-mail": "geen-adres"}),
        gp_row(4, Postcode="25AB"),
        gp_row(5, Naam="Alleenvoornaam"),
        gp_row(6, Selectiereden=""),
        gp_row(7, Geboortedatum="01-01-2090"),
    ]
    report = check(region_a, gp_csv(rows))
    assert report.bad_rows == 7 and not report.new_rows
    assert report.errors == [
        "Rij 2: geboortedatum '31-02-1960' bestaat niet",
        "Rij 3: geboortedatum 'morgen' is geen datum (gebruik dd-mm-jjjj)",
        "Rij 4: telefoon '12345' is geen geldig telefoonnummer",
        "Rij 4: e-mail 'geen-adres' is geen geldig adres",
        "Rij 5: postcode '25AB' is geen Nederlandse postcode (zoals 2525 AB)",
        "Rij 6: de naam ontbreekt of is onvolledig ('Alleenvoornaam')",
        "Rij 7: de selectiereden ontbreekt",
        "Rij 8: geboortedatum '01-01-2090' ligt in de toekomst",
    ]


def test_read_file_reports_format_by_content_not_name():
    sheet = read_file(gp_xlsx(gp_rows(1)), "export.csv")
    assert sheet.file_format == "xlsx"


def test_missing_phone_and_email_means_unreachable(region_a):
    report = check(region_a, gp_csv([gp_row(1, Telefoon="", **{"E-mail": ""})]))
    assert report.errors == [
        "Rij 2: geen telefoonnummer en geen e-mailadres: we kunnen deze persoon niet bereiken"
    ]


def test_header_only_is_refused(region_a):
    with pytest.raises(FileRejected) as exc:
        check(region_a, (";".join(HEADER) + "\r\n").encode())
    assert exc.value.messages == ["Het bestand heeft een kopregel maar geen rijen met gegevens."]


@pytest.mark.parametrize(
    "address",
    ["a.b+c@mail.example.nl", "x_y%z@EXAMPLE.ORG", '"quoted"@example.nl', "a@localhost"],
)
def test_email_check_accepts_what_django_accepts(address):
    """The fast path for plain addresses never changes the verdict of validate_email."""
    from django.core.validators import validate_email

    from groepsconsult.participants.gp_import.cleaning import email_check

    validate_email(address)
    email_check(address)


@pytest.mark.parametrize(
    "address", ["a..b@example.nl", ".a@example.nl", "a@-example.nl", "a@example.n", "a@b@c.nl"]
)
def test_email_check_refuses_what_django_refuses_with_its_message(address):
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    from groepsconsult.participants.gp_import.cleaning import email_check

    with pytest.raises(ValidationError) as fast:
        email_check(address)
    with pytest.raises(ValidationError) as django_says:
        validate_email(address)
    assert fast.value.messages == django_says.value.messages

"""Build GP selection files (CSV and XLSX) in tests and benchmarks, plus import objects."""

import datetime as dt
import io

from groepsconsult.participants.models import CallListEntry, ImportBatch

HEADER = ["Naam", "Geboortedatum", "Geslacht", "Telefoon", "E-mail", "Postcode", "Selectiereden"]


def gp_row(n: int, **overrides) -> dict:
    """A valid, unique row: override any column by its header name."""
    row = {
        "Naam": f"Testpatient{n}, Fatma",
        "Geboortedatum": f"{1 + n % 28:02d}-{1 + n % 12:02d}-{1950 + n % 40}",
        "Geslacht": "V" if n % 2 else "M",
        "Telefoon": f"06{10000000 + n:08d}",
        "E-mail": f"patient{n}@example.org",
        "Postcode": "2525 AB",
        "Selectiereden": "ICPC T90" if n % 3 else "BMI 31",
    }
    row.update(overrides)
    return row


def gp_rows(count: int, start: int = 1) -> list[dict]:
    return [gp_row(n) for n in range(start, start + count)]


def gp_csv(rows, *, header=None, delimiter=";", encoding="utf-8", bom=False) -> bytes:
    header = header or list(rows[0].keys() if rows else HEADER)
    lines = [delimiter.join(header)]
    for row in rows:
        lines.append(delimiter.join(_quote(str(row.get(h, "")), delimiter) for h in header))
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def _quote(value, delimiter):
    if delimiter in value or '"' in value or "\n" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def gp_xlsx(rows, *, header=None, values=None) -> bytes:
    """An .xlsx with the rows; `values` may give raw cell values (dates, numbers) per row."""
    from openpyxl import Workbook

    header = header or list(rows[0].keys() if rows else HEADER)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for index, row in enumerate(rows):
        raw = (values or {}).get(index, {})
        sheet.append([raw.get(h, row.get(h, "")) for h in header])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def make_import_batch(region, *, gp_practice, participants=(), **kw):
    """An imported batch with a call-list entry per participant (bypasses the file)."""
    batch = ImportBatch.objects.create(
        region=region,
        gp_practice=gp_practice,
        file_name=kw.pop("file_name", "selectie.csv"),
        uploaded_by_name="test",
        status=ImportBatch.Status.IMPORTED,
        imported_at=dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC),
        imported_by_name="test",
        new_count=len(participants),
        **kw,
    )
    for person in participants:
        CallListEntry.objects.create(batch=batch, participant=person, selection_reason="ICPC T90")
    return batch


def importer_role() -> str:
    """The junior coordinator imports GP files (issue 4)."""
    return "coordinator"


def make_gp_import_objects(region, *, participant):
    """For the URL walk (tests/factories/region_b_objects.py): an imported batch with a call-list
    entry, and a batch still waiting for confirmation, so every gp_import URL has an object."""
    practice = participant.gp_practice or _practice(region)
    make_import_batch(region, gp_practice=practice, participants=[participant])
    ImportBatch.objects.create(
        region=region,
        gp_practice=practice,
        file_name="wacht.csv",
        uploaded_by_name="t",
        upload=b"x",
    )


def _practice(region):
    from groepsconsult.regions.models import Organisation

    existing = Organisation.objects.in_region(region).filter(kind="gp_practice").first()
    return existing or Organisation.objects.create(
        region=region, name="Praktijk URL-walk", kind="gp_practice", agb_code="01888888"
    )

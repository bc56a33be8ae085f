"""Importing boundaries and reference figures: matched by CBS code, all or nothing, via services."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation

from groepsconsult.audit.services import Actor
from groepsconsult.core.uploads import UploadRejected
from groepsconsult.geo.geojson import read_boundaries
from groepsconsult.geo.models import ReferenceDataset, ReferenceFigure
from groepsconsult.geo.reference_csv import read_reference_csv
from groepsconsult.geo.services import boundaries_import
from groepsconsult.regions.models import Neighbourhood
from tests.factories.backbone import make_neighbourhood
from tests.geo.conftest import collection, feature, square

BY = Actor.system("test")


@pytest.fixture(autouse=True)
def _english():
    """The messages are asserted in English source text (the Dutch is checked in the views)."""
    with translation.override("en"):
        yield


def test_features_are_matched_by_cbs_code_and_others_skipped(region_a, region_b):
    mine = make_neighbourhood(region_a, cbs_code="BU05182800")
    theirs = make_neighbourhood(region_b, cbs_code="BU05182900")
    data = collection(
        feature("BU05182800", square(4.3, 52.0)), feature("BU05182900", square(4.4, 52.0))
    )
    report = boundaries_import(region=region_a, features=read_boundaries(data), by=BY)
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.geometry["type"] == "MultiPolygon" and theirs.geometry is None
    assert report.updated == [mine.name] and report.skipped == ["BU05182900"]


def test_create_adds_missing_neighbourhoods_only_when_asked(region_a):
    data = collection(feature("BU05182800", square(4.3, 52.0), "Schilderswijk"))
    boundaries_import(region=region_a, features=read_boundaries(data), by=BY)
    assert not Neighbourhood.objects.in_region(region_a).exists()
    boundaries_import(region=region_a, features=read_boundaries(data), by=BY, create=True)
    assert Neighbourhood.objects.get(region=region_a).name == "Schilderswijk"


def test_a_feature_that_cannot_be_saved_saves_nothing(region_a):
    make_neighbourhood(region_a, cbs_code="BU05182800")
    data = collection(
        feature("BU05182800", square(4.3, 52.0)), feature("WK051828", square(4.4, 52.0), "Wijk")
    )
    with pytest.raises(ValidationError) as caught:
        boundaries_import(region=region_a, features=read_boundaries(data), by=BY, create=True)
    assert "Feature 2 (WK051828)" in caught.value.messages[0]
    assert not Neighbourhood.objects.filter(geometry__isnull=False).exists()


def test_dry_run_reports_and_saves_nothing(region_a):
    make_neighbourhood(region_a, cbs_code="BU05182800")
    data = collection(feature("BU05182800", square(4.3, 52.0)))
    report = boundaries_import(region=region_a, features=read_boundaries(data), by=BY, dry_run=True)
    assert report.updated and not report.saved
    assert not Neighbourhood.objects.filter(geometry__isnull=False).exists()


def test_the_command_imports_and_explains_errors(region_a, tmp_path):
    hood = make_neighbourhood(region_a, cbs_code="BU05182800")
    good = tmp_path / "good.geojson"
    good.write_bytes(collection(feature("BU05182800", square(4.3, 52.0))))
    call_command("import_boundaries", str(good), region="alpha", dry_run=True)
    hood.refresh_from_db()
    assert hood.geometry is None
    call_command("import_boundaries", str(good), region="alpha")
    hood.refresh_from_db()
    assert hood.geometry is not None
    bad = tmp_path / "bad.geojson"
    bad.write_bytes(b'{"type": "FeatureCollection", "features": []}')
    with pytest.raises(CommandError, match="no features"):
        call_command("import_boundaries", str(bad), region="alpha")
    with pytest.raises(CommandError, match="No region"):
        call_command("import_boundaries", str(good), region="nowhere")


def test_reference_csv_lists_every_bad_row():
    text = "code,indicator,value\nBU05182800,health,58\nXX1,health,1\nNL,Bad Name,2\nNL,health,abc\nBU05182800,health,3\n"
    with pytest.raises(UploadRejected) as caught:
        read_reference_csv(text.encode())
    messages = caught.value.messages
    assert [m.split(":")[0] for m in messages] == ["Row 3", "Row 4", "Row 5", "Row 6"]
    assert "the same code and indicator as row 2" in messages[3]


def test_reference_csv_accepts_semicolons_and_decimal_commas():
    rows = read_reference_csv(b"Code;Indicator;Value\nGM0518;health;73,9\n")
    assert (rows[0].code, str(rows[0].value)) == ("GM0518", "73.900")


def test_reference_csv_needs_its_columns():
    with pytest.raises(UploadRejected, match="missing: value"):
        read_reference_csv(b"code,indicator\nNL,x\n")


def test_demo_seed_draws_every_demo_neighbourhood_once(region_a):
    from groepsconsult.geo import demo

    region_a.slug = "den-haag"
    for name, code in [("Schilderswijk", "BU05182800"), ("Moerwijk", "BU05183800")]:
        make_neighbourhood(region_a, name=name, cbs_code=code)
    make_neighbourhood(region_a, name="Transvaal", cbs_code="BU05182900")
    demo.seed(region=region_a, rng=None)
    demo.seed(region=region_a, rng=None)
    assert not Neighbourhood.objects.in_region(region_a).filter(geometry__isnull=True).exists()
    assert ReferenceDataset.objects.in_region(region_a).count() == 1
    assert ReferenceFigure.objects.filter(indicator="target_population").count() == 3

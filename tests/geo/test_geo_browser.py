"""Journeys: a coordinator imports boundaries and a reference dataset and opens the map; a funder
reads the map, where a neighbourhood of 3 people is hatched and reads "<10", and downloads the
PDF. Axe clean on each page."""

import re

import pytest
from playwright.sync_api import expect

from groepsconsult.regions.models import Neighbourhood
from tests.browser_support import assert_no_axe_violations, log_in, log_in_with_session
from tests.factories.backbone import make_region, make_user
from tests.factories.monitoring import plant
from tests.geo.conftest import collection, feature, square

pytestmark = pytest.mark.browser


def test_coordinator_imports_boundaries_and_reference_figures(page, live_app, tmp_path):
    region = make_region(name="Den Haag", slug="den-haag")
    plant(region, "BU05182800", 12)
    base = live_app.url
    log_in(page, base, make_user("coordinator", region))
    page.goto(f"{base}/maps/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Grenzen importeren").click()
    geojson = tmp_path / "buurten.geojson"
    geojson.write_bytes(collection(feature("BU05182800", square(4.3, 52.07), "Schilderswijk")))
    page.get_by_label("Grenzen (GeoJSON)").set_input_files(str(geojson))
    page.get_by_role("button", name="Importeren").click()
    expect(page.locator("main")).to_contain_text("Grenzen opgeslagen", use_inner_text=True)
    assert_no_axe_violations(page)

    page.goto(f"{base}/maps/reference/new/")
    figures = tmp_path / "ggd.csv"
    figures.write_text("code,indicator,value\nBU05182800,target_population,240\nNL,health,76\n")
    page.get_by_label(re.compile(r"^Naam")).fill("Gezondheidsmonitor 2022")
    page.get_by_label(re.compile(r"^Bron")).fill("GGD Haaglanden")
    page.get_by_label(re.compile(r"^Publicatiedatum")).fill("2023-05-01")
    page.get_by_label(re.compile(r"^Toegestaan gebruik")).fill("vergelijken op kaarten")
    page.get_by_label(re.compile(r"^Cijfers")).set_input_files(str(figures))
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Importeren").click()
    expect(page.locator("main")).to_contain_text("Gezondheidsmonitor 2022", use_inner_text=True)
    assert_no_axe_violations(page)

    page.goto(f"{base}/maps/")
    assert page.locator("svg path title").first.text_content() == "BU05182800: 5.0%"


def test_funder_reads_the_map_with_a_small_cell_hatched(page, live_app):
    region = make_region(name="Utrecht", slug="utrecht")
    for i, (code, people) in enumerate([("BU03440900", 12), ("BU03440700", 11), ("BU03440300", 3)]):
        plant(region, code, people, seed=i + 1)
        Neighbourhood.objects.filter(cbs_code=code).update(geometry=square(5.1 + i * 0.01, 52.1))
    base = live_app.url
    log_in_with_session(page, base, make_user("funder", region))
    page.goto(f"{base}/")
    page.get_by_role("link", name="Kaarten").click()
    page.wait_for_load_state()  # htmx binds its triggers once the page has loaded
    page.get_by_label("Cijfer", exact=True).select_option("registered")
    page.get_by_role("button", name="Toon").click()
    small = page.locator("path", has=page.locator("title", has_text="BU03440300"))
    expect(small.locator("title")).to_have_text("BU03440300: <10")  # after htmx's swap
    expect(small).to_have_attribute("fill", "url(#suppressed-1)")
    row = page.get_by_role("row", name=re.compile("BU03440300"))
    expect(row).to_contain_text("<10", use_inner_text=True)
    assert_no_axe_violations(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Kaart en tabel (PDF)").click()
    assert download.value.suggested_filename == "map-utrecht-registered.pdf"
    # Everyone is a woman: filtering on women would show the group the equity view hides
    # beside its empty neighbours, so the wider map is shown and the page says why.
    page.get_by_label("Geslacht").select_option("female")
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "zonder die filters getoond", use_inner_text=True
    )
    expect(page.locator("main")).to_contain_text("Filters: geen", use_inner_text=True)
    assert_no_axe_violations(page)

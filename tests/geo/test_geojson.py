"""Reading boundary files: WGS84 kept, every bad feature listed, RD New converted or refused."""

import pytest
from django.utils import translation

from groepsconsult.core.uploads import UploadRejected
from groepsconsult.geo.geojson import read_boundaries
from tests.geo.conftest import collection, feature, square


@pytest.fixture(autouse=True)
def _english():
    """The messages are asserted in English source text (the Dutch is checked in the views)."""
    with translation.override("en"):
        yield


def test_a_wgs84_polygon_is_read_as_a_multipolygon():
    [one] = read_boundaries(collection(feature("BU05182800", square(4.3, 52.07), "Schilderswijk")))
    assert (one.code, one.name) == ("BU05182800", "Schilderswijk")
    assert one.geometry["type"] == "MultiPolygon"
    assert one.geometry["coordinates"][0][0][0] == [4.3, 52.07]


def test_cbs_property_names_bu_code_are_understood():
    [one] = read_boundaries(collection(feature("BU05182800", square(4.3, 52.07), key="BU_CODE")))
    assert one.code == "BU05182800"


def test_every_bad_feature_is_listed():
    open_ring = {"type": "Polygon", "coordinates": [[[4.3, 52.0], [4.4, 52.0], [4.4, 52.1]] * 2]}
    point = {"type": "Point", "coordinates": [4.3, 52.0]}
    with pytest.raises(UploadRejected) as caught:
        read_boundaries(
            collection(
                feature("BU00000001", square(4.3, 52.0)),
                feature("BU00000002", point),
                feature("BU00000003", open_ring),
                {"type": "Feature", "properties": {}, "geometry": square(4.3, 52.0)},
                feature("BU00000001", square(4.4, 52.0)),
            )
        )
    text = "\n".join(caught.value.messages)
    assert "Feature 2 (BU00000002)" in text and "Polygon" in text
    assert "Feature 3 (BU00000003)" in text
    assert "Feature 4 (?)" in text
    assert "Features 1 and 5" in text
    assert len(caught.value.messages) == 4


@pytest.mark.parametrize(
    "data, message",
    [
        (b"{not json", "line 1"),
        (b'{"type": "Feature"}', "FeatureCollection"),
        (b'{"type": "FeatureCollection", "features": []}', "no features"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(data, message):
    with pytest.raises(UploadRejected) as caught:
        read_boundaries(data)
    assert message in caught.value.messages[0]


def test_swapped_latitude_longitude_is_refused():
    swapped = {
        "type": "Polygon",
        "coordinates": [[[52.0, 4.3], [52.1, 4.3], [52.1, 4.4], [52.0, 4.3]]],
    }
    with pytest.raises(UploadRejected) as caught:
        read_boundaries(collection(feature("BU00000001", swapped)))
    assert "longitude first" in caught.value.messages[0]


def test_coordinates_outside_any_known_system_are_refused():
    far = square(900_000, 900_000, size=100)
    with pytest.raises(UploadRejected) as caught:
        read_boundaries(collection(feature("BU00000001", far)))
    assert "WGS84" in caught.value.messages[0]


def test_rd_new_is_converted_with_pyproj_or_refused_clearly():
    rd = square(81_000, 455_000, size=500)  # The Hague in RD New metres
    data = collection(feature("BU05182800", rd))
    try:
        import pyproj  # noqa: F401
    except ImportError:
        with pytest.raises(UploadRejected) as caught:
            read_boundaries(data)
        assert "EPSG:28992" in caught.value.messages[0]
        assert "EPSG:4326" in caught.value.messages[0]
    else:
        [one] = read_boundaries(data)
        lon, lat = one.geometry["coordinates"][0][0][0]
        assert 4.2 < lon < 4.4 and 52.0 < lat < 52.2


def test_too_large_a_file_is_refused_before_parsing():
    with pytest.raises(UploadRejected):
        read_boundaries(b" " * (21 * 1024 * 1024))

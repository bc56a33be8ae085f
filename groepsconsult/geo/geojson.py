"""Read a GeoJSON FeatureCollection of neighbourhood boundaries (e.g. the CBS Wijk- en Buurtkaart).

Reading and validation only, nothing is saved here. Every bad feature is listed (its number, its
code and what is wrong) so one upload shows all problems. Coordinates in WGS84 (longitude,
latitude) are kept, rounded to 6 decimals (about 10 cm). A file in RD New (EPSG:28992, metres)
is converted with pyproj when that is installed; otherwise it is refused with a message saying
how to export it in WGS84.
"""

import json
import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from groepsconsult.core.uploads import Limits, UploadRejected, check_size

LIMITS = Limits(max_bytes=20 * 1024 * 1024)
MAX_FEATURES = 5_000
MAX_POINTS = 500_000
CODE_KEYS = ("buurtcode", "BU_CODE", "bu_code", "wijkcode", "WK_CODE", "wk_code", "statcode")
NAME_KEYS = ("buurtnaam", "BU_NAAM", "bu_naam", "wijknaam", "WK_NAAM", "wk_naam", "statnaam")
# RD New covers the Netherlands with x 0-300 km and y 289-629 km.
RD_BOUNDS = (-7_000, 289_000, 300_000, 629_000)


@dataclass
class Feature:
    number: int
    code: str
    name: str
    geometry: dict


def read_boundaries(data: bytes) -> list[Feature]:
    """The features of a GeoJSON file, in WGS84; UploadRejected lists every problem."""
    check_size(len(data), LIMITS)
    collection = _parse(data)
    features, errors, points = [], [], 0
    for number, raw in enumerate(collection["features"], start=1):
        feature, problem = _feature(number, raw)
        if problem:
            errors.append(problem)
            continue
        points += sum(len(ring) for polygon in _polygons(feature.geometry) for ring in polygon)
        features.append(feature)
    if points > MAX_POINTS:
        raise UploadRejected(
            _("The file has more than %(max)s points. Simplify the boundaries first.")
            % {"max": f"{MAX_POINTS:,}".replace(",", ".")}
        )
    errors += _duplicates(features)
    if errors:
        raise UploadRejected(*errors)
    return _to_wgs84(features, _is_rd(collection, features))


def _parse(data):
    try:
        collection = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise UploadRejected(_("The file is not UTF-8 text. Export it as GeoJSON.")) from None
    except json.JSONDecodeError as error:
        raise UploadRejected(
            _("The file is not valid JSON (line %(line)s, column %(col)s).")
            % {"line": error.lineno, "col": error.colno}
        ) from None
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise UploadRejected(_("The file is not a GeoJSON FeatureCollection."))
    if not isinstance(collection.get("features"), list) or not collection["features"]:
        raise UploadRejected(_("The FeatureCollection has no features."))
    if len(collection["features"]) > MAX_FEATURES:
        raise UploadRejected(
            _("The file has more than %(max)s features. Export only your municipality.")
            % {"max": f"{MAX_FEATURES:,}".replace(",", ".")}
        )
    return collection


def _first(properties, keys):
    for key in keys:
        value = properties.get(key)
        if value not in (None, ""):
            return str(value).strip()
    return ""


def _feature(number, raw):
    def problem(code, message):
        label = _("Feature %(n)s") % {"n": number}
        return None, f"{label} ({code or '?'}): {message}"

    if not isinstance(raw, dict) or raw.get("type") != "Feature":
        return problem("", _("not a GeoJSON Feature."))
    properties = raw.get("properties") or {}
    code = _first(properties, CODE_KEYS) if isinstance(properties, dict) else ""
    name = _first(properties, NAME_KEYS) if isinstance(properties, dict) else ""
    if not code:
        return problem("", _("no buurtcode (or BU_CODE, wijkcode) property."))
    geometry = raw.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return problem(code, _("the geometry must be a Polygon or MultiPolygon."))
    message = _geometry_problem(geometry)
    if message:
        return problem(code, message)
    return Feature(number, code, name, geometry), None


def _polygons(geometry):
    coords = geometry["coordinates"]
    return [coords] if geometry["type"] == "Polygon" else coords


def _geometry_problem(geometry):
    coords = geometry.get("coordinates")
    if not isinstance(coords, list) or not coords:
        return _("the geometry has no coordinates.")
    for polygon in _polygons(geometry):
        if not isinstance(polygon, list) or not polygon:
            return _("a polygon has no rings.")
        for ring in polygon:
            if not isinstance(ring, list) or len(ring) < 4:
                return _("a ring needs at least 4 positions.")
            if not all(_is_position(p) for p in ring):
                return _("a position is not a pair of numbers.")
            if ring[0][:2] != ring[-1][:2]:
                return _("a ring is not closed (its last position differs from its first).")
    return None


def _is_position(position):
    return (
        isinstance(position, list)
        and len(position) in (2, 3)
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in position)
        and all(math.isfinite(v) for v in position)
    )


def _duplicates(features):
    seen, errors = {}, []
    for feature in features:
        if feature.code in seen:
            errors.append(
                _("Features %(a)s and %(b)s both have code %(code)s.")
                % {"a": seen[feature.code], "b": feature.number, "code": feature.code}
            )
        seen.setdefault(feature.code, feature.number)
    return errors


def _positions(features):
    for feature in features:
        for polygon in _polygons(feature.geometry):
            for ring in polygon:
                yield from ring


def _is_rd(collection, features):
    """True for RD New (EPSG:28992), False for WGS84; refuse anything else."""
    crs_name = str(((collection.get("crs") or {}).get("properties") or {}).get("name", ""))
    if "28992" in crs_name:
        return True
    xs, ys = zip(*((p[0], p[1]) for p in _positions(features)), strict=True)
    if min(xs) >= -180 and max(xs) <= 180 and min(ys) >= -90 and max(ys) <= 90:
        if min(xs) > 50 and max(ys) < 10:
            raise UploadRejected(
                _(
                    "The coordinates look like latitude, longitude. GeoJSON puts longitude "
                    "first: export the file again."
                )
            )
        return False
    x0, y0, x1, y1 = RD_BOUNDS
    if x0 <= min(xs) and max(xs) <= x1 and y0 <= min(ys) and max(ys) <= y1:
        return True
    raise UploadRejected(
        _(
            "The coordinates are neither longitude/latitude (WGS84) nor RD New metres inside "
            "the Netherlands. Export the file in WGS84 (EPSG:4326)."
        )
    )


def _to_wgs84(features, is_rd):
    if is_rd:
        convert = _rd_converter()
    else:

        def convert(x, y):
            return x, y

    for feature in features:
        feature.geometry = {
            "type": "MultiPolygon",
            "coordinates": [
                [[[round(v, 6) for v in convert(p[0], p[1])] for p in ring] for ring in polygon]
                for polygon in _polygons(feature.geometry)
            ],
        }
    return features


def _rd_converter():
    try:
        from pyproj import Transformer
    except ImportError:
        raise UploadRejected(
            _(
                "The file is in RD New (EPSG:28992, metres) and this server cannot convert it. "
                "Export it in WGS84 (EPSG:4326), e.g. from PDOK with ?crs=EPSG:4326 or with "
                "ogr2ogr -t_srs EPSG:4326."
            )
        ) from None
    transformer = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)
    return transformer.transform

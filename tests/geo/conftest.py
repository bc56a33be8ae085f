import json

import pytest

from groepsconsult.regions.models import Neighbourhood
from tests.factories.monitoring import plant


def square(x, y, size=0.01):
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def feature(code, geometry, name="", key="buurtcode"):
    return {
        "type": "Feature",
        "properties": {key: code, "buurtnaam": name or code},
        "geometry": geometry,
    }


def collection(*features, **extra):
    return json.dumps({"type": "FeatureCollection", "features": list(features), **extra}).encode()


@pytest.fixture
def mapped(region_a):
    """Three neighbourhoods with boundaries: 12, 11 and 3 people measured twice."""
    sizes = {"BU00000001": 12, "BU00000002": 11, "BU00000003": 3}
    for i, (code, people) in enumerate(sizes.items()):
        plant(region_a, code, people, seed=i + 1)
        Neighbourhood.objects.filter(cbs_code=code).update(geometry=square(4.30 + i * 0.01, 52.07))
    return sizes

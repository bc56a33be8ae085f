"""Geometry and colours of a choropleth map, drawn by the SVG template and the PNG renderer.

Projection: equirectangular around the region's middle latitude (x = longitude × cos(latitude)),
scaled to the bounding box of the region's boundaries; fine at city scale. Colours: ColorBrewer
"Blues", a sequential scheme that is colour-blind safe; classes of equal width between the
lowest and highest shown value. A suppressed area ("<10") is hatched grey, an area without data
light grey: neither gets a class colour, so no value can be read from its shade.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from groepsconsult.monitoring.suppression import threshold

PALETTE = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")  # ColorBrewer Blues, 5 classes
DARK_FROM = 3  # classes from here on need white text
HATCH = "suppressed"  # id of the hatch pattern; a page with several maps numbers them
NO_DATA = "#f2f2f2"
WIDTH = 560
MAX_HEIGHT = 440
LEGEND_WIDTH = 300  # the legend's text needs room even under a narrow region
PAD = 8


@dataclass
class Area:
    key: str
    name: str
    label: str  # "23.5%", "<10" or "–"
    fill: str
    rings: list  # [[(x, y), ...], ...] in pixels
    suppressed: bool = False
    text_fill: str = "#000"
    map_width: int = WIDTH

    @property
    def path(self):
        return " ".join(
            "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in ring) + " Z" for ring in self.rings
        )

    @property
    def centre(self):
        xs = [x for ring in self.rings for x, _y in ring]
        ys = [y for ring in self.rings for _x, y in ring]
        return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2

    @property
    def text_at(self):
        """The label's position as SVG attribute text (never localised: "12.5", not "12,5")."""
        x, y = self.centre
        half = 3.4 * len(f"{self.name}: {self.label}")  # about half the text at 12 px
        x = max(half + 2, min(x, self.map_width - half - 2))  # keep the label on the map
        return {"x": f"{x:.1f}", "y": f"{y + 4:.1f}"}


def _rings(geometry):
    coords = geometry["coordinates"]
    polygons = [coords] if geometry["type"] == "Polygon" else coords
    return [ring for polygon in polygons for ring in polygon]


def _projection(geometries):
    points = [p for g in geometries for ring in _rings(g) for p in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    kx = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x = max((max(lons) - min(lons)) * kx, 1e-9)
    span_y = max(max(lats) - min(lats), 1e-9)
    scale = min((WIDTH - 2 * PAD) / span_x, (MAX_HEIGHT - 2 * PAD) / span_y)
    size = (round(span_x * scale + 2 * PAD), round(span_y * scale + 2 * PAD))

    def project(lon, lat):
        return PAD + (lon - min(lons)) * kx * scale, PAD + (max(lats) - lat) * scale

    return project, size


def classes(values):
    """[(low, high, colour)]: up to five equal-width classes over the shown values."""
    values = sorted(set(values))
    if not values:
        return []
    count = min(len(values), len(PALETTE))
    low, high = values[0], values[-1]
    if count == 1:
        return [(low, high, PALETTE[2])]
    step = (high - low) / count
    picks = [round(i * (len(PALETTE) - 1) / (count - 1)) for i in range(count)]
    return [
        (
            round(low + i * step, 1),
            round(high if i == count - 1 else low + (i + 1) * step, 1),
            PALETTE[picks[i]],
        )
        for i in range(count)
    ]


def _colour(value, legend):
    for _low, high, colour in legend:
        if value <= high:
            return colour
    return legend[-1][2]


def build_map(*, areas, figures, unit="", pattern=HATCH):
    """The map of `areas` [(key, name, geometry)] coloured by `figures` {key: Cell or None}.

    Returns {"areas", "width", "height", "legend", "unmapped", "pattern"}: `unmapped` names the
    areas without a boundary (they are in the table, not on the map); `pattern` is the id of
    the hatch (unique per map, so several maps can share one page)."""
    hatch = f"url(#{pattern})"
    shown = [c.value for c in figures.values() if c is not None and not c.suppressed]
    legend = classes(shown)
    drawn = [(key, name, geometry) for key, name, geometry in areas if geometry]
    project, (width, height) = _projection([g for _k, _n, g in drawn]) if drawn else (None, (0, 0))
    result = []
    for key, name, geometry in drawn:
        cell = figures.get(key)
        rings = [[project(p[0], p[1]) for p in ring] for ring in _rings(geometry)]
        if cell is None:
            result.append(Area(key, name, "–", NO_DATA, rings))
        elif cell.suppressed:
            result.append(Area(key, name, cell.label, hatch, rings, suppressed=True))
        else:
            colour = _colour(cell.value, legend)
            text = "#fff" if colour in PALETTE[DARK_FROM:] else "#000"
            result.append(Area(key, name, f"{cell.label}{unit}", colour, rings, text_fill=text))
    keys = [(f"{lo}{unit} – {hi}{unit}", colour) for lo, hi, colour in legend]
    keys += [
        (_("<%(k)s: fewer than %(k)s people, not shown") % {"k": threshold()}, hatch),
        (_("no data"), NO_DATA),
    ]
    for area in result:
        area.map_width = max(width, LEGEND_WIDTH)
    return {
        "areas": result,
        "width": str(max(width, LEGEND_WIDTH)),
        "height": height,
        "legend": [
            {
                "label": label,
                "fill": fill,
                "hatched": fill == hatch,
                "y": str(height + 10 + 22 * i),
                "text_y": str(height + 22 + 22 * i),
            }
            for i, (label, fill) in enumerate(keys)
        ],
        "total_height": str(height + 16 + 22 * len(keys)),
        "unmapped": [name for _key, name, geometry in areas if not geometry],
        "pattern": pattern,
    }

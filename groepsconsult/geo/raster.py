"""The map as PNG, drawn with Pillow from the same areas and legend as the SVG.

WeasyPrint (installed) no longer writes PNG and cairosvg is not installed, so the PNG is drawn
from `choropleth.build_map`'s pixel rings instead of rasterising the SVG text: the same shapes,
colours, labels and legend. The figures are also written into the PNG's text chunks (Title,
Description), so the image carries its own data table for screen readers and archives.
"""

import io

from PIL import Image, ImageChops, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

SCALE = 2
HATCH_BASE, HATCH_LINE = "#d9d9d9", "#737373"
LEGEND_MIN, PAD = 300, 4


def _font(size):
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size * SCALE)
    except OSError:
        return ImageFont.load_default(size * SCALE)


def _hatched(size):
    tile = Image.new("RGB", size, HATCH_BASE)
    draw = ImageDraw.Draw(tile)
    for offset in range(-size[1], size[0], 6 * SCALE):
        draw.line([(offset, size[1]), (offset + size[1], 0)], fill=HATCH_LINE, width=SCALE)
    return tile


def _fill(image, rings, fill, hatched):
    mask = Image.new("1", image.size, 0)
    for ring in rings:  # even-odd, as the SVG: a hole flips the mask back
        ring_mask = Image.new("1", image.size, 0)
        ImageDraw.Draw(ring_mask).polygon([(x * SCALE, y * SCALE) for x, y in ring], fill=1)
        mask = ImageChops.logical_xor(mask, ring_mask)
    paint = _hatched(image.size) if hatched else Image.new("RGB", image.size, fill)
    image.paste(paint, (0, 0), mask)
    outline = ImageDraw.Draw(image)
    for ring in rings:
        outline.line([(x * SCALE, y * SCALE) for x, y in ring], fill="#333333", width=SCALE)


def _draw_map(map_data):
    size = (int(map_data["width"]) * SCALE, int(map_data["total_height"]) * SCALE)
    image = Image.new("RGB", size, "#ffffff")
    for area in map_data["areas"]:
        _fill(image, area.rings, area.fill, area.suppressed)
    draw, font = ImageDraw.Draw(image), _font(12)
    for area in map_data["areas"]:
        x, y = float(area.text_at["x"]), area.centre[1]
        draw.text(
            (x * SCALE, y * SCALE),
            f"{area.name}: {area.label}",
            fill=area.text_fill,
            font=font,
            anchor="mm",
        )
    for key in map_data["legend"]:
        top = int(key["y"]) * SCALE
        box = [8 * SCALE, top, 26 * SCALE, top + 14 * SCALE]
        if key["hatched"]:
            image.paste(_hatched((box[2] - box[0], box[3] - box[1])), (box[0], box[1]))
        else:
            draw.rectangle(box, fill=key["fill"])
        draw.rectangle(box, outline="#333333")
        draw.text(
            (32 * SCALE, top + 7 * SCALE), str(key["label"]), fill="#000", font=font, anchor="lm"
        )
    return image


def render_png(*, maps, title, lines, footer=()) -> bytes:
    """One image: the maps (one per region) above each other, then the `footer` lines (the
    chosen filters); `lines` go into the Description text chunk."""
    images = [_draw_map(map_data) for map_data in maps]
    line_height = 18 * SCALE
    width = max([image.width for image in images] + [LEGEND_MIN * SCALE])
    height = sum(image.height for image in images) + line_height * len(footer) + PAD * SCALE
    result = Image.new("RGB", (width, height), "#ffffff")
    top = 0
    for image in images:
        result.paste(image, (0, top))
        top += image.height
    draw, font = ImageDraw.Draw(result), _font(12)
    for line in footer:
        draw.text((8 * SCALE, top), str(line), fill="#000", font=font)
        top += line_height
    info = PngInfo()
    info.add_itxt("Title", str(title))
    info.add_itxt("Description", "\n".join(str(line) for line in lines))
    out = io.BytesIO()
    result.save(out, format="PNG", pnginfo=info)
    return out.getvalue()

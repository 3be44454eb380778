"""Where each mark of a usage chart goes, for a given size: rectangles, lines, dots and texts
that the Qt painter and the SVG writer draw alike. Qt-free.

Text widths are estimated (``CHAR_WIDTH`` of the type size per character), the same for both.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from kiosk.core.usage_charts import Chart

CHAR_WIDTH = 0.56  # an average character's width, as a share of the type size
GAP = 10
Anchor = Literal["start", "middle", "end"]
# Roles: "bar", "faded" (a week under way), "axis", "line", "label", "value", "empty".


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    role: str = "bar"


@dataclass(frozen=True)
class Path:
    points: tuple[tuple[float, float], ...]
    role: str = "line"
    dashed: bool = False


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    radius: float
    role: str = "line"


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # the baseline
    text: str
    anchor: Anchor = "start"
    role: str = "label"


@dataclass
class Drawing:
    width: float
    height: float
    size: float  # type size in pixels
    boxes: list[Box] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    dots: list[Dot] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH


def elided(text: str, width: float, size: float) -> str:
    """``text`` cut to fit ``width``, ending in "…" where cut."""
    if text_width(text, size) <= width:
        return text
    keep = max(1, int(width / (size * CHAR_WIDTH)) - 1)
    return text[:keep].rstrip() + "…"


def row_height(size: float) -> float:
    return round(size * 1.9)


def natural_height(chart: Chart, size: float) -> float:
    """The height a chart wants: a row per bar for "rows", a fixed plot for the others."""
    if chart.kind == "rows" and chart.has_data:
        return len(chart.bars) * row_height(size) + GAP
    return round(size * 14)


def lay_out(chart: Chart, width: float, height: float, size: float) -> Drawing:
    drawing = Drawing(width, height, size)
    if not chart.has_data:
        drawing.texts.append(Text(width / 2, height / 2, chart.empty, "middle", "empty"))
    elif chart.kind == "rows":
        _rows(chart, drawing)
    else:
        _columns(chart, drawing)
    return drawing


def _scale(chart: Chart) -> float:
    return max(bar.value for bar in chart.bars) or 1.0


def _rows(chart: Chart, drawing: Drawing) -> None:
    size, step = drawing.size, row_height(drawing.size)
    label_width = min(drawing.width * 0.4, max(text_width(bar.label, size) for bar in chart.bars))
    value_width = max(text_width(bar.text, size) for bar in chart.bars)
    left = label_width + GAP * 2
    room = max(1.0, drawing.width - left - value_width - GAP * 2)
    top = max(bar.value for bar in chart.bars) or 1.0
    for index, bar in enumerate(chart.bars):
        y = index * step
        baseline = y + step / 2 + size * 0.35
        drawing.texts.append(
            Text(label_width, baseline, elided(bar.label, label_width, size), "end")
        )
        length = room * bar.value / top
        drawing.boxes.append(Box(left, y + step * 0.18, length, step * 0.64))
        drawing.texts.append(Text(left + length + GAP, baseline, bar.text, "start", "value"))
    drawing.paths.append(Path(((left, 0), (left, len(chart.bars) * step)), "axis"))


def _columns(chart: Chart, drawing: Drawing) -> None:
    size, count = drawing.size, len(chart.bars)
    top_room, bottom_room = size * 1.6, size * 2.0
    plot = drawing.height - top_room - bottom_room
    slot = drawing.width / count
    top = _scale(chart)
    # Every value written where each fits its slot, else only the highest and the last.
    values_fit = max(text_width(bar.text, size) for bar in chart.bars) + 4 <= slot
    points: list[tuple[float, float]] = []
    floor = top_room + plot
    label_end = -math.inf  # labels left to right, each only where it does not touch the last
    for index, bar in enumerate(chart.bars):
        centre = slot * (index + 0.5)
        height = plot * bar.value / top
        if chart.kind == "columns":
            width = slot * 0.7
            role = "faded" if bar.partial else "bar"
            drawing.boxes.append(Box(centre - width / 2, floor - height, width, height, role))
        else:
            points.append((centre, floor - height))
        half = text_width(bar.label, size) / 2
        inside = half <= centre <= drawing.width - half
        if bar.label and inside and centre - half > label_end + GAP:
            drawing.texts.append(Text(centre, floor + size * 1.4, bar.label, "middle"))
            label_end = centre + half
        peak = bar.value == top
        if bar.value and (values_fit or peak or index == count - 1):
            above = floor - height - size * 0.45
            half = text_width(bar.text, size) / 2
            x = min(max(centre, half), drawing.width - half)  # never past an edge
            drawing.texts.append(Text(x, above, bar.text, "middle", "value"))
    drawing.paths.append(Path(((0, floor), (drawing.width, floor)), "axis"))
    if points:
        _line(chart, points, drawing)


def _line(chart: Chart, points: list[tuple[float, float]], drawing: Drawing) -> None:
    done = [point for point, bar in zip(points, chart.bars, strict=True) if not bar.partial]
    if len(done) > 1:
        drawing.paths.append(Path(tuple(done)))
    if chart.bars[-1].partial and len(points) > 1:
        drawing.paths.append(Path((points[-2], points[-1]), "faded", dashed=True))
    for (x, y), bar in zip(points, chart.bars, strict=True):
        drawing.dots.append(Dot(x, y, drawing.size * 0.3, "faded" if bar.partial else "line"))

"""The usage report for managers: one self-contained HTML page (inline CSS and SVG, no
scripts, nothing fetched) with the staff panel's charts and their numbers as tables. Qt-free.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from html import escape

from kiosk.core.chart_layout import Drawing, lay_out, natural_height
from kiosk.core.usage_charts import (
    FALLING_TITLE,
    Chart,
    charts,
    falling_text,
    headline,
    long_date,
)
from kiosk.core.usage_summary import UsageSummary

CHART_WIDTH = 860
TEXT_SIZE = 16

_STYLE = """
body { font: 17px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #f6f4ef;
  margin: 0 auto; padding: 24px 32px 48px; max-width: 920px; }
h1 { color: var(--primary); margin-bottom: 0; }
.period { color: #555; margin-top: 4px; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; padding: 0; list-style: none; }
.figures li { background: #fff; border: 1px solid #d6d2c8; border-radius: 10px;
  padding: 10px 16px; min-width: 150px; }
.figures strong { display: block; font-size: 28px; color: var(--primary); }
section { background: #fff; border: 1px solid #d6d2c8; border-radius: 12px;
  padding: 8px 20px 16px; margin: 20px 0; }
.alert { background: #fdecea; border-left: 8px solid #a4262c; padding: 12px 20px;
  border-radius: 8px; }
.alert p { margin: 4px 0 0; }
svg { width: 100%; height: auto; display: block; }
svg text { font-family: system-ui, sans-serif; }
.bar { fill: var(--primary); }
.faded { fill: var(--primary); fill-opacity: 0.45; stroke: var(--primary); }
.line { stroke: var(--primary); fill: none; stroke-width: 3; }
.line-dot { fill: var(--primary); }
.faded-line { stroke: var(--primary); stroke-opacity: 0.5; fill: none; stroke-width: 3;
  stroke-dasharray: 8 6; }
.axis { stroke: #8a857a; stroke-width: 1.5; }
.label, .empty { fill: #555; }
.value { fill: #1a1a1a; font-weight: 600; }
table { border-collapse: collapse; margin-top: 8px; }
td, th { border-bottom: 1px solid #e4e0d6; padding: 2px 14px 2px 0; text-align: left; }
td.n { text-align: right; }
.privacy { color: #555; font-size: 15px; }
"""


def report(
    summary: UsageSummary,
    *,
    clinic: str,
    primary: str = "#0E5A66",
    names: Mapping[str, str] | None = None,
    made: datetime | None = None,
) -> str:
    """The whole HTML page."""
    made = made or datetime.now()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>Kiosk use at {escape(clinic)}</title>",
        f"<style>:root {{ --primary: {escape(primary)}; }}{_STYLE}</style></head><body>",
        f"<h1>How the kiosk is used: {escape(clinic)}</h1>",
        f'<p class="period">{_period(summary.first_day, summary.last_day)}; '
        f"made {long_date(made)} at {made:%H:%M}.</p>",
    ]
    if summary.falling:
        parts.append(
            f'<div class="alert" role="alert"><strong>{FALLING_TITLE}</strong>'
            f"<p>{escape(falling_text(summary.falling))}</p></div>"
        )
    parts.append('<ul class="figures">')
    for what, value in headline(summary):
        parts.append(f"<li><strong>{escape(value)}</strong>{escape(what)}</li>")
    parts.append("</ul>")
    for chart in charts(summary, names):
        parts.append(_section(chart))
    parts.append(
        '<p class="privacy">Counted anonymously by the kiosk: which screens were opened, how '
        "long and when, added up per day. Nothing a patient ticked or chose, and nothing about "
        "any one person, is kept.</p></body></html>"
    )
    return "\n".join(parts) + "\n"


def _period(first: date, last: date) -> str:
    return f"Last {(last - first).days + 1} days: {long_date(first)} to {long_date(last)}"


def _section(chart: Chart) -> str:
    height = natural_height(chart, TEXT_SIZE)
    drawing = lay_out(chart, CHART_WIDTH, height, TEXT_SIZE)
    rows = "".join(
        f'<tr><td>{escape(bar.label or "")}</td><td class="n">{escape(bar.text)}</td></tr>'
        for bar in chart.bars
        if bar.label or bar.value
    )
    reading = f"<p>{escape(chart.reading)}</p>" if chart.reading else ""
    table = (
        f"<details><summary>The numbers</summary><table>{rows}</table></details>"
        if chart.has_data
        else ""
    )
    return (
        f'<section id="{chart.key}"><h2>{escape(chart.title)}</h2>{reading}'
        f"{svg(drawing, chart.title)}{table}</section>"
    )


def svg(drawing: Drawing, title: str) -> str:
    """``drawing`` as an inline SVG element."""
    width, height = round(drawing.width), round(drawing.height + drawing.size * 0.6)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}" font-size="{drawing.size:g}">'
    ]
    for box in drawing.boxes:
        out.append(
            f'<rect class="{box.role}" x="{box.x:.1f}" y="{box.y:.1f}" '
            f'width="{box.width:.1f}" height="{box.height:.1f}" rx="3"/>'
        )
    for path in drawing.paths:
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in path.points)
        role = "faded-line" if path.role == "faded" else path.role
        out.append(f'<polyline class="{role}" points="{points}"/>')
    for dot in drawing.dots:
        role = "faded" if dot.role == "faded" else "line-dot"
        where = f'cx="{dot.x:.1f}" cy="{dot.y:.1f}" r="{dot.radius:.1f}"'
        out.append(f'<circle class="{role}" {where}/>')
    for text in drawing.texts:
        out.append(
            f'<text class="{text.role}" x="{text.x:.1f}" y="{text.y:.1f}" '
            f'text-anchor="{text.anchor}">{escape(text.text)}</text>'
        )
    out.append("</svg>")
    return "".join(out)

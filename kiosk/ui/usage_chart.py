"""One usage chart painted with QPainter, from the layout the HTML report draws too."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.core.chart_layout import Drawing, lay_out, natural_height
from kiosk.core.usage_charts import Chart
from kiosk.ui.look import colour, current, font

FADED_ALPHA = 115  # a week still under way


class UsageChart(QWidget):
    """Draws ``chart`` at the width it is given; its height follows the chart and text size."""

    def __init__(self, chart: Chart, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart = chart
        self.setObjectName(f"UsageChart-{chart.key}")
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription(chart.reading)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(round(natural_height(chart, self.text_size())))

    @staticmethod
    def text_size() -> int:
        return current().sizes.small

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(800, self.height())

    def drawing(self) -> Drawing:
        return lay_out(self.chart, self.width(), self.height(), self.text_size())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        drawing = self.drawing()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar = colour(self, "primary")
        faded = QColor(bar)
        faded.setAlpha(FADED_ALPHA)
        painter.setPen(Qt.PenStyle.NoPen)
        for box in drawing.boxes:
            painter.setBrush(faded if box.role == "faded" else bar)
            painter.drawRoundedRect(QRectF(box.x, box.y, box.width, box.height), 3, 3)
        for path in drawing.paths:
            pen = QPen(colour(self, "border") if path.role == "axis" else bar)
            pen.setWidthF(1.5 if path.role == "axis" else 3)
            if path.dashed:
                pen.setColor(faded)
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in path.points]))
        painter.setPen(Qt.PenStyle.NoPen)
        for dot in drawing.dots:
            painter.setBrush(faded if dot.role == "faded" else bar)
            painter.drawEllipse(QPointF(dot.x, dot.y), dot.radius, dot.radius)
        self._texts(painter, drawing)
        painter.end()

    def _texts(self, painter: QPainter, drawing: Drawing) -> None:
        plain = QFont(font(""))
        plain.setPixelSize(round(drawing.size))
        bold = QFont(plain)
        bold.setBold(True)
        for text in drawing.texts:
            if text.role == "empty":  # "No sessions ... yet", wrapped where the chart is narrow
                painter.setFont(plain)
                painter.setPen(colour(self, "muted"))
                flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
                painter.drawText(self.rect(), flags, text.text)
                continue
            value = text.role == "value"
            painter.setFont(bold if value else plain)
            painter.setPen(colour(self, "text" if value else "muted"))
            metrics = QFontMetricsF(painter.font())
            words = text.text
            if text.anchor == "end":  # a row's label: never past the chart's left edge
                words = metrics.elidedText(words, Qt.TextElideMode.ElideRight, text.x)
            width = metrics.horizontalAdvance(words)
            shift = {"start": 0.0, "middle": width / 2, "end": width}[text.anchor]
            left = min(max(0.0, text.x - shift), self.width() - width)  # never cut at an edge
            painter.drawText(QPointF(left, text.y), words)

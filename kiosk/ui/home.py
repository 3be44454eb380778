"""The home screen: one large tile per topic, reflowing to the screen's shape."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.content.model import Language
from kiosk.ui.scrolling import scroll_to_top, touch_scroll_area
from kiosk.ui.widgets import Tile, text_label

TILE_MIN_WIDTH = 520


class TileGrid(QWidget):
    """Tiles in as many columns as fit (at least one), re-laid out when the width changes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.tiles: list[Tile] = []
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(28)

    def set_tiles(self, tiles: list[Tile]) -> None:
        for tile in self.tiles:
            tile.deleteLater()
        self.tiles = tiles
        self._columns = 0
        self._relayout(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._relayout(event.size().width())

    def _relayout(self, width: int) -> None:
        columns = max(1, min(3, (width + self._grid.spacing()) // (TILE_MIN_WIDTH + 28)))
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles:
            self._grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles):
            self._grid.addWidget(tile, index // columns, index % columns)
        for column in range(3):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self.updateGeometry()


class HomeScreen(QWidget):
    """Title, subtitle and the topic tiles. Emits ``topic_chosen(page_id)``."""

    topic_chosen = Signal(str)

    def __init__(self, clinic_name: str, language: Language, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("HomeScreen")
        body = QWidget()
        body.setObjectName("ScrollBody")
        self.brand = text_label(clinic_name, "brand")
        self.title = text_label("", "h1")
        self.subtitle = text_label("", "lead")
        self.grid = TileGrid()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(72, 56, 72, 72)
        layout.setSpacing(20)
        layout.addWidget(self.brand)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(24)
        layout.addWidget(self.grid)
        layout.addStretch(1)
        self.scroll_area = touch_scroll_area(body, self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.set_language(clinic_name, language)

    def set_language(self, clinic_name: str, language: Language) -> None:
        self.brand.setText(clinic_name)
        self.title.setText(language.strings.home_title)
        self.subtitle.setText(language.strings.home_subtitle)
        tiles = []
        for page in language.pages:
            tile = Tile(page.title, page.tile)
            tile.clicked.connect(lambda _=False, page_id=page.id: self.topic_chosen.emit(page_id))
            tiles.append(tile)
        self.grid.set_tiles(tiles)

    def reset(self) -> None:
        scroll_to_top(self.scroll_area)

"""The home screen: the checklist first, then one large tile per topic, reflowing to the
screen's shape, under a top bar with the patient's choices."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.core.content.model import Language
from kiosk.core.session import CHECKLIST, topic_screen
from kiosk.ui.scrolling import scroll_to_top, touch_scroll_area
from kiosk.ui.widgets import Panel, Tile, text_label

TILE_MIN_WIDTH = 520


class TileGrid(QWidget):
    """Tiles in as many columns as fit (at least one), re-laid out when the width changes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.tiles: list[Tile] = []
        self.wide: Tile | None = None
        self.min_tile_width = TILE_MIN_WIDTH
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(28)

    def set_tiles(self, tiles: list[Tile], wide: Tile | None = None) -> None:
        """Lay out ``wide`` across the full width, then ``tiles`` in columns below it."""
        for tile in [*self.tiles, *([self.wide] if self.wide else [])]:
            tile.deleteLater()
        self.tiles = tiles
        self.wide = wide
        self._columns = 0
        self._relayout(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._relayout(event.size().width())

    def relayout(self) -> None:
        self._columns = 0
        self._relayout(self.width())

    def _relayout(self, width: int) -> None:
        columns = max(1, min(3, (width + self._grid.spacing()) // (self.min_tile_width + 28)))
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles:
            self._grid.removeWidget(tile)
        first = 0
        if self.wide is not None:  # the checklist, first: in view on every screen shape
            self._grid.removeWidget(self.wide)
            self._grid.addWidget(self.wide, 0, 0, 1, columns)
            first = 1
        for index, tile in enumerate(self.tiles):
            self._grid.addWidget(tile, first + index // columns, index % columns)
        for column in range(3):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self.updateGeometry()


class HomeScreen(QWidget):
    """Title, subtitle, a tile per topic and the checklist tile. Emits ``screen_chosen(id)``."""

    screen_chosen = Signal(str)

    def __init__(
        self,
        language: Language,
        show_checklist: bool = True,
        parent: QWidget | None = None,
        *,
        pictures: Mapping[str, Path] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("HomeScreen")
        body = QWidget()
        body.setObjectName("ScrollBody")
        self.title = text_label("", "h1")
        self.subtitle = text_label("", "lead")
        self.grid = TileGrid()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(72, 24, 72, 48)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(4)
        layout.addWidget(self.grid)
        layout.addStretch(1)
        self.scroll_area = touch_scroll_area(body, self)
        bar = Panel("top-bar")
        bar.setObjectName("TopBar")
        self._bar_layout = QHBoxLayout(bar)
        self._bar_layout.setContentsMargins(32, 12, 32, 12)
        self._bar_layout.setSpacing(16)
        self._bar_layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(bar)
        outer.addWidget(self.scroll_area, 1)
        self.show_checklist = show_checklist
        self._pictures = pictures or {}
        self.set_language(language)

    def access_slot(self, control: QWidget) -> None:
        """The patient's choices ("Aa", language) sit at the right of the top bar."""
        self._bar_layout.addWidget(control)

    def set_language(self, language: Language) -> None:
        self.title.setText(language.strings.home_title)
        self.subtitle.setText(language.strings.home_subtitle)
        tiles = []
        for page in language.pages:
            screen = topic_screen(page.id)
            tile = Tile(page.title, page.tile, picture=self._pictures.get(screen))
            tile.clicked.connect(lambda _=False, screen=screen: self.screen_chosen.emit(screen))
            tiles.append(tile)
        self.checklist_tile = Tile(
            language.checklist.title,
            language.strings.checklist_tile,
            parent=self.grid,
            picture=self._pictures.get(CHECKLIST),
        )
        self.checklist_tile.feature = True
        self.checklist_tile.clicked.connect(lambda: self.screen_chosen.emit(CHECKLIST))
        self.grid.set_tiles(tiles, wide=self.checklist_tile if self.show_checklist else None)
        self.checklist_tile.setVisible(self.show_checklist)

    def set_text_scale(self, scale: float) -> None:
        """Larger text needs wider tiles, so fewer columns."""
        self.grid.min_tile_width = round(TILE_MIN_WIDTH * (1 + (scale - 1) / 2))
        self.grid.relayout()

    def reset(self) -> None:
        scroll_to_top(self.scroll_area)

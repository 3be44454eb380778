"""A topic page: its content blocks, and a step on to the next topic at the end."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.core.content.model import (
    BulletsBlock,
    CalloutBlock,
    HeadingBlock,
    ImageBlock,
    Page,
    ParagraphBlock,
    SourceBlock,
    Strings,
    WarningBlock,
)
from kiosk.core.session import CHECKLIST, topic_screen
from kiosk.ui.icons import Icon
from kiosk.ui.picture import Picture
from kiosk.ui.reading import ReadingScreen
from kiosk.ui.theme import BUTTON_HEIGHT_PX
from kiosk.ui.warning import WarningPanel
from kiosk.ui.widgets import Tile, TouchButton, callout_frame, text_label


def _bullets(items: tuple[str, ...] | list[str]) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(8, 0, 0, 0)
    layout.setSpacing(12)
    for item in items:
        row = QHBoxLayout()
        row.setSpacing(20)
        dot = text_label("\u2022")
        dot.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(dot, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(text_label(item), 1)
        layout.addLayout(row)
    return box


def _image(root: Path, block: ImageBlock) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 8, 0, 8)
    layout.setSpacing(10)
    picture = Picture(root / block.image.src)
    picture.setAccessibleName(block.image.alt)
    layout.addWidget(picture)
    if block.image.caption:
        caption = text_label(block.image.caption, "caption")
        caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(caption)
    return box


def build_block(root: Path, block: object, numbers: Mapping[str, str]) -> QWidget:
    """The widget for one content block; ``numbers`` fill the blanks in warnings. Text is
    always plain, never HTML."""
    widget: QWidget
    match block:
        case HeadingBlock(heading=text):
            widget = text_label(text, "h2")
            widget.setContentsMargins(0, 20, 0, 0)
        case ParagraphBlock(paragraph=text):
            widget = text_label(text)
        case BulletsBlock(bullets=items):
            widget = _bullets(items)
        case CalloutBlock(callout=callout):
            widget = callout_frame(callout.title, callout.text)
        case WarningBlock(warning=warning):
            widget = WarningPanel(warning, numbers)
        case ImageBlock():
            widget = _image(root, block)
        case SourceBlock(source=text):
            widget = text_label(text, "source")
        case _:
            raise TypeError(f"unknown block {block!r}")
    return widget


class TopicScreen(ReadingScreen):
    """One page: "In short" (its key points) first, then its blocks, who checked it, and steps
    on. Emits ``next_requested(page_id)``, ``checklist_requested`` and ``take_home_requested``.

    ``numbers`` fill the blanks in warnings; ``reviewed`` is the page's foot line; with
    ``checklist`` (title, line) the page ends with a tile to the symptom checklist.
    """

    next_requested = Signal(str)
    checklist_requested = Signal()
    take_home_requested = Signal()

    def __init__(
        self,
        root: Path,
        page: Page,
        *,
        strings: Strings,
        position: tuple[int, int],
        next_page: Page | None,
        numbers: Mapping[str, str],
        reviewed: str = "",
        checklist: tuple[str, str] | None = None,
        pictures: Mapping[str, Path] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(strings, f"{position[0]} / {position[1]}", parent)
        self.setObjectName("TopicScreen")
        self.page = page
        pictures = pictures or {}
        self.title = text_label(page.title, "h1")
        self.add_title(self.title, pictures.get(topic_screen(page.id)))
        self.in_short = callout_frame(strings.in_short, _bullets(page.key_points))
        self.column.addWidget(self.in_short)
        for block in page.blocks:
            self.column.addWidget(build_block(root, block, numbers))
        self.reviewed = text_label(reviewed, "source")
        self.reviewed.setVisible(bool(reviewed))
        self.column.addWidget(self.reviewed)
        self.take_home = TouchButton(strings.take_home, secondary=True, icon=Icon.TAKE_HOME)
        self.take_home.clicked.connect(self.take_home_requested)
        self.column.addWidget(self.take_home, 0, Qt.AlignmentFlag.AlignLeft)
        self.column.addSpacing(24)
        self.checklist_step: Tile | None = None
        if checklist is not None:
            self.checklist_step = Tile(*checklist, picture=pictures.get(CHECKLIST))
            self.checklist_step.feature = True
            self.checklist_step.clicked.connect(self.checklist_requested)
            self.column.addWidget(self.checklist_step)
        if next_page is not None:
            picture = pictures.get(topic_screen(next_page.id))
            self.next_step = Tile(strings.next_topic, next_page.title, picture=picture)
            self.next_step.clicked.connect(lambda: self.next_requested.emit(next_page.id))
        else:
            self.next_step = Tile(strings.all_topics, "")
            self.next_step.clicked.connect(self.home_requested)
            self.next_step.text_label.hide()
        self.next_step.setMinimumHeight(BUTTON_HEIGHT_PX)
        self.column.addWidget(self.next_step)

"""A topic page: Back and Home always visible above a touch-scrolled column of content blocks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.model import (
    BulletsBlock,
    CalloutBlock,
    HeadingBlock,
    ImageBlock,
    Page,
    ParagraphBlock,
    SourceBlock,
    Strings,
)
from kiosk.ui.scrolling import scroll_to_top, touch_scroll_area
from kiosk.ui.theme import BUTTON_HEIGHT_PX
from kiosk.ui.widgets import Picture, Tile, TouchButton, text_label

READING_WIDTH = 1150  # long lines are hard to follow; wider screens get margins


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


def _callout(title: str, text: str) -> QWidget:
    frame = QFrame()
    frame.setObjectName("Callout")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(36, 24, 28, 24)
    layout.setSpacing(8)
    heading = text_label(title, "h2")
    layout.addWidget(heading)
    layout.addWidget(text_label(text))
    return frame


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


def build_block(root: Path, block: object) -> QWidget:
    """The widget for one content block. Text is always plain, never HTML."""
    match block:
        case HeadingBlock(heading=text):
            label = text_label(text, "h2")
            label.setContentsMargins(0, 20, 0, 0)
            return label
        case ParagraphBlock(paragraph=text):
            return text_label(text)
        case BulletsBlock(bullets=items):
            return _bullets(items)
        case CalloutBlock(callout=callout):
            return _callout(callout.title, callout.text)
        case ImageBlock():
            return _image(root, block)
        case SourceBlock(source=text):
            return text_label(text, "source")
    raise TypeError(f"unknown block {block!r}")


class TopicScreen(QWidget):
    """One page. Emits ``back_requested``, ``home_requested`` and ``next_requested(page_id)``."""

    back_requested = Signal()
    home_requested = Signal()
    next_requested = Signal(str)

    def __init__(
        self,
        root: Path,
        page: Page,
        *,
        strings: Strings,
        position: tuple[int, int],
        next_page: Page | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("TopicScreen")
        self.page = page
        self.back_button = TouchButton(strings.back, secondary=True)
        self.home_button = TouchButton(strings.home, secondary=True)
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        self.position = text_label(f"{position[0]} / {position[1]}", "muted")
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QFrame()
        bar.setObjectName("TopBar")
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(40, 20, 40, 20)
        bar_layout.addWidget(self.back_button)
        bar_layout.addWidget(self.position, 1)
        bar_layout.addWidget(self.home_button)

        column = QWidget()
        column.setMaximumWidth(READING_WIDTH)
        blocks = QVBoxLayout(column)
        blocks.setContentsMargins(0, 0, 0, 0)
        blocks.setSpacing(22)
        self.title = text_label(page.title, "h1")
        blocks.addWidget(self.title)
        for block in page.blocks:
            blocks.addWidget(build_block(root, block))
        blocks.addSpacing(24)
        if next_page is not None:
            self.next_step = Tile(strings.next_topic, next_page.title)
            self.next_step.clicked.connect(lambda: self.next_requested.emit(next_page.id))
        else:
            self.next_step = Tile(strings.all_topics, "")
            self.next_step.clicked.connect(self.home_requested)
            self.next_step.text_label.hide()
        self.next_step.setMinimumHeight(BUTTON_HEIGHT_PX)
        blocks.addWidget(self.next_step)

        body = QWidget()
        body.setObjectName("ScrollBody")
        centred = QHBoxLayout(body)
        centred.setContentsMargins(56, 44, 56, 72)
        centred.addStretch(1)
        centred.addWidget(column, 100)
        centred.addStretch(1)
        self.scroll_area = touch_scroll_area(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.scroll_area, 1)

    def labels(self) -> list[QLabel]:
        return self.findChildren(QLabel)

    def reset(self) -> None:
        scroll_to_top(self.scroll_area)

"""A patient's choices, in two places: a compact control in each screen's top bar ("Aa" and the
other language, one tap away) and the sheet "Aa" opens (text size, high contrast, read aloud,
every language). Both only report choices; ``Preferences`` applies them and keeps them in step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.content.model import Strings
from kiosk.ui.flow import FlowLayout
from kiosk.ui.icons import Icon
from kiosk.ui.scrolling import MoreBelow, touch_scroll_area
from kiosk.ui.widgets import OVERLAY_MARGIN, TouchButton, WindowOverlay, set_label, text_label

TEXT_SCALES = (1.0, 1.5, 2.0)
SHEET_GLYPH = "Aa"  # the sign for text settings that phones and browsers use


class AccessBar(QWidget):
    """For a top bar: the Aa button, which opens the sheet, and a button per other language."""

    sheet_requested = Signal()
    language_chosen = Signal(str)

    def __init__(
        self, strings: Strings, languages: list[tuple[str, str]], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("AccessBar")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)  # one row
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        self.sheet_button = TouchButton(SHEET_GLYPH, secondary=True)
        # Its name is what it shows (as for every control); what it opens, its description.
        self.sheet_button.setAccessibleDescription(f"{strings.text_size}, {strings.high_contrast}")
        self.sheet_button.clicked.connect(self.sheet_requested)
        row.addWidget(self.sheet_button)
        self.languages = _language_buttons(languages, self.language_chosen)
        for button in self.languages.values():
            row.addWidget(button)

    def show_state(self, language: str) -> None:
        for code, button in self.languages.items():
            button.setVisible(code != language)


CARD_WIDTH = 1100
MARGINS = (48, 36, 48, 36)  # the card's: left, top, right, bottom
SPACING = 24


class AccessSheet(WindowOverlay):
    """Text size, high contrast, read aloud, a talking touchscreen and language, over the
    screen, with Close."""

    text_scale_chosen = Signal(float)
    contrast_toggled = Signal(bool)
    read_aloud_toggled = Signal(bool)
    touch_to_hear_toggled = Signal(bool)
    language_chosen = Signal(str)

    def __init__(self, strings: Strings, languages: list[tuple[str, str]], parent: QWidget):
        super().__init__(parent, "AccessSheet", card_width=CARD_WIDTH)
        self.scale = 1.0  # the patient's text size
        self.size_label = text_label("", "h2")
        sizes = QWidget()
        size_row = FlowLayout(sizes, spacing=16)
        self.sizes: dict[float, TouchButton] = {}
        for scale in TEXT_SCALES:
            button = _toggle(f"{round(scale * 100)}%")
            button.clicked.connect(lambda _=False, scale=scale: self.text_scale_chosen.emit(scale))
            self.sizes[scale] = button
            size_row.addWidget(button)
        self.contrast = _toggle("", Icon.CONTRAST)
        self.contrast.toggled.connect(self.contrast_toggled)
        self.read_aloud = _toggle("", Icon.READ_ALOUD)
        self.read_aloud.toggled.connect(self.read_aloud_toggled)
        self.touch_to_hear = _toggle("", Icon.TOUCH)
        self.touch_to_hear.toggled.connect(self.touch_to_hear_toggled)
        choices = QWidget()
        choice_row = FlowLayout(choices, spacing=16)
        choice_row.addWidget(self.contrast)
        choice_row.addWidget(self.read_aloud)
        choice_row.addWidget(self.touch_to_hear)
        self.languages = _language_buttons(languages, self.language_chosen)
        for button in self.languages.values():
            button.setCheckable(True)
            choice_row.addWidget(button)
        self.close_button = TouchButton("", icon=Icon.CLOSE)
        self.close_button.clicked.connect(self.hide)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(SPACING)
        self.headphones_hint = text_label("")
        self.headphones_hint.hide()  # shown where the clinic keeps speech to headphones
        for widget in (self.size_label, sizes, choices, self.headphones_hint):
            body_layout.addWidget(widget)
        # The choices scroll only where they cannot all show (200 % text on a short screen,
        # or many languages); Close always shows.
        self.choices_area = touch_scroll_area(body, self.card)
        more = self.choices_area.findChild(MoreBelow)
        if more is not None:
            more.ground = "surface"  # the card's colour
        self.card_layout.setContentsMargins(*MARGINS)
        self.card_layout.setSpacing(SPACING)
        self.card_layout.addWidget(self.choices_area)
        self.card_layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.set_strings(strings)

    def cover(self) -> None:
        if (host := self.parentWidget()) is not None:
            self.setGeometry(host.rect())  # sized first: the choices fit what it leaves
        self.fit()
        super().cover()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """As tall as the choices need, or as the window leaves room for above Close."""
        left, top, right, bottom = MARGINS
        # Wider for larger text (up to 1.5 times at 200 %), so it wraps as little as it can.
        width = min(
            round(CARD_WIDTH * max(1.0, self.scale * 0.75)), self.width() - 2 * OVERLAY_MARGIN
        )
        self.card.setMaximumWidth(width)
        inner = width - left - right
        body = self.choices_area.widget()
        needed = body.heightForWidth(inner) if body is not None else 0
        room = self.height() - 2 * OVERLAY_MARGIN - top - bottom - SPACING
        room -= self.close_button.sizeHint().height()
        self.choices_area.setFixedHeight(max(1, min(needed, room)))

    def set_strings(self, strings: Strings) -> None:
        self.strings = strings
        self.size_label.setText(strings.text_size)
        set_label(self.contrast, strings.high_contrast)
        set_label(self.read_aloud, strings.read_aloud)
        set_label(self.touch_to_hear, strings.touch_to_hear)
        self.headphones_hint.setText(strings.headphones_hint)
        set_label(self.close_button, strings.close)

    def show_state(
        self, scale: float, high_contrast: bool, speaking: bool, touch_to_hear: bool, language: str
    ) -> None:
        """Show the current choices without reporting them again (at a new text size, in
        room that may have changed)."""
        self.scale = scale
        if self.isVisible():
            self.fit()
        toggles = [(button, value == scale) for value, button in self.sizes.items()]
        toggles += [(self.contrast, high_contrast), (self.read_aloud, speaking)]
        toggles += [(self.touch_to_hear, touch_to_hear)]
        toggles += [(button, code == language) for code, button in self.languages.items()]
        for button, on in toggles:
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)
        set_label(
            self.read_aloud, self.strings.stop_reading if speaking else self.strings.read_aloud
        )


def _toggle(text: str, icon: Icon | None = None) -> TouchButton:
    button = TouchButton(text, secondary=True, icon=icon)
    button.setCheckable(True)
    return button


def _language_buttons(
    languages: list[tuple[str, str]], chosen: SignalInstance
) -> dict[str, TouchButton]:
    """A button per language, named in that language (a patient finds their own)."""
    buttons = {}
    for code, name in languages:
        button = TouchButton(name, secondary=True)
        button.setProperty("lang", code)
        button.clicked.connect(lambda _=False, code=code: chosen.emit(code))
        buttons[code] = button
    return buttons

"""A patient's choices, in two places: a compact control in each screen's top bar ("Aa" and the
other language, one tap away) and the sheet "Aa" opens (text size, high contrast, read aloud,
every language). Both only report choices; ``Preferences`` applies them and keeps them in step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.core.content.model import Strings
from kiosk.ui.flow import FlowLayout
from kiosk.ui.icons import Icon
from kiosk.ui.widgets import TouchButton, WindowOverlay, set_label, text_label

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


class AccessSheet(WindowOverlay):
    """Text size, high contrast, read aloud and language, over the screen, with Close."""

    text_scale_chosen = Signal(float)
    contrast_toggled = Signal(bool)
    read_aloud_toggled = Signal(bool)
    language_chosen = Signal(str)

    def __init__(self, strings: Strings, languages: list[tuple[str, str]], parent: QWidget):
        super().__init__(parent, "AccessSheet", card_width=1100)
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
        choices = QWidget()
        choice_row = FlowLayout(choices, spacing=16)
        choice_row.addWidget(self.contrast)
        choice_row.addWidget(self.read_aloud)
        self.languages = _language_buttons(languages, self.language_chosen)
        for button in self.languages.values():
            button.setCheckable(True)
            choice_row.addWidget(button)
        self.close_button = TouchButton("", icon=Icon.CLOSE)
        self.close_button.clicked.connect(self.hide)
        self.card_layout.setContentsMargins(48, 36, 48, 36)
        self.card_layout.setSpacing(24)
        for widget in (self.size_label, sizes, choices):
            self.card_layout.addWidget(widget)
        self.card_layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.set_strings(strings)

    def set_strings(self, strings: Strings) -> None:
        self.strings = strings
        self.size_label.setText(strings.text_size)
        set_label(self.contrast, strings.high_contrast)
        set_label(self.read_aloud, strings.read_aloud)
        set_label(self.close_button, strings.close)

    def show_state(self, scale: float, high_contrast: bool, speaking: bool, language: str) -> None:
        """Show the current choices without reporting them again."""
        toggles = [(button, value == scale) for value, button in self.sizes.items()]
        toggles += [(self.contrast, high_contrast), (self.read_aloud, speaking)]
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

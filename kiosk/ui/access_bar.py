"""The bar at the foot of every patient screen: text size, high contrast, read aloud, language."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.core.content.model import Strings
from kiosk.ui.flow import FlowLayout
from kiosk.ui.theme import BUTTON_HEIGHT_PX
from kiosk.ui.widgets import Panel, TouchButton, set_label, text_label

TEXT_SCALES = (1.0, 1.5, 2.0)


class AccessBar(Panel):
    """Reports choices; the window applies them to every screen and keeps bars in step."""

    text_scale_chosen = Signal(float)
    contrast_toggled = Signal(bool)
    read_aloud_toggled = Signal(bool)
    language_chosen = Signal(str)

    def __init__(
        self,
        strings: Strings,
        languages: list[tuple[str, str]],
        *,
        read_aloud: bool,
        parent: QWidget | None = None,
    ):
        super().__init__("access-bar", parent)
        self.setObjectName("AccessBar")
        self.strings = strings
        flow = FlowLayout(self, spacing=16)
        flow.setContentsMargins(32, 14, 32, 14)
        self.size_label = text_label(strings.text_size, "muted")
        self.size_label.setWordWrap(False)
        self.size_label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.size_label.setMinimumHeight(BUTTON_HEIGHT_PX)  # centred beside the buttons
        flow.addWidget(self.size_label)
        self.sizes: dict[float, TouchButton] = {}
        for scale in TEXT_SCALES:
            button = self._toggle(f"{round(scale * 100)}%")
            button.clicked.connect(lambda _=False, scale=scale: self.text_scale_chosen.emit(scale))
            self.sizes[scale] = button
            flow.addWidget(button)
        self.contrast = self._toggle(strings.high_contrast)
        self.contrast.toggled.connect(self.contrast_toggled)
        flow.addWidget(self.contrast)
        self.read_aloud = self._toggle(strings.read_aloud)
        self.read_aloud.toggled.connect(self.read_aloud_toggled)
        self.read_aloud.setVisible(read_aloud)
        flow.addWidget(self.read_aloud)
        self.languages: dict[str, TouchButton] = {}
        for code, name in languages:
            button = TouchButton(name, secondary=True)
            button.setProperty("lang", code)
            button.clicked.connect(lambda _=False, code=code: self.language_chosen.emit(code))
            self.languages[code] = button
            flow.addWidget(button)

    @staticmethod
    def _toggle(text: str) -> TouchButton:
        button = TouchButton(text, secondary=True)
        button.setCheckable(True)
        return button

    def show_state(self, scale: float, high_contrast: bool, speaking: bool, language: str) -> None:
        """Show the current choices without reporting them again."""
        for value, button in self.sizes.items():
            button.blockSignals(True)
            button.setChecked(value == scale)
            button.blockSignals(False)
        for button, on in ((self.contrast, high_contrast), (self.read_aloud, speaking)):
            button.blockSignals(True)
            button.setChecked(on)
            button.blockSignals(False)
        set_label(
            self.read_aloud, self.strings.stop_reading if speaking else self.strings.read_aloud
        )
        for code, button in self.languages.items():
            button.setVisible(code != language)

"""The welcome screen shown between patients: the whole screen is one big start button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import Strings
from kiosk.ui.widgets import PanelButton, Picture, set_label, text_label


class AttractScreen(PanelButton):
    """Clinic name, a calm invitation and "Touch the screen to start"; a tap anywhere starts."""

    def __init__(
        self,
        clinic_name: str,
        strings: Strings,
        logo: Path | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("AttractScreen")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.brand = text_label(clinic_name, "brand")
        self.title = text_label("", "display")
        self.subtitle = text_label("", "lead")
        self.prompt = text_label("", "pill")
        self.prompt.setContentsMargins(56, 20, 56, 20)
        self.prompt.setWordWrap(False)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(96, 72, 96, 96)
        layout.setSpacing(36)
        if logo is not None:
            self.logo = Picture(logo, max_width=360)
            self.logo.setMaximumHeight(160)
            self.logo.setAccessibleName(clinic_name)
            layout.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.brand)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addStretch(1)
        layout.addWidget(self.prompt, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        for label in (self.brand, self.title, self.subtitle):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for label in (self.brand, self.title, self.subtitle, self.prompt):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.set_strings(clinic_name, strings)

    def set_strings(self, clinic_name: str, strings: Strings) -> None:
        self.brand.setText(clinic_name)
        self.title.setText(strings.attract_title)
        self.subtitle.setText(strings.attract_subtitle)
        self.prompt.setText(strings.touch_to_start)
        set_label(self, strings.touch_to_start)

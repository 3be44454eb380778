"""The welcome screen between patients: a calm loop of key facts; a tap anywhere starts.

The loop is one timer that ticks every few seconds only while the screen is shown; each tick
shows the next fact and nudges the content a little, so nothing burns into the display; the
frame (the patient's choices in the corner) stays put.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.content.model import Strings
from kiosk.runtime.lockdown import WAKE_SURFACE
from kiosk.ui.look import dress_label
from kiosk.ui.picture import Picture
from kiosk.ui.widgets import PanelButton, Pill, callout_frame, set_label, text_label

ROTATE_MS = 9000
MARGINS = (72, 24, 72, 40)
NUDGES = ((0, 0), (28, 12), (-28, 24), (20, -12), (-20, -24))  # pixels, never off screen


class AttractScreen(PanelButton):
    """Clinic name, a calm invitation, rotating facts and "Touch the screen to start"."""

    def __init__(
        self,
        clinic_name: str,
        strings: Strings,
        facts: list[str],
        logo: Path | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("AttractScreen")
        self.setProperty(WAKE_SURFACE, True)  # its taps count towards the staff gesture
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A button's size policy would force every screen to this one's size; it takes what
        # the window has (it only ever shows the clinic's default text size).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.facts = facts or [strings.attract_subtitle]
        self.fact_index = 0
        self.brand = text_label(clinic_name, "brand")
        self.title = text_label(strings.attract_title, "display")
        self.subtitle = text_label(strings.attract_subtitle, "lead")
        self.fact = text_label(self.facts[0], "lead")
        self.fact_card = callout_frame(strings.did_you_know, self.fact)
        self.fact_card.setMaximumWidth(1200)
        self.prompt = text_label(strings.touch_to_start, "pill", kind=Pill)
        self.prompt.setContentsMargins(48, 14, 48, 14)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo: Picture | None = None
        if logo is not None:
            self.logo = Picture(logo, max_width=360)
            self.logo.setMaximumHeight(160)
            self.logo.setAccessibleName(clinic_name)
        self._lay_out()
        for label in (self.brand, self.title, self.subtitle):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for child in self.findChildren(QWidget):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        set_label(self, strings.touch_to_start)
        self.rotation = QTimer(self)
        self.rotation.setInterval(ROTATE_MS)
        self.rotation.timeout.connect(self.advance)

    def _lay_out(self) -> None:
        """The frame stays put (the patient's choices at the top right); only the content
        inside it (``_layout``) is nudged against burn-in."""
        self._frame = QVBoxLayout(self)
        self._frame.setContentsMargins(24, 16, 24, 0)
        self._frame.setSpacing(0)
        self._access_row = QHBoxLayout()
        self._access_row.addStretch(1)
        self._frame.addLayout(self._access_row)
        self._layout = QVBoxLayout()
        self._layout.setContentsMargins(*MARGINS)
        self._layout.setSpacing(16)
        self._frame.addLayout(self._layout, 1)
        if self.logo is not None:
            self._layout.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignHCenter)
        self._layout.addWidget(self.brand)
        self._layout.addStretch(2)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.subtitle)
        self._layout.addStretch(1)
        for widget, stretch in ((self.fact_card, 100), (self.prompt, 0)):
            centred = QHBoxLayout()
            centred.addStretch(1)
            centred.addWidget(widget, stretch)
            centred.addStretch(1)
            self._layout.addLayout(centred)
            self._layout.addStretch(1 if widget is self.fact_card else 2)

    def access_slot(self, control: QWidget) -> None:
        """The patient's choices ("Aa", language) at the top right, above the welcome."""
        self._access_row.addWidget(control)

    def advance(self) -> None:
        """Show the next fact and move the content (not the frame) to its next resting place."""
        self.fact_index = (self.fact_index + 1) % len(self.facts)
        self.fact.setText(self.facts[self.fact_index])
        dx, dy = NUDGES[self.fact_index % len(NUDGES)]
        left, top, right, bottom = MARGINS
        self._layout.setContentsMargins(left + dx, top + dy, right - dx, bottom - dy)
        self._fit()

    def _fit(self) -> None:
        """On a short screen, drop what does not fit: first the big title size, then the fact.

        Everything the fact says is on the topic pages too.
        """
        if self.width() < 2:
            return
        # The invitation on one line whenever it fits (a wrapped label would pick a narrow width).
        margins = self.prompt.contentsMargins()
        one_line = self.prompt.fontMetrics().horizontalAdvance(self.prompt.text())
        one_line += margins.left() + margins.right() + 8
        self.prompt.setMinimumWidth(min(one_line, self.width() - MARGINS[0] - MARGINS[2] - 60))
        for title_role, with_fact in (("display", True), ("h1", True), ("h1", False)):
            if self.title.property("role") != title_role:
                self.title.setProperty("role", title_role)
                dress_label(self.title)
            self.fact_card.setVisible(with_fact)
            for index in range(self._layout.count()):  # the rows cache their heights
                item = self._layout.itemAt(index)
                row = item.layout() if item is not None else None
                if row is not None:
                    row.invalidate()
            if self._frame.totalHeightForWidth(self.width()) <= self.height():
                return

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def reset(self) -> None:
        self.fact_index = -1
        self.advance()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.rotation.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self.rotation.stop()
        super().hideEvent(event)

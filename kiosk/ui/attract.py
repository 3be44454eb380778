"""The welcome screen between patients: the clinic, a picture, a calm loop of key facts and
an invitation in every language of the pack; a tap anywhere starts.

The loop is one timer that ticks every few seconds only while the screen is shown; each tick
shows the next fact and nudges the content a little, so nothing burns into the display; the
frame (the patient's choices in the corner) stays put. Every few seconds a soft ring swells
round the invitation, on timers of its own, also only while shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.content.model import Strings
from kiosk.runtime.lockdown import WAKE_SURFACE
from kiosk.ui import icons
from kiosk.ui.icons import Icon
from kiosk.ui.look import Box, colour, dress_label, paint_box
from kiosk.ui.picture import Picture
from kiosk.ui.widgets import PanelButton, Pill, callout_frame, set_label, text_label

ROTATE_MS = 9000
MARGINS = (72, 24, 72, 40)
NUDGES = ((0, 0), (28, 12), (-28, 24), (20, -12), (-20, -24))  # pixels, never off screen
PULSE_MS = 6000  # the ring round the invitation swells once every 6 s, like a slow breath,
SWELL_MS = 2000  # for 2 s, at 25 frames a second; between swells no timer runs at all
PULSE_FRAME_MS = 40


class Invitation(Pill):
    """ "Touch the screen to start" on the primary colour, a hand before the words, and a ring
    that swells out from the pill and fades, again and again, while it is shown."""

    RING = 18  # pixels around the pill the ring may reach

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)
        self.setProperty("role", "pill")
        dress_label(self)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase = 0.0  # 0..1 through one swell
        self._clock = QElapsedTimer()
        self.frames = QTimer(self, interval=PULSE_FRAME_MS)
        self.frames.timeout.connect(self._step)
        self.rest = QTimer(self, singleShot=True)
        self.rest.timeout.connect(self.start)
        self.setWordWrap(True)  # one line wherever it fits (``AttractScreen._fit``)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def icon_side(self) -> int:
        return round(self.fontMetrics().height() * 1.2)

    def fit(self) -> None:
        """Room for the ring round the pill and for the hand before the words."""
        ring, side = self.RING, self.icon_side()
        self.setContentsMargins(ring + 40 + side + 16, ring + 14, ring + 48, ring + 14)

    def start(self) -> None:
        self._clock.start()
        self.frames.start()

    def stop(self) -> None:
        self.frames.stop()
        self.rest.stop()
        self.phase = 0.0
        self.update()

    def _step(self) -> None:
        """The next frame of a swell; after the last, rest (no timer ticks) till the next."""
        elapsed = self._clock.elapsed()
        if elapsed >= SWELL_MS:
            self.frames.stop()
            self.phase = 0.0
            self.rest.start(max(0, PULSE_MS - elapsed))
        else:
            self.phase = elapsed / SWELL_MS
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        ring = self.RING
        pill = QRectF(self.rect()).adjusted(ring, ring, -ring, -ring)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.phase > 0:  # the ring: out from the pill's edge, fading as it goes
            reach = ring * self.phase
            halo = QColor(colour(self, "primary"))
            halo.setAlphaF(0.55 * (1 - self.phase))
            painter.setPen(QPen(halo, 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            outline = pill.adjusted(-reach, -reach, reach, reach)
            radius = outline.height() / 2
            painter.drawRoundedRect(outline.adjusted(2, 2, -2, -2), radius, radius)
        radius = round(min(pill.height() / 2, 48))
        paint_box(painter, pill.toRect(), Box(colour(self, "primary"), radius=radius))
        side = self.icon_side()
        hand = QRectF(
            self.contentsRect().left() - side - 16, (self.height() - side) / 2, side, side
        )
        icons.draw(painter, hand, Icon.TOUCH, colour(self, "on_primary"))
        painter.end()
        super(Pill, self).paintEvent(event)  # the words, over the pill


class AttractScreen(PanelButton):
    """Clinic, picture, a calm title, rotating facts and the invitation in every language."""

    def __init__(
        self,
        clinic_name: str,
        strings: Strings,
        facts: list[str],
        logo: Path | None = None,
        parent: QWidget | None = None,
        *,
        picture: Path | None = None,
        invitations: list[str] | None = None,
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
        self.fact_card.setMaximumWidth(1100)
        self.prompt = Invitation(strings.touch_to_start)
        # The same invitation in the pack's other languages, under it: each patient finds theirs.
        self.others = text_label("\n".join(invitations or []), "lead")
        self.others.setVisible(bool(invitations))
        self.logo: Picture | None = None
        if logo is not None:
            self.logo = Picture(logo, max_width=360)
            self.logo.setMaximumHeight(140)
            self.logo.setAccessibleName(clinic_name)
        self.picture: Picture | None = None
        if picture is not None:
            self.picture = Picture(picture, max_width=760)
        self._lay_out()
        for label in (self.brand, self.others):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for child in self.findChildren(QWidget):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        set_label(self, strings.touch_to_start)
        self.rotation = QTimer(self)
        self.rotation.setInterval(ROTATE_MS)
        self.rotation.timeout.connect(self.advance)

    def _lay_out(self) -> None:
        """The frame stays put (the patient's choices at the top right); only the content
        inside it (``_layout``) is nudged against burn-in. The picture sits beside the words
        on a landscape screen and above them on a portrait one (``_fit``)."""
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
        self._main = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._main.setSpacing(64)
        words = QVBoxLayout()
        words.setSpacing(16)
        words.addWidget(self.title)
        words.addWidget(self.subtitle)
        words.addSpacing(16)
        words.addWidget(self.fact_card)
        self._main.addStretch(1)
        if self.picture is not None:
            self._main.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignCenter)
        self._main.addLayout(words, 0)
        self._main.addStretch(1)
        self._words = words
        self._layout.addLayout(self._main)
        self._layout.addStretch(1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.prompt)
        centred.addStretch(1)
        self._layout.addLayout(centred)
        self._layout.addWidget(self.others)
        self._layout.addStretch(2)

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
        """Arrange for the screen's shape, then drop what does not fit a short screen: first
        the big title size, then the fact, then the picture. Everything the fact says is on
        the topic pages too."""
        width, height = self.width(), self.height()
        if width < 2:
            return
        portrait = height > width
        inner = width - MARGINS[0] - MARGINS[2] - 60
        self._main.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        align = Qt.AlignmentFlag.AlignHCenter if portrait else Qt.AlignmentFlag.AlignLeft
        for label in (self.title, self.subtitle):
            label.setAlignment(align)
        words_width = inner if portrait else round(inner * 0.52)
        for widget in (self.title, self.subtitle, self.fact_card):
            widget.setFixedWidth(min(words_width, 1100))
        self.prompt.fit()
        one_line = self.prompt.fontMetrics().horizontalAdvance(self.prompt.text())
        margins = self.prompt.contentsMargins()
        self.prompt.setFixedWidth(min(one_line + margins.left() + margins.right() + 8, inner))
        steps = [("display", True, True), ("h1", True, True), ("h1", False, True)]
        steps.append(("h1", False, False))
        for title_role, with_fact, with_picture in steps:
            if self.title.property("role") != title_role:
                self.title.setProperty("role", title_role)
                dress_label(self.title)
            self.fact_card.setVisible(with_fact)
            if self.picture is not None:
                self.picture.setVisible(with_picture)
                self._size_picture(portrait, inner, height)
            self._invalidate(self._layout)
            if self._frame.totalHeightForWidth(width) <= height:
                return

    def _size_picture(self, portrait: bool, inner: int, height: int) -> None:
        assert self.picture is not None
        side = min(round(inner * 0.85), round(height * 0.36)) if portrait else round(inner * 0.4)
        side = min(side, round(height * 0.5))
        self.picture.max_width = max(120, side)
        size = self.picture.shown_size(self.picture.max_width)
        self.picture.setFixedSize(size)

    @staticmethod
    def _invalidate(layout: QBoxLayout) -> None:
        """The rows cache their heights: forget them all."""
        layout.invalidate()
        for index in range(layout.count()):
            item = layout.itemAt(index)
            row = item.layout() if item is not None else None
            if isinstance(row, QBoxLayout):
                AttractScreen._invalidate(row)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def reset(self) -> None:
        self.fact_index = -1
        self.advance()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.rotation.start()
        self.prompt.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self.rotation.stop()
        self.prompt.stop()
        super().hideEvent(event)

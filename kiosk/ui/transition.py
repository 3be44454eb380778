"""A calm change of screen: the new screen shows at once under a veil of the background
colour that clears in ``FADE_MS``. Nothing waits for it: taps go straight through the veil
(it takes no input), and it is only paint."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.ui.look import colour

FADE_MS = 180
VEIL = 0.6  # how much of the background covers the new screen as it appears


class FadeIn(QWidget):
    """Over the pages of ``stack`` (below the window's overlays): ``play()`` after a change."""

    def __init__(self, stack: QStackedWidget):
        super().__init__(stack)
        self.setObjectName("FadeIn")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.stack = stack
        self.cover = 0.0
        self.animation = QVariantAnimation(self)
        self.animation.setStartValue(VEIL)
        self.animation.setEndValue(0.0)
        self.animation.setDuration(FADE_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.valueChanged.connect(self._veil)
        self.animation.finished.connect(self.finish)
        self.hide()

    def play(self) -> None:
        if (stack := self.parentWidget()) is not None:
            self.setGeometry(stack.rect())
        self.raise_()
        self.cover = VEIL  # from the first paint, before the animation's first step
        self.show()
        self.animation.start()

    def finish(self) -> None:
        """The new screen in full (at once, e.g. for a screenshot)."""
        self.animation.stop()
        self.cover = 0.0
        self.hide()

    def _veil(self, value: float) -> None:
        self.cover = value
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        page = self.stack.currentWidget()  # its background, in the look it wears now
        veil = QColor(colour(page if page is not None else self.stack, "background"))
        veil.setAlphaF(max(0.0, min(1.0, self.cover)))
        QPainter(self).fillRect(self.rect(), veil)

"""Scroll areas that move with a finger swipe (kinetic, like a phone) and never select text."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QScroller, QScrollerProperties, QWidget

from kiosk.ui import icons
from kiosk.ui.icons import Icon
from kiosk.ui.look import colour, dress_scroll_bar

# Scroll areas of screens that were rebuilt, kept for the next screens: each new viewport
# needs QScroller.grabGesture, which registers a gesture type that PySide keeps a Python
# enum class for, forever (about 100 objects per language switch). Reused, none are new.
_spare: list[QScrollArea] = []
MAX_SPARE = 32


def touch_scroll_area(body: QWidget, parent: QWidget) -> QScrollArea:
    """Wrap ``body`` in a vertical scroll area (a child of ``parent``) driven by touch swipes
    and mouse drags."""
    while _spare:
        area = _spare.pop()
        if not shiboken6.isValid(area):  # its keeper, a window, was deleted
            continue
        area.setParent(parent)
        area.setWidget(body)
        body.setAutoFillBackground(False)  # see below
        area.verticalScrollBar().setValue(0)
        area.show()  # shown with its parent (hidden while it was kept)
        return area
    area = QScrollArea(parent)
    area.setWidget(body)
    # setWidget makes the page fill its background, which makes Qt paint it in a pass of
    # its own and then again with the window: twice on every page switch. The window paints
    # the background under everything.
    body.setAutoFillBackground(False)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    viewport = area.viewport()
    viewport.setAutoFillBackground(False)  # the page paints its own background
    dress_scroll_bar(area.verticalScrollBar())
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    overshoot = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, overshoot)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, overshoot)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
    scroller.setScrollerProperties(props)
    MoreBelow(area)  # kept with the area when it is reused
    return area


class MoreBelow(QWidget):
    """While more of the page lies below: the foot of the scroll area fades out and a round
    arrow points down (a thin scroll bar alone tells a patient nothing). Gone at the end."""

    HEIGHT = 96
    ARROW = 56

    def __init__(self, area: QScrollArea):
        super().__init__(area)
        self.setObjectName("MoreBelow")
        self.area = area
        self.ground = "background"  # the look's colour the page fades into
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        bar = area.verticalScrollBar()
        bar.valueChanged.connect(self.follow)
        bar.rangeChanged.connect(self.follow)
        area.installEventFilter(self)
        self.hide()

    def follow(self) -> None:
        bar = self.area.verticalScrollBar()
        viewport = self.area.viewport().geometry()
        self.setGeometry(
            viewport.left(), viewport.bottom() + 1 - self.HEIGHT, viewport.width(), self.HEIGHT
        )
        self.setVisible(bar.value() < bar.maximum())
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.follow()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        ground = colour(self, self.ground)
        fade = QLinearGradient(0, 0, 0, self.height())
        fade.setColorAt(0, QColor(ground.red(), ground.green(), ground.blue(), 0))
        fade.setColorAt(0.7, ground)
        painter.fillRect(self.rect(), fade)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = self.ARROW
        centre = QPointF(self.width() / 2, self.height() - size / 2 - 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour(self, "primary"))
        painter.drawEllipse(centre, size / 2, size / 2)
        side = size * 0.7
        box = QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side)
        icons.draw(painter, box, Icon.MORE_BELOW, colour(self, "on_primary"))


def scroll_to_top(area: QScrollArea) -> None:
    """Stop any fling in progress and show the top of the page."""
    QScroller.scroller(area.viewport()).stop()
    area.verticalScrollBar().setValue(0)


def release_touch_scrolling(screen: QWidget) -> None:
    """Before ``screen`` is deleted: keep its scroll areas (emptied) for the next screens."""
    for area in screen.findChildren(QScrollArea):
        if not QScroller.hasScroller(area.viewport()) or len(_spare) >= MAX_SPARE:
            continue
        QScroller.scroller(area.viewport()).stop()
        if (body := area.takeWidget()) is not None:
            body.deleteLater()
        area.hide()
        area.setParent(screen.window())  # kept (and deleted) by the window, never on its own
        _spare.append(area)


def stop_flings(screen: QWidget) -> None:
    """Stop kinetic scrolling on a screen that is being hidden, so no gesture stays attached."""
    for area in screen.findChildren(QScrollArea):
        if QScroller.hasScroller(area.viewport()):
            QScroller.scroller(area.viewport()).stop()

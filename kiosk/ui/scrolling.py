"""Scroll areas that move with a finger swipe (kinetic, like a phone) and never select text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QScroller, QScrollerProperties, QWidget


def touch_scroll_area(body: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """Wrap ``body`` in a vertical scroll area driven by touch swipes and mouse drags."""
    area = QScrollArea(parent)
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    overshoot = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, overshoot)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, overshoot)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
    scroller.setScrollerProperties(props)
    return area


def scroll_to_top(area: QScrollArea) -> None:
    """Stop any fling in progress and show the top of the page."""
    QScroller.scroller(area.viewport()).stop()
    area.verticalScrollBar().setValue(0)


def stop_flings(screen: QWidget) -> None:
    """Stop kinetic scrolling on a screen that is being hidden, so no gesture stays attached."""
    for area in screen.findChildren(QScrollArea):
        if QScroller.hasScroller(area.viewport()):
            QScroller.scroller(area.viewport()).stop()

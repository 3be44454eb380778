"""A keypad or keyboard instead of touch, for patients who cannot see or reach the screen
(Section 508 402, EN 301 549 5.1): a large focus ring moves through every control and every
block of text in reading order, each spoken as it is reached.

Keys (``KEYS``): Up or Left, the previous item; Down or Right, the next; Enter or Space,
select (a text is read again); Backspace, back; F1, H or ?, help; R (or 5) repeat; P pause or
go on; + and - louder and quieter; F and S faster and slower. The first key on the
welcome screen starts a session in this mode and says how it works. Touch keeps working
alongside; a reset ends the mode. The keys that could leave the kiosk stay locked
(runtime/lockdown.py), so Escape is not "back".
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QLabel, QLayout, QScrollArea, QWidget

from kiosk.core.colors import contrast
from kiosk.core.session import ATTRACT, HOME, is_staff_screen
from kiosk.ui.look import colour
from kiosk.ui.picture import Picture
from kiosk.ui.widgets import CheckRow, Tile, WindowOverlay

if TYPE_CHECKING:
    from kiosk.ui.read_aloud import ReadAloud
    from kiosk.ui.window import KioskWindow


class Move(Enum):
    PREVIOUS = auto()
    NEXT = auto()
    SELECT = auto()
    BACK = auto()
    HELP = auto()
    REPEAT = auto()
    PAUSE = auto()
    LOUDER = auto()
    QUIETER = auto()
    FASTER = auto()
    SLOWER = auto()


KEYS = {
    Qt.Key.Key_Up: Move.PREVIOUS,
    Qt.Key.Key_Left: Move.PREVIOUS,
    Qt.Key.Key_Down: Move.NEXT,
    Qt.Key.Key_Right: Move.NEXT,
    Qt.Key.Key_Return: Move.SELECT,
    Qt.Key.Key_Enter: Move.SELECT,
    Qt.Key.Key_Space: Move.SELECT,
    Qt.Key.Key_Backspace: Move.BACK,
    Qt.Key.Key_F1: Move.HELP,
    Qt.Key.Key_Help: Move.HELP,
    Qt.Key.Key_H: Move.HELP,
    Qt.Key.Key_Question: Move.HELP,
    Qt.Key.Key_R: Move.REPEAT,
    Qt.Key.Key_5: Move.REPEAT,  # the middle of a number pad
    Qt.Key.Key_P: Move.PAUSE,
    Qt.Key.Key_MediaTogglePlayPause: Move.PAUSE,
    Qt.Key.Key_Plus: Move.LOUDER,
    Qt.Key.Key_Equal: Move.LOUDER,
    Qt.Key.Key_VolumeUp: Move.LOUDER,
    Qt.Key.Key_Minus: Move.QUIETER,
    Qt.Key.Key_VolumeDown: Move.QUIETER,
    Qt.Key.Key_F: Move.FASTER,
    Qt.Key.Key_S: Move.SLOWER,
}
VOICE = {  # keys that change how the kiosk speaks: (what to call, by how much)
    Move.LOUDER: ("louder", 1),
    Move.QUIETER: ("louder", -1),
    Move.FASTER: ("faster", 1),
    Move.SLOWER: ("faster", -1),
}
RING = 6  # pixels: the focus ring's outer band (at least 4 at 1080p)
GAP = 4  # pixels: its inner band, between the outer band and the item


def reading_order(root: QWidget) -> list[QWidget]:
    """What a patient can reach on ``root``, in the order its layouts show it: controls,
    texts and pictures, each once (a button's own words are part of the button)."""
    return list(_walk(root))


def _walk(widget: QWidget) -> Iterator[QWidget]:
    if not widget.isVisible():
        return
    if _reachable(widget):
        yield widget
        return
    if isinstance(widget, QScrollArea):
        if (page := widget.widget()) is not None:
            yield from _walk(page)
        return
    if (layout := widget.layout()) is not None:
        yield from _walk_layout(layout)


def _walk_layout(layout: QLayout) -> Iterator[QWidget]:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if (widget := item.widget()) is not None:
            yield from _walk(widget)
        elif (inner := item.layout()) is not None:
            yield from _walk_layout(inner)


def _reachable(widget: QWidget) -> bool:
    if isinstance(widget, QAbstractButton):
        return widget.isEnabled()
    if isinstance(widget, QLabel):  # words, not a bullet's dot
        return any(character.isalnum() for character in widget.text())
    return isinstance(widget, Picture) and bool(widget.accessibleName())


class FocusRing(QWidget):
    """A thick ring round the item the keypad is on, in the colour that stands out most
    against the screen's background, its panels and the item itself."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("FocusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.target: QWidget | None = None
        self.hide()

    def follow(self, target: QWidget | None) -> None:
        if self.target is not None:
            self.target.removeEventFilter(self)
        self.target = target
        if target is not None:
            target.installEventFilter(self)  # gone with it (an overlay closing, a screen)
        self.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.target and event.type() == QEvent.Type.Hide:
            self.hide()
        return False

    def place(self) -> None:
        target, window = self.target, self.parentWidget()
        if target is None or window is None or not target.isVisible():
            self.hide()
            return
        margin = RING + GAP
        corner = target.mapTo(window, target.rect().topLeft())
        box = QRect(corner, target.size()).adjusted(-margin, -margin, margin, margin)
        self.setGeometry(box.intersected(window.rect()))
        self.raise_()
        self.show()
        self.update()

    def inks(self) -> tuple[QColor, QColor]:
        """The outer band: the look's colour that stands out most against its grounds; the
        inner band: black or white, whichever stands out more against the outer band, so the
        ring shows against the item too, whatever its colour (a two-colour indicator)."""
        grounds = [colour(self, name).name() for name in ("background", "surface", "callout")]
        inks = [colour(self, name).name() for name in ("text", "primary", "urgent")]
        outer = max(inks, key=lambda ink: min(contrast(ink, ground) for ground in grounds))
        inner = max(("#000000", "#FFFFFF"), key=lambda ink: contrast(ink, outer))
        return QColor(outer), QColor(inner)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        outer, inner = self.inks()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self.rect().toRectF()
        for ink, width, inset in ((outer, RING, 0.0), (inner, GAP, RING)):
            pen = QPen(ink, width)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            edge = inset + width / 2
            painter.drawRoundedRect(box.adjusted(edge, edge, -edge, -edge), 16, 16)


class KeypadNavigator(QObject):
    """Keys on ``window`` move ``ring``; what it reaches is said by ``voice``."""

    def __init__(self, window: KioskWindow, voice: ReadAloud):
        super().__init__(window)
        self.window = window
        self.voice = voice
        self.active = False
        self.ring = FocusRing(window)
        self.current: QWidget | None = None
        self._intro = ""  # said before the first item of the next screen
        window.installEventFilter(self)
        window.page_shown.connect(self._screen_shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        move = KEYS.get(Qt.Key(event.key()))
        if move is None or is_staff_screen(self.window.current_screen()):
            return False  # staff screens are for touch: nothing there (a PIN) is ever said
        self.press(move)
        return True

    def press(self, move: Move) -> None:
        strings = self.window.language.strings
        if not self.active:
            self.active = True
            if self.window.current_screen() == ATTRACT:  # a key starts a session, as a tap does
                self._intro = strings.keypad_start
                self.window.go(HOME)  # home's first item is focused and said after the intro
                return
            self.focus_first()  # the first key shows where the keypad is, and says it
            return
        if move in VOICE:
            change, steps = VOICE[move]
            getattr(self.voice, change)(steps)
            self.voice.repeat()  # heard at once at the new volume or pace
        elif move is Move.REPEAT:
            self.voice.repeat()
        elif move is Move.PAUSE:
            self.voice.pause_or_resume()
        elif move is Move.HELP:
            self.speak(strings.keypad_help)
        elif move is Move.BACK:
            self.window.back()
        elif move in (Move.NEXT, Move.PREVIOUS):
            self._step(1 if move is Move.NEXT else -1)
        elif isinstance(self.current, QAbstractButton):
            chosen, screen = self.current, self.window.current_screen()
            chosen.click()
            self.after_choice(chosen, screen)
        elif self.current is not None:
            self.speak(self.words(self.current))

    def after_choice(self, chosen: QAbstractButton, screen: str) -> None:
        """Say what choosing ``chosen`` on ``screen`` did: its new state if it is still
        here (a tick, a text size), else the start of the overlay that opened or closed (a
        new screen says its own start)."""
        if chosen in self.items():
            self.speak(self.words(chosen))
        elif self.window.current_screen() == screen:
            self.focus_first()

    def speak(self, text: str) -> None:
        self.voice.read(text, self.window.language.code)

    def reset(self) -> None:
        """A new patient: touch only until a key is pressed again."""
        self.active = False
        self.current = None
        self.ring.follow(None)

    def items(self) -> list[QWidget]:
        """The items on the overlay shown on top, or else on the screen."""
        overlays = [
            child
            for child in self.window.children()
            if isinstance(child, WindowOverlay) and child.isVisible()
        ]
        root = overlays[-1] if overlays else self.window.stack.currentWidget()
        return reading_order(root) if root is not None else []

    def _screen_shown(self, screen_id: str) -> None:
        if is_staff_screen(screen_id):
            self.voice.stop()
            self.ring.follow(None)
        elif self.active:
            self.focus_first()

    def focus_first(self) -> None:
        """The first item of the screen's own content (its title), after the top bar."""
        items = self.items()
        content = [item for item in items if _in_scroll_area(item)]
        title = [item for item in content if item.property("role") in ("h1", "display")]
        first = next(iter(title or content or items), None)
        self.focus(first)
        intro, self._intro = self._intro, ""
        self.speak(" ".join(filter(None, (intro, self.words(first)))))

    def _step(self, by: int) -> None:
        items = self.items()
        if not items:
            return
        index = items.index(self.current) if self.current in items else -by
        self.focus(items[(index + by) % len(items)])
        self.speak(self.words(self.current))

    def focus(self, item: QWidget | None) -> None:
        self.current = item
        if item is not None:
            for area in _scroll_areas_of(item):
                area.ensureWidgetVisible(item, 0, 120)
        self.ring.follow(item)

    def words(self, item: QWidget | None) -> str:
        """What is said for ``item``: its words, and for a control what it is and its state."""
        if item is None:
            return ""
        strings = self.window.language.strings
        if isinstance(item, CheckRow):
            state = strings.ticked if item.isChecked() else strings.not_ticked
            return ", ".join(filter(None, (item.accessibleName(), state, item.description)))
        if isinstance(item, Tile):
            parts = (item.accessibleName(), item.accessibleDescription(), strings.button_word)
            return ". ".join(part.rstrip(". ") for part in parts if part)
        if isinstance(item, QAbstractButton):
            chosen = f", {strings.ticked}" if item.isCheckable() and item.isChecked() else ""
            return f"{item.accessibleName()}, {strings.button_word}{chosen}"
        if isinstance(item, QLabel):
            return item.text()
        return item.accessibleName()


def _in_scroll_area(widget: QWidget) -> bool:
    return bool(_scroll_areas_of(widget))


def _scroll_areas_of(widget: QWidget) -> list[QScrollArea]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            found.append(parent)
        parent = parent.parentWidget()
    return found

"""The kiosk's one top-level window: a stack of screens and the navigation between them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.config import Settings
from kiosk.content.model import ContentPack, Language
from kiosk.session import ATTRACT, HOME, Session, topic_screen
from kiosk.ui.attract import AttractScreen
from kiosk.ui.home import HomeScreen
from kiosk.ui.scrolling import stop_flings
from kiosk.ui.theme import style_sheet
from kiosk.ui.topic import TopicScreen


class KioskWindow(QWidget):
    """Builds every screen up front (switching is then instant) and shows one at a time.

    Navigation decisions live in ``Session``; this class only maps screen ids to widgets.
    Emits ``page_shown(screen_id)`` after every switch.
    """

    page_shown = Signal(str)

    def __init__(self, pack: ContentPack, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("KioskWindow")
        self.setWindowTitle(settings.clinic.name)
        self.setStyleSheet(style_sheet())
        self.session = Session()
        self.pack = pack
        self.settings = settings
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.screens: dict[str, QWidget] = {}
        self._build(pack.language())
        self._show(ATTRACT)

    def _build(self, language: Language) -> None:
        clinic = self.settings.clinic.name
        self.attract = AttractScreen(clinic, language.strings)
        self.attract.clicked.connect(lambda: self.go(HOME))
        self.home = HomeScreen(clinic, language)
        self.home.topic_chosen.connect(lambda page_id: self.go(topic_screen(page_id)))
        self._add(ATTRACT, self.attract)
        self._add(HOME, self.home)
        pages = language.pages
        for index, page in enumerate(pages):
            following = pages[index + 1] if index + 1 < len(pages) else None
            screen = TopicScreen(
                self.pack.root,
                page,
                strings=language.strings,
                position=(index + 1, len(pages)),
                next_page=following,
            )
            screen.back_requested.connect(self.back)
            screen.home_requested.connect(lambda: self.go(HOME))
            screen.next_requested.connect(lambda page_id: self.go(topic_screen(page_id)))
            self._add(topic_screen(page.id), screen)

    def _add(self, screen_id: str, widget: QWidget) -> None:
        self.screens[screen_id] = widget
        self.stack.addWidget(widget)

    def _show(self, screen_id: str, *, from_top: bool = False) -> None:
        widget = self.screens[screen_id]
        previous = self.stack.currentWidget()
        if previous is not None and previous is not widget:
            stop_flings(previous)
        reset = getattr(widget, "reset", None)
        if from_top and callable(reset) and widget is not self.stack.currentWidget():
            reset()
        self.stack.setCurrentWidget(widget)
        self.page_shown.emit(screen_id)

    def current_screen(self) -> str:
        current = self.stack.currentWidget()
        return next((key for key, widget in self.screens.items() if widget is current), "")

    def go(self, screen_id: str) -> None:
        """Open ``screen_id`` from its top, remembering where the patient came from."""
        self.session.go(screen_id)
        self._show(screen_id, from_top=True)

    def back(self) -> None:
        """Return to the previous screen where the patient left it."""
        self._show(self.session.back())

    def reset(self) -> None:
        """Return to the attract screen as if freshly started."""
        self.session.reset()
        for widget in self.screens.values():
            reset = getattr(widget, "reset", None)
            if callable(reset):
                reset()
        self._show(ATTRACT)

"""The kiosk's one top-level window: a stack of screens and the navigation between them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from kiosk.config import Settings
from kiosk.content.model import ContentPack, Language
from kiosk.idle import IdleWatcher
from kiosk.session import ATTRACT, CHECKLIST, HOME, SUMMARY, Session, topic_screen
from kiosk.ui.attract import AttractScreen
from kiosk.ui.checklist import ChecklistScreen, SummaryScreen
from kiosk.ui.home import HomeScreen
from kiosk.ui.idle_overlay import StillThereOverlay
from kiosk.ui.reading import ReadingScreen
from kiosk.ui.scrolling import stop_flings
from kiosk.ui.theme import style_sheet
from kiosk.ui.topic import TopicScreen


class KioskWindow(QWidget):
    """Builds every screen up front (switching is then instant) and shows one at a time.

    Patient state lives in ``self.session``; the screens only display it. Emits
    ``page_shown(screen_id)`` after every switch and ``session_reset`` after every reset.
    """

    page_shown = Signal(str)
    session_reset = Signal()

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
        language = pack.language()
        self._build(language)
        self._guard_idle(language)
        self._show(ATTRACT)

    def _build(self, language: Language) -> None:
        clinic = self.settings.clinic
        self.attract = AttractScreen(clinic.name, language.strings)
        self.attract.clicked.connect(lambda: self.go(HOME))
        self.home = HomeScreen(clinic.name, language)
        self.home.screen_chosen.connect(self.go)
        self._add(ATTRACT, self.attract)
        self._add(HOME, self.home)
        pages = language.pages
        for index, page in enumerate(pages):
            screen = TopicScreen(
                self.pack.root,
                page,
                strings=language.strings,
                position=(index + 1, len(pages)),
                next_page=pages[index + 1] if index + 1 < len(pages) else None,
            )
            screen.next_requested.connect(lambda page_id: self.go(topic_screen(page_id)))
            self._add(topic_screen(page.id), screen)
        self.checklist = ChecklistScreen(language.checklist, language.strings)
        self.checklist.answer_changed.connect(self.session.set_ticked)
        self.checklist.finished.connect(lambda: self.go(SUMMARY))
        self._add(CHECKLIST, self.checklist)
        self.summary = SummaryScreen(language.checklist, language.strings, clinic.contact)
        self.summary.edit_requested.connect(self.back)
        self.summary.clear_requested.connect(self.clear_answers)
        self._add(SUMMARY, self.summary)

    def _guard_idle(self, language: Language) -> None:
        """Warn after the idle timeout, then reset; never while the attract screen shows."""
        idle = self.settings.idle
        self.idle_watcher = IdleWatcher(round(idle.timeout_seconds * 1000), self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle_watcher)
        self.overlay = StillThereOverlay(language.strings, self)
        self.idle_watcher.went_idle.connect(lambda: self.overlay.start(idle.warning_seconds))
        self.idle_watcher.activity_resumed.connect(self.overlay.stop)
        self.overlay.kept.connect(self.overlay.stop)
        self.overlay.timed_out.connect(self.reset)

    def _add(self, screen_id: str, widget: QWidget) -> None:
        self.screens[screen_id] = widget
        self.stack.addWidget(widget)
        if isinstance(widget, ReadingScreen):
            widget.back_requested.connect(self.back)
            widget.home_requested.connect(lambda: self.go(HOME))

    def _show(self, screen_id: str, *, from_top: bool = False) -> None:
        widget = self.screens[screen_id]
        previous = self.stack.currentWidget()
        if previous is not None and previous is not widget:
            stop_flings(previous)
        reset = getattr(widget, "reset", None)
        if from_top and callable(reset) and widget is not previous:
            reset()
        if screen_id == SUMMARY:
            self.summary.show_answers(self.session.ticked)
        self.stack.setCurrentWidget(widget)
        if screen_id == ATTRACT:
            self.idle_watcher.disarm()
        elif not self.idle_watcher.is_armed:
            self.idle_watcher.arm()
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

    def clear_answers(self) -> None:
        """The patient's own "Clear my answers": untick everything and return to the list."""
        self.session.clear_answers()
        self.checklist.show_answers(self.session.ticked)
        self.summary.reset()
        self.back()

    def reset(self) -> None:
        """Clear every trace of the session and return to the attract screen, as if just started."""
        self.overlay.stop()
        self.session.reset()
        self.checklist.show_answers(self.session.ticked)
        for widget in self.screens.values():
            stop_flings(widget)
            reset = getattr(widget, "reset", None)
            if callable(reset):
                reset()
        self._show(ATTRACT)
        self.session_reset.emit()

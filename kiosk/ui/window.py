"""The kiosk's one top-level window: a stack of screens and the navigation between them."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.core.config import Settings
from kiosk.core.content.model import ContentPack, Language
from kiosk.core.session import (
    ATTRACT,
    CHECKLIST,
    HOME,
    SUMMARY,
    Session,
    is_staff_screen,
    topic_screen,
)
from kiosk.core.timing import timer_ms
from kiosk.runtime.idle import IdleWatcher
from kiosk.runtime.reload import ContentReloader
from kiosk.ui.attract import AttractScreen
from kiosk.ui.audible_warning import AudibleWarning
from kiosk.ui.checklist import ChecklistScreen, SummaryScreen
from kiosk.ui.handouts import TakeHome
from kiosk.ui.home import HomeScreen
from kiosk.ui.idle_overlay import still_there_overlay
from kiosk.ui.keypad import KeypadNavigator
from kiosk.ui.mouse_drag import MouseDragScroll
from kiosk.ui.patient_screens import patient_screens
from kiosk.ui.picture import forget_pictures_except, keep_pictures
from kiosk.ui.preferences import Preferences
from kiosk.ui.read_aloud import ReadAloud
from kiosk.ui.reading import ReadingScreen
from kiosk.ui.screen_follower import ScreenFollower
from kiosk.ui.scrolling import release_touch_scrolling, stop_flings
from kiosk.ui.styling import Styler
from kiosk.ui.talking_touch import TalkingTouch
from kiosk.ui.topic import TopicScreen
from kiosk.ui.transition import FadeIn

log = logging.getLogger(__name__)


class KioskWindow(QWidget):
    """Builds every screen up front (switching is then instant) and shows one at a time.

    With ``welcome_first``, only the welcome screen is built before the window first paints;
    the others are built after that paint, one per turn of the event loop (a navigation
    before they are all there builds only as far as the screen it needs).

    Patient state lives in ``self.session``; the screens only display it. New content offered
    while a patient is mid-session waits for the next reset, so a page never changes under a
    finger. Emits ``page_shown(screen_id)``, ``session_ended(idle_seconds)``, ``session_reset``,
    ``content_applied`` and ``first_painted``.
    """

    page_shown = Signal(str)
    session_reset = Signal()
    session_ended = Signal(float)  # at a reset: the seconds since the last touch
    content_applied = Signal()
    first_painted = Signal()  # once, after the window first reached the screen
    build_failed = Signal()  # the screens after the welcome screen could not be built
    reloader: ContentReloader | None = None  # set by create_kiosk when watching files

    def __init__(
        self,
        pack: ContentPack,
        settings: Settings,
        logo: Path | None = None,
        parent: QWidget | None = None,
        *,
        welcome_first: bool = False,
        time_scale: float = 1.0,
    ):
        super().__init__(parent)
        self.time_scale = time_scale  # see kiosk/core/timing.py
        self.setObjectName("KioskWindow")
        self._welcome_only = welcome_first  # until build_all_screens()
        self._steps: Iterator[None] | None = None  # the screens being built after it
        self._next_screen = QTimer(self, singleShot=True, interval=0)  # builds one of them
        self._next_screen.timeout.connect(lambda: self._build_more(lambda: True))
        self._build_failed = False  # then only a touch tries again, not every repaint
        self._painted = False
        self.session = Session()
        self.stack = QStackedWidget()
        self.fade = FadeIn(self.stack)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.screens: dict[str, QWidget] = {}
        self._pending: tuple[ContentPack, Settings, Path | None] | None = None
        self.allow_close = False
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.idle_watcher = IdleWatcher(timer_ms(settings.idle.timeout_seconds, time_scale), self)
        self.styler = Styler(self, self.stack)
        self.follower = ScreenFollower(self, self._restyle)
        self.mouse_drag = MouseDragScroll(self)
        self.preferences = Preferences(self, self._restyle)
        features = settings.features
        self.read_aloud = ReadAloud(
            features.speech_engine,
            enabled=features.read_aloud,
            volume=features.speech_volume,
            headphones_only=features.speech_output == "headphones",
            parent=self,
        )
        self.read_aloud.speaking_changed.connect(lambda _: self.preferences.sync())
        self.keypad = KeypadNavigator(self, self.read_aloud)
        self.talking_touch = TalkingTouch(self, self.keypad)
        if not self._use(pack, settings, logo):
            raise RuntimeError("could not build the kiosk's screens (see the log)")
        self.handouts = TakeHome(self)
        self.take_home = self.handouts.overlay
        self.overlay = still_there_overlay(self)
        self.audible_warning = AudibleWarning(self)
        self._restyle()  # the overlays
        self._show(ATTRACT)

    def _use(self, pack: ContentPack, settings: Settings, logo: Path | None) -> bool:
        """Build every screen from ``pack`` and ``settings``, and only then drop the ones
        built before. If building fails, patients keep the screens (and content) they had:
        logged with its traceback, False returned."""
        old = {key: widget for key, widget in self.screens.items() if not is_staff_screen(key)}
        kept = dict(self.__dict__)  # pack, settings, language, attract, home ...
        kept_bars, self.preferences.bars = self.preferences.bars, []
        try:
            self.pack, self.settings, self.logo = pack, settings, logo
            self.language = pack.language(self.session.language or settings.languages.default)
            self.styler.prepare(self.settings, self.session)
            self._build_welcome(self.language)
            if not self._welcome_only:
                self._build(self.language)
        except Exception:  # whatever it is, the screens patients see must stay
            log.exception("could not build the screens; patients keep the ones they had")
            self._drop_screens(self._screens_not_in(old))
            self.screens.update(old)
            self.__dict__.update(kept)
            self.preferences.bars = kept_bars
            self.styler.prepare(self.settings, self.session)
            return False
        self._drop_screens(old)
        self._steps = None  # a build of the screens before, cut short: never to be resumed
        self._build_failed = False  # new content: worth a try after the next paint
        forget_pictures_except({*pack.files, *([logo] if logo else [])})
        keep_pictures(pack.files)  # those no screen built so far has read
        self.read_aloud.default_volume = settings.features.speech_volume
        self.read_aloud.headphones_only = settings.features.speech_output == "headphones"
        self.setWindowTitle(settings.clinic.name)
        self.idle_watcher.set_timeout(timer_ms(settings.idle.timeout_seconds, self.time_scale))
        self._restyle()  # new screens and overlays take the look; only a new look restyles
        return True

    def _screens_not_in(self, old: dict[str, QWidget]) -> dict[str, QWidget]:
        """The patient screens built since ``old`` was taken."""
        return {
            key: widget
            for key, widget in self.screens.items()
            if not is_staff_screen(key) and old.get(key) is not widget
        }

    def _drop_screens(self, screens: dict[str, QWidget]) -> None:
        """Take ``screens`` out of the window (and of ``self.screens``) and delete them."""
        for key, widget in screens.items():
            if self.screens.get(key) is widget:
                del self.screens[key]
            self.stack.removeWidget(widget)
            self.preferences.drop_bars_of(widget)
            release_touch_scrolling(widget)
            widget.deleteLater()

    def _restyle(self) -> None:
        """Apply the theme, text size and touch-target size; cheap when nothing changed."""
        if self.styler.update(self.settings, self.session) and HOME in self.screens:
            self.home.set_text_scale(self.session.text_scale)
        self.preferences.sync()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.mouse_drag.install()
        self.talking_touch.install()  # after the drag: it sees a touch first
        self.follower.shown()

    def cover_screen(self) -> None:
        """Fill the screen (kiosk mode), following it when it turns or changes."""
        self.follower.cover()

    def set_text_scale(self, scale: float) -> None:
        self.preferences.set_text_scale(scale)

    def set_high_contrast(self, on: bool) -> None:
        self.preferences.set_high_contrast(on)

    def set_language(self, code: str) -> None:
        """Show everything in ``code``, keeping the patient's place and answers."""
        if code == self.language.code or code not in self.pack.languages:
            return
        self.build_all_screens()
        self.read_aloud.stop()
        shown, self.session.language = self.session.language, code
        if not self._use(self.pack, self.settings, self.logo):
            self.session.language = shown  # still the screens of the language shown
            return
        self._relabel_overlays()
        self.checklist.show_answers(self.session.ticked)
        self._show(self.session.screen if self.session.screen in self.screens else ATTRACT)

    def open_take_home(self) -> None:
        self.handouts.open()

    def print_current(self) -> None:
        self.handouts.print_current()

    def _relabel_overlays(self) -> None:
        self.overlay.set_strings(self.language.strings)
        self.take_home.set_strings(self.language.strings)

    def offer_content(self, pack: ContentPack, settings: Settings, logo: Path | None) -> None:
        """Use new content now if no patient is mid-session, else at the next reset."""
        self._pending = (pack, settings, logo)
        if self.current_screen() in (ATTRACT, HOME):
            self._apply_pending()

    def _apply_pending(self) -> None:
        if self._pending is None:
            return
        screen = self.current_screen()
        pending, self._pending = self._pending, None
        if not self._use(*pending):
            return  # the content before stays; the error is in the log
        self._relabel_overlays()
        shown = self.screens[screen if screen in self.screens else ATTRACT]
        self.styler.style(shown)
        self.stack.setCurrentWidget(shown)
        self.content_applied.emit()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        QPainter(self).fillRect(event.rect(), self.styler.background)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.first_painted.emit)  # dropped if self is gone
        if self._welcome_only and not self._build_failed:
            self._next_screen.start()  # the rest, a screen per turn of the event loop

    def build_all_screens(self) -> None:
        """Build the screens that ``welcome_first`` left out (nothing if built already).
        If that fails, the welcome screen stays alone (build_failed tells why in the log)."""
        self._build_more(lambda: False)

    def _build_more(self, enough: Callable[[], bool]) -> None:
        """Build the screens still missing, one after another, until ``enough()`` says so
        after one; if some are left then, the next one is built on the next turn of the event
        loop, so a touch never waits for more than one screen."""
        if not self._welcome_only:
            return
        if self._steps is None:  # afresh: none of an earlier, interrupted build stays
            self._drop_screens(self._screens_not_in({ATTRACT: self.attract}))
            self._steps = self._build_steps(self.language)
        try:
            for _ in self._steps:
                if enough():
                    self._next_screen.start()
                    return
        except Exception:  # whatever it is, the welcome screen must stay usable
            log.exception("could not build the screens after the welcome screen")
            self._steps = None
            built = self._screens_not_in({ATTRACT: self.attract})
            if self.stack.currentWidget() in built.values():  # a patient is on one of them
                self.session.reset()
                self._show(ATTRACT)
            self._drop_screens(built)
            self._build_failed = True
            self.build_failed.emit()
            return
        self._steps = None
        self._welcome_only = False
        self._restyle()

    def _build_welcome(self, language: Language) -> None:
        clinic = self.settings.clinic
        facts = [page.key_points[0] for page in language.pages]
        others = [
            self.pack.languages[code].strings.touch_to_start
            for code in self.pack.languages
            if code != language.code
        ]
        self.attract = AttractScreen(
            clinic.name,
            language.strings,
            facts,
            self.logo,
            picture=self.pack.picture,
            invitations=others,
        )
        self.attract.clicked.connect(lambda: self.go(HOME))
        self._add(ATTRACT, self.attract)
        self.preferences.add_bar(self.attract)

    def _build(self, language: Language) -> None:
        for _ in self._build_steps(language):
            pass

    def _build_steps(self, language: Language) -> Iterator[None]:
        """Every screen after the welcome screen, one per step, each wired to the navigation
        and given its access bar as soon as it is made."""
        screens = patient_screens(self.pack, language, self.settings, self.session.text_scale)
        for screen_id, screen in screens:
            self._wire(screen)
            self._add(screen_id, screen)
            self.preferences.add_bar(screen)
            for staff in [key for key in self.screens if is_staff_screen(key)]:
                self.screens[staff] = self.screens.pop(staff)  # keep patient screens first
            yield

    def _wire(self, screen: QWidget) -> None:
        if isinstance(screen, HomeScreen):
            self.home = screen
            screen.screen_chosen.connect(self.go)
        elif isinstance(screen, TopicScreen):
            screen.next_requested.connect(lambda page_id: self.go(topic_screen(page_id)))
            screen.checklist_requested.connect(lambda: self.go(CHECKLIST))
            screen.take_home_requested.connect(self.open_take_home)
        elif isinstance(screen, ChecklistScreen):
            self.checklist = screen
            # partial, not a bound method: PySide keeps a weak reference for every
            # connection to a plain object's method, one more each rebuild.
            screen.answer_changed.connect(partial(Session.set_ticked, self.session))
            screen.finished.connect(lambda: self.go(SUMMARY))
        elif isinstance(screen, SummaryScreen):
            self.summary = screen
            screen.edit_requested.connect(self.back)
            screen.clear_requested.connect(self.clear_answers)
            screen.take_home_requested.connect(self.open_take_home)

    def add_screen(self, screen_id: str, widget: QWidget) -> None:
        """Add a screen that survives content reloads (staff screens)."""
        self._add(screen_id, widget)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Patients cannot close the kiosk; only staff mode's "Exit" sets ``allow_close``."""
        if self.allow_close:
            event.accept()
        else:
            event.ignore()

    def _add(self, screen_id: str, widget: QWidget) -> None:
        self.styler.adopt(widget)
        self.screens[screen_id] = widget
        self.stack.addWidget(widget)
        if isinstance(widget, ReadingScreen):
            widget.back_requested.connect(self.back)
            widget.home_requested.connect(lambda: self.go(HOME))

    def _show(self, screen_id: str, *, from_top: bool = False) -> None:
        if screen_id not in self.screens:  # build as far as this one (the rest comes after)
            self._build_more(lambda: screen_id in self.screens)
        widget = self.screens.get(screen_id)
        if widget is None:  # could not be built (logged): the patient stays where they are
            self.session.screen = self.current_screen() or ATTRACT
            return
        previous = self.stack.currentWidget()
        if previous is not None and previous is not widget:
            stop_flings(previous)
            self.read_aloud.stop()
        reset = getattr(widget, "reset", None)
        if from_top and callable(reset) and widget is not previous:
            reset()
        if screen_id == SUMMARY:
            self.summary.show_answers(self.session.ticked)
        self.styler.style(widget)
        self.stack.setCurrentWidget(widget)
        if previous is not None and previous is not widget:
            self.fade.play()
        if screen_id == ATTRACT or is_staff_screen(screen_id):
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

    def visit(self, screen_id: str) -> None:
        """Show ``screen_id`` (the staff PIN pad) over the patient's session without changing
        it: ``resume`` takes them back to exactly where they were."""
        self.overlay.stop()
        self.take_home.clear()
        self.preferences.close_sheet()
        self._show(screen_id)

    def resume(self) -> None:
        """Back from ``visit`` to the patient's screen, as they left it."""
        self._show(self.session.screen)

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
        self.session_ended.emit(self.idle_watcher.idle_seconds())
        self.build_all_screens()
        self.overlay.stop()
        self.take_home.clear()
        self.preferences.close_sheet()
        self.read_aloud.stop()
        shown_language = self.language.code
        self.session.reset()
        log.debug("session cleared")  # that it happened; never what it held
        if self._pending is not None:
            self._apply_pending()
        elif shown_language != self.settings.languages.default:
            self._use(self.pack, self.settings, self.logo)
            self._relabel_overlays()
        if not self._welcome_only:  # else there is no checklist: it could not be built
            self.checklist.show_answers(self.session.ticked)
        for widget in self.screens.values():
            stop_flings(widget)
            reset = getattr(widget, "reset", None)
            if callable(reset):
                reset()
        self.keypad.reset()
        self.talking_touch.reset()
        self.read_aloud.reset_voice()
        self._restyle()
        self._show(ATTRACT)
        self.session_reset.emit()

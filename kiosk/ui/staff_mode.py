"""Staff mode: hidden gesture -> PIN pad -> staff panel, and back to patient mode on its own.

Lockdown is lifted only between a correct PIN and leaving staff mode.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtWidgets import QApplication

from kiosk.core.session import STAFF_PANEL, STAFF_PIN, is_staff_screen
from kiosk.core.staff import PIN_PAD_SECONDS, PinThrottle, verify_pin
from kiosk.core.stats import UsageStats
from kiosk.core.timing import timer_ms
from kiosk.core.usage_charts import page_titles
from kiosk.core.usage_summary import summarise
from kiosk.runtime.idle import IdleWatcher
from kiosk.runtime.lockdown import KioskGuard, StaffGesture
from kiosk.ui.pin_pad import PinPad
from kiosk.ui.staff_panel import StaffPanel
from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)


class StaffMode(QObject):
    """Owns the PIN pad and staff panel screens. Emits ``exit_requested`` for "Exit the kiosk"."""

    exit_requested = Signal()

    def __init__(
        self,
        window: KioskWindow,
        guard: KioskGuard,
        stats: UsageStats | None,
        data_dir: Path,
    ):
        super().__init__(window)
        self.window, self.guard, self.stats, self.data_dir = window, guard, stats, data_dir
        self.throttle = PinThrottle.restored(data_dir / "pin-throttle.json")
        self.pin_pad = PinPad()
        self.panel = StaffPanel(window.language.strings)
        window.add_screen(STAFF_PIN, self.pin_pad)
        window.add_screen(STAFF_PANEL, self.panel)
        staff = window.settings.staff
        self.gesture = StaffGesture(window, staff.gesture_taps, staff.gesture_seconds, staff.corner)
        self.timeout = IdleWatcher(timer_ms(staff.timeout_seconds, window.time_scale), self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.gesture)
        self.gesture.completed.connect(self.ask_for_pin)
        self.timeout.went_idle.connect(self._timed_out)
        self.pin_pad.pin_entered.connect(self.check_pin)
        self.pin_pad.cancelled.connect(self.window.resume)
        self.panel.leave_requested.connect(self.leave)
        self.panel.reload_requested.connect(self.reload)
        self.panel.preview_requested.connect(self.preview)
        self.panel.export_requested.connect(self.save_usage_report)
        self.panel.exit_requested.connect(self.exit_kiosk)
        window.page_shown.connect(self._screen_shown)
        window.content_applied.connect(self._configure)

    @property
    def active(self) -> bool:
        return self.window.current_screen() == STAFF_PANEL

    def _configure(self) -> None:
        staff = self.window.settings.staff
        self.gesture.configure(staff.gesture_taps, staff.gesture_seconds, staff.corner)

    def _screen_shown(self, screen_id: str) -> None:
        self.guard.locked = screen_id != STAFF_PANEL
        if not is_staff_screen(screen_id):
            self.timeout.disarm()
            return
        # The PIN pad gives up soon (a patient may have opened it by chance), the panel later.
        seconds = self.window.settings.staff.timeout_seconds
        if screen_id == STAFF_PIN:
            seconds = min(seconds, PIN_PAD_SECONDS)
        self.timeout.set_timeout(timer_ms(seconds, self.window.time_scale))
        self.timeout.arm()
        if screen_id == STAFF_PANEL:
            self.refresh()

    def _timed_out(self) -> None:
        if self.window.current_screen() == STAFF_PIN:
            self.window.resume()
        else:
            self.leave()

    def ask_for_pin(self) -> None:
        """The PIN pad over the patient's screen; their session is kept until the right PIN."""
        if is_staff_screen(self.window.current_screen()):
            return
        if not self.window.settings.staff.pin_hash:
            log.info("staff gesture seen, but no staff.pin_hash is set: staff mode is off")
            return
        self.pin_pad.reset()
        self.window.visit(STAFF_PIN)

    def check_pin(self, pin: str) -> None:
        waiting = self.throttle.seconds_to_wait()
        if waiting > 0:
            self.pin_pad.wait(waiting, "Please wait.")
            return
        if verify_pin(pin, self.window.settings.staff.pin_hash):
            self.throttle.succeeded()
            log.info("staff mode entered")
            self.window.reset()  # no patient state or patient text size survives into staff mode
            self.window.go(STAFF_PANEL)
            return
        delay = self.throttle.failed()
        log.warning(
            "wrong staff PIN (%d in a row); next try in %.0f s", self.throttle.failures, delay
        )
        self.pin_pad.wait(delay, "Wrong PIN.")

    def refresh(self) -> None:
        self.panel.show_status(self.window.reloader)
        rows = self.stats.rows() if self.stats else []
        self.panel.show_usage(summarise(rows, date.today()), page_titles(self.window.pack))

    def leave(self) -> None:
        """Back to a fresh patient mode (any patient session is cleared too)."""
        log.info("staff mode left")
        self.window.reset()

    def reload(self) -> None:
        reloader = self.window.reloader
        if reloader is None:
            self.panel.message.setText("This kiosk is not watching its files.")
            return
        reloader.reload_now()
        if reloader.problems:
            self.panel.message.setText("The files have problems; see Content below.")
        else:
            self.panel.message.setText("Reloaded. Patients see it from the next welcome screen.")
        self.refresh()

    def preview(self) -> None:
        """Render every screen from the current content in a hidden copy of the kiosk."""
        from kiosk.ui.preview import screen_images  # noqa: PLC0415 - staff only: not at start

        window = self.window
        copy = KioskWindow(window.pack, window.settings, window.logo)
        try:
            size = QSize(window.width(), window.height())
            images = list(screen_images(copy, size, whole=False))
        finally:
            copy.deleteLater()
        self.panel.show_previews(images)
        self.panel.message.setText(f"{len(images)} screens, as patients see them.")

    def save_usage_report(self) -> None:
        """The counts as CSV and the usage report as HTML, in the data folder."""
        from kiosk.core.usage_report import report  # noqa: PLC0415 - staff only: not at start

        if self.stats is None:
            self.panel.message.setText("Usage counting is off.")
            return
        stem = self.data_dir / f"usage-{date.today().isoformat()}"
        settings = self.window.settings
        summary = summarise(self.stats.rows(), date.today())
        page = report(
            summary,
            clinic=settings.clinic.name,
            primary=settings.theme.primary,
            names=page_titles(self.window.pack),
        )
        try:
            stem.with_suffix(".csv").write_text(self.stats.csv(), encoding="utf-8")
            stem.with_suffix(".html").write_text(page, encoding="utf-8")
        except OSError as error:
            self.panel.message.setText(f"Could not write {error.filename}: {error.strerror}")
            return
        self.panel.message.setText(f"Saved {stem}.html (the report) and {stem}.csv (the counts)")

    def exit_kiosk(self) -> None:
        log.info("kiosk closed from staff mode")
        self.window.allow_close = True
        self.window.close()
        self.exit_requested.emit()

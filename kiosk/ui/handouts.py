"""What a patient can take home from the screen shown: its text as a QR code for their phone,
and a printed handout when the clinic has a printer.

The printer sits behind ``Printer``: ``SystemPrinter`` is the clinic's (Qt print support,
loaded on first use), ``PdfPrinter`` writes each handout to a folder (for tests and trials).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kiosk.core.take_home import Handout, take_home_for
from kiosk.ui.dates import reviewed
from kiosk.ui.take_home import TakeHomeOverlay
from kiosk.ui.topic import TopicScreen

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)


class Printer(Protocol):
    def print(self, handout: Handout) -> str | None:
        """Print ``handout``; None when it went to the printer, else why not (plain words)."""


class SystemPrinter:
    """A printer the system knows by ``name`` (CUPS on Linux)."""

    def __init__(self, name: str):
        self.name = name

    def print(self, handout: Handout) -> str | None:
        from kiosk.ui.handout import print_handout  # noqa: PLC0415 - print support, on demand

        return print_handout(handout, self.name)


class PdfPrinter:
    """Writes each handout to ``folder`` as handout-1.pdf, handout-2.pdf ..."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.printed: list[Path] = []

    def print(self, handout: Handout) -> str | None:
        from kiosk.ui.handout import write_pdf  # noqa: PLC0415 - print support, on demand

        path = self.folder / f"handout-{len(self.printed) + 1}.pdf"
        try:
            self.printed.append(write_pdf(handout, path))
        except OSError as error:
            return str(error)
        return None


class TakeHome:
    """The take-home overlay of ``window`` and the handout of the screen it shows."""

    def __init__(self, window: KioskWindow):
        self.window = window
        self.overlay = TakeHomeOverlay(window.language.strings, window)
        self.overlay.print_requested.connect(self.print_current)
        # The clinic's printer, by the name in its settings; tests put a PdfPrinter here.
        self.printer_for: Callable[[str], Printer] = SystemPrinter

    def handout(self) -> tuple[str, Handout | None]:
        """The QR code's text and the printable handout of the screen shown."""
        window = self.window
        screen = window.stack.currentWidget()
        page = screen.page if isinstance(screen, TopicScreen) else None
        language = window.language
        checked = reviewed(page, language.strings, language.code) if page else ""
        return take_home_for(page, language, window.settings, window.session.ticked, checked)

    def open(self) -> None:
        text, handout = self.handout()
        can_print = handout is not None and bool(self.window.settings.take_home.printer)
        self.overlay.open(text, can_print=can_print)

    def print_current(self) -> None:
        _, handout = self.handout()
        if handout is None:
            return
        problem = self.printer_for(self.window.settings.take_home.printer).print(handout)
        strings = self.window.language.strings
        if problem:
            log.warning("handout not printed: %s", problem)
        self.overlay.tell(strings.printing_failed if problem else strings.printing)

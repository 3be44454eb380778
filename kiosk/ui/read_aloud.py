"""Read the current screen aloud with QTextToSpeech, for patients who cannot read it well.

A public kiosk cannot assume a screen reader (Section 508 "closed functionality"), so it speaks
for itself. The engine is created on first use, not at start-up: creating the Linux speechd
engine blocks for about 1.4 s. Without an audio server speechd "speaks" forever in silence, so
that case counts as unavailable and a stuck engine is stopped by a watchdog.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.runtime.audio_output import headphones_in_use

log = logging.getLogger(__name__)

WORDS_PER_SECOND = 2.0  # slow, clear speech; the watchdog allows three times as long
MIN_WATCHDOG_MS = 20_000
STEP = 0.1  # of volume (0..1) or rate (-1..1) per key press
SLOWEST, FASTEST = -0.5, 0.5  # rates a patient may choose; 0 is the engine's normal pace


def _audio_server_present() -> bool:
    if sys.platform != "linux" or os.environ.get("PULSE_SERVER"):
        return True
    runtime = Path(os.environ.get("XDG_RUNTIME_DIR", f"/run/user/{os.getuid()}"))
    return any((runtime / name).exists() for name in ("pulse/native", "pipewire-0"))


def _engines() -> list[str]:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415 - optional, heavy
    except (ImportError, OSError) as error:
        log.info("read-aloud off: QtTextToSpeech cannot load (%s)", error)
        return []
    return list(QTextToSpeech.availableEngines())


class ReadAloud(QObject):
    """Emits ``speaking_changed(bool)``. ``available`` is false when nothing can speak here."""

    speaking_changed = Signal(bool)
    said = Signal(str)  # each text handed to the engine, as it is handed over

    def __init__(
        self,
        engine: str = "",
        *,
        enabled: bool,
        volume: float = 0.7,
        headphones_only: bool = False,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.engine = ""
        self.available = False
        self.speaking = False
        self.paused = False
        self.default_volume = volume
        self.headphones_only = headphones_only  # never aloud in the waiting room
        self.volume = volume  # 0..1, a patient's choice until the next reset
        self.rate = 0.0  # -1..1
        self.last = ("", "")  # text and language last spoken, for "repeat"
        self._tts: Any = None
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._stuck)
        if enabled:
            self._probe(engine)

    def _probe(self, engine: str) -> None:
        """Find a usable engine (loading QtTextToSpeech only when the clinic wants speech)."""
        engines = _engines()
        chosen = engine or (engines[0] if engines else "")
        if chosen == "speechd" and not _audio_server_present():
            log.info("read-aloud off: no audio server (PulseAudio or PipeWire) for speechd")
            chosen = ""
        self.engine = chosen if chosen in engines else ""
        self.available = bool(self.engine)

    def _speech(self) -> Any:
        if self._tts is None:
            from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415 - created lazily

            self._tts = QTextToSpeech(self.engine, self)
            self._tts.stateChanged.connect(self._state_changed)
            if self._tts.state() == QTextToSpeech.State.Error:
                log.warning(
                    "read-aloud off: engine %r failed: %s", self.engine, self._tts.errorString()
                )
                self.available = False
        return self._tts

    def may_sound(self) -> bool:
        """Whether sound may play now: always, or only on headphones where the clinic says."""
        return not self.headphones_only or headphones_in_use()

    def read(self, text: str, language: str) -> None:
        """Speak ``text`` in ``language`` (e.g. "es"), replacing anything being spoken."""
        if not self.available or not text.strip():
            return
        if not self.may_sound():
            self.stop()
            return
        tts = self._speech()
        if not self.available:
            self.speaking_changed.emit(False)
            return
        locale = QLocale(language)
        if any(voice.language() == locale.language() for voice in tts.availableLocales()):
            tts.setLocale(locale)
        tts.setVolume(self.volume)
        tts.setRate(self.rate)
        self.last, self.paused = (text, language), False
        tts.say(text)
        self.said.emit(text)
        self._set_speaking(True)
        words = len(text.split())
        self._watchdog.start(max(MIN_WATCHDOG_MS, round(3000 * words / WORDS_PER_SECOND)))

    def repeat(self) -> None:
        """Say the last text again, from its start."""
        if self.last[0]:
            self.read(*self.last)

    def pause_or_resume(self) -> None:
        if self._tts is None or not self.available:
            return
        if self.paused:
            self._tts.resume()
        elif self.speaking:
            self._tts.pause()
        else:
            return
        self.paused = not self.paused

    def louder(self, steps: int) -> None:
        """Change the volume by ``steps`` of STEP (negative: quieter), from the next words."""
        self.volume = round(min(1.0, max(STEP, self.volume + steps * STEP)), 2)

    def faster(self, steps: int) -> None:
        self.rate = round(min(FASTEST, max(SLOWEST, self.rate + steps * STEP)), 2)

    def reset_voice(self) -> None:
        """A new patient: the clinic's volume and the normal pace, nothing to repeat."""
        self.stop()
        self.volume, self.rate, self.last = self.default_volume, 0.0, ("", "")

    def stop(self) -> None:
        self.paused = False
        self._watchdog.stop()
        if self._tts is not None:
            self._tts.stop()
        self._set_speaking(False)

    def _state_changed(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech  # noqa: PLC0415 - loaded already

        if state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            self._watchdog.stop()
            self._set_speaking(False)

    def _stuck(self) -> None:
        log.warning("read-aloud stopped: the engine never finished (no audio output?)")
        self.stop()
        self.available = False
        self.speaking_changed.emit(False)

    def _set_speaking(self, speaking: bool) -> None:
        if speaking != self.speaking:
            self.speaking = speaking
            self.speaking_changed.emit(speaking)


def screen_text(screen: QWidget | None) -> str:
    """The words a patient sees on ``screen``, in order, without the control bars."""
    if screen is None:
        return ""
    texts = []
    for label in screen.findChildren(QLabel):
        if not label.text() or not label.isVisibleTo(screen):
            continue
        parent = label.parentWidget()
        while parent is not None and parent is not screen:
            if parent.objectName() in ("AccessBar", "TopBar"):
                break
            parent = parent.parentWidget()
        else:
            texts.append(label.text().strip())
    return "\n".join(texts)

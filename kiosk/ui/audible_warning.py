"""The idle warning heard as well as seen where speech is on (keypad, talking touchscreen or
reading aloud; Section 508 407.5): a soft chime, then the warning and its button said, then
the last seconds counted aloud. Silent where speech is off. Any key or touch keeps the
session, as ever (idle.py).

The chime is played by ``paplay`` on Linux (see Chime) and by Qt Multimedia's QSoundEffect
elsewhere; where there is no audio output it is not heard, never an error.
"""

from __future__ import annotations

import logging
import shutil
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QProcess, QTimer, QUrl, Signal

from kiosk.core.paths import resources_dir

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

CHIME = "sounds/attention.wav"  # made by scripts/make_sounds.py
CHIME_MS = 850  # the chime's length and a breath: the words follow it
COUNT_FROM = 5  # the last seconds said aloud


class Chime(QObject):
    """A short sound. On Linux it is played by ``paplay`` (PulseAudio's, or PipeWire's pulse
    server's, player) in a process of its own: Qt Multimedia's PulseAudio client aborts the
    whole process when its audio server goes away (seen when one was restarted), and a
    kiosk must not fall over for a chime. Elsewhere, Qt Multimedia's QSoundEffect."""

    played = Signal(float)  # asked to play, at this volume
    started = Signal()  # the sound has begun (a moment later: loading, the audio server)

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._effect: Any = None
        self._player = shutil.which("paplay") if sys.platform.startswith("linux") else None
        self._process: QProcess | None = None

    def play(self, volume: float) -> None:
        path = str(resources_dir() / CHIME)
        if sys.platform.startswith("linux"):
            if not self._player:
                log.info("no chime: paplay is not installed (pulseaudio-utils)")
                return
            if self._process is not None:
                self._process.kill()  # the last one, long over
                self._process.deleteLater()
            self._process = QProcess(self)
            self._process.started.connect(self.started)
            self._process.start(self._player, [f"--volume={round(volume * 65536)}", path])
            self.played.emit(volume)
            return
        effect = self._load(path)
        if effect is not None:
            effect.setVolume(volume)
            effect.play()
            self.played.emit(volume)

    def _load(self, path: str) -> Any:
        if self._effect is None:
            try:
                from PySide6.QtMultimedia import QSoundEffect  # noqa: PLC0415 - when first heard
            except (ImportError, OSError) as error:
                log.info("no chime: neither paplay nor Qt Multimedia (%s)", error)
                self._effect = False
                return None
            self._effect = QSoundEffect(self)
            self._effect.setSource(QUrl.fromLocalFile(path))
            self._effect.playingChanged.connect(self._playing)
        return self._effect or None

    def _playing(self) -> None:
        if self._effect and self._effect.isPlaying():
            self.started.emit()


class AudibleWarning(QObject):
    """Follows ``window``'s idle warning; speaks through its keypad's voice."""

    def __init__(self, window: KioskWindow):
        super().__init__(window)
        self.window = window
        self.chime = Chime(self)
        self._heard = False  # this warning is being heard: count its last seconds
        self._warned = False  # its words are said: numbers may follow them, never come first
        self._shown = 0  # the count when it showed, said in its words already
        self._words = QTimer(self)
        self._words.setSingleShot(True)
        self._words.timeout.connect(self._say)
        window.idle_watcher.went_idle.connect(self._begin)
        window.idle_watcher.activity_resumed.connect(self._end)
        window.overlay.counted.connect(self._count)
        self.chime.started.connect(self._after_chime)

    def _speech_on(self) -> bool:
        window = self.window
        return window.keypad.active or window.talking_touch.active or window.read_aloud.speaking

    def _begin(self) -> None:
        self._heard, self._shown = self._speech_on(), self.window.overlay.seconds_left()
        self._warned = False
        voice = self.window.read_aloud
        if self._heard and voice.may_sound():
            voice.stop()
            self._words.start(CHIME_MS)  # then again once the chime begins, if it can
            self.chime.play(voice.volume)

    def _after_chime(self) -> None:
        """The words follow the chime's own start (loading it may take a moment)."""
        if self._words.isActive():
            self._words.start(CHIME_MS)

    def _end(self) -> None:
        self._heard = False
        self._words.stop()

    def _say(self) -> None:
        warning, keypad = self.window.overlay, self.window.keypad
        if warning.isVisible():
            keypad.focus(warning.button)
            keypad.speak(
                f"{warning.title.text()} {warning.message.text()} {keypad.words(warning.button)}"
            )
            self._warned = True

    def _count(self, seconds: int) -> None:
        if self._heard and self._warned and 0 < seconds < self._shown and seconds <= COUNT_FROM:
            self.window.keypad.speak(str(seconds))

"""The kiosk heard, not only its words counted: ``kiosk run`` in a real X window with Linux's
real speech engine (speech-dispatcher and espeak-ng, through QTextToSpeech) speaking into the
null sink of a private PulseAudio server, whose monitor is recorded while a key is pressed.

A key starts keypad mode, which says how the keys work and the home screen's title: the
recording must hold speech about as long as those words take, and nothing when the clinic has
speech off.
"""

from __future__ import annotations

import array
import contextlib
import itertools
import math
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.core.content.model import Strings
from kiosk.core.paths import resources_dir
from kiosk.core.sources import load_all
from tests.conftest import REPO
from tests.e2e.x_session import focus_kiosk, kiosk_run, xdotool, xvfb

SIZE = (1280, 800)
CLINIC = "Speaking Clinic"  # the window's title
RATE = 16_000  # recorded samples a second, one channel
WINDOW = RATE // 20  # loudness is judged 50 ms at a time
LOUD = 300  # RMS of 16-bit samples: well above a null sink's silence (0)
QUIET_AFTER_S = 1.5  # speech has ended when this long follows its last loud window


@pytest.fixture
def null_sink(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A private PulseAudio server with one null sink; the variables that reach it."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    socket_path = runtime / "pulse.sock"
    reach = {"XDG_RUNTIME_DIR": str(runtime), "HOME": str(tmp_path)}
    env = {**os.environ, **reach}
    server = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
         "-L", "module-null-sink sink_name=kiosk_null",
         "-L", f"module-native-protocol-unix socket={socket_path} auth-anonymous=1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    reach["PULSE_SERVER"] = env["PULSE_SERVER"] = f"unix:{socket_path}"
    try:
        ready = subprocess.run(["pactl", "info"], env=env, capture_output=True, check=False)
        for _ in range(100):  # the server takes a moment to open its socket
            if ready.returncode == 0:
                break
            ready = subprocess.run(["pactl", "info"], env=env, capture_output=True, check=False)
        assert ready.returncode == 0, "PulseAudio did not start"
        yield reach
    finally:
        _stop_speech_dispatcher(runtime)
        server.terminate()
        server.wait(30)


def _stop_speech_dispatcher(runtime: Path) -> None:
    """The speech-dispatcher the kiosk started (libspeechd spawns it per user runtime)."""
    for pid_file in runtime.glob("speech-dispatcher/pid/*.pid"):
        with contextlib.suppress(ValueError, ProcessLookupError):
            os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)


class Recording:
    """What the null sink plays, recorded from its monitor into a file as it comes."""

    def __init__(self, env: dict[str, str], path: Path, device: str = "kiosk_null.monitor"):
        self.path = path
        self._file = path.open("wb")
        self._process = subprocess.Popen(
            ["parec", f"--device={device}", "--format=s16le", f"--rate={RATE}",
             "--channels=1", "--latency-msec=50"],
            env={**os.environ, **env}, stdout=self._file, stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def loud_windows(self) -> list[int]:
        """The 50 ms windows recorded so far whose loudness is speech, not silence."""
        samples = _whole_samples(self.path)
        found = []
        for index in range(len(samples) // WINDOW):
            window = samples[index * WINDOW : (index + 1) * WINDOW]
            if math.sqrt(sum(value * value for value in window) / WINDOW) > LOUD:
                found.append(index)
        return found

    def seconds(self) -> float:
        return self.path.stat().st_size / 2 / RATE

    def loud_since(self, second: float) -> float:
        """Seconds of sound recorded after ``second``."""
        return sum(1 for index in self.loud_windows() if index / 20 >= second) / 20

    def first_loud_since(self, second: float) -> float:
        return next(index / 20 for index in self.loud_windows() if index / 20 >= second)

    def quiet_for(self, seconds: float) -> bool:
        """Nothing loud in the last ``seconds`` recorded."""
        loud = self.loud_windows()
        return self.seconds() >= seconds and (
            not loud or (loud[-1] + 1) / 20 <= self.seconds() - seconds
        )

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(10)
        self._file.close()


def _whole_samples(path: Path) -> array.array[int]:
    data = path.read_bytes()
    return array.array("h", data[: len(data) // 2 * 2])


def settings(folder: Path, speech: bool, output: str = "speaker") -> Path:
    path = folder / "settings.yaml"
    path.write_text(
        f"clinic:\n  name: {CLINIC}\n  contact: Ask at the desk.\n"
        f"features:\n  read_aloud: {str(speech).lower()}\n  speech_engine: speechd\n"
        f"  speech_output: {output}\n",
        encoding="utf-8",
    )
    return path


def home_counted(folder: Path) -> bool:
    """The kiosk counted a visit to home: the key reached it (``kiosk stats``, as staff see)."""
    env = {**os.environ, "KIOSK_DATA_DIR": str(folder / "data")}
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "stats", "--csv"],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return ",page_view,home," in done.stdout


def english() -> Strings:
    return load_all(resources_dir() / "settings.yaml").pack.language("en").strings


@contextlib.contextmanager
def a_key_pressed(tmp_path: Path, sink: dict[str, str], speech: bool) -> Iterator[Recording]:
    """``kiosk run`` in a real X window, its sink recorded from just before a key is pressed
    on the welcome screen; the recording ends with the block."""
    with (
        xvfb(SIZE) as display,
        kiosk_run(display, tmp_path, "--config", str(settings(tmp_path, speech)), env=sink),
    ):
        recording = Recording(sink, tmp_path / "heard.raw")
        try:
            focus_kiosk(display, CLINIC)
            xdotool(display, "key", "Down")
            yield recording
        finally:
            recording.stop()


def test_a_key_is_heard_in_real_speech_about_as_long_as_its_words(
    qtbot: QtBot, tmp_path: Path, null_sink: dict[str, str]
) -> None:
    strings = english()
    words = len(f"{strings.keypad_start} {strings.home_title}".split())
    with a_key_pressed(tmp_path, null_sink, speech=True) as recording:

        def spoken_and_done() -> bool:
            loud = recording.loud_windows()
            return bool(loud) and recording.seconds() - (loud[-1] + 1) / 20 > QUIET_AFTER_S

        qtbot.waitUntil(spoken_and_done, timeout=60_000)
        assert home_counted(tmp_path)
    loud = recording.loud_windows()
    speaking = len(loud) / 20  # seconds of sound, pauses between words left out
    span = (loud[-1] - loud[0] + 1) / 20
    print(f"{words} words: {speaking:.1f} s of sound over {span:.1f} s")
    # espeak-ng at its normal pace: about 3 words a second of sound (measured 3.9 here).
    assert words / 6 <= speaking <= words / 1.5, f"{speaking:.1f} s of speech for {words} words"
    assert span <= words / 1.2, f"the speech lasted {span:.1f} s"


def test_nothing_is_heard_when_speech_is_off(
    qtbot: QtBot, tmp_path: Path, null_sink: dict[str, str]
) -> None:
    with a_key_pressed(tmp_path, null_sink, speech=False) as recording:
        qtbot.waitUntil(lambda: home_counted(tmp_path), timeout=30_000)  # the key arrived
        heard_from = recording.seconds()
        qtbot.waitUntil(lambda: recording.seconds() >= heard_from + 4, timeout=30_000)
    assert recording.seconds() >= 4 and recording.loud_windows() == []


def test_headphones_only_is_silent_on_a_speaker_and_heard_once_headphones_are_in(
    qtbot: QtBot, tmp_path: Path, null_sink: dict[str, str]
) -> None:
    """features.speech_output: headphones. On the server's plain output nothing is heard;
    headphones plugged in (a headphone output becoming the default, as PulseAudio does when a
    headset is plugged in) and the next key is heard there, with no restart."""
    config = settings(tmp_path, speech=True, output="headphones")
    with (
        xvfb(SIZE) as display,
        kiosk_run(display, tmp_path, "--config", str(config), env=null_sink),
    ):
        speaker = Recording(null_sink, tmp_path / "speaker.raw")
        phones: Recording | None = None
        try:
            focus_kiosk(display, CLINIC)
            xdotool(display, "key", "Down")  # keypad mode: its start would be said
            qtbot.waitUntil(lambda: home_counted(tmp_path), timeout=30_000)
            heard_from = speaker.seconds()
            qtbot.waitUntil(lambda: speaker.seconds() >= heard_from + 4, timeout=30_000)
            assert speaker.loud_windows() == [], "heard on a speaker"
            pactl(null_sink, "load-module", "module-null-sink", "sink_name=kiosk_phones",
                  "sink_properties=device.form_factor=headphone")  # fmt: skip
            pactl(null_sink, "set-default-sink", "kiosk_phones")
            phones = Recording(null_sink, tmp_path / "phones.raw", "kiosk_phones.monitor")
            xdotool(display, "key", "Down")  # the next item
            qtbot.waitUntil(lambda: phones.loud_since(0) >= 0.5, timeout=30_000)
        finally:
            speaker.stop()
            if phones is not None:
                phones.stop()


def pactl(env: dict[str, str], *arguments: str) -> None:
    subprocess.run(["pactl", *arguments], env={**os.environ, **env}, check=True,
                   capture_output=True)  # fmt: skip


def test_a_keypad_journey_is_heard_at_every_step_and_then_the_idle_warning(
    qtbot: QtBot, tmp_path: Path, null_sink: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole keypad journey (test_keypad.journey) with the real engine: each choice's
    words (a new screen's title, a row's new state, the overlay's start) are heard. Then,
    left alone, the idle warning sounds: the chime (played by paplay, not the
    speech engine) and then the warning's words."""
    from tests.conftest import open_kiosk, short_idle_settings  # noqa: PLC0415
    from tests.e2e.test_keypad import journey, key  # noqa: PLC0415

    for name, value in null_sink.items():  # where libspeechd starts speech-dispatcher
        monkeypatch.setenv(name, value)
    quick = short_idle_settings(tmp_path, timeout=6, warning=8)  # far more than between keys
    with quick.path.open("a", encoding="utf-8") as file:
        file.write("features:\n  read_aloud: true\n  speech_engine: speechd\n")
    kiosk = open_kiosk(qtbot, config_path=quick)
    assert kiosk.read_aloud.available and kiosk.read_aloud.engine == "speechd"
    said: list[str] = []
    kiosk.read_aloud.said.connect(said.append)
    recording = Recording(null_sink, tmp_path / "journey.raw")
    delays: list[float] = []

    def choose_and_hear() -> None:
        kiosk.read_aloud.stop()  # the item being said ends: the choice is heard alone
        qtbot.waitUntil(lambda: recording.quiet_for(0.3), timeout=10_000)
        mark = recording.seconds()
        key(kiosk, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: recording.loud_since(mark) >= 0.5, timeout=15_000)
        delays.append(recording.first_loud_since(mark) - mark)

    try:
        journey(kiosk, said, choose_and_hear)
        with qtbot.waitSignal(kiosk.audible_warning.chime.played, timeout=20_000):
            pass
        chimed_at = recording.seconds()
        qtbot.waitUntil(lambda: recording.loud_since(chimed_at) >= 3.0, timeout=15_000)
    finally:
        recording.stop()
    delays.sort()
    print(f"{len(delays)} choices heard; the words began after {delays[len(delays) // 2]:.2f} s"
          f" (median), {delays[-1]:.2f} s at most")  # fmt: skip
    assert len(delays) >= len(kiosk.pack.language("en").pages) + 5
    loud = [index / 20 for index in recording.loud_windows() if index / 20 >= chimed_at - 0.2]
    gaps = [later - earlier for earlier, later in itertools.pairwise(loud)]
    chime = loud[: next((i + 1 for i, gap in enumerate(gaps) if gap > 0.1), len(loud))]
    length = chime[-1] - chime[0] + 0.05
    print(f"idle warning: a chime of {length:.2f} s, then {len(loud) / 20 - length:.1f} s of words")
    assert 0.3 <= length <= 1.0, f"the chime lasted {length:.2f} s"
    assert len(loud) / 20 - length >= 2.0, "the warning's words follow the chime"

"""The chime before the spoken idle warning is the one scripts/make_sounds.py makes: short,
gentle (well below full scale) and without a click at either end."""

from __future__ import annotations

import importlib.util
import struct
import wave

from kiosk.core.paths import resources_dir
from kiosk.ui.audible_warning import CHIME, CHIME_MS
from tests.conftest import REPO


def test_the_chime_is_what_the_script_makes_and_gentle() -> None:
    path = REPO / "scripts" / "make_sounds.py"
    spec = importlib.util.spec_from_file_location("make_sounds", path)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    with wave.open(str(resources_dir() / CHIME), "rb") as sound:
        assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)
        rate, frames = sound.getframerate(), sound.readframes(sound.getnframes())
    samples = list(struct.unpack(f"<{len(frames) // 2}h", frames))
    assert samples == script.samples(), "run scripts/make_sounds.py"
    assert len(samples) / rate * 1000 < CHIME_MS, "the words wait for the chime's end"
    assert max(map(abs, samples)) <= 0.35 * 32767, "gentle, not startling"
    assert abs(samples[0]) < 500 and abs(samples[-1]) < 500, "no click at its ends"

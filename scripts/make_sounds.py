"""Write the kiosk's one sound, resources/sounds/attention.wav: a soft two-note chime (C5 then
E5, each fading away) heard before the spoken idle warning. Made here, not downloaded, so its
licence is the project's; the same bytes every run (tests/unit/test_sounds.py checks).

    .venv/bin/python scripts/make_sounds.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050  # samples a second, one channel, 16 bits
NOTES = ((523.25, 0.0, 0.55), (659.25, 0.22, 0.6))  # frequency (Hz), start and length (s)
PEAK = 0.3  # of full scale: gentle, and the patient's volume applies on top
ATTACK_S = 0.012  # a soft start, no click
DECAY = 6.0  # per second: each note fades as a struck bell does
TARGET = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "attention.wav"


def samples() -> list[int]:
    length = max(start + seconds for _, start, seconds in NOTES)
    out = []
    for index in range(round(length * RATE)):
        t = index / RATE
        value = 0.0
        for frequency, start, seconds in NOTES:
            local = t - start
            if 0 <= local < seconds:
                envelope = min(1.0, local / ATTACK_S) * math.exp(-DECAY * local)
                envelope *= min(1.0, (seconds - local) / ATTACK_S)  # and a soft end
                tone = math.sin(2 * math.pi * frequency * local)
                tone += 0.2 * math.sin(4 * math.pi * frequency * local)  # a little warmth
                value += envelope * tone / 1.2
        out.append(round(max(-1.0, min(1.0, value * PEAK)) * 32767))
    return out


def write(path: Path = TARGET) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(RATE)
        sound.writeframes(b"".join(struct.pack("<h", value) for value in samples()))


if __name__ == "__main__":
    write()
    print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes)")

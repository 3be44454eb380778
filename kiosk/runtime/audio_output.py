"""Where the kiosk's sound would go: are headphones what the audio server plays on now?

For clinics that want speech private (features.speech_output: headphones). Asked of the
PulseAudio server (or PipeWire's, which speaks its protocol) with ``pactl``, each time before
the kiosk speaks (about 5 ms), so plugging headphones in or out counts at once. Headphones
are the default output's active port when it is of the headphone kind (the jack), or the
default output itself when it is a headphone or headset (USB, Bluetooth). When the server
cannot be asked, the answer is no: never risk the loudspeaker.
"""

from __future__ import annotations

import json
import logging
import subprocess
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

HEADPHONE_KINDS = ("headphone", "headset")
Run = Callable[[list[str]], str]


def _pactl(arguments: list[str]) -> str:
    done = subprocess.run(
        ["pactl", "--format=json", *arguments],
        capture_output=True,
        text=True,
        timeout=2,
        check=True,
    )
    return done.stdout


def headphones_in_use(run: Run = _pactl) -> bool:
    try:
        info = json.loads(run(["info"]))
        sinks = json.loads(run(["list", "sinks"]))
    except (OSError, subprocess.SubprocessError, ValueError) as error:
        log.info("speech kept off the loudspeaker: cannot ask the audio server (%s)", error)
        return False
    if not isinstance(info, dict) or not isinstance(sinks, list):
        return False
    default = info.get("default_sink_name")
    sink = next((s for s in sinks if isinstance(s, dict) and s.get("name") == default), None)
    return sink is not None and is_headphones(sink)


def is_headphones(sink: dict[str, Any]) -> bool:
    """``sink`` (one of ``pactl --format=json list sinks``) plays on headphones now."""
    properties = sink.get("properties")
    if isinstance(properties, dict) and properties.get("device.form_factor") in HEADPHONE_KINDS:
        return True
    active = sink.get("active_port")
    ports = sink.get("ports")
    for port in ports if isinstance(ports, list) else []:
        if isinstance(port, dict) and port.get("name") == active:
            kind = f"{port.get('type', '')} {port.get('name', '')}".lower()
            return any(word in kind for word in HEADPHONE_KINDS)
    return False

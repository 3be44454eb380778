"""Headphones or not, as the audio server reports them (``pactl --format=json``, as PulseAudio
16 and PipeWire's pulse server print it): a jack's headphone port, a USB or Bluetooth headset,
and every way the answer is "no" (speakers, a virtual sink, no server, nonsense)."""

from __future__ import annotations

import json
import subprocess

import pytest

from kiosk.runtime.audio_output import headphones_in_use


def jack(active: str) -> dict[str, object]:
    return {
        "name": "alsa_output.pci-0000_00_1f.3.analog-stereo",
        "properties": {"device.form_factor": "internal"},
        "ports": [
            {"name": "analog-output-speaker", "type": "Speaker", "availability": "available"},
            {"name": "analog-output-headphones", "type": "Headphones", "availability": "available"},
        ],
        "active_port": active,
    }


USB_HEADSET = {
    "name": "alsa_output.usb-Logitech_H390-00.analog-stereo",
    "properties": {"device.form_factor": "headset", "device.bus": "usb"},
    "ports": [{"name": "analog-output", "type": "Analog"}],
    "active_port": "analog-output",
}
NULL = {"name": "auto_null", "properties": {"device.class": "abstract"}, "ports": []}
OLD_PORT = {  # a server too old to give port types: the port's name tells
    "name": "hdmi_or_jack",
    "properties": {},
    "ports": [{"name": "analog-output-headphones"}],
    "active_port": "analog-output-headphones",
}


def server(default: str, *sinks: dict[str, object]) -> object:
    def run(arguments: list[str]) -> str:
        if arguments == ["info"]:
            return json.dumps({"default_sink_name": default})
        assert arguments == ["list", "sinks"]
        return json.dumps(list(sinks))

    return run


@pytest.mark.parametrize(
    ("default", "sinks", "expected"),
    [
        (jack("")["name"], [jack("analog-output-headphones")], True),
        (jack("")["name"], [jack("analog-output-speaker")], False),
        (USB_HEADSET["name"], [jack("analog-output-speaker"), USB_HEADSET], True),
        (jack("")["name"], [jack("analog-output-speaker"), USB_HEADSET], False),
        ("auto_null", [NULL], False),
        ("hdmi_or_jack", [OLD_PORT], True),
        ("gone", [jack("analog-output-headphones")], False),  # the default sink vanished
    ],
    ids=["jack-headphones", "jack-speaker", "usb-headset", "headset-not-default", "null",
         "port-name", "no-default"],
)  # fmt: skip
def test_headphones_are_what_the_default_output_plays_on(
    default: str, sinks: list[dict[str, object]], expected: bool
) -> None:
    assert headphones_in_use(server(default, *sinks)) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "failure",
    [
        FileNotFoundError(2, "No such file or directory: 'pactl'"),
        subprocess.CalledProcessError(1, ["pactl"], "", "Connection failure: Connection refused"),
        subprocess.TimeoutExpired(["pactl"], 2),
    ],
    ids=["no-pactl", "no-server", "hung-server"],
)
def test_when_the_server_cannot_be_asked_the_answer_is_no(failure: Exception) -> None:
    def run(arguments: list[str]) -> str:
        raise failure

    assert headphones_in_use(run) is False


@pytest.mark.parametrize("reply", ["", "not json", "[1, 2]", '{"default_sink_name": 3}'])
def test_nonsense_from_the_server_is_a_no(reply: str) -> None:
    assert headphones_in_use(lambda arguments: reply) is False


def test_the_real_pactl_without_a_server_is_a_no(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PULSE_SERVER", "unix:/nonexistent/pulse/native")  # and no autospawn
    assert headphones_in_use() is False


def test_odd_shapes_of_a_sink_are_a_no() -> None:
    odd = {"name": "odd", "properties": "internal", "ports": ["x", 3], "active_port": "x"}
    assert headphones_in_use(server("odd", odd)) is False  # type: ignore[arg-type]

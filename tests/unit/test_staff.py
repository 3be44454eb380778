from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.core.staff import PinThrottle, check_pin_format, hash_pin, is_pin_hash, verify_pin


def test_hash_is_salted_and_verifies() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second and is_pin_hash(first)
    assert verify_pin("2468", first) and verify_pin("2468", second)
    assert not verify_pin("2469", first)
    assert "2468" not in first


@pytest.mark.parametrize("stored", ["", "plain", "scrypt$x$8$1$AA==$AA==", "md5$1$2$3$4$5"])
def test_malformed_hashes_never_verify(stored: str) -> None:
    assert not verify_pin("2468", stored)


@pytest.mark.parametrize("pin", ["123", "12345678901234", "12a4", ""])
def test_pin_format(pin: str) -> None:
    assert check_pin_format(pin) == "a PIN is 4 to 12 digits"
    with pytest.raises(ValueError, match="4 to 12 digits"):
        hash_pin(pin)


def test_throttle_doubles_each_wrong_pin_up_to_five_minutes() -> None:
    now = [0.0]
    throttle = PinThrottle(clock=lambda: now[0])
    delays = [throttle.failed() for _ in range(12)]
    assert delays[:5] == [1, 2, 4, 8, 16]
    assert delays[-1] == 300
    assert throttle.seconds_to_wait() == 300
    now[0] += 299
    assert throttle.seconds_to_wait() == pytest.approx(1)
    throttle.succeeded()
    assert throttle.seconds_to_wait() == 0 and throttle.failures == 0


def test_the_wrong_pin_count_and_wait_survive_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "pin-throttle.json"
    wall, mono = [1_000_000.0], [50.0]
    options = {"clock": lambda: mono[0], "wall_clock": lambda: wall[0]}
    first = PinThrottle.restored(state, **options)
    assert (first.failures, first.seconds_to_wait()) == (0, 0)
    for _ in range(4):
        first.failed()  # waits 1, 2, 4, then 8 s
    assert json.loads(state.read_text(encoding="utf-8")) == {
        "failures": 4,
        "wait_until": 1_000_008.0,
    }, "two numbers: no PIN, nothing a patient did"
    # The power goes; the machine is back 3 s later with its monotonic clock restarted.
    wall[0] += 3
    mono[0] = 0.0
    second = PinThrottle.restored(state, **options)
    assert second.failures == 4
    assert second.seconds_to_wait() == pytest.approx(5)
    assert second.failed() == 16, "the count goes on"
    second.succeeded()
    assert PinThrottle.restored(state, **options).failures == 0


@pytest.mark.parametrize(
    "saved", ["", "{", '{"failures": "x"}', '{"failures": 3, "wait_until": 1e300}', "[]"]
)
def test_a_damaged_or_far_future_throttle_file_never_locks_staff_out_for_long(
    tmp_path: Path, saved: str
) -> None:
    state = tmp_path / "pin-throttle.json"
    state.write_text(saved, encoding="utf-8")
    throttle = PinThrottle.restored(state)
    assert throttle.seconds_to_wait() <= throttle.max_delay

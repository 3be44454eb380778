from __future__ import annotations

import pytest

from kiosk.staff import PinThrottle, check_pin_format, hash_pin, is_pin_hash, verify_pin


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

"""Staff PIN: salted scrypt hashes and a throttle that slows down guessing. Qt-free.

The PIN itself is never stored; settings hold ``scrypt$n$r$p$salt$hash`` made by
``kiosk hash-pin``. A forgotten PIN is replaced by editing the settings file on the kiosk.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

N, R, P = 2**14, 8, 1
MIN_DIGITS, MAX_DIGITS = 4, 12
PIN_PAD_SECONDS = 30  # an untouched PIN pad goes back to the patient's screen after this


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def check_pin_format(pin: str) -> str | None:
    """Why ``pin`` is not acceptable, or None when it is."""
    if not pin.isdigit() or not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return f"a PIN is {MIN_DIGITS} to {MAX_DIGITS} digits"
    return None


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    if problem := check_pin_format(pin):
        raise ValueError(problem)
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches ``stored``; False for any malformed hash."""
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(
            pin.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(base64.b64decode(expected)),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, base64.b64decode(expected))


def is_pin_hash(text: str) -> bool:
    parts = text.split("$")
    return len(parts) == 6 and parts[0] == "scrypt" and all(parts[1:4]) and parts[1].isdigit()


@dataclass
class PinThrottle:
    """After each wrong PIN, the next try waits longer: 1, 2, 4, ... seconds, at most 5 min.

    With a ``state_file`` the count and the wait survive a restart (a power cut is no way
    round it): two numbers, never a PIN or anything a patient did.
    """

    clock: Callable[[], float] = time.monotonic
    base: float = 1.0
    failures: int = 0
    locked_until: float = 0.0
    max_delay: float = 300.0
    history: list[float] = field(default_factory=list)
    state_file: Path | None = None
    wall_clock: Callable[[], float] = time.time

    @classmethod
    def restored(cls, state_file: Path, **options: Any) -> PinThrottle:
        """A throttle that carries on from ``state_file`` (a fresh one if it is unreadable)."""
        throttle = cls(state_file=state_file, **options)
        try:
            saved = json.loads(state_file.read_text(encoding="utf-8"))
            failures, wait_until = int(saved["failures"]), float(saved["wait_until"])
        except (OSError, ValueError, KeyError, TypeError):
            return throttle
        # Wall-clock time, as the monotonic clock restarts with the machine; never longer
        # than the longest wait, whatever the clock did meanwhile.
        left = min(throttle.max_delay, max(0.0, wait_until - throttle.wall_clock()))
        throttle.failures = max(0, failures)
        throttle.locked_until = throttle.clock() + left if left else 0.0
        return throttle

    def seconds_to_wait(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    def failed(self) -> float:
        """Record a wrong PIN; return the delay before the next try is accepted."""
        self.failures += 1
        delay = min(self.max_delay, self.base * 2.0 ** (self.failures - 1))
        self.locked_until = self.clock() + delay
        self.history.append(delay)
        self._save()
        return delay

    def succeeded(self) -> None:
        self.failures = 0
        self.locked_until = 0.0
        self._save()

    def _save(self) -> None:
        if self.state_file is None:
            return
        state = {
            "failures": self.failures,
            "wait_until": self.wall_clock() + self.seconds_to_wait(),
        }
        partial = self.state_file.with_name(self.state_file.name + ".new")
        try:
            partial.write_text(json.dumps(state), encoding="utf-8")
            os.replace(partial, self.state_file)
        except OSError as error:
            log.warning("cannot keep the wrong-PIN count in %s: %s", self.state_file, error)

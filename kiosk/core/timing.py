"""The settings' seconds as Qt timer milliseconds. Qt-free.

``KIOSK_TIME_SCALE`` (a number in (0, 1], default 1) runs every timer the settings set --
the idle timeout, its warning, staff mode's timeout -- that many times faster, so tests and
demonstrations can use real settings (bounded at 20 s and more) without waiting for them.
It can only make the kiosk clear itself sooner, never later.
"""

from __future__ import annotations

import logging
import math
import os

log = logging.getLogger(__name__)


def time_scale_from_env() -> float:
    """``$KIOSK_TIME_SCALE`` if it is a number in (0, 1]; else 1."""
    text = os.environ.get("KIOSK_TIME_SCALE", "")
    if not text:
        return 1.0
    try:
        scale = float(text)
    except ValueError:
        scale = math.nan
    if not 0 < scale <= 1:
        log.warning("KIOSK_TIME_SCALE=%r is not a number in (0, 1]; using 1", text)
        return 1.0
    log.info("KIOSK_TIME_SCALE=%s: the idle and staff timers run %g times faster", text, 1 / scale)
    return scale


def timer_ms(seconds: float, scale: float = 1.0) -> int:
    """Milliseconds for a Qt timer: at least 1."""
    return max(1, round(seconds * scale * 1000))

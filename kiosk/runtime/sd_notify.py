"""systemd's notify protocol (sd_notify): one datagram to the socket in ``$NOTIFY_SOCKET``.

Outside systemd (no ``$NOTIFY_SOCKET``) nothing is sent. Qt-free: used by the kiosk's
heartbeat (kiosk/runtime/service.py) and by ``kiosk supervise`` (kiosk/runtime/supervise.py).
"""

from __future__ import annotations

import logging
import os
import socket

log = logging.getLogger(__name__)


def socket_address(address: str) -> str:
    """The address to connect to: a leading "@" names an abstract socket."""
    return "\0" + address[1:] if address.startswith("@") else address


def notify(message: str, address: str | None = None) -> bool:
    """Send ``message`` (e.g. "READY=1") to systemd; False when not run by systemd."""
    address = os.environ.get("NOTIFY_SOCKET", "") if address is None else address
    if not address:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(socket_address(address))
            sock.sendall(message.encode())
    except OSError as error:
        log.warning("cannot tell systemd %r: %s", message, error)
        return False
    return True


def watchdog_seconds() -> float | None:
    """The watchdog period systemd set, if any. WATCHDOG_PID is not checked: the kiosk is
    a grandchild of the unit's main process, which relays its pings (kiosk/runtime/supervise.py)."""
    usec = os.environ.get("WATCHDOG_USEC", "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    return int(usec) / 1_000_000

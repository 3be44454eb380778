"""``kiosk supervise -- cage -d -- gut-health-kiosk``: the unit's main process.

cage needs a logind session for the screen, so the unit has ``PAMName=``; logind then moves
the session's processes out of the unit's control group, and systemd ignores READY=1 and
WATCHDOG=1 from anything but the main process (systemd issue #6045: expected behaviour).
So this small process stays the unit's main process: it starts the command in a process
group of its own, gives it a private notify socket (and the unit's runtime folder as
XDG_RUNTIME_DIR, for cage's Wayland socket; the session's audio server as PULSE_SERVER, for
speech), passes the kiosk's READY, WATCHDOG, STOPPING and STATUS on to systemd as its own,
and takes the whole group down when systemd stops it, when the watchdog fires (SIGABRT), or
when the command ends, so no frozen kiosk is left behind. Qt-free, and small: it runs all day.
"""

from __future__ import annotations

import contextlib
import logging
import os
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from kiosk.runtime.sd_notify import notify

log = logging.getLogger(__name__)

# What the kiosk may tell systemd through us (not MAINPID=, FDSTORE= and the like).
PASSED_ON = ("READY=1", "WATCHDOG=1", "STOPPING=1", "STATUS=")
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGABRT)


def passed_on(message: str) -> str:
    """The lines of a notify message that go on to systemd."""
    return "\n".join(line for line in message.splitlines() if line.startswith(PASSED_ON))


def group_members(group: int) -> list[int]:
    """The live processes in process group ``group`` (Linux: from /proc)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != "Z" and int(fields[2]) == group:
            members.append(int(stat.parent.name))
    return members


def _kill(pids: Sequence[int], signum: int) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signum)


def _exit_status(returncode: int) -> int:
    return 128 - returncode if returncode < 0 else returncode


def session_runtime_folder() -> str | None:
    """Where cage makes its Wayland socket and we our notify socket: the unit's own
    RuntimeDirectory= ($RUNTIME_DIRECTORY), writable in its sandbox, rather than the login
    session's /run/user/UID (a mount of its own that the sandbox leaves read-only, and
    ProtectHome= hides); outside systemd, $XDG_RUNTIME_DIR."""
    for name in ("RUNTIME_DIRECTORY", "XDG_RUNTIME_DIR"):
        if folder := os.environ.get(name, "").split(":")[0]:
            return folder
    return None


def system_environment(env: dict[str, str]) -> dict[str, str]:
    """``env`` for a system program such as cage: a PyInstaller bundle points
    LD_LIBRARY_PATH at its own libraries (an older glib than Debian 13's cage needs) and
    keeps the original in LD_LIBRARY_PATH_ORIG. Its _PYI_ variables go too: a bundle started
    further down (the kiosk, under cage) that finds them takes itself for this process's own
    child and skips setting up its libraries (then cannot load libsqlite3 where the system
    has none)."""
    env = {name: value for name, value in env.items() if not name.startswith("_PYI_")}
    env["PYINSTALLER_RESET_ENVIRONMENT"] = "1"  # PyInstaller >= 6.9: start afresh
    original = env.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        env["LD_LIBRARY_PATH"] = original
    elif getattr(sys, "frozen", False):
        env.pop("LD_LIBRARY_PATH", None)
    return env


def audio_server(env: dict[str, str], users: Path = Path("/run/user")) -> dict[str, str]:
    """PULSE_SERVER for the kiosk (and the speech-dispatcher it starts): the login session's
    audio server, whose socket is not where the new XDG_RUNTIME_DIR points; nothing when it
    is set already or there is no such socket (then speech turns itself off)."""
    socket_path = users / str(os.getuid()) / "pulse" / "native"
    if env.get("PULSE_SERVER") or not socket_path.is_socket():
        return {}
    return {"PULSE_SERVER": f"unix:{socket_path}"}


def _take_foreground(group: int) -> None:
    """Give the command the terminal (tty1 under the unit), as a shell does for a job."""
    try:
        if os.isatty(0) and os.tcgetpgrp(0) == os.getpgrp():
            os.tcsetpgrp(0, group)
    except OSError as error:
        log.warning("supervise: cannot hand the terminal to the kiosk: %s", error)


def _wait(child: subprocess.Popen[bytes], seconds: float, whole_group: bool) -> bool:
    """Wait up to ``seconds`` for the command (or its whole group) to end; True if it did."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if child.poll() is not None and not (whole_group and group_members(child.pid)):
            return True
        time.sleep(0.05)
    return False


def end_group(child: subprocess.Popen[bytes], grace: float) -> None:
    """Stop the command's process group, the app first: SIGTERM to all but the command
    (cage ends when its app does), then to the command, and after ``grace`` seconds
    SIGKILL to whatever is left (a frozen kiosk). Reaps the command."""
    group = child.pid
    _kill([pid for pid in group_members(group) if pid != group], signal.SIGTERM)
    if not _wait(child, grace, whole_group=False):
        _kill([group], signal.SIGTERM)
    if not _wait(child, grace, whole_group=True):
        left = group_members(group)
        log.warning("supervise: %d process(es) still running after SIGTERM; killing", len(left))
        _kill(left, signal.SIGKILL)
    child.wait()


def supervise(command: Sequence[str], grace: float = 5.0) -> int:
    """Run ``command`` as described above; its exit status, 0 after a stop request, or
    128 + the signal after a watchdog abort."""
    received: list[int] = []

    def on_signal(signum: int, _frame: object) -> None:
        received.append(signum)

    for signum in STOP_SIGNALS:
        signal.signal(signum, on_signal)
    runtime = session_runtime_folder()
    with (
        tempfile.TemporaryDirectory(prefix="kiosk-notify-", dir=runtime) as folder,
        socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as inbox,
    ):
        inbox.bind(str(Path(folder) / "notify"))
        env = system_environment({**os.environ, "NOTIFY_SOCKET": inbox.getsockname()})
        if runtime:
            env["XDG_RUNTIME_DIR"] = runtime
        env.update(audio_server(env))
        env.pop("WATCHDOG_PID", None)  # ours, not the kiosk's
        try:
            child = subprocess.Popen(list(command), env=env, process_group=0)
        except OSError as error:
            log.error("supervise: cannot start %s: %s", command[0], error)
            return 127
        _take_foreground(child.pid)
        log.info("supervise: started %s (pid %d)", " ".join(command), child.pid)
        _relay(inbox, child, received)
        if received:
            name = signal.Signals(received[0]).name
            why = "the watchdog fired" if received[0] == signal.SIGABRT else "asked to stop"
            log.info("supervise: %s (%s); stopping %s", name, why, command[0])
            notify("STOPPING=1")
            end_group(child, grace)
            status = _exit_status(child.returncode)
            log.info("supervise: %s ended with status %d", command[0], status)
            return 128 + signal.SIGABRT if received[0] == signal.SIGABRT else 0
        status = _exit_status(child.returncode)
        log.info("supervise: %s exited with status %d", command[0], status)
        end_group(child, grace)  # whatever it left behind
        return status


def _relay(inbox: socket.socket, child: subprocess.Popen[bytes], received: list[int]) -> None:
    """Pass the kiosk's messages on to systemd until a stop signal or the command's end."""
    with selectors.DefaultSelector() as selector:
        selector.register(inbox, selectors.EVENT_READ)
        while not received and child.poll() is None:
            for _key, _events in selector.select(timeout=0.25):
                message = passed_on(inbox.recv(4096).decode(errors="replace"))
                if message:
                    notify(message)

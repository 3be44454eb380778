"""``kiosk supervise``, the unit's main process, with real processes: a stand-in for cage that
starts a stand-in for the kiosk, as cage does. It relays the kiosk's notify messages to
systemd's socket, stops the app before cage, kills a frozen one, and leaves nothing behind."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.runtime.supervise import audio_server, group_members, passed_on, system_environment
from tests.conftest import REPO

# cage: runs its one client and exits with its status (and ends on SIGTERM).
CAGE = textwrap.dedent("""
    import subprocess, sys
    sys.exit(subprocess.call(sys.argv[1:]))
""")
# The kiosk: READY and a ping, then waits; says STOPPING and exits 0 on SIGTERM, unless
# it is to hang: then it ignores SIGTERM and SIGHUP, as a frozen event loop would.
APP = textwrap.dedent("""
    import os, signal, socket, sys
    def say(message):
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(os.environ["NOTIFY_SOCKET"])
            sock.sendall(message.encode())
    def stop(*_):
        say("STOPPING=1")
        sys.exit(0)
    signal.signal(signal.SIGTERM, signal.SIG_IGN if sys.argv[1] == "hang" else stop)
    if sys.argv[1] == "hang":
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    env = os.environ.get
    status = "up, WATCHDOG_PID " + env("WATCHDOG_PID", "unset")
    status += ", in " + env("XDG_RUNTIME_DIR", "")
    say("READY=1\\nSTATUS=" + status + "\\nMAINPID=1")
    say("WATCHDOG=1")
    while True:
        signal.pause()
""")


# Marks this run's stand-ins, so none outlives a failed test.
MARK = f"supervise-test-{os.getpid()}"


@pytest.fixture(autouse=True)
def no_leftovers() -> Iterator[None]:
    yield
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if MARK.encode() in cmdline.read_bytes().split(b"\0"):
                os.kill(int(cmdline.parent.name), signal.SIGKILL)
        except OSError:
            pass


@pytest.fixture
def systemd_socket(tmp_path: Path) -> Iterator[socket.socket]:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(tmp_path / "systemd-notify"))
    sock.settimeout(20)
    yield sock
    sock.close()


def start(
    sock: socket.socket, app_mode: str, *extra: str, runtime: Path | None = None
) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "NOTIFY_SOCKET": sock.getsockname(),
        "WATCHDOG_USEC": "30000000",
        "WATCHDOG_PID": "4242",
    }
    if runtime is not None:  # the unit's RuntimeDirectory=, not the session's folder
        env["RUNTIME_DIRECTORY"] = str(runtime)
        env["XDG_RUNTIME_DIR"] = "/nonexistent/run/user/997"
    py = sys.executable
    session = [py, "-c", CAGE, py, "-c", APP, app_mode, MARK]
    return subprocess.Popen(
        [py, "-m", "kiosk", "supervise", *extra, "--", *session],
        cwd=REPO, env=env, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def children_of(parent: int) -> list[int]:
    """Live child processes of ``parent``, from /proc (a minimal system has no ps)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, ppid = stat.read_text().rsplit(")", 1)[1].split()[:2]
        except (OSError, ValueError):
            continue
        if int(ppid) == parent and state != "Z":
            found.append(int(stat.parent.name))
    return found


def cage_and_app(supervisor: subprocess.Popen[str]) -> tuple[int, int]:
    """The stand-in cage (the supervisor's child, leading its own process group) and the
    stand-in kiosk (the other member of that group)."""
    (cage,) = children_of(supervisor.pid)
    (app,) = (pid for pid in group_members(cage) if pid != cage)
    return cage, app


def test_only_the_status_lines_are_passed_on() -> None:
    assert passed_on("READY=1\nSTATUS=ok\nMAINPID=7\nFDSTORE=1\nWATCHDOG=1") == (
        "READY=1\nSTATUS=ok\nWATCHDOG=1"
    )
    assert passed_on("MAINPID=7") == ""


def test_the_apps_messages_reach_systemd_and_sigterm_stops_the_app_first(
    systemd_socket: socket.socket, tmp_path: Path
) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir()
    with start(systemd_socket, "well", runtime=runtime) as supervisor:
        try:
            ready = systemd_socket.recv(4096).decode()
            # Its own socket, not systemd's; WATCHDOG_PID (the main process's) is not passed;
            # cage (and so the app) makes its Wayland socket in the unit's runtime folder.
            assert ready == f"READY=1\nSTATUS=up, WATCHDOG_PID unset, in {runtime}"
            assert systemd_socket.recv(4096).decode() == "WATCHDOG=1"
            (private,) = runtime.iterdir()
            assert private.name.startswith("kiosk-notify-") and private.stat().st_mode & 0o077 == 0
            cage, _app = cage_and_app(supervisor)
            supervisor.send_signal(signal.SIGTERM)
            assert systemd_socket.recv(4096).decode() == "STOPPING=1"
            assert supervisor.wait(20) == 0
            _, log = supervisor.communicate()
        finally:
            supervisor.kill()
    assert "SIGTERM (asked to stop)" in log
    # The app got SIGTERM and exited 0 (the stand-in cage passes its status on), cage after it.
    assert f"{sys.executable} ended with status 0" in log
    assert "killing" not in log, "no SIGKILL was needed"
    assert group_members(cage) == []
    assert list(runtime.iterdir()) == [], "the private socket is removed"


def test_a_watchdog_abort_kills_a_frozen_app_and_cage(systemd_socket: socket.socket) -> None:
    with start(systemd_socket, "hang", "--grace", "0.5") as supervisor:
        try:
            assert systemd_socket.recv(4096).decode().startswith("READY=1")
            cage, _app = cage_and_app(supervisor)
            supervisor.send_signal(signal.SIGABRT)  # systemd's WatchdogSignal
            assert supervisor.wait(20) == 128 + signal.SIGABRT
            _, log = supervisor.communicate()
        finally:
            supervisor.kill()
    assert "SIGABRT (the watchdog fired)" in log
    assert "still running after SIGTERM; killing" in log
    assert group_members(cage) == [], "nothing of the frozen kiosk is left"


def test_when_cage_ends_its_status_is_the_units_and_nothing_is_left(
    systemd_socket: socket.socket,
) -> None:
    with start(systemd_socket, "hang", "--grace", "0.5") as supervisor:
        try:
            assert systemd_socket.recv(4096).decode().startswith("READY=1")
            cage, _app = cage_and_app(supervisor)
            os.kill(cage, signal.SIGKILL)  # cage crashes; its app is orphaned
            assert supervisor.wait(20) == 128 + signal.SIGKILL
            _, log = supervisor.communicate()
        finally:
            supervisor.kill()
    assert "exited with status 137" in log
    assert group_members(cage) == [], "the orphaned kiosk is killed too"


def test_a_command_that_cannot_start_is_status_127(systemd_socket: socket.socket) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "supervise", "--", "/nonexistent/cage"],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 127
    assert "cannot start /nonexistent/cage" in result.stderr


def test_cage_gets_the_systems_libraries_not_the_bundles() -> None:
    bundled = {
        "LD_LIBRARY_PATH": "/opt/gut-health-kiosk/_internal",
        "PATH": "/usr/bin",
        # What the bundle's own start sets; the kiosk under cage must not inherit it.
        "_PYI_APPLICATION_HOME_DIR": "/opt/gut-health-kiosk/_internal",
        "_PYI_ARCHIVE_FILE": "/opt/gut-health-kiosk/gut-health-kiosk",
        "_PYI_PARENT_PROCESS_LEVEL": "0",
    }
    fresh = {"PATH": "/usr/bin", "PYINSTALLER_RESET_ENVIRONMENT": "1"}
    assert system_environment({**bundled, "LD_LIBRARY_PATH_ORIG": "/usr/local/lib"}) == {
        **fresh,
        "LD_LIBRARY_PATH": "/usr/local/lib",
    }
    assert system_environment({"PATH": "/usr/bin"}) == fresh


def test_the_kiosk_is_pointed_at_its_sessions_audio_server(tmp_path: Path) -> None:
    """Under the unit, XDG_RUNTIME_DIR is the unit's folder, not the login session's, where
    PipeWire or PulseAudio listens: the kiosk is told where, when something listens."""
    assert audio_server({}, tmp_path) == {}, "nothing listens: speech turns itself off"
    folder = tmp_path / str(os.getuid()) / "pulse"
    folder.mkdir(parents=True)
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(folder / "native"))
        assert audio_server({}, tmp_path) == {"PULSE_SERVER": f"unix:{folder / 'native'}"}
        assert audio_server({"PULSE_SERVER": "tcp:speaker"}, tmp_path) == {}, "as set"

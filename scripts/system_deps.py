"""What the kiosk needs from the operating system, found by asking the system itself.

    python3 scripts/system_deps.py run|test

Each need is checked for what it is, never by a package name a release may rename: a shared
library by loading it through the dynamic loader, a command by finding it on PATH, fonts by
finding a font file. When all is there it prints nothing and exits 0 (no apt work at all).
Otherwise, on Debian or Ubuntu, as root it installs exactly the missing packages once and
checks again; as any other user it prints the one command to run as root and exits 1.
Standard library only: it runs before the virtual environment exists.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass

SBIN_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".pfb", ".pcf.gz")


@dataclass(frozen=True)
class Need:
    kind: str  # "library" (a soname), "command", "file", "fonts" or "module" (of the Python)
    name: str
    packages: tuple[str, ...]  # Debian/Ubuntu names, newest first; the first apt knows is used
    why: str

    def met(self) -> bool:
        if self.kind == "library":
            try:
                ctypes.CDLL(self.name)  # the dynamic loader's own answer, with dependencies
            except OSError:
                return False
            return True
        if self.kind == "command":
            path = f"{os.environ.get('PATH', '')}:{SBIN_PATH}"
            return shutil.which(self.name, path=path) is not None
        if self.kind == "module":
            return importlib.util.find_spec(self.name) is not None
        if self.kind == "file":
            return os.path.exists(self.name)
        return _has_fonts()


def _has_fonts() -> bool:
    for folder in FONT_DIRS:
        for _, _, files in os.walk(os.path.expanduser(folder)):
            if any(name.endswith(FONT_SUFFIXES) for name in files):
                return True
    return False


def _library(soname: str, packages: str, why: str = "Qt") -> Need:
    return Need("library", soname, tuple(packages.split()), why)


def _python_version() -> str:
    return f"{sys.version_info.major}.{sys.version_info.minor}"


# Measured on minimal Debian 12 and 13 roots: what PySide6 loads to draw offscreen (the tests,
# previews, the bundle's self-test) and what a real X11 window adds. QtTextToSpeech links
# libpulse.
OFFSCREEN = (
    # Debian ships ensurepip, which `python3 -m venv` needs, apart, in python3.X-venv.
    Need(
        "module", "ensurepip", (f"python{_python_version()}-venv", "python3-venv"), "making .venv"
    ),
    _library("libGL.so.1", "libgl1"),
    _library("libEGL.so.1", "libegl1"),
    _library("libfontconfig.so.1", "libfontconfig1"),
    _library("libfreetype.so.6", "libfreetype6"),
    _library("libglib-2.0.so.0", "libglib2.0-0t64 libglib2.0-0"),
    _library("libdbus-1.so.3", "libdbus-1-3"),
    _library("libX11.so.6", "libx11-6"),
    _library("libxkbcommon.so.0", "libxkbcommon0"),
    _library("libpulse.so.0", "libpulse0", "read-aloud (QtTextToSpeech)"),
    Need("fonts", "a font", ("fonts-dejavu-core",), "Qt (any font file)"),
)
WINDOW = (
    _library("libxcb-cursor.so.0", "libxcb-cursor0", "an X11 window"),
    _library("libxcb-icccm.so.4", "libxcb-icccm4", "an X11 window"),
    _library("libxcb-keysyms.so.1", "libxcb-keysyms1", "an X11 window"),
    _library("libxcb-shape.so.0", "libxcb-shape0", "an X11 window"),
    _library("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "an X11 window"),
)


def _test_tools() -> tuple[Need, ...]:
    tools = (
        Need("command", "strace", ("strace",), "the privacy test (it traces every write)"),
        Need("command", "systemd-analyze", ("systemd",), "checking the systemd unit"),
        Need("command", "cage", ("cage",), "checking the systemd unit (it starts cage)"),
        Need("command", "objdump", ("binutils",), "building the bundle (PyInstaller)"),
        Need("command", "Xvfb", ("xvfb",), "the kiosk in a real X window (tests/e2e)"),
        Need("command", "xdotool", ("xdotool",), "touching that window as a mouse-panel does"),
        # Hearing the kiosk speak (tests/e2e/test_real_speech.py): speech-dispatcher with the
        # espeak-ng voices, as installed on a kiosk, into a null sink of a private PulseAudio.
        Need("command", "speech-dispatcher", ("speech-dispatcher",), "the Linux speech engine"),
        Need(
            "file",
            "/usr/lib/speech-dispatcher-modules/sd_espeak-ng",
            ("speech-dispatcher-espeak-ng",),
            "its English and Spanish voices (espeak-ng)",
        ),
        Need("command", "pulseaudio", ("pulseaudio",), "a null audio sink to speak into"),
        Need("command", "parec", ("pulseaudio-utils",), "recording what the sink hears"),
    )
    # PyInstaller bundles the interpreter's shared library. Debian's python3 is linked without
    # it (its sysconfig says shared all the same): it comes in libpython3.X. An interpreter that
    # has it loaded already passes at once.
    version = _python_version()
    soname = sysconfig.get_config_var("INSTSONAME") or f"libpython{version}.so.1.0"
    libpython = _library(
        soname, f"libpython{version}t64 libpython{version}", "building the bundle (PyInstaller)"
    )
    return (*tools, libpython)


def needs(profile: str) -> tuple[Need, ...]:
    if profile == "run":
        return OFFSCREEN + WINDOW
    if profile == "test":
        return OFFSCREEN + WINDOW + _test_tools()
    raise SystemExit(f"system_deps: unknown profile {profile!r} (run or test)")


def _candidates(names: list[str]) -> set[str]:
    """The names apt can install now (it has a candidate version for them)."""
    if not shutil.which("apt-cache"):
        return set()
    result = subprocess.run(
        ["apt-cache", "policy", *names], capture_output=True, text=True, check=False
    )
    found: set[str] = set()
    current = ""
    for line in result.stdout.splitlines():
        if line and not line[0].isspace() and line.endswith(":"):
            current = line[:-1]
        elif line.strip().startswith("Candidate:") and "(none)" not in line:
            found.add(current)
    return found


def packages_for(missing: list[Need]) -> list[str]:
    """One package per need: the first name apt knows (a renamed library's new name first),
    else the first name (apt also installs a virtual name's only provider)."""
    known = _candidates(sorted({name for need in missing for name in need.packages}))
    chosen: list[str] = []
    for need in missing:
        package = next((name for name in need.packages if name in known), need.packages[0])
        if package not in chosen:
            chosen.append(package)
    return chosen


def _apt(*args: str) -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive", "PATH": SBIN_PATH}
    result = subprocess.run(
        ["apt-get", "-q", *args], capture_output=True, text=True, env=env, check=False
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
        raise SystemExit(f"setup: 'apt-get {' '.join(args)}' failed (see above)")


def _describe(missing: list[Need]) -> str:
    return "\n".join(f"  {need.name:<24} for {need.why}" for need in missing)


def main(argv: list[str]) -> int:
    wanted = needs(argv[0] if argv else "run")
    missing = [need for need in wanted if not need.met()]
    if not missing:
        return 0
    if not shutil.which("apt-get"):
        print(f"setup: not a Debian/Ubuntu system; install these yourself:\n{_describe(missing)}")
        return 1
    install = "apt-get install -y --no-install-recommends"
    if os.geteuid() != 0:
        packages = " ".join(packages_for(missing))
        inner = f"apt-get update && {install} {packages}"
        root = "sudo sh -c" if shutil.which("sudo") else "su -c"
        print(f"setup: the kiosk needs these from the system:\n{_describe(missing)}")
        print("setup: run this once as root, then run this again:")
        print(f"    {root} {shlex.quote(inner)}")
        return 1
    print(f"setup: installing system packages for:\n{_describe(missing)}", flush=True)
    _apt("update")
    packages = packages_for(missing)
    print(f"setup: apt-get install {' '.join(packages)}", flush=True)
    _apt("install", "-y", "--no-install-recommends", *packages)
    still = [need for need in missing if not need.met()]
    if still:
        print(f"setup: still missing after the install:\n{_describe(still)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

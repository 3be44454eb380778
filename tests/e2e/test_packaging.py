"""Installers: the clinic bundle builds and starts, the Linux unit verifies, Ansible lints."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kiosk import __version__
from tests.conftest import REPO

PACKAGING = REPO / "packaging"
UNIT = PACKAGING / "linux" / "gut-health-kiosk.service"
STOPPED = PACKAGING / "linux" / "gut-health-kiosk-stopped.service"
VENV_BIN = str(Path(sys.executable).parent)


def run(*command: str, cwd: Path = REPO, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{VENV_BIN}:{os.environ.get('PATH', '')}"}
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_systemd_analyze_accepts_the_unit(tmp_path: Path) -> None:
    # The bundle's two programs are not installed here: the unit as written, with the
    # development install's `kiosk` (the same program) in their place.
    kiosk = str(Path(VENV_BIN) / "kiosk")
    unit = UNIT.read_text(encoding="utf-8")
    assert unit.count("/opt/gut-health-kiosk/kiosk ") == 1
    unit = re.sub(r"/opt/gut-health-kiosk/(kiosk|gut-health-kiosk)(?=[ \n])", kiosk, unit)
    (tmp_path / UNIT.name).write_text(unit, encoding="utf-8")
    (tmp_path / STOPPED.name).write_bytes(STOPPED.read_bytes())
    result = run(
        "systemd-analyze", "verify", str(tmp_path / UNIT.name), str(tmp_path / STOPPED.name)
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_unit_is_sandboxed_to_an_exposure_of_4_or_less() -> None:
    result = run("systemd-analyze", "security", "--offline=true", "--threshold=40", str(UNIT))
    score = re.search(r"Overall exposure level for \S+: (\d+\.\d)", result.stdout)
    assert score is not None, result.stdout + result.stderr
    assert float(score[1]) <= 4.0 and result.returncode == 0, result.stdout[-2000:]


def test_a_hung_or_failing_kiosk_is_not_left_on_a_black_screen() -> None:
    text = UNIT.read_text(encoding="utf-8")
    for line in ("Type=notify", "NotifyAccess=main", "LimitCORE=0", "UMask=0077"):
        assert f"\n{line}\n" in text, line
    watchdog = re.search(r"^WatchdogSec=(\d+)$", text, re.MULTILINE)
    assert watchdog and 5 <= int(watchdog[1]) <= 60
    assert re.search(r"^StartLimitBurst=\d+$", text, re.MULTILINE)
    assert "OnFailure=gut-health-kiosk-stopped.service" in text
    assert " -s " not in text.split("ExecStart=")[1].splitlines()[0], "VT switching allowed"


def test_unit_runs_cage_on_tty1_and_always_restarts() -> None:
    text = UNIT.read_text(encoding="utf-8")
    for line in (
        "User=kiosk",
        "PAMName=login",
        "TTYPath=/dev/tty1",
        "Restart=always",
        "Environment=LANG=C.UTF-8",
        "Conflicts=getty@tty1.service",
    ):
        assert line in text, line
    # The main process relays the app's notify messages (kiosk/runtime/supervise.py).
    assert re.search(
        r"^ExecStart=/opt/gut-health-kiosk/kiosk supervise -- /usr/bin/cage .*-- "
        r"/opt/gut-health-kiosk/gut-health-kiosk$",
        text,
        re.MULTILINE,
    )
    assert re.search(r"^RestartSec=\d+$", text, re.MULTILINE)


@pytest.mark.parametrize("script", ["packaging/build.sh", "packaging/linux/install.sh"])
def test_shell_scripts_parse(script: str) -> None:
    result = run("bash", "-n", script)
    assert result.returncode == 0, result.stderr


def test_ansible_installs_the_bundle_of_this_version() -> None:
    defaults = (PACKAGING / "ansible" / "roles" / "kiosk" / "defaults" / "main.yml").read_text()
    assert f'\nkiosk_version: "{__version__}"' in defaults


def test_ansible_playbook_syntax_and_lint() -> None:
    folder = PACKAGING / "ansible"
    syntax = run(
        "ansible-playbook", "--syntax-check", "-i", "inventory.example.ini", "site.yml", cwd=folder
    )
    assert syntax.returncode == 0, syntax.stdout + syntax.stderr
    lint = run("ansible-lint", "--offline", "site.yml", cwd=folder, timeout=300)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    assert "0 failure(s), 0 warning(s)" in lint.stdout + lint.stderr


def test_windows_installer_names_files_that_exist() -> None:
    script = (PACKAGING / "windows" / "gut-health-kiosk.iss").read_text(encoding="utf-8")
    for section in ("[Setup]", "[Files]", "[Dirs]", "[Run]"):
        assert section in script
    clinic_sources = re.findall(r'Source: "\.\.\\clinics\\\{#Clinic\}\\\*"', script)
    assert clinic_sources and (PACKAGING / "clinics" / "example" / "settings.yaml").is_file()
    settings_dir = re.search(
        r'^Name: "\{commonappdata\}\\GutHealthKiosk"; Permissions: (\S+)$', script, re.M
    )
    assert settings_dir and settings_dir[1] == "users-readexec", "the kiosk account could edit"
    spec = (PACKAGING / "kiosk.spec").read_text(encoding="utf-8")
    assert re.search(r'name="gut-health-kiosk", console=False', spec), "a console window"
    assert 'Filename: "{app}\\kiosk.exe"; Parameters: "validate"' in script


def test_no_crash_dump_can_hold_a_patients_answers() -> None:
    unit = UNIT.read_text(encoding="utf-8")
    assert "\nLimitCORE=0\n" in unit
    script = (PACKAGING / "windows" / "gut-health-kiosk.iss").read_text(encoding="utf-8")
    registry = script.split("[Registry]")[1].split("\n[")[0]
    assert (
        '\\ExcludedApplications"; ValueType: dword; ValueName: "gut-health-kiosk.exe"; '
        "ValueData: 1" in registry
    ), "Windows Error Reporting would send and queue reports of the kiosk"
    entries = [line for line in registry.splitlines() if line.startswith("Root:")]
    assert not any("LocalDumps" in line for line in entries), "that would turn dumps on"


@pytest.mark.slow
def test_example_clinic_bundle_builds_and_passes_its_smoke_test() -> None:
    result = run("bash", "packaging/build.sh", "example", timeout=1200)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "self-test ok: attract painted (Elm Street Family Practice)" in result.stdout
    bundle = REPO / "dist" / f"gut-health-kiosk-example-{__version__}.tar.gz"
    assert bundle.is_file() and 10_000_000 < bundle.stat().st_size <= 60_000_000  # at most 60 MB
    listing = run("tar", "-tzf", str(bundle)).stdout
    assert "gut-health-kiosk/gut-health-kiosk" in listing
    assert "gut-health-kiosk/kiosk" in listing  # the console program for staff (Windows)
    assert "gut-health-kiosk/_internal/clinic/settings.yaml" in listing
    assert "gut-health-kiosk/_internal/resources/content/es/strings.yaml" in listing
    assert "gut-health-kiosk/_internal/docs/installing.md" in listing  # the unit's Documentation=
    for unneeded in ("libQt6Quick", "libQt6Qml", "libQt6Pdf", "libavcodec", "VirtualKeyboard"):
        assert unneeded not in listing, f"{unneeded} is bundled but never loaded"
    assert "/mypy/" not in listing
    with tempfile.TemporaryDirectory() as folder:  # the Python modules, in the programs' PYZ
        # On Linux kiosk is a link to gut-health-kiosk (packaging/kiosk.spec): extract both.
        programs = ("gut-health-kiosk/gut-health-kiosk", "gut-health-kiosk/kiosk")
        run("tar", "-xzf", str(bundle), "-C", folder, *programs)
        viewer = Path(sys.executable).parent / "pyi-archive_viewer"
        archive = run(str(viewer), "--list", "--recursive", f"{folder}/gut-health-kiosk/kiosk")
    modules = {line.rsplit("'", 2)[-2] for line in archive.stdout.splitlines() if "'" in line}
    assert "kiosk.ui.window" in modules and "kiosk.core.session" in modules
    # Dev tools' libraries that pydantic or others import only if installed (7 MB).
    for unused in ("rich", "pygments", "markdown_it", "mypy", "importlinter", "pytest"):
        assert unused not in {name.split(".")[0] for name in modules}, f"{unused} is bundled"
    [deb] = (REPO / "dist").glob(f"gut-health-kiosk-example_{__version__}_*.deb")
    info = run("dpkg-deb", "--info", str(deb)).stdout
    for field in ("Package: gut-health-kiosk", f"Version: {__version__}", "cage, xwayland"):
        assert field in info, field
    for script in ("postinst", "prerm", "postrm", "conffiles"):
        assert script in info, script
    assert run("dpkg-deb", "--ctrl-tarfile", str(deb)).returncode == 0
    files = run("dpkg-deb", "--contents", str(deb)).stdout
    for path in (
        "./usr/bin/kiosk",
        "./usr/lib/systemd/system/gut-health-kiosk.service",
        "./usr/lib/systemd/system/gut-health-kiosk-stopped.service",
        "./etc/gut-health-kiosk/settings.yaml",
        "./opt/gut-health-kiosk/gut-health-kiosk",
    ):
        assert path in files, path

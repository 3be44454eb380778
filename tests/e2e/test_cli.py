"""The staff commands, run the way staff run them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.cli import main
from kiosk.core.staff import verify_pin
from kiosk.core.stats import PAGE_VIEW, UsageStats
from tests.conftest import CONTENT, REPO


def distinct_colours(image: QImage, step: int = 23) -> int:
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_preview_writes_one_non_blank_png_per_screen_per_size(
    qapp: QApplication, tmp_path: Path
) -> None:
    assert main(["preview", "--out", str(tmp_path)]) == 0
    files = sorted(tmp_path.glob("*.png"))
    # attract, home, 6 topics, checklist, summary, staff PIN, staff panel, idle warning
    screens = 2 + 6 + 2 + 2 + 1
    assert len(files) == screens * 2
    for path in files:
        image = QImage(str(path))
        width, height = map(int, path.name.split("-")[0].split("x"))
        assert image.width() == width
        assert image.height() >= height
        if "-topic-" in path.name or "-checklist" in path.name:
            assert image.height() > height, f"{path.name} is not the whole page"
        assert distinct_colours(image) >= 3, f"{path.name} looks blank"


def test_preview_takes_custom_sizes(qapp: QApplication, tmp_path: Path) -> None:
    assert main(["preview", "--out", str(tmp_path), "--size", "1280x800"]) == 0
    names = sorted(path.name for path in tmp_path.glob("*.png"))
    assert len(names) == 13
    assert all(name.startswith("1280x800-") for name in names)


def test_validate_accepts_the_bundled_pack(capsys: object) -> None:
    assert main(["validate"]) == 0


def test_validate_reports_problems_without_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "content"
    shutil.copytree(CONTENT, broken)
    page = broken / "en" / "pages" / "lifestyle-steps.yaml"
    page.write_text(
        page.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", "--content", str(broken)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{page}:3:1: titel: unknown key 'titel'; did you mean 'title'?" in result.stderr
    assert "\n      titel: " in result.stderr and "\n      ^\n" in result.stderr, "line and caret"


def test_validate_shows_a_syntax_mistake_with_a_caret_under_it(tmp_path: Path) -> None:
    broken = tmp_path / "content"
    shutil.copytree(CONTENT, broken)
    page = broken / "en" / "pages" / "lifestyle-steps.yaml"
    text = page.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    page.write_text(text.replace(title, "title: Lifestyle: steps", 1), encoding="utf-8")
    line = text.splitlines().index(title) + 1
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", "--content", str(broken)],
        capture_output=True, text=True, cwd=REPO, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert (
        f"  {page}:{line}:17: this text has a colon and a space in it, which YAML takes as the "
        'start of a new key; put the whole text in quotes: title: "Lifestyle: steps"\n'
        "      title: Lifestyle: steps\n"
        f"      {' ' * 16}^\n"
    ) in result.stderr


def test_main_py_is_a_thin_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "preview" in result.stdout and "validate" in result.stdout


def test_run_options_work_without_naming_the_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--windowed", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "--windowed" in result.stdout


def test_kiosk_starts_and_paints_its_first_screen() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--self-test"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    # A paint event of the shown window (not a grab() of it), then every screen built: the
    # six topics, home, welcome, checklist, summary and the two staff screens.
    assert "self-test ok: attract painted (Riverside Family Clinic); 12 screens" in result.stdout


def test_hash_pin_makes_a_hash_that_verifies() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "hash-pin", "--pin-stdin"],
        input="482915\n",
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if "pin_hash:" in line)
    stored = line.split('"')[1]
    assert verify_pin("482915", stored) and not verify_pin("482916", stored)
    assert "482915" not in result.stdout


def test_hash_pin_refuses_a_short_pin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "hash-pin", "--pin-stdin"],
        input="12\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and "4 to 12 digits" in result.stderr


def test_stats_csv_prints_the_counts(tmp_path: Path) -> None:
    stats = UsageStats(tmp_path / "usage.sqlite3")
    stats.record(PAGE_VIEW, "home")
    stats.close()
    env = {**os.environ, "KIOSK_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "stats", "--csv"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "day,event,screen,count" and lines[1].endswith(",page_view,home,1")


def kiosk_cli(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True, text=True, check=False, timeout=120, cwd=REPO,
        env=env, input=stdin if stdin is not None else "",
    )  # fmt: skip


def test_version_is_printed() -> None:
    result = kiosk_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"kiosk {__version__}"


def test_a_mistyped_command_gets_a_suggestion_not_a_kiosk() -> None:
    result = kiosk_cli("valdate")
    assert result.returncode == 2
    assert "no command 'valdate'. Did you mean `kiosk validate`?" in result.stderr
    assert "Traceback" not in result.stderr and "unrecognized arguments" not in result.stderr


def test_handout_into_a_missing_folder_fails_plainly(tmp_path: Path) -> None:
    result = kiosk_cli("handout", "what-is-leaky-gut", "--pdf", str(tmp_path / "no" / "x.pdf"))
    assert result.returncode == 1 and "No folder" in result.stderr
    assert not (tmp_path / "no").exists()


def test_handout_on_a4_paper(tmp_path: Path) -> None:
    out = tmp_path / "a4.pdf"
    result = kiosk_cli("handout", "what-is-leaky-gut", "--pdf", str(out), "--paper", "a4")
    assert result.returncode == 0, result.stderr
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points


def test_hash_pin_without_a_terminal_says_what_to_do() -> None:
    result = kiosk_cli("hash-pin", stdin="")
    assert result.returncode == 1 and "use --pin-stdin" in result.stderr
    assert "Traceback" not in result.stderr


def test_kiosk_without_a_display_explains_instead_of_aborting() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = kiosk_cli(env=env)
    assert result.returncode == 1, result.stderr
    assert "no display to show the kiosk on" in result.stderr
    assert "Reinstalling the application" not in result.stderr


def test_stats_reads_the_kiosks_own_folder(tmp_path: Path) -> None:
    """Without KIOSK_DATA_DIR, the CLI reads where the running kiosk writes."""
    home = tmp_path / "home"
    folder = home / ".local" / "share" / "gut-health-kiosk"
    folder.mkdir(parents=True)
    stats = UsageStats(folder / "usage.sqlite3")
    stats.record(PAGE_VIEW, "checklist")
    stats.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIOSK_DATA_DIR", "XDG_"))}
    env["HOME"] = str(home)
    result = kiosk_cli("stats", env=env)
    assert result.returncode == 0, result.stderr
    assert str(folder / "usage.sqlite3") in result.stderr
    assert "page_view  checklist" in result.stdout
    empty = kiosk_cli("stats", env={**env, "HOME": str(tmp_path / "nobody")})
    assert empty.returncode == 1 and "No usage counts at" in empty.stderr


def test_validate_given_a_settings_file_checks_it_as_settings(tmp_path: Path) -> None:
    """`kiosk validate settings.yaml`, as staff type it: not "settings.yaml/pack.yaml: cannot
    read file: Not a directory"."""
    settings = tmp_path / "settings.yaml"
    settings.write_text("clinic:\n  nmae: Elm Street\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", str(settings)],
        capture_output=True, text=True, cwd=REPO, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert f"{settings} is a file: checking it as clinic settings" in result.stdout
    assert f"{settings}:2:3: clinic.nmae: unknown key 'nmae'; did you mean 'name'?" in result.stderr
    assert "Not a directory" not in result.stderr

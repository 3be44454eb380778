"""Fault injection with real widgets and real files: whatever goes wrong around it (its files
vanish or break, its disk fills up, it is told to stop, its display changes), the kiosk keeps
serving patients, and says clearly what is wrong and where."""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import create_kiosk
from kiosk.core.content.model import ImageBlock, Language
from kiosk.core.content.problems import ContentError
from kiosk.core.logs import setup_logging
from kiosk.core.session import ATTRACT, CHECKLIST, HOME, SUMMARY, topic_screen
from kiosk.core.stats import PAGE_VIEW, UsageStats
from kiosk.runtime.os_signals import SignalHandler
from kiosk.ui.access_bar import AccessBar
from kiosk.ui.picture import Picture
from kiosk.ui.staff_mode import StaffMode
from kiosk.ui.topic import TopicScreen
from kiosk.ui.widgets import Illustration
from kiosk.ui.window import KioskWindow
from tests.conftest import CONTENT, LANDSCAPE, PORTRAIT, REPO, SETTINGS, Finger, open_kiosk
from tests.e2e.layout_checks import assert_controls_fit, assert_text_fits

RELOAD_MS = 5000  # generous for a loaded CI machine; a reload takes about half a second
SMALL = (1280, 800)
CLINIC = "Riverside Family Clinic"  # the name in the bundled settings
IMAGE = "images/healthy-habits.svg"  # shown on the lifestyle-steps page, in both languages
REFUSED = "content change refused; keeping the last good content"


# --- The patient ---------------------------------------------------------------------------


def assert_serves_patients(kiosk: KioskWindow, finger: Finger) -> None:
    """A patient taps from the welcome screen through every topic page (pictures and all) to
    the checklist, ticks a row and sees it on the summary. Starts from the welcome screen
    (after the reset the idle timer would do) or from the home screen."""
    if kiosk.current_screen() not in (ATTRACT, HOME):
        kiosk.reset()
    if kiosk.current_screen() == ATTRACT:
        finger.tap(kiosk.attract)
    assert kiosk.current_screen() == HOME
    language = kiosk.language
    assert [tile.accessibleName() for tile in kiosk.home.grid.tiles] == [
        page.title for page in language.pages
    ]
    finger.tap_row(kiosk.home.scroll_area, kiosk.home.grid.tiles[0])
    for page in language.pages:
        screen = kiosk.stack.currentWidget()
        assert isinstance(screen, TopicScreen) and screen.isVisible()
        assert kiosk.current_screen() == topic_screen(page.id)
        assert screen.title.text() == page.title
        pictures = screen.findChildren(Picture)  # in its text, by its title and on its tiles
        in_text = [picture for picture in pictures if not isinstance(picture, Illustration)]
        assert len(in_text) == sum(isinstance(block, ImageBlock) for block in page.blocks)
        assert (screen.picture is not None) == bool(page.picture)
        assert all(picture.is_valid() for picture in pictures), f"{page.id} lost a picture"
        finger.tap_row(screen.scroll_area, screen.next_step)
    assert kiosk.current_screen() == HOME
    finger.tap_row(kiosk.home.scroll_area, kiosk.home.checklist_tile)
    assert kiosk.current_screen() == CHECKLIST
    item = language.checklist.items()[0]
    row = kiosk.checklist.rows[item.id]
    finger.tap_row(kiosk.checklist.scroll_area, row)
    assert row.isChecked()
    finger.tap_row(kiosk.checklist.scroll_area, kiosk.checklist.see_list)
    assert kiosk.current_screen() == SUMMARY
    assert kiosk.summary.answer_labels() == [item.label]


def tap_language(kiosk: KioskWindow, finger: Finger, code: str) -> None:
    bar = kiosk.screens[kiosk.current_screen()].findChild(AccessBar)
    assert bar is not None
    finger.tap(bar.languages[code])
    assert kiosk.language.code == code


def page_title(kiosk: KioskWindow, page_id: str) -> str:
    screen = kiosk.screens[topic_screen(page_id)]
    assert isinstance(screen, TopicScreen)
    return screen.title.text()


# --- Files ---------------------------------------------------------------------------------


@pytest.fixture
def clinic(tmp_path: Path) -> tuple[Path, Path]:
    """Copies of the bundled content and settings in separate folders, as on an installed
    kiosk: no folder watched for the settings holds the content folder."""
    content = tmp_path / "srv" / "content"
    shutil.copytree(CONTENT, content)
    settings = tmp_path / "etc" / "settings.yaml"
    settings.parent.mkdir()
    shutil.copy(SETTINGS, settings)
    return content, settings


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refusals(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def image_problems(content: Path) -> list[str]:
    """What the kiosk must say when IMAGE is missing: file, line, column, field, message."""
    found = []
    for code in ("en", "es"):
        page = content / code / "pages" / "lifestyle-steps.yaml"
        lines = page.read_text(encoding="utf-8").splitlines()
        number = next(i for i, line in enumerate(lines, 1) if line.strip() == f"src: {IMAGE}")
        column = lines[number - 1].index("src:") + 1
        blocks = [line for line in lines[:number] if re.match(r"  - \w+:", line)]
        field = f"blocks.{len(blocks) - 1}.image.src"
        found.append(f"{page}:{number}:{column}: {field}: no image file at {IMAGE!r}")
    return sorted(found)


def chmod_stops_reads(folder: Path) -> bool:
    """Whether chmod 000 keeps this process out: not for root (as in CI containers), who
    reads anything, unless it runs without the capabilities that allow that."""
    probe = folder / "probe.txt"
    probe.write_text("x", encoding="utf-8")
    probe.chmod(0)
    try:
        probe.read_bytes()
    except PermissionError:
        return True
    finally:
        probe.chmod(0o600)
        probe.unlink()
    return False


def make_unreadable(path: Path, chmod: bool) -> str:
    """Make ``path`` unreadable to the kiosk; return the reason the system will give.

    With ``chmod`` it is chmod 000. Where that stops no one (root), a folder takes a file's
    place, or a file a folder's: as real a failure to read, and as fast (unlike a FIFO,
    which would block the reader).
    """
    if chmod:
        path.chmod(0)
        return "Permission denied"
    if path.is_dir():
        shutil.rmtree(path)
        path.write_text("not a folder\n", encoding="utf-8")
        return "Not a directory"
    path.unlink()
    path.mkdir()
    return "Is a directory"


def make_readable(path: Path, original: Path, chmod: bool) -> None:
    if chmod:
        path.chmod(0o755 if path.is_dir() else 0o644)
    elif original.is_dir():
        path.unlink()
        shutil.copytree(original, path)
    else:
        path.rmdir()
        shutil.copy(original, path)


# --- 1. The content folder deleted, or unreadable ------------------------------------------


def test_content_folder_deleted_then_copied_back(
    qtbot: QtBot, clinic: tuple[Path, Path], finger: Finger, caplog: pytest.LogCaptureFixture
) -> None:
    content, settings = clinic
    kiosk = open_kiosk(qtbot, content_dir=content, config_path=settings)
    reloader = kiosk.reloader
    assert reloader is not None
    with qtbot.waitSignal(reloader.reload_refused, timeout=RELOAD_MS):
        shutil.rmtree(content)
    manifest = content / "pack.yaml"
    assert [str(p) for p in reloader.problems] == [
        f"{manifest}: cannot read file: No such file or directory"
    ]
    [logged] = refusals(caplog)
    assert REFUSED in logged and str(manifest) in logged
    assert_serves_patients(kiosk, finger)
    # Every screen rebuilt in another language from the last good content, pictures and all.
    kiosk.reset()
    tap_language(kiosk, finger, "es")
    assert_serves_patients(kiosk, finger)
    kiosk.reset()
    assert kiosk.language.code == "en"
    # Copied back (with a change, to see it arrive): seen, although its folder had gone.
    with qtbot.waitSignal(reloader.content_reloaded, timeout=RELOAD_MS):
        shutil.copytree(CONTENT, content)
        edit(content / "en/pages/lifestyle-steps.yaml", "title: Lifestyle steps", "title: Back")
    assert reloader.problems == ()
    assert page_title(kiosk, "lifestyle-steps") == "Back"
    # ...and the files in it are watched again.
    with qtbot.waitSignal(kiosk.content_applied, timeout=RELOAD_MS):
        edit(content / "en/pages/lifestyle-steps.yaml", "title: Back", "title: Again")
    assert page_title(kiosk, "lifestyle-steps") == "Again"
    assert_serves_patients(kiosk, finger)


@pytest.mark.parametrize("what", ["page file", "pages folder"])
def test_content_made_unreadable_then_readable(
    qtbot: QtBot,
    clinic: tuple[Path, Path],
    finger: Finger,
    caplog: pytest.LogCaptureFixture,
    what: str,
) -> None:
    content, settings = clinic
    kiosk = open_kiosk(qtbot, content_dir=content, config_path=settings)
    reloader = kiosk.reloader
    assert reloader is not None
    pages = content / "en" / "pages"
    target = pages / "lifestyle-steps.yaml" if what == "page file" else pages
    chmod = chmod_stops_reads(content.parent)
    with qtbot.waitSignal(reloader.reload_refused, timeout=RELOAD_MS):
        reason = make_unreadable(target, chmod)
    unreadable = (
        [target] if target.suffix else [pages / f"{p.id}.yaml" for p in kiosk.language.pages]
    )
    expected = sorted(f"{path}: cannot read file: {reason}" for path in unreadable)
    assert [str(p) for p in reloader.problems] == expected
    [logged] = refusals(caplog)
    assert all(line in logged for line in expected)
    assert page_title(kiosk, "lifestyle-steps") == "Lifestyle steps"
    assert_serves_patients(kiosk, finger)
    caplog.clear()
    with qtbot.waitSignal(reloader.content_reloaded, timeout=RELOAD_MS):
        make_readable(target, CONTENT / target.relative_to(content), chmod)
        edit(pages / "lifestyle-steps.yaml", "title: Lifestyle steps", "title: Readable")
    assert reloader.problems == ()
    kiosk.reset()
    assert page_title(kiosk, "lifestyle-steps") == "Readable"
    assert_serves_patients(kiosk, finger)


@contextlib.contextmanager
def not_searchable(folder: Path, chmod: bool) -> Iterator[None]:
    """``chmod -R 644`` on ``folder``, a common mistake: its folders can be listed but not
    entered, so nothing in them can be looked at. Where chmod stops no one (root), the same
    refusal from the system call that looks: EACCES for every path below ``folder``."""
    folders = [folder, *(path for path in folder.rglob("*") if path.is_dir())]
    if chmod:
        for path in sorted(folders, reverse=True):
            path.chmod(0o644)
        try:
            yield
        finally:
            for path in folders:
                path.chmod(0o755)
        return
    real_stat = os.stat
    inside = str(folder) + os.sep

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if isinstance(path, str | os.PathLike) and os.fspath(path).startswith(inside):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "stat", stat)
        yield


def test_a_content_folder_that_cannot_be_entered_shows_the_bundled_content(
    qtbot: QtBot, clinic: tuple[Path, Path], finger: Finger, caplog: pytest.LogCaptureFixture
) -> None:
    content, settings = clinic
    edit(content / "en/pages/lifestyle-steps.yaml", "title: Lifestyle steps", "title: Ours")
    with not_searchable(content, chmod_stops_reads(content.parent)):
        # As the installed kiosk starts (fallback): the bundled content, and why, in the log.
        kiosk = open_kiosk(qtbot, content_dir=content, config_path=settings, fallback=True)
        assert page_title(kiosk, "lifestyle-steps") == "Lifestyle steps"
        [logged] = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
        assert "showing the bundled content until fixed" in logged
        assert f"{content / 'pack.yaml'}: cannot read file: Permission denied" in logged
        assert_serves_patients(kiosk, finger)
    # Fixed, and a file in the content folder saved: the clinic's content arrives.
    reloader = kiosk.reloader
    assert reloader is not None
    with qtbot.waitSignal(reloader.content_reloaded, timeout=RELOAD_MS):
        edit(content / "en/pages/lifestyle-steps.yaml", "title: Ours", "title: Ours again")
        pack = content / "pack.yaml"
        saved = pack.with_suffix(".yaml.new")  # as editors save: a new file renamed over
        saved.write_text(pack.read_text(encoding="utf-8") + "# fixed\n", encoding="utf-8")
        saved.replace(pack)
    kiosk.reset()
    assert page_title(kiosk, "lifestyle-steps") == "Ours again"


def failing_for(content: Path) -> Callable[[KioskWindow, Language], Iterator[None]]:
    """KioskWindow._build_steps that fails for the pack in ``content`` after its first screen:
    content that validates yet cannot be shown (a defect of the kiosk's, injected here)."""
    steps = KioskWindow._build_steps

    def failing(window: KioskWindow, language: Language) -> Iterator[None]:
        built = steps(window, language)
        if window.pack.root == content:
            yield next(built)  # home is made and shown to the window, then the failure
            raise RuntimeError("cannot build these screens")
        yield from built

    return failing


@pytest.mark.parametrize("welcome_first", [False, True], ids=["at-start", "after-welcome"])
def test_content_that_validates_but_cannot_be_shown_gives_way_to_the_bundled_content(
    qtbot: QtBot,
    clinic: tuple[Path, Path],
    finger: Finger,
    *,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    welcome_first: bool,
) -> None:
    """Whether the screens fail as the window is made or just after the welcome screen first
    paints (as ``kiosk run`` builds them), the patient is served by the bundled content with
    the clinic's settings, and the log says why with the traceback."""
    content, settings = clinic
    edit(content / "en/pages/lifestyle-steps.yaml", "title: Lifestyle steps", "title: Ours")
    monkeypatch.setattr(KioskWindow, "_build_steps", failing_for(content))
    kiosk = open_kiosk(
        qtbot, content_dir=content, config_path=settings, fallback=True, welcome_first=welcome_first
    )
    qtbot.waitUntil(lambda: SUMMARY in kiosk.screens and kiosk.pack.root != content, timeout=5000)
    assert "cannot build these screens" in caplog.text  # the traceback
    assert "showing the bundled content instead" in caplog.text or (
        f"cannot show the content in {content}; trying the bundled" in caplog.text
    )
    assert kiosk.windowTitle() == CLINIC and page_title(kiosk, "lifestyle-steps") == (
        "Lifestyle steps"
    )
    assert_serves_patients(kiosk, finger)


def test_a_welcome_screen_whose_other_screens_cannot_be_built_stays_calm(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, finger: Finger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing to fall back to (the bundled content itself): the welcome screen stays, a tap
    on it does nothing, the idle reset still works, the log says why."""
    monkeypatch.setattr(KioskWindow, "_build_steps", failing_for(CONTENT))
    kiosk = open_kiosk(qtbot, welcome_first=True)
    qtbot.waitUntil(lambda: "could not build the screens after the welcome" in caplog.text)
    for _ in range(3):  # the welcome loop repaints: no new attempt (and traceback) each time
        kiosk.repaint()
        QApplication.processEvents()
    assert caplog.text.count("could not build the screens after the welcome") == 1
    finger.tap(kiosk.attract)
    assert kiosk.current_screen() == ATTRACT and kiosk.session.screen == ATTRACT
    kiosk.reset()
    assert kiosk.current_screen() == ATTRACT
    monkeypatch.undo()  # fixed (here: the defect gone): the next touch builds them
    finger.tap(kiosk.attract)
    assert kiosk.current_screen() == HOME


# --- 2. The disk full for logs and usage counts --------------------------------------------


@contextlib.contextmanager
def kiosk_logging(folder: Path) -> Iterator[Path | None]:
    """``setup_logging(folder)`` as ``kiosk run`` does, undone afterwards for other tests."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, logging.raiseExceptions)
    try:
        yield setup_logging(folder)
    finally:
        for handler in root.handlers[:]:
            root.removeHandler(handler)
            if handler not in saved[0]:
                with contextlib.suppress(OSError):  # its last lines have nowhere to go
                    handler.close()
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        logging.raiseExceptions = saved[2]


def fill(stats: UsageStats) -> None:
    """Leave no room for one more count, as a full disk would: SQLite's own page limit, as
    tests/unit/test_stats.py does, after filling the pages with the shortest possible rows."""
    db = stats._db
    assert db is not None
    db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")
    for day in range(100_000):
        try:
            db.execute("INSERT INTO counts (day, event) VALUES (?, '')", (str(day),))
        except sqlite3.OperationalError as error:
            assert str(error) == "database or disk is full"
            return
    raise AssertionError("the database never filled up")


def test_disk_full_for_logs_and_usage_counts(
    qtbot: QtBot, tmp_path: Path, finger: Finger, capfd: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    log_file = data / "kiosk.log"
    log_file.symlink_to("/dev/full")  # every write fails: ENOSPC, "No space left on device"
    probe = os.open(log_file, os.O_WRONLY | os.O_APPEND)
    try:
        with pytest.raises(OSError) as full:
            os.write(probe, b"x")
    finally:
        os.close(probe)
    assert full.value.errno == errno.ENOSPC
    with kiosk_logging(data) as logging_to:
        assert logging_to == log_file
        kiosk = open_kiosk(qtbot, count_usage=True, data_dir=data, config_path=SETTINGS)
        staff = kiosk.findChild(StaffMode)
        assert staff is not None and staff.stats is not None
        fill(staff.stats)
        for _ in range(2):
            assert_serves_patients(kiosk, finger)
        kiosk.reset()
        assert (PAGE_VIEW, HOME) not in staff.stats.totals()
    _, err = capfd.readouterr()
    assert "Traceback" not in err and "Logging error" not in err, err
    assert "usage count not saved (session_started): database or disk is full" in err


# --- 3. An image missing --------------------------------------------------------------------


def test_an_image_deleted_while_running(
    qtbot: QtBot, clinic: tuple[Path, Path], finger: Finger, caplog: pytest.LogCaptureFixture
) -> None:
    content, settings = clinic
    kiosk = open_kiosk(qtbot, content_dir=content, config_path=settings)
    reloader = kiosk.reloader
    assert reloader is not None
    image = content / IMAGE
    with qtbot.waitSignal(reloader.reload_refused, timeout=RELOAD_MS):
        image.unlink()
    expected = image_problems(content)
    assert [str(p) for p in reloader.problems] == expected
    [logged] = refusals(caplog)
    assert all(line in logged for line in expected)
    assert_serves_patients(kiosk, finger)  # the picture is still shown...
    kiosk.reset()
    tap_language(kiosk, finger, "es")
    assert_serves_patients(kiosk, finger)  # ...even on screens built since
    kiosk.reset()
    with qtbot.waitSignal(reloader.content_reloaded, timeout=RELOAD_MS):
        shutil.copy(CONTENT / IMAGE, image)
        edit(content / "en/pages/lifestyle-steps.yaml", "title: Lifestyle steps", "title: Fixed")
    assert reloader.problems == ()
    assert page_title(kiosk, "lifestyle-steps") == "Fixed"
    assert_serves_patients(kiosk, finger)


def test_starting_with_an_image_missing_shows_the_bundled_content_until_fixed(
    qtbot: QtBot, clinic: tuple[Path, Path], finger: Finger, caplog: pytest.LogCaptureFixture
) -> None:
    content, settings = clinic
    (content / IMAGE).unlink()
    expected = image_problems(content)
    # Checks (validate, preview, the self-test) still refuse the files outright...
    with pytest.raises(ContentError) as refused:
        create_kiosk(content, settings, count_usage=False)
    assert [str(p) for p in refused.value.problems] == expected
    # ...but the kiosk that `kiosk run` starts serves patients meanwhile, with the clinic's
    # settings and the bundled pages, and says why.
    caplog.clear()
    kiosk = open_kiosk(qtbot, content_dir=content, config_path=settings, fallback=True)
    reloader = kiosk.reloader
    assert reloader is not None
    assert kiosk.pack.root == CONTENT
    assert kiosk.attract.brand.text() == CLINIC
    [logged] = refusals(caplog)
    assert "showing the bundled content until fixed" in logged
    assert all(line in logged for line in expected)
    assert [str(p) for p in reloader.problems] == expected  # and on the staff panel
    assert_serves_patients(kiosk, finger)
    with qtbot.waitSignal(reloader.content_reloaded, timeout=RELOAD_MS):
        shutil.copy(CONTENT / IMAGE, content / IMAGE)
    kiosk.reset()
    assert kiosk.pack.root == content
    assert reloader.problems == ()
    assert_serves_patients(kiosk, finger)


# --- 4. The settings file replaced half-written ---------------------------------------------


@pytest.mark.parametrize("how", ["replaced by rename", "truncated in place"])
def test_settings_half_written_keep_the_last_good_settings(
    qtbot: QtBot,
    clinic: tuple[Path, Path],
    finger: Finger,
    caplog: pytest.LogCaptureFixture,
    how: str,
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk")
    _, settings = clinic
    kiosk = open_kiosk(qtbot, config_path=settings)
    reloader = kiosk.reloader
    assert reloader is not None
    idle_ms = kiosk.idle_watcher.findChild(QTimer).interval()
    assert idle_ms == 90_000
    full = settings.read_bytes()
    half = full[: len(full) // 2]
    assert not half.endswith(b"\n") and b"\n" in half, "not cut mid-line"
    with qtbot.waitSignal(reloader.reload_refused, timeout=RELOAD_MS):
        if how == "replaced by rename":
            temporary = settings.with_name("settings.yaml.tmp")
            temporary.write_bytes(half)
            os.replace(temporary, settings)
        else:
            os.truncate(settings, len(half))
    problems = [str(p) for p in reloader.problems]
    assert problems and all(p.startswith(f"{settings}:5:3: clinic.contact") for p in problems)
    [logged] = refusals(caplog)
    assert all(line in logged for line in problems)
    assert kiosk.attract.brand.text() == CLINIC
    assert kiosk.settings.idle.timeout_seconds == 90
    assert kiosk.idle_watcher.findChild(QTimer).interval() == idle_ms
    assert_serves_patients(kiosk, finger)
    before = reloader.last_reload
    settings.write_bytes(full)
    qtbot.waitUntil(lambda: reloader.problems == (), timeout=RELOAD_MS)
    assert reloader.last_reload is not None and before is not None
    assert reloader.last_reload > before
    assert any("content problems fixed" in r.getMessage() for r in caplog.records)
    assert kiosk.attract.brand.text() == CLINIC
    assert_serves_patients(kiosk, finger)


def test_starting_with_half_written_settings_uses_the_bundled_ones_until_fixed(
    qtbot: QtBot, tmp_path: Path, finger: Finger, caplog: pytest.LogCaptureFixture
) -> None:
    settings = tmp_path / "settings.yaml"
    full = SETTINGS.read_bytes().replace(CLINIC.encode(), b"Elmstreet Family Clinic")
    settings.write_bytes(full[: len(full) // 2])
    kiosk = open_kiosk(qtbot, config_path=settings, fallback=True)
    reloader = kiosk.reloader
    assert reloader is not None
    assert kiosk.attract.brand.text() == CLINIC  # the bundled settings' name
    problems = [str(p) for p in reloader.problems]
    assert problems and all(p.startswith(f"{settings}:5:3: clinic.contact") for p in problems)
    [logged] = refusals(caplog)
    assert all(line in logged for line in problems)
    assert_serves_patients(kiosk, finger)
    with qtbot.waitSignal(reloader.content_reloaded, timeout=RELOAD_MS):
        settings.write_bytes(full)
    kiosk.reset()
    assert kiosk.attract.brand.text() == "Elmstreet Family Clinic"
    assert_serves_patients(kiosk, finger)


# --- 5. SIGTERM and SIGINT: a clean exit, status 0 -------------------------------------------

READY = "kiosk ready: attract screen shown"
OFFSCREEN_NOTICE = "This plugin does not support propagateSizeHints()"
LOG_LINE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (INFO|WARNING|ERROR) [\w.]+: ")


def log_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""


def start_kiosk(tmp_path: Path, *options: str) -> tuple[subprocess.Popen[bytes], Path, Path]:
    """``kiosk run --windowed`` in its own process; returns it once its first screen shows."""
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(data)}
    stderr = tmp_path / "stderr.txt"
    command = [sys.executable, "-m", "kiosk", "run", "--windowed", "--config", str(SETTINGS)]
    with stderr.open("wb") as err:
        process = subprocess.Popen(
            [*command, *options], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err
        )
    log = data / "kiosk.log"
    deadline = time.monotonic() + 60
    while READY not in log_text(log):
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=0.05)
        if process.returncode is not None or time.monotonic() > deadline:
            process.kill()
            process.wait()
            pytest.fail(f"no {READY!r} (status {process.returncode}):\n{stderr.read_text()}")
    return process, log, stderr


def stop(process: subprocess.Popen[bytes], number: signal.Signals) -> int:
    process.send_signal(number)
    try:
        return process.wait(timeout=10)
    finally:
        if process.returncode is None:
            process.kill()
            process.wait()


def test_sigterm_stops_the_kiosk_cleanly(tmp_path: Path) -> None:
    process, log, stderr = start_kiosk(tmp_path)
    assert stop(process, signal.SIGTERM) == 0
    errors = stderr.read_text(encoding="utf-8")
    assert "Traceback" not in errors
    # Nothing on stderr but the kiosk's own log lines (none an error) and the offscreen
    # platform's notice.
    lines = [line for line in errors.splitlines() if line != OFFSCREEN_NOTICE]
    assert all(re.match(LOG_LINE, line) for line in lines), errors
    assert " ERROR " not in errors
    text = log_text(log)
    assert "INFO kiosk.runtime.os_signals: SIGTERM received; stopping" in text
    assert text.rstrip().endswith("kiosk stopped (status 0)")


def test_sigint_stops_a_kiosk_started_on_broken_content_cleanly(
    tmp_path: Path, clinic: tuple[Path, Path]
) -> None:
    content, _ = clinic
    (content / IMAGE).unlink()
    process, log, stderr = start_kiosk(tmp_path, "--content", str(content))
    text = log_text(log)
    assert "showing the bundled content until fixed" in text
    assert all(line in text for line in image_problems(content))
    assert stop(process, signal.SIGINT) == 0
    errors = stderr.read_text(encoding="utf-8")
    assert "Traceback" not in errors and "KeyboardInterrupt" not in errors, errors
    text = log_text(log)
    assert "INFO kiosk.runtime.os_signals: SIGINT received; stopping" in text
    assert text.rstrip().endswith("kiosk stopped (status 0)")


def test_sighup_reloads_the_content_now(
    qtbot: QtBot, clinic: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    """Staff can ask for a reload, e.g. for content on a network share, whose changes the file
    watcher may not see. In this process, so the handler is put back afterwards."""
    caplog.set_level(logging.INFO, logger="kiosk")
    content, settings = clinic
    kiosk = open_kiosk(qtbot, content_dir=content, config_path=settings)
    reloader = kiosk.reloader
    assert reloader is not None and reloader.last_reload is None
    app = QApplication.instance()
    assert app is not None
    handler = SignalHandler(app, reload=reloader.reload_now)
    try:
        os.kill(os.getpid(), signal.SIGHUP)
        qtbot.waitUntil(lambda: reloader.last_reload is not None, timeout=RELOAD_MS)
    finally:
        handler.restore()
    assert "SIGHUP received; reloading" in caplog.text
    assert kiosk.current_screen() == ATTRACT


# --- 6. The display resized, turned or changed ---------------------------------------------


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def assert_fits(kiosk: KioskWindow, size: tuple[int, int]) -> None:
    """The screen the patient is on: nothing clipped or off the window, targets finger-sized."""
    assert kiosk.size() == QSize(*size)
    screen_id = kiosk.current_screen()
    screen = kiosk.screens[screen_id]
    assert_controls_fit(kiosk, screen_id, screen)
    assert_text_fits(kiosk, screen_id, screen, size, kiosk.session.text_scale)


def test_window_resized_and_turned_while_a_patient_reads_and_ticks(
    qtbot: QtBot, finger: Finger
) -> None:
    kiosk = open_kiosk(qtbot, LANDSCAPE)
    finger.tap(kiosk.attract)
    finger.tap_row(kiosk.home.scroll_area, kiosk.home.grid.tiles[1])
    topic = kiosk.current_screen()
    reading = kiosk.stack.currentWidget()
    assert isinstance(reading, TopicScreen)
    for size in (PORTRAIT, SMALL, LANDSCAPE):
        kiosk.resize(*size)
        settle()
        assert kiosk.current_screen() == topic
        assert_fits(kiosk, size)
    finger.tap(reading.home_button)
    finger.tap_row(kiosk.home.scroll_area, kiosk.home.checklist_tile)
    items = kiosk.language.checklist.items()
    chosen = [items[0], items[2]]
    for item in chosen:
        finger.tap_row(kiosk.checklist.scroll_area, kiosk.checklist.rows[item.id])
    for size in (PORTRAIT, SMALL, LANDSCAPE):
        kiosk.resize(*size)
        settle()
        assert kiosk.current_screen() == CHECKLIST
        assert kiosk.session.ticked == {item.id for item in chosen}
        ticked = [key for key, row in kiosk.checklist.rows.items() if row.isChecked()]
        assert ticked == [item.id for item in chosen]
        assert_fits(kiosk, size)
    finger.tap_row(kiosk.checklist.scroll_area, kiosk.checklist.see_list)
    assert kiosk.summary.answer_labels() == [item.label for item in chosen]
    assert_serves_patients(kiosk, finger)


def test_a_kiosk_covering_its_screen_follows_it_when_the_screen_turns(
    qtbot: QtBot, finger: Finger
) -> None:
    """The offscreen platform cannot turn a screen, so this emits the real QScreen's signal
    with the geometry a turned screen would report, through the connection the kiosk made."""
    kiosk = create_kiosk(config_path=SETTINGS, count_usage=False)
    qtbot.addWidget(kiosk, before_close_func=lambda w: setattr(w, "allow_close", True))
    kiosk.cover_screen()
    qtbot.waitExposed(kiosk)
    screen = kiosk.screen()
    real = screen.geometry()
    assert kiosk.geometry() == real
    finger.tap(kiosk.attract)
    finger.tap_row(kiosk.home.scroll_area, kiosk.home.checklist_tile)
    item = kiosk.language.checklist.items()[1]
    try:
        for size in (PORTRAIT, LANDSCAPE):
            screen.geometryChanged.emit(QRect(0, 0, *size))
            settle()
            assert kiosk.geometry() == QRect(0, 0, *size)
            if item.id not in kiosk.session.ticked:
                finger.tap_row(kiosk.checklist.scroll_area, kiosk.checklist.rows[item.id])
            assert kiosk.current_screen() == CHECKLIST
            assert kiosk.checklist.rows[item.id].isChecked()
            assert_fits(kiosk, size)
    finally:
        screen.geometryChanged.emit(real)
    settle()
    assert kiosk.geometry() == real
    finger.tap_row(kiosk.checklist.scroll_area, kiosk.checklist.see_list)
    assert kiosk.summary.answer_labels() == [item.label]


def test_a_kiosk_moved_to_another_screen_restyles_for_it(tmp_path: Path) -> None:
    """A real screen change: Qt's offscreen platform with two screens, in its own process."""
    screens = tmp_path / "screens.json"
    one = {"x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "dpr": 1}
    two = {**one, "x": 1920, "width": 3840, "height": 2160}  # a 4K panel of the same size
    shapes = [{"name": "4K", **two}, {"name": "HD", **one}]
    screens.write_text(json.dumps({"screens": shapes}), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.e2e.screens_driver"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    measured = json.loads(result.stdout.splitlines()[-1])
    assert {measured["from"], measured["to"]} == {"HD", "4K"}
    assert measured["geometry"] == measured["to_geometry"]
    assert measured["row_height"] >= measured["target"] != measured["target_before"]
    grew = measured["row_height"] - measured["row_height_before"]
    assert grew * (measured["target"] - measured["target_before"]) > 0, measured

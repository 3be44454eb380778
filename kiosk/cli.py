"""Command line: ``kiosk`` runs the kiosk; ``kiosk preview`` and ``kiosk validate`` help staff."""

from __future__ import annotations

import argparse
import difflib
import getpass
import logging
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.core.content.problems import ContentError

if TYPE_CHECKING:  # content loading is imported where used: `kiosk supervise` runs all day
    from PySide6.QtCore import QCoreApplication

    from kiosk.core.sources import Loaded
    from kiosk.ui.window import KioskWindow

SCHEMA_KINDS = ("settings", "pack", "page", "checklist", "strings")

DEFAULT_SIZES = ("1920x1080", "1080x1920")


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{3,5})x(\d{3,5})", text)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1920x1080")
    return int(match[1]), int(match[2])


def _parser() -> argparse.ArgumentParser:
    from kiosk import __version__

    parser = argparse.ArgumentParser(prog="kiosk", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--content", type=Path, help="content pack folder (default: bundled)")
    common.add_argument("--config", type=Path, help="clinic settings file")
    commands = parser.add_subparsers(dest="command")
    run = commands.add_parser("run", parents=[common], help="start the kiosk (the default)")
    run.add_argument("--windowed", action="store_true", help="a normal window, for a desktop trial")
    run.add_argument("--size", type=_size, default=(1280, 800), help="window size with --windowed")
    run.add_argument("--self-test", action="store_true", help="paint the first screen, exit 0")
    preview = commands.add_parser("preview", parents=[common], help="render every screen to PNG")
    preview.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    preview.add_argument(
        "--size", type=_size, action="append", help="WxH, repeatable (default: 1920x1080 1080x1920)"
    )
    preview.add_argument("--lang", help="language code, e.g. es (default: the clinic's)")
    preview.add_argument(
        "--text-size", type=int, choices=(100, 150, 200), default=100, help="text size in percent"
    )
    preview.add_argument("--high-contrast", action="store_true", help="the high-contrast theme")
    for name, about in (
        ("validate", "check content and settings; exit 1 with every problem"),
        ("lint", "validate, then warn about reading level, reviews, alt text, translations"),
    ):
        checker = commands.add_parser(name, parents=[common], help=about)
        checker.add_argument("content_dir", nargs="?", type=Path, help="content pack folder")
    lint = commands.choices["lint"]
    lint.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    lint.add_argument(
        "--review-months",
        type=int,
        default=12,
        metavar="N",
        help="warn when a page was last checked more than N months ago (default: 12)",
    )
    hash_pin = commands.add_parser("hash-pin", help="make the staff.pin_hash line for settings")
    hash_pin.add_argument(
        "--pin-stdin", action="store_true", help="read the PIN from standard input (scripts)"
    )
    handout = commands.add_parser("handout", parents=[common], help="write a topic handout as PDF")
    handout.add_argument("topic", help="topic id, e.g. lifestyle-steps")
    handout.add_argument("--pdf", type=Path, required=True, help="the PDF file to write")
    handout.add_argument("--lang", help="language code, e.g. es (default: the clinic's)")
    handout.add_argument(
        "--paper", choices=("letter", "a4"), default="letter", help="paper size (default: letter)"
    )
    stats = commands.add_parser("stats", help="print the anonymous usage counts", parents=[common])
    stats.add_argument("--csv", action="store_true", help="as CSV (day, event, screen, count)")
    stats.add_argument(
        "--report", type=Path, help="write a usage report with charts to this HTML file"
    )
    stats.add_argument("--days", type=int, help="days the report's charts cover (default: 28)")
    supervise = commands.add_parser(
        "supervise", help="run the kiosk session for systemd (the unit's main process)"
    )
    supervise.add_argument(
        "--grace", type=float, default=5.0, help="seconds before a stuck kiosk is killed"
    )
    supervise.add_argument(
        "session", nargs=argparse.REMAINDER, metavar="-- COMMAND", help="e.g. -- cage -d -- KIOSK"
    )
    init = commands.add_parser(
        "init", parents=[common], help="make a clinic folder to edit: settings, content, schemas"
    )
    init.add_argument("folder", type=Path, help="the new folder (must not exist, or be empty)")
    schema = commands.add_parser("schema", help="print the JSON Schema for a kind of file")
    schema.add_argument("kind", nargs="?", default="settings", choices=sorted(SCHEMA_KINDS))
    return parser


def _report(error: ContentError) -> int:
    print(f"{len(error.problems)} problem(s) found:", file=sys.stderr)
    for problem in error.problems:
        print("  " + problem.pointed().replace("\n", "\n  "), file=sys.stderr)
    return 1


def _no_display() -> str:
    """Why the kiosk cannot open a window here, in plain words; empty when it can."""
    if not sys.platform.startswith("linux"):
        return ""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    wants = {"xcb": "DISPLAY", "wayland": "WAYLAND_DISPLAY"}
    needed = [wants[platform]] if platform in wants else [] if platform else list(wants.values())
    if not needed or any(os.environ.get(name) for name in needed):
        return ""
    return (
        "kiosk: no display to show the kiosk on (no "
        + " or ".join(needed)
        + "). Start it in a desktop or kiosk session, or run `kiosk --help` for the staff commands."
    )


SELF_TEST_S = 30  # a cold start of a bundle on a slow disk takes a few seconds


def _self_test(app: QCoreApplication, window: KioskWindow) -> None:
    """Pass on a real paint event of the shown window (not a grab()), with every screen built;
    fail if none comes within SELF_TEST_S."""
    from PySide6.QtCore import QTimer

    def painted() -> None:
        window.build_all_screens()  # the rest, as straight after any first paint
        clinic, screens = window.settings.clinic.name, len(window.screens)
        print(f"self-test ok: {window.current_screen()} painted ({clinic}); {screens} screens")
        app.exit(0)

    def not_painted() -> None:
        print(f"self-test FAILED: the window was not painted within {SELF_TEST_S} s")
        app.exit(1)

    window.first_painted.connect(painted)
    QTimer.singleShot(SELF_TEST_S * 1000, not_painted)


def _run(args: argparse.Namespace) -> int:
    from PySide6.QtCore import Qt

    from kiosk import __version__
    from kiosk.app import application, create_kiosk, data_folder
    from kiosk.core.logs import setup_logging
    from kiosk.runtime.error_log import ErrorLog
    from kiosk.runtime.os_signals import SignalHandler
    from kiosk.runtime.service import Heartbeat
    from kiosk.ui.staff_mode import StaffMode

    if problem := _no_display():
        print(problem, file=sys.stderr)
        return 1
    app = application(sys.argv[:1])
    log_file = setup_logging(data_folder())
    log = logging.getLogger("kiosk")
    log.info("kiosk %s starting; log file %s", __version__, log_file)
    errors = ErrorLog()  # tracebacks and Qt's messages to the log from here on
    signals = SignalHandler(app)  # SIGTERM/SIGINT: exit 0; SIGHUP: reload
    # Broken clinic files at start: the bundled content until they are fixed (not for the
    # self-test, which checks a bundle before it ships).
    window = create_kiosk(
        args.content, args.config, fallback=not args.self_test, welcome_first=True
    )
    errors.recover = window.reset  # after an uncaught error: a fresh patient session
    if window.reloader is not None:
        signals.reload = window.reloader.reload_now
    staff = window.findChild(StaffMode)
    if staff is not None:
        staff.exit_requested.connect(app.quit)
    if window.settings.display.hide_cursor:
        app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    if args.windowed or args.self_test:
        window.resize(*args.size)
        window.show()
    else:
        window.setWindowFlags(
            Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        window.cover_screen()
    heartbeat = Heartbeat(app)

    def ready() -> None:  # runs once the first screen is painted
        log.info("kiosk ready: %s screen shown", window.current_screen())
        heartbeat.ready(f"showing the {window.current_screen()} screen")

    window.first_painted.connect(ready)
    if args.self_test:
        _self_test(app, window)
    status = app.exec()
    heartbeat.stopping()
    signals.restore()
    errors.restore()
    log.info("kiosk stopped (status %d)", status)
    return status


def _preview(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize

    from kiosk.app import create_kiosk
    from kiosk.ui.preview import Look, render_screens

    window = create_kiosk(args.content, args.config, watch=False, count_usage=False)
    sizes = [QSize(*size) for size in (args.size or [_size(text) for text in DEFAULT_SIZES])]
    look = Look(args.lang, args.text_size / 100, args.high_contrast)
    for path in render_screens(window, args.out, sizes, look):
        print(path)
    return 0


def _load_checked(args: argparse.Namespace) -> Loaded:
    from kiosk.core.sources import load_all

    folder = args.content_dir
    if folder is not None and folder.is_file():  # `kiosk validate settings.yaml`: settings
        print(f"{folder} is a file: checking it as clinic settings (--config {folder})")
        args.config, folder = folder, None
    return load_all(args.config, folder or args.content)


def _validate(args: argparse.Namespace) -> int:
    loaded = _load_checked(args)
    for warning in loaded.warnings:
        print(f"  {warning}", file=sys.stderr)
    print(f"Content in {loaded.content_dir} and settings in {loaded.settings_file} are valid.")
    return 0


def _lint(args: argparse.Namespace) -> int:
    from kiosk.core.content.lint import lint

    findings = lint(_load_checked(args), review_months=args.review_months)
    warnings = [finding for finding in findings if finding.severity == "warning"]
    for finding in findings:
        print(finding)
    print(f"{len(warnings)} warning(s).")
    return 1 if warnings and args.strict else 0


def _hash_pin(args: argparse.Namespace) -> int:
    from kiosk.core.staff import check_pin_format, hash_pin

    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    else:
        if not sys.stdin.isatty():
            print("No terminal to type the PIN in; use --pin-stdin.", file=sys.stderr)
            return 1
        pin = getpass.getpass("New staff PIN (4-12 digits): ")
        if getpass.getpass("Same PIN again: ") != pin:
            print("The two PINs differ; nothing changed.", file=sys.stderr)
            return 1
    if problem := check_pin_format(pin):
        print(f"Not a valid PIN: {problem}.", file=sys.stderr)
        return 1
    print("# Paste this into the settings file, under staff:")
    print(f'  pin_hash: "{hash_pin(pin)}"')
    return 0


def _handout(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import application
    from kiosk.core.sources import load_all
    from kiosk.core.take_home import page_handout
    from kiosk.ui.dates import reviewed
    from kiosk.ui.handout import write_pdf

    if not args.pdf.parent.is_dir():
        print(f"No folder {str(args.pdf.parent)!r} to write the PDF in.", file=sys.stderr)
        return 1
    loaded = load_all(args.config, args.content)
    settings = loaded.settings
    language = loaded.pack.language(args.lang or settings.languages.default)
    if args.lang and language.code != args.lang:
        have = ", ".join(loaded.pack.languages)
        print(f"No {args.lang!r} content; the pack has {have}.", file=sys.stderr)
        return 1
    topics = [page.id for page in language.pages]
    if args.topic not in topics:
        print(f"No topic {args.topic!r}; choose one of: {', '.join(topics)}", file=sys.stderr)
        return 1
    application()
    contact = settings.clinic.contact_in(language.code, settings.languages.default)
    page = language.page(args.topic)
    foot = reviewed(page, language.strings, language.code)
    handout = page_handout(page, settings.clinic.name, contact, settings.safety.numbers(), foot)
    try:
        print(write_pdf(handout, args.pdf, paper=args.paper))
    except OSError as error:
        print(f"The PDF was not written: {error}", file=sys.stderr)
        return 1
    return 0


def _stats(args: argparse.Namespace) -> int:
    from kiosk.app import data_folder
    from kiosk.core.stats import UsageStats

    path = data_folder() / "usage.sqlite3"
    if not path.is_file():
        print(
            f"No usage counts at {path} yet (set KIOSK_DATA_DIR to read another).", file=sys.stderr
        )
        return 1
    print(f"Usage counts from {path}", file=sys.stderr)
    stats = UsageStats(path)
    try:
        if args.report:
            return _write_report(args, stats.rows())
        if args.csv:
            print(stats.csv(), end="")
        else:
            for (event, screen), count in sorted(stats.totals().items()):
                print(f"{count:>8}  {event}  {screen}")
    finally:
        stats.close()
    return 0


def _write_report(args: argparse.Namespace, rows: list[tuple[str, str, str, int]]) -> int:
    from datetime import date

    from kiosk.core.sources import load_all
    from kiosk.core.usage_charts import page_titles
    from kiosk.core.usage_report import report
    from kiosk.core.usage_summary import PERIOD_DAYS, summarise

    days = args.days or PERIOD_DAYS
    if not 7 <= days <= 366:
        print("--days must be between 7 and 366.", file=sys.stderr)
        return 2
    clinic, primary, names = "the clinic", "#0E5A66", {}
    try:  # the clinic's name, colour and page titles, where its files load
        loaded = load_all(args.config, args.content)
        clinic, primary = loaded.settings.clinic.name, loaded.settings.theme.primary
        names = page_titles(loaded.pack)
    except ContentError:
        print("The content did not load: pages are named by their ids.", file=sys.stderr)
    summary = summarise(rows, date.today(), days=days)
    try:
        args.report.write_text(
            report(summary, clinic=clinic, primary=primary, names=names), encoding="utf-8"
        )
    except OSError as error:
        print(f"The report was not written: {error}", file=sys.stderr)
        return 1
    print(args.report)
    return 0


def _schema(args: argparse.Namespace) -> int:
    from kiosk.core.schema import schema_text

    print(schema_text(args.kind), end="")
    return 0


def _supervise(args: argparse.Namespace) -> int:
    from kiosk.runtime.supervise import supervise

    command = args.session[1:] if args.session[:1] == ["--"] else args.session
    if not command:
        print("kiosk supervise: give the command to run, e.g. -- cage -d -- KIOSK", file=sys.stderr)
        return 2
    return supervise(command, grace=args.grace)


def _init(args: argparse.Namespace) -> int:
    from kiosk.core.clinic_folder import make_clinic_folder
    from kiosk.core.sources import load_all

    loaded = load_all(args.config, args.content)  # only what is valid is copied
    try:
        files = make_clinic_folder(
            args.folder, loaded.settings_file, loaded.content_dir, loaded.logo
        )
    except (FileExistsError, OSError) as error:
        print(f"kiosk init: {error}", file=sys.stderr)
        return 1
    folder = args.folder
    print(
        f"Made {folder} ({len(files)} files): settings.yaml, content/, schema/ and .vscode/.\n"
        "Open the folder in VS Code with the YAML extension (redhat.vscode-yaml): it checks\n"
        "each file as you type. Check the whole folder with:\n"
        f"  kiosk validate --config {folder / 'settings.yaml'} --content {folder / 'content'}"
    )
    return 0


COMMANDS = {
    "run": _run,
    "init": _init,
    "preview": _preview,
    "validate": _validate,
    "lint": _lint,
    "schema": _schema,
    "hash-pin": _hash_pin,
    "stats": _stats,
    "handout": _handout,
    "supervise": _supervise,
}


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    words = list(sys.argv[1:] if argv is None else argv)
    if words and not words[0].startswith("-") and words[0] not in COMMANDS:
        return _unknown_command(words[0])
    if not words or (words[0] not in COMMANDS and words[0] not in ("-h", "--help", "--version")):
        words.insert(0, "run")  # `kiosk --windowed` runs the kiosk
    args = _parser().parse_args(words)
    try:
        return COMMANDS[args.command](args)
    except ContentError as error:
        return _report(error)


def _unknown_command(word: str) -> int:
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    hint = f" Did you mean `kiosk {close[0]}`?" if close else ""
    print(f"kiosk: no command {word!r}.{hint} Commands: {', '.join(COMMANDS)}.", file=sys.stderr)
    return 2

"""Benchmark section: the largest pack the kiosk accepts, started and read through.

QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.largest_pack

Every limit at once: 24 topics of MAX_PAGE_CHARACTERS each, in two languages; on each page a
4000 x 3000 photo of its own and one of four SVGs of 19,000 shapes; a checklist of 12 groups
of 20 items. Figures: ``kiosk validate`` (fresh process), start to first paint, the other
screens built, every topic's first showing (p50 / max), a switch to the other language, and
resident memory after all of it. What staff can make must start and stay usable.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from kiosk.core.content.model import MAX_PAGE_CHARACTERS, MAX_TOPICS
from kiosk.core.paths import default_content_dir
from tests.benchmarks.common import Result, percentile, rss_kib, section_main

LANGUAGES = ("en", "es")
PARAGRAPH = (
    "The lining of the gut is a thin wall. It lets food in and keeps germs out. "
    "Sleep, plants and calm help it. "
)


def _photo(path: Path, index: int) -> None:
    from PIL import Image, ImageDraw  # noqa: PLC0415 - only to make the pack

    image = Image.new("RGB", (4000, 3000), (40 + index * 8, 120, 200 - index * 6))
    ImageDraw.Draw(image).ellipse((800, 600, 3200, 2400), fill=(250, 240, 200))
    image.save(path, "JPEG", quality=70)


def _svg(path: Path, shapes: int) -> None:
    rects = "".join(
        f'<rect x="{i % 190 * 5}" y="{i // 190 * 5}" width="4" height="4" fill="#4a7"/>'
        for i in range(shapes)
    )
    path.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="950" height="500">{rects}</svg>',
        encoding="utf-8",
    )


def _page(topic: str, number: int) -> dict[str, object]:
    """A page of exactly MAX_PAGE_CHARACTERS as the loader counts them."""
    blocks: list[dict[str, object]] = [
        {"image": {"src": f"images/photo-{number:02d}.jpg", "alt": "A calm photo."}},
        {"image": {"src": f"images/shapes-{number % 4}.svg", "alt": "Many small squares."}},
    ]
    page = {
        "id": topic,
        "title": f"Topic {number}",
        "tile": "A page as long as a page may be.",
        "picture": f"images/photo-{number:02d}.jpg",  # its tile's and title's: the photo
        "key_points": ["The gut lining is a thin wall."] * 6,
        "blocks": blocks,
    }
    from kiosk.core.content.model import Page  # noqa: PLC0415
    from kiosk.core.content.readability import page_text  # noqa: PLC0415

    room = MAX_PAGE_CHARACTERS - len(page_text(Page.model_validate(page)))
    while room > 0:
        length = min(room - 1, 1400)
        if length < 2:
            break
        if len(blocks) % 4 == 0:
            blocks.append({"heading": "What helps"})
        else:
            blocks.append({"paragraph": (PARAGRAPH * 15)[: length - 1].strip() + "."})
        room = MAX_PAGE_CHARACTERS - len(page_text(Page.model_validate(page)))
    return page


def _checklist(bundled: Path) -> dict[str, object]:
    checklist = yaml.safe_load(bundled.read_text(encoding="utf-8"))
    checklist["groups"] = [
        {
            "id": f"group-{g}",
            "heading": f"Group {g}",
            "items": [
                {"id": f"item-{g}-{i}", "label": f"Something noticed {g}.{i}", "hint": "A hint."}
                for i in range(20)
            ],
        }
        for g in range(12)
    ]
    checklist["picture"] = "images/shapes-0.svg"  # the busiest drawing on its tile
    return checklist


def generate_largest_pack(folder: Path, photos: bool = True) -> tuple[Path, Path]:
    """The largest pack the limits allow in ``folder``: (content folder, settings file)."""
    bundled = default_content_dir()
    content = folder / "content"
    (content / "images").mkdir(parents=True)
    topics = [f"topic-{number:02d}" for number in range(MAX_TOPICS)]
    for number in range(MAX_TOPICS):
        target = content / "images" / f"photo-{number:02d}.jpg"
        if photos or number == 0:
            _photo(target, number)
        else:
            shutil.copy(content / "images" / "photo-00.jpg", target)
    for shapes in range(4):
        _svg(content / "images" / f"shapes-{shapes}.svg", 19_000)
    for code in LANGUAGES:
        pages = content / code / "pages"
        pages.mkdir(parents=True)
        shutil.copy(bundled / code / "strings.yaml", content / code / "strings.yaml")
        checklist = _checklist(bundled / code / "checklist.yaml")
        (content / code / "checklist.yaml").write_text(yaml.safe_dump(checklist), "utf-8")
        for number, topic in enumerate(topics):
            (pages / f"{topic}.yaml").write_text(yaml.safe_dump(_page(topic, number)), "utf-8")
    manifest = {
        "default_language": "en",
        "languages": list(LANGUAGES),
        "topics": topics,
        "picture": "images/shapes-1.svg",  # the welcome screen's: a busy drawing
    }
    (content / "pack.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    settings = folder / "settings.yaml"
    settings.write_text(
        "clinic:\n  name: Largest Pack Clinic\n  contact: Ask at the desk.\n"
        "languages:\n  default: en\n  offered: [en, es]\n",
        encoding="utf-8",
    )
    return content, settings


def measure(args: argparse.Namespace) -> Result:
    from PySide6.QtCore import QEventLoop  # noqa: PLC0415 - after the offscreen default
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from kiosk.app import application, create_kiosk  # noqa: PLC0415
    from kiosk.core.session import HOME, topic_screen  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        content, settings = generate_largest_pack(Path(folder), photos=not args.quick)
        start = time.perf_counter()
        command = [sys.executable, "-m", "kiosk", "validate", "--content", str(content)]
        subprocess.run([*command, "--config", str(settings)], check=True, capture_output=True)
        validate_s = time.perf_counter() - start

        application()
        start = time.perf_counter()
        kiosk = create_kiosk(content, settings, watch=False, count_usage=False, welcome_first=True)
        kiosk.resize(1920, 1080)
        kiosk.show()
        loop = QEventLoop()
        kiosk.first_painted.connect(loop.quit)
        loop.exec()
        first_paint_s = time.perf_counter() - start
        start = time.perf_counter()
        kiosk.build_all_screens()
        build_s = time.perf_counter() - start
        visits = []
        kiosk.go(HOME)
        for page in kiosk.language.pages:
            start = time.perf_counter()
            kiosk.go(topic_screen(page.id))
            kiosk.stack.currentWidget().repaint()
            QApplication.processEvents()
            visits.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        kiosk.set_language("es")
        kiosk.stack.currentWidget().repaint()
        QApplication.processEvents()
        switch_s = time.perf_counter() - start
        rss = rss_kib()
        kiosk.allow_close = True
        kiosk.close()
    return {
        "pages": MAX_TOPICS,
        "languages": len(LANGUAGES),
        "validate_cli_s": round(validate_s, 2),
        "first_paint_s": round(first_paint_s, 2),
        "build_rest_s": round(build_s, 2),
        "first_visit_p50_ms": round(percentile(visits, 50), 1),
        "first_visit_max_ms": round(max(visits), 1),
        "language_switch_s": round(switch_s, 2),
        "rss_mib": round(rss / 1024, 1),
    }


if __name__ == "__main__":
    section_main(measure, argparse.ArgumentParser(description=__doc__))

"""Benchmark section: time to check content: the bundled pack and a generated 1,000-page pack.

QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.validation [--pages 1000]

Two figures each: ``kiosk validate`` as staff run it (a fresh process: interpreter, imports,
load and check of settings and every file), and the check alone in a warm process (what a hot
reload costs), the median of five. The generated pack cycles the six bundled English pages
under new ids, images included. The kiosk refuses more than 24 topics (a home screen patients
can take in), so the generated pack must come back with exactly that one problem, found after
every page file has been read and checked.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kiosk.core.content.model import MAX_TOPICS
from kiosk.core.content.problems import ContentError
from kiosk.core.paths import default_content_dir, default_settings_path
from kiosk.core.sources import load_all
from tests.benchmarks.common import Result, section_main

REPEATS = 5


def generate_pack(folder: Path, pages: int) -> Path:
    """An English pack of ``pages`` topics made from the bundled pages, and its settings file."""
    bundled = default_content_dir()
    shutil.copytree(bundled / "images", folder / "images")
    (folder / "en" / "pages").mkdir(parents=True)
    for name in ("strings.yaml", "checklist.yaml"):
        shutil.copy(bundled / "en" / name, folder / "en" / name)
    sources = sorted((bundled / "en" / "pages").glob("*.yaml"))
    topics = [f"topic-{index:04d}" for index in range(pages)]
    for index, topic in enumerate(topics):
        text = sources[index % len(sources)].read_text(encoding="utf-8")
        text = re.sub(r"(?m)^id: .*$", f"id: {topic}", text)
        (folder / "en" / "pages" / f"{topic}.yaml").write_text(text, encoding="utf-8")
    listing = "\n".join(f"  - {topic}" for topic in topics)
    (folder / "pack.yaml").write_text(
        f"default_language: en\nlanguages: [en]\ntopics:\n{listing}\n", encoding="utf-8"
    )
    settings = folder / "settings.yaml"
    settings.write_text(
        "clinic:\n  name: Benchmark Clinic\n  contact: Ask at the desk.\n"
        "languages:\n  default: en\n  offered: [en]\n",
        encoding="utf-8",
    )
    return settings


def problems(settings: Path, content: Path) -> list[str]:
    try:
        load_all(settings, content)
    except ContentError as error:
        return [problem.message for problem in error.problems]
    return []


def warm_seconds(settings: Path, content: Path, expected: list[str]) -> float:
    """Median seconds for ``load_all`` in this (warm) process; it must find ``expected``."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        found = problems(settings, content)
        times.append(time.perf_counter() - start)
        if found != expected:
            raise RuntimeError(f"expected {expected}, found {found}")
    return statistics.median(times)


def cli_seconds(settings: Path, content: Path, expected: list[str]) -> float:
    """Median wall time of ``kiosk validate`` in a fresh process; it must report ``expected``."""
    command = [sys.executable, "-m", "kiosk", "validate", str(content), "--config", str(settings)]
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        reported = done.returncode == 1 and all(text in done.stderr for text in expected)
        clean = done.returncode == 0 and not expected
        if not (clean or reported):
            raise RuntimeError(f"unexpected kiosk validate result:\n{done.stdout}{done.stderr}")
    return statistics.median(times)


def measure(args: argparse.Namespace) -> Result:
    pages = 100 if args.quick else args.pages
    bundled_settings, bundled = default_settings_path(), default_content_dir()
    result: Result = {
        "bundled_pages": len(list(bundled.glob("*/pages/*.yaml"))),
        "bundled_cli_s": round(cli_seconds(bundled_settings, bundled, []), 3),
        "bundled_warm_s": round(warm_seconds(bundled_settings, bundled, []), 4),
    }
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder)
        settings = generate_pack(content, pages)
        cap = f"at most {MAX_TOPICS} topics fit the home screen; this pack lists {pages}"
        expected = [cap] if pages > MAX_TOPICS else []
        result |= {
            "generated_pages": pages,
            "generated_cli_s": round(cli_seconds(settings, content, expected), 3),
            "generated_warm_s": round(warm_seconds(settings, content, expected), 3),
        }
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1000)
    section_main(measure, parser)

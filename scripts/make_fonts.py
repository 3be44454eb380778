"""Make resources/fonts: Atkinson Hyperlegible, the Braille Institute's typeface for readers
with low vision (SIL Open Font License 1.1), from the pinned npm package that ships it.

    .venv/bin/python scripts/make_fonts.py      (needs npm; run again only to change the pin)

The package's Latin subset (English and Spanish, with their punctuation) comes as WOFF; Qt
loads TrueType on every platform, so each style is unwrapped into a .ttf. The result is the
same bytes every run (no timestamps are rewritten) and is committed, so neither the kiosk nor
its tests need npm.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.ttLib import TTFont
from npm_package import unpacked, write_source

PACKAGE = "@fontsource/atkinson-hyperlegible@5.3.0"
INTEGRITY = (  # npm's dist.integrity for that version
    "sha512-Sp8Ve8+rQmENY2Lv02VH7sLpntzTTvnncnJMTbRE7DX6TLxGraN4ykZfzaUWIoCFmaomwkvNiqmlPkrKBuDoSA=="
)
STYLES = {  # file in the package -> file made here
    "atkinson-hyperlegible-latin-400-normal.woff": "AtkinsonHyperlegible-Regular.ttf",
    "atkinson-hyperlegible-latin-700-normal.woff": "AtkinsonHyperlegible-Bold.ttf",
    "atkinson-hyperlegible-latin-400-italic.woff": "AtkinsonHyperlegible-Italic.ttf",
    "atkinson-hyperlegible-latin-700-italic.woff": "AtkinsonHyperlegible-BoldItalic.ttf",
}
OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"


def main() -> int:
    with unpacked(PACKAGE, INTEGRITY) as package:
        OUT.mkdir(parents=True, exist_ok=True)
        for woff, ttf in STYLES.items():
            font = TTFont(package / "files" / woff, recalcTimestamp=False)
            font.flavor = None  # plain TrueType
            font.save(OUT / ttf, reorderTables=True)
            print(OUT / ttf)
        licence = (package / "LICENSE").read_text(encoding="utf-8")
        (OUT / "OFL.txt").write_text(licence, encoding="utf-8")
    made = (
        "its Latin-subset WOFF files, unwrapped to TrueType.\n"
        "Licence: SIL Open Font License 1.1 (OFL.txt). Reserved Font Name: none."
    )
    write_source(OUT, "make_fonts.py", PACKAGE, INTEGRITY, made)
    return 0


if __name__ == "__main__":
    sys.exit(main())

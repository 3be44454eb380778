"""Benchmark section: a bounded fuzz run of every loader staff files go through.

QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.fuzz [--inputs 20000] [--seed 1]

Each input is one of the bundled files (settings, pack.yaml, a page, the checklist, the
strings, an SVG picture) mutated by a seeded random mix of byte flips, cuts, repeats,
YAML punctuation, control characters, deep nesting and huge numbers, then read the way the
kiosk reads it (load_settings, load_pack on a pack holding it, image_problem). Every input
must either load or be refused with a ContentError whose problems name a file; anything else
(another exception, a hang past 5 s) is a finding, kept in build/fuzz-findings/ to replay.
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from kiosk.core.config import load_settings
from kiosk.core.content.images import image_problem
from kiosk.core.content.loader import load_pack
from kiosk.core.content.problems import ContentError
from tests.benchmarks.common import Result, percentile, section_main
from tests.conftest import CONTENT, REPO, SETTINGS

FINDINGS = REPO / "build" / "fuzz-findings"
# Where each kind of file lives in a pack, and the bundled original it is mutated from.
KINDS: dict[str, Path] = {
    "settings": SETTINGS,
    "pack": CONTENT / "pack.yaml",
    "page": CONTENT / "en" / "pages" / "lifestyle-steps.yaml",
    "checklist": CONTENT / "en" / "checklist.yaml",
    "strings": CONTENT / "en" / "strings.yaml",
    "svg": CONTENT / "images" / "healthy-habits.svg",
}
TOKENS = [
    b": ", b"- ", b"{", b"}", b"[", b"]", b"&a ", b"*a", b"!!python/object:os.system", b"\t",
    b"\x0b", b"\x00", b"\xff\xfe", b"\n  " * 3, b"'", b'"', b"#", b"|", b">", b"%YAML 1.1\n",
    b"1e308", b"2147484", b".inf", b".nan", b"-1", b"0x", b"<use href='#x'/>", b"<!ENTITY a 'b'>",
    b"../../etc/passwd", b"~", b"null", b"yes", b"\xe9",
]  # fmt: skip


class HangError(Exception):
    pass


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to eight random edits of ``data``."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(out) + 1)
        edit = rng.randrange(7)
        if edit == 0 and out:  # flip a byte
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif edit == 1:  # cut a stretch
            del out[at : at + rng.randint(1, 200)]
        elif edit == 2:  # repeat a stretch
            piece = out[at : at + rng.randint(1, 80)]
            out[at:at] = piece * rng.randint(2, 50)
        elif edit == 3:  # deep nesting
            out[at:at] = b"[" * rng.randint(50, 3000)
        else:  # a token that means something to YAML, XML or a number
            out[at:at] = rng.choice(TOKENS)
    return bytes(out)


def reader(kind: str, pack: Path, settings: Path) -> tuple[Path, Callable[[], object]]:
    """The file to write the input to, and how the kiosk reads it."""
    if kind == "settings":
        return settings, lambda: load_settings(settings)
    if kind == "svg":
        target = pack / "images" / "healthy-habits.svg"
        return target, lambda: image_problem(target)
    return pack / KINDS[kind].relative_to(CONTENT), lambda: load_pack(pack)


def on_alarm(_signum: int, _frame: object) -> None:
    raise HangError


def measure(args: argparse.Namespace) -> Result:
    inputs = 300 if args.quick else args.inputs
    rng = random.Random(args.seed)
    outcomes: Counter[str] = Counter()
    seconds: list[float] = []
    findings: list[str] = []
    signal.signal(signal.SIGALRM, on_alarm)
    with tempfile.TemporaryDirectory() as folder:
        pack, settings = Path(folder) / "content", Path(folder) / "settings.yaml"
        shutil.copytree(CONTENT, pack)
        started = time.perf_counter()
        for number in range(inputs):
            kind = rng.choice(sorted(KINDS))
            data = mutate(KINDS[kind].read_bytes(), rng)
            target, read = reader(kind, pack, settings)
            target.write_bytes(data)
            begin = time.perf_counter()
            signal.alarm(5)
            try:
                read()
                outcomes["loaded"] += 1
            except ContentError as refused:
                ok = all(str(problem.file) for problem in refused.problems)
                outcomes["refused" if ok and refused.problems else "refused without a file"] += 1
            except Exception as error:  # any other outcome (a HangError too) is a finding
                outcomes[f"finding: {type(error).__name__}"] += 1
                FINDINGS.mkdir(parents=True, exist_ok=True)
                saved = FINDINGS / f"{args.seed}-{number}-{kind}"
                saved.write_bytes(data)
                findings.append(f"{saved}: {type(error).__name__}: {error}"[:300])
            finally:
                signal.alarm(0)
                seconds.append(time.perf_counter() - begin)
                shutil.copy(KINDS[kind], target)  # the next input starts from a good pack
        elapsed = time.perf_counter() - started
    return {
        "inputs": inputs,
        "seed": args.seed,
        "seconds": round(elapsed, 1),
        "outcomes": dict(outcomes),
        "findings": findings[:20],
        "p99_ms": round(percentile(seconds, 99) * 1000, 1),
        "max_ms": round(max(seconds) * 1000, 1),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inputs", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    section_main(measure, parser)

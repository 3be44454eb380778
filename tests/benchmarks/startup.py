"""Benchmark section: cold start to the first painted screen, and memory, vs a bare Qt window.

QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.startup [--runs 7]

Starts ``start_probe`` in fresh processes, alternating the bare window and the kiosk, and
takes medians. Start time runs from just before the process is spawned until its first paint
has been flushed; memory is read in the child after the first paint plus one second, so the
kiosk has finished whatever it does after its first paint.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.common import Result, section_main

SETTLE_MS = 1000


def probe_env(data: str) -> dict[str, str]:
    """The probes' environment: their own data folder, and compiled modules kept as on an
    installed kiosk (whose bundle holds them compiled), not compiled afresh each start."""
    env = os.environ | {"KIOSK_DATA_DIR": data}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def probe(kind: str) -> Result:
    with tempfile.TemporaryDirectory() as data:
        env = probe_env(data)
        command = [sys.executable, "-m", "tests.benchmarks.start_probe", kind]
        started = time.time()  # wall clock: the child reports its paint on the same clock
        done = subprocess.run(
            [*command, "--settle-ms", str(SETTLE_MS)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
    report = json.loads(done.stdout.splitlines()[-1])
    return {
        "first_paint_s": report["painted_at"] - started,
        "pss_kib": report["pss_kib"],
        "peak_rss_kib": report["peak_rss_kib"],
    }


def instructions(kind: str) -> int:
    """Instructions (callgrind's Ir) from the start of the process to its first paint: a
    figure that does not move with the machine's load."""
    valgrind = shutil.which("valgrind") or "valgrind"
    with tempfile.TemporaryDirectory() as data:
        out = Path(data) / "callgrind.out"
        env = probe_env(data)
        command = [sys.executable, "-m", "tests.benchmarks.start_probe", kind, "--settle-ms", "0"]
        subprocess.run(
            [valgrind, "--tool=callgrind", f"--callgrind-out-file={out}", *command],
            capture_output=True,
            env=env,
            check=True,
        )
        for line in out.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise RuntimeError("no totals in the callgrind output")


def measure(args: argparse.Namespace) -> Result:
    runs = 3 if args.quick else args.runs
    probe("bare"), probe("kiosk")  # the first start of each reads files from disk: not timed
    samples: dict[str, list[Result]] = {"bare": [], "kiosk": []}
    for _ in range(runs):
        for kind, reports in samples.items():
            reports.append(probe(kind))
    result: Result = {"runs": runs}
    for kind, reports in samples.items():
        result[kind] = {
            key: round(statistics.median(report[key] for report in reports), 3)
            for key in ("first_paint_s", "pss_kib", "peak_rss_kib")
        }
    for key in ("first_paint_s", "pss_kib", "peak_rss_kib"):
        result[f"{key}_ratio"] = round(result["kiosk"][key] / result["bare"][key], 2)
    if shutil.which("valgrind"):  # instruction counts, alternated too (A B A B)
        counts: dict[str, list[int]] = {kind: [] for kind in samples}
        for _ in range(1 if args.quick else 2):
            for kind, runs in counts.items():
                runs.append(instructions(kind))
        for kind, runs in counts.items():
            result[kind]["instructions_m"] = round(statistics.median(runs) / 1e6)
        ratio = result["kiosk"]["instructions_m"] / result["bare"]["instructions_m"]
        result["instructions_m_ratio"] = round(ratio, 2)
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    section_main(measure, parser)

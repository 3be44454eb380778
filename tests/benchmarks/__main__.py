"""The performance benchmark: every section in its own process, one table, one JSON file.

bash scripts/benchmark.sh [--quick] [--out build/benchmark.json] [--only startup,soak]

Not part of the test run. Sections: startup (first paint and memory vs a bare PySide6 window),
start_stages (time and memory of each start-up step), page_switch (1,000 switches vs a naive
QStackedWidget), restyle (text size, contrast and the reset after them, paint included),
idle_cpu (60 s each), soak (2,000 sessions, each switching language, text size and contrast),
validation (bundled pack and a 1,000-page pack), largest_pack (every content limit at once,
started and read through), fuzz (20,000 mutated staff files through the loaders).
``--quick`` runs each briefly to check the harness itself; its figures mean little.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

SECTIONS = (
    "startup",
    "start_stages",
    "page_switch",
    "restyle",
    "idle_cpu",
    "soak",
    "validation",
    "largest_pack",
    "fuzz",
)
MIB = 1024


@dataclass(frozen=True)
class Row:
    """One line of the table: a figure, its yardstick, and the target it must meet."""

    measure: str
    kiosk: str
    yardstick: str
    target: str
    met: bool | None  # None: reported, no target


def run_section(name: str, quick: bool) -> dict[str, Any]:
    command = [sys.executable, "-m", f"tests.benchmarks.{name}", "--json"]
    if quick:
        command.append("--quick")
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"section {name} failed:\n{done.stderr}")
    print(f"  {name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def _startup(r: dict[str, Any]) -> list[Row]:
    kiosk, bare = r["kiosk"], r["bare"]
    return [
        Row(
            "start to first paint (s)",
            f"{kiosk['first_paint_s']:.3f}",
            f"bare {bare['first_paint_s']:.3f}",
            "<= 1.5x bare",
            r["first_paint_s_ratio"] <= 1.5,
        ),
        Row(
            "PSS 1 s after first paint (MiB)",
            f"{kiosk['pss_kib'] / MIB:.1f}",
            f"bare {bare['pss_kib'] / MIB:.1f}",
            "<= 1.3x bare",
            r["pss_kib_ratio"] <= 1.3,
        ),
        Row(
            "peak RSS (MiB)",
            f"{kiosk['peak_rss_kib'] / MIB:.1f}",
            f"bare {bare['peak_rss_kib'] / MIB:.1f}",
            "<= 1.5x bare",
            r["peak_rss_kib_ratio"] <= 1.5,
        ),
        *(
            [
                Row(
                    "start to first paint (M instructions, callgrind)",
                    f"{kiosk['instructions_m']:,}",
                    f"bare {bare['instructions_m']:,}",
                    "<= 1.5x bare",
                    r["instructions_m_ratio"] <= 1.5,
                )
            ]
            if "instructions_m_ratio" in r
            else []
        ),
    ]


def _start_stages(r: dict[str, Any]) -> list[Row]:
    return [
        *(Row(f"  step: {step['stage']} (ms; PSS MiB)",
              f"{step['ms']:.0f}; {step['added_kib'] / MIB:+.1f}", "-", "reported", None)
          for step in r["stages"]),
        Row(f"  longest event-loop turn while the rest is built ({r['build_turns']} turns; ms)",
            f"{r['longest_turn_ms']:.0f}", "-", "reported", None),
    ]  # fmt: skip


def _page_switch(r: dict[str, Any]) -> list[Row]:
    kiosk, naive, anchor = r["kiosk"], r["naive_reference"], r["app_like"]
    return [
        Row(
            f"page switch p50 / p95 (ms, {kiosk['switches']}x, {r['size']})",
            f"{kiosk['p50_ms']:.1f} / {kiosk['p95_ms']:.1f}",
            f"app-like {anchor['p50_ms']:.1f} / {anchor['p95_ms']:.1f}; "
            f"naive {naive['p50_ms']:.1f} / {naive['p95_ms']:.1f}",
            "p95 <= 8 ms",
            kiosk["p95_ms"] <= 8,
        )
    ]


def _restyle(r: dict[str, Any]) -> list[Row]:
    def row(key: str, what: str) -> Row:
        figures = r[key]
        return Row(
            f"{what} p50 / p95 (ms, {figures['n']}x, paint included)",
            f"{figures['p50_ms']:.1f} / {figures['p95_ms']:.1f}",
            "-",
            "p95 <= 25 ms",
            figures["p95_ms"] <= 25,
        )

    return [
        row("text_size", "text size 100 <-> 200 %"),
        row("contrast", "high contrast on / off"),
        row("reset", "reset after both"),
        Row("first showing of a screen after a change p50 / p95 (ms)",
            f"{r['first_showing_after']['p50_ms']:.1f} / {r['first_showing_after']['p95_ms']:.1f}",
            "-", "reported", None),
    ]  # fmt: skip


def _idle_cpu(r: dict[str, Any]) -> list[Row]:
    bare = f"bare {r['bare_window_percent']:.3f}"
    seconds = f"{r['seconds_each']:g} s"
    return [
        # The welcome screen moves on purpose (issue 18): a 2 s swell of the ring round its
        # invitation every 6 s, 25 frames a second. Still, it measured 0.065 %.
        Row(f"idle CPU, welcome screen (% over {seconds})", f"{r['attract_percent']:.3f}", bare,
            "<= 6 % (its ring)", r["attract_percent"] <= 6),
        Row(f"idle CPU, open page (% over {seconds})", f"{r['open_page_percent']:.3f}", bare,
            "<= 0.1 %", r["open_page_percent"] <= 0.1),
    ]  # fmt: skip


def _soak(r: dict[str, Any]) -> list[Row]:
    what = f"{r['navigations']} navigations, {r['idle_resets']} idle resets"
    return [
        Row(f"soak RSS growth (MiB; {what})", f"{r['rss_growth_kib'] / MIB:+.2f}", "-",
            "<= 2 MiB, no crash", r["rss_growth_kib"] <= 2 * MIB),
        Row("soak Python object growth", f"{r['python_object_growth']:+d}", "-", "reported",
            None),
        Row("soak Qt object growth (window's children; all widgets; all Python-held QObjects)",
            f"{r['qt_object_growth']:+d}; {r['widget_growth']:+d}; "
            f"{r['wrapped_qobject_growth']:+d}", "-", "reported", None),
    ]  # fmt: skip


def _validation(r: dict[str, Any]) -> list[Row]:
    return [
        Row(f"validate bundled pack ({r['bundled_pages']} pages; s)",
            f"{r['bundled_warm_s']:.3f} ({r['bundled_cli_s']:.2f} CLI)", "-", "reported", None),
        Row(f"validate generated pack ({r['generated_pages']} pages; s)",
            f"{r['generated_warm_s']:.2f} ({r['generated_cli_s']:.2f} CLI)", "-", "<= 2 s",
            r["generated_cli_s"] <= 2),
    ]  # fmt: skip


def _largest_pack(r: dict[str, Any]) -> list[Row]:
    what = f"{r['pages']} pages x {r['languages']} languages at every limit"
    return [
        Row(f"largest pack ({what}): validate (s)", f"{r['validate_cli_s']:.2f}", "-",
            "<= 3 s", r["validate_cli_s"] <= 3),
        Row("largest pack: start to first paint (s)", f"{r['first_paint_s']:.2f}", "-",
            "<= 3 s", r["first_paint_s"] <= 3),
        Row("largest pack: a page's first showing p50 / max (ms)",
            f"{r['first_visit_p50_ms']:.0f} / {r['first_visit_max_ms']:.0f}", "-", "reported",
            None),
        Row("largest pack: switch to the other language (s)", f"{r['language_switch_s']:.2f}",
            "-", "reported", None),
        Row("largest pack: RSS after all of it (MiB)", f"{r['rss_mib']:.0f}", "-",
            "<= 512 MiB", r["rss_mib"] <= 512),
    ]  # fmt: skip


def _fuzz(r: dict[str, Any]) -> list[Row]:
    found = sum(n for outcome, n in r["outcomes"].items() if outcome.startswith("finding"))
    return [
        Row(f"fuzz: {r['inputs']} mutated staff files (loaded / refused)",
            f"{r['outcomes'].get('loaded', 0)} / {r['outcomes'].get('refused', 0)}", "-",
            "reported", None),
        Row("fuzz: findings (any other exception, a hang)", str(found), "-", "0", found == 0),
        Row("fuzz: time per input p99 / max (ms)", f"{r['p99_ms']} / {r['max_ms']}", "-",
            "reported", None),
    ]  # fmt: skip


ROWS: dict[str, Callable[[dict[str, Any]], list[Row]]] = {
    "startup": _startup,
    "start_stages": _start_stages,
    "page_switch": _page_switch,
    "restyle": _restyle,
    "idle_cpu": _idle_cpu,
    "soak": _soak,
    "validation": _validation,
    "largest_pack": _largest_pack,
    "fuzz": _fuzz,
}


def table(rows: list[Row]) -> str:
    header = ("measure", "kiosk", "yardstick", "target", "met")
    verdict = {True: "yes", False: "NO", None: "-"}
    cells = [header] + [
        (row.measure, row.kiosk, row.yardstick, row.target, verdict[row.met]) for row in rows
    ]
    widths = [max(len(line[column]) for line in cells) for column in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in cells
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "pyside6": version("PySide6-Essentials"),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "qpa": os.environ.get("QT_QPA_PLATFORM", ""),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path, default=Path("build/benchmark.json"))
    parser.add_argument("--only", default=",".join(SECTIONS))
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    chosen = [name for name in args.only.split(",") if name]
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    print("running:", file=sys.stderr)
    results = {name: run_section(name, args.quick) for name in chosen}
    rows = [row for name in chosen for row in ROWS[name](results[name])]
    print(table(rows))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "quick": args.quick,
        "machine": machine(),
        "results": results,
        "targets": [row.__dict__ for row in rows],
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nJSON: {args.out}")
    return 0 if all(row.met is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

"""What the benchmark sections share (no Qt here): memory readings, percentiles, JSON output."""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import sys
import tempfile
from collections.abc import Callable, Sequence
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Usage counts and logs of benchmark kiosks go to a throwaway folder.
os.environ.setdefault("KIOSK_DATA_DIR", tempfile.mkdtemp(prefix="kiosk-bench-data-"))

Result = dict[str, Any]


def _proc_kib(path: str, key: str) -> int:
    with open(path, encoding="ascii") as status:
        for line in status:
            if line.startswith(key):
                return int(line.split()[1])
    raise RuntimeError(f"no {key} line in {path}")


def pss_kib() -> int:
    """Proportional set size of this process (Linux), in KiB."""
    return _proc_kib("/proc/self/smaps_rollup", "Pss:")


def rss_kib() -> int:
    """Resident set size now (Linux), in KiB."""
    return _proc_kib("/proc/self/status", "VmRSS:")


def peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def percentile(values: Sequence[float], percent: float) -> float:
    """Nearest-rank percentile (no interpolation): a value that was really measured."""
    ordered = sorted(values)
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]


def section_main(measure: Callable[[argparse.Namespace], Result], parser: argparse.ArgumentParser):
    """Run one section: ``--json`` prints its result as one JSON line (for ``__main__``)."""
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--quick", action="store_true", help="a short smoke run")
    args = parser.parse_args()
    result = measure(args)
    if args.json:
        print(json.dumps(result), flush=True)
    else:
        json.dump(result, sys.stdout, indent=2)
        print()

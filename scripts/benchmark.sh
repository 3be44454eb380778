#!/usr/bin/env bash
# Set up (first time) and run the performance benchmark headless: prints a table of figures
# against their targets and writes build/benchmark.json. About 12 minutes; not part of the tests.
# Extra arguments go to the benchmark: --quick, --only startup,page_switch, --out FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m tests.benchmarks "$@"

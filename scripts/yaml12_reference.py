"""Write tests/data/yaml12_plain_values.json: how the YAML reader of the editors staff use
(yaml-language-server 2.0.0, which reads with the npm package yaml@2.8.3, YAML 1.2) reads each
plain value staff might type. tests/unit/content/test_yaml12.py holds the kiosk to the same.

    .venv/bin/python scripts/yaml12_reference.py      (needs node and npm)
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from npm_package import unpacked

PACKAGE = "yaml@2.8.3"
INTEGRITY = (  # npm\'s dist.integrity for that version
    "sha512-AvbaCLOO2Otw/lW5bmh9d/WEdcDFdQp2Z2ZUH3pX9U2ihyUY0nvLv7J6TrWowklRGPYbB/IuIMfYgxaCPg5Bpg=="
)
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "yaml12_plain_values.json"
# YAML 1.1 readers (PyYAML) and YAML 1.2 ones disagree on many of these.
VALUES = [
    "yes", "no", "on", "off", "y", "n", "Yes", "NO", "True", "TRUE", "tRue", "false", "FALSE",
    "null", "Null", "NULL", "~", "", "012", "0o12", "0x1F", "0b101", "1_000", "1:20", "+12",
    "-0", "08", "09.5", ".inf", "-.Inf", "+.INF", ".NaN", "1e3", "1E-3", "1.5", ".5", "5.",
    "0.1", "1.2.3", "0o8", "0x", "2026-11-29", "2026-11-29 10:00:00", "=", "<<", "#1F4E79",
    '"#1F4E79"', "'no'", "es", "sp", "navy", "12:30", "3/4",
]  # fmt: skip
READ = """
const { parse } = require(process.argv[1] + "/dist/index.js");
const values = JSON.parse(require("fs").readFileSync(0, "utf8"));
const read = values.map((value) => {
  const got = parse("value: " + value + "\\n").value;
  if (typeof got === "number" && !Number.isFinite(got)) return { number: String(got) };
  return got === null ? null : { [typeof got]: got };
});
process.stdout.write(JSON.stringify(read));
"""


def main() -> None:
    with unpacked(PACKAGE, INTEGRITY) as package:
        done = subprocess.run(
            ["node", "-e", READ, str(package)],
            input=json.dumps(VALUES), capture_output=True, text=True, check=True,
        )  # fmt: skip
    read = json.loads(done.stdout)
    table = {
        "reader": f"{PACKAGE} (yaml-language-server 2.0.0)",
        "values": dict(zip(VALUES, read, strict=True)),
    }
    OUT.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(VALUES)} values)")


if __name__ == "__main__":
    main()

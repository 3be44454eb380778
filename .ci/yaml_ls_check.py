"""A clinic folder made by `kiosk init`, copied elsewhere, as VS Code's YAML extension sees it:
yaml-language-server (pinned in .ci/yaml-ls) opens every file and must report nothing; a
mistake must be reported from the schema the file's `$schema` line points at; and values
YAML 1.1 and 1.2 read differently (`title: no`) must be fine for it as for the kiosk.

    .venv/bin/python .ci/yaml_ls_check.py PATH/TO/yaml-language-server
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from kiosk.cli import main as kiosk

QUIET_S = 3.0  # no more diagnostics for this long: the server is done
SETTINGS = {"yaml": {"validate": True, "yamlVersion": "1.2", "schemaStore": {"enable": False}}}


class Server:
    """yaml-language-server over stdio: LSP messages with Content-Length headers."""

    def __init__(self, command: str, root: Path):
        self.process = subprocess.Popen(
            [command, "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.ids = 0
        self.heard = time.monotonic()
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {
            "processId": None, "rootUri": root.as_uri(), "capabilities": {},
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
        })  # fmt: skip
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        """Every message the server sends, into ``self.inbox`` (a thread: a buffered pipe
        cannot be waited on with select without losing what its buffer already holds)."""
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"", b"\r\n", b"\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self.inbox.put(json.loads(stream.read(length)))

    def receive(self, timeout: float | None = None) -> dict[str, Any] | None:
        try:
            message: dict[str, Any] = self.inbox.get(timeout=timeout)
        except queue.Empty:
            return None
        if message.get("method") == "textDocument/publishDiagnostics":
            self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
            self.heard = time.monotonic()
        elif "id" in message and "method" in message:  # the server asks: configuration, ...
            items = message.get("params", {}).get("items", [])
            answer = [SETTINGS["yaml"] for _ in items] if items else None
            self.send({"id": message["id"], "result": answer})
        return message

    def request(self, method: str, params: dict[str, Any]) -> None:
        self.ids += 1
        self.send({"id": self.ids, "method": method, "params": params})
        while (answer := self.receive(timeout=60)) is None or answer.get("id") != self.ids:
            if answer is None:
                raise SystemExit(f"yaml-language-server did not answer {method}")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def open(self, path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        document = {"uri": path.as_uri(), "languageId": "yaml", "version": 1, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": document})

    def settle(self, uris: set[str]) -> None:
        """Read until every document has diagnostics and then nothing comes for a while."""
        self.heard = time.monotonic()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if uris <= self.diagnostics.keys() and time.monotonic() - self.heard > QUIET_S:
                return
            self.receive(timeout=0.5)
        missing = uris - self.diagnostics.keys()
        raise SystemExit(f"yaml-language-server gave no diagnostics for {missing}")

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


def main() -> int:
    command = sys.argv[1]
    with tempfile.TemporaryDirectory() as temp:
        made = Path(temp) / "made"
        if kiosk(["init", str(made)]) != 0:
            return 1
        folder = Path(temp) / "copied elsewhere" / "clinic"
        shutil.copytree(made, folder)
        shutil.rmtree(made)
        pages = folder / "content" / "en" / "pages"
        broken, yes_no = pages / "broken.yaml", pages / "yes-no.yaml"
        good = next(pages.glob("*.yaml")).read_text(encoding="utf-8")
        broken.write_text(good.replace("title:", "titel:", 1), encoding="utf-8")
        title = next(line for line in good.splitlines() if line.startswith("title:"))
        yes_no.write_text(good.replace(title, "title: no", 1), encoding="utf-8")
        files = sorted(folder.rglob("*.yaml"))
        server = Server(command, folder)
        try:
            for path in files:
                server.open(path)
            server.settle({path.as_uri() for path in files})
        finally:
            server.close()
    found = {Path(uri.removeprefix("file://")).name: d for uri, d in server.diagnostics.items()}
    wrong = {name: d for name, d in found.items() if d and name != "broken.yaml"}
    said = [item["message"] for item in found.get("broken.yaml", [])]
    print(f"yaml-language-server read {len(files)} files of a copied `kiosk init` folder")
    print(f"  on the page with 'titel:' it said: {said}")
    if wrong:
        print(f"yaml_ls_check: diagnostics on valid files: {json.dumps(wrong, indent=1)}")
        return 1
    if not any("titel" in message for message in said):
        print("yaml_ls_check: the misspelt key was not reported: no schema was applied")
        return 1
    print("  every other file, 'title: no' too, passed its schema")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The Python half of .ci/cage-e2e: a virtual pointer on cage's screen, and screenshot figures.

    cage_tap.py pointer             (WAYLAND_DISPLAY and XDG_RUNTIME_DIR of the compositor)
    cage_tap.py look SHOT.ppm OUT.png
    cage_tap.py diff A.ppm B.ppm

pointer: creates ONE zwlr_virtual_pointer_v1 and holds it until told to quit. It prints
"ready" once the pointer exists, then reads commands on standard input, one a line, and
answers each with "ok ..." once the compositor has handled it (a wl_display.sync round trip):
    tap X Y W H     move to pixel (X, Y) of a W x H output, press and release the left button
    move X Y W H    only move there
    quit            (or end of input) destroy the pointer and disconnect
One pointer for the whole run matters: a client that makes a new pointer for each click
(wlrctl does) adds a seat device each time, and the click comes before the app has taken the
seat's new pointer, so the app never sees it. Make the pointer before the app needs it.

look: figures of a screenshot that grim wrote as PPM (grim -t ppm), which it also writes as
OUT.png: "WIDTH HEIGHT COLOURS EDGE_BLACK_PERMILLE PNG_BYTES". EDGE_BLACK is the share of the
outermost rows and columns that are pure black, the colour cage shows where no window is.
diff: the share of pixels that differ between two screenshots of one size, in permille.

Standard library only: it speaks the Wayland wire protocol itself (very little of it is
needed) and reads PPM and writes PNG itself, so the test root needs only python3: no
compiler, no pywayland, no protocol XML, no imaging library. The request and event numbers
are those of wayland.xml and wlr-virtual-pointer-unstable-v1.xml, in the XML's order.
"""

from __future__ import annotations

import os
import socket
import struct
import sys
import time
import zlib

DISPLAY_ID = 1
# wl_display requests, and its event
SYNC, GET_REGISTRY = 0, 1
ERROR_EVENT = 0
# wl_registry request and event; wl_callback event
BIND, GLOBAL_EVENT, DONE_EVENT = 0, 0, 0
# zwlr_virtual_pointer_manager_v1 requests
MANAGER = "zwlr_virtual_pointer_manager_v1"
CREATE_VIRTUAL_POINTER, MANAGER_DESTROY = 0, 1
# zwlr_virtual_pointer_v1 requests
MOTION_ABSOLUTE, BUTTON, FRAME, POINTER_DESTROY = 1, 2, 4, 8
BTN_LEFT = 0x110  # linux/input-event-codes.h
RELEASED, PRESSED = 0, 1


def _string(text: str) -> bytes:
    data = text.encode() + b"\0"
    return struct.pack("=I", len(data)) + data + b"\0" * (-len(data) % 4)


def _uints(*values: int) -> bytes:
    return struct.pack(f"={len(values)}I", *values)


class Wayland:
    """A client connection that sends requests and reads only the events it needs."""

    def __init__(self) -> None:
        name = os.environ.get("WAYLAND_DISPLAY", "wayland-0")
        path = name if name.startswith("/") else os.path.join(os.environ["XDG_RUNTIME_DIR"], name)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.buffer = b""
        self.last_id = DISPLAY_ID
        self.registry = self.new_id()
        self.globals: dict[str, tuple[int, int]] = {}  # interface: (name, version)
        self.callbacks: set[int] = set()
        self.done: set[int] = set()
        self.request(DISPLAY_ID, GET_REGISTRY, _uints(self.registry))
        self.roundtrip()  # the registry has sent every global

    def new_id(self) -> int:
        self.last_id += 1
        return self.last_id

    def request(self, obj: int, opcode: int, payload: bytes = b"") -> None:
        self.sock.sendall(struct.pack("=II", obj, (8 + len(payload)) << 16 | opcode) + payload)

    def roundtrip(self, timeout: float = 10.0) -> None:
        """Wait until the compositor has handled every request sent so far."""
        callback = self.new_id()
        self.callbacks.add(callback)
        self.request(DISPLAY_ID, SYNC, _uints(callback))
        deadline = time.monotonic() + timeout
        while callback not in self.done:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"the compositor did not answer a sync in {timeout:g} s")
            self.sock.settimeout(left)
            data = self.sock.recv(65536)
            if not data:
                raise ConnectionError("the compositor closed the connection")
            self.buffer += data
            self._dispatch()

    def _dispatch(self) -> None:
        while len(self.buffer) >= 8:
            obj, word = struct.unpack_from("=II", self.buffer)
            size, opcode = word >> 16, word & 0xFFFF
            if len(self.buffer) < size:
                return
            body, self.buffer = self.buffer[8:size], self.buffer[size:]
            if obj == DISPLAY_ID and opcode == ERROR_EVENT:
                failed, code, length = struct.unpack_from("=III", body)
                message = body[12 : 12 + length - 1].decode(errors="replace")
                raise RuntimeError(f"protocol error on object {failed} ({code}): {message}")
            if obj == self.registry and opcode == GLOBAL_EVENT:
                name, length = struct.unpack_from("=II", body)
                interface = body[8 : 8 + length - 1].decode()
                (version,) = struct.unpack_from("=I", body, 8 + length + (-length % 4))
                self.globals[interface] = (name, version)
            elif obj in self.callbacks and opcode == DONE_EVENT:
                self.callbacks.discard(obj)
                self.done.add(obj)

    def bind(self, interface: str, version: int) -> int:
        if interface not in self.globals:
            raise LookupError(f"the compositor offers no {interface}")
        name, offered = self.globals[interface]
        obj = self.new_id()
        version = min(version, offered)
        self.request(self.registry, BIND, _uints(name) + _string(interface) + _uints(version, obj))
        return obj


def pointer() -> int:
    wayland = Wayland()
    manager = wayland.bind(MANAGER, 1)
    device = wayland.new_id()
    wayland.request(manager, CREATE_VIRTUAL_POINTER, _uints(0, device))  # 0: the default seat
    wayland.roundtrip()
    print("ready", flush=True)

    def now() -> int:
        return int(time.monotonic() * 1000) & 0xFFFFFFFF

    for line in sys.stdin:
        words = line.split()
        if words == ["quit"]:
            break
        if len(words) != 5 or words[0] not in ("tap", "move") or not "".join(words[1:]).isdigit():
            print(f"error: not a command: {line.strip()!r}", flush=True)
            continue
        x, y, width, height = (int(word) for word in words[1:])
        wayland.request(device, MOTION_ABSOLUTE, _uints(now(), x, y, width, height))
        wayland.request(device, FRAME)
        wayland.roundtrip()  # the app has the pointer over (x, y) before the press
        if words[0] == "tap":
            for state in (PRESSED, RELEASED):
                wayland.request(device, BUTTON, _uints(now(), BTN_LEFT, state))
                wayland.request(device, FRAME)
            wayland.roundtrip()
        print("ok", *words, flush=True)
    wayland.request(device, POINTER_DESTROY)
    wayland.request(manager, MANAGER_DESTROY)
    wayland.roundtrip()
    return 0


def read_ppm(path: str) -> tuple[int, int, bytes]:
    """A binary PPM (P6, 8 bits) as written by grim: width, height and the RGB bytes."""
    with open(path, "rb") as file:
        data = file.read()
    fields: list[bytes] = []
    at = 0
    while len(fields) < 4:  # magic, width, height, maxval; '#' comments are not written
        while data[at : at + 1].isspace():
            at += 1
        end = at
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[at:end])
        at = end
    magic, width, height, maxval = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    if magic != b"P6" or maxval != 255:
        raise ValueError(f"{path}: not an 8-bit binary PPM")
    pixels = data[at + 1 : at + 1 + width * height * 3]
    if len(pixels) != width * height * 3:
        raise ValueError(f"{path}: cut short")
    return width, height, pixels


def write_png(path: str, width: int, height: int, pixels: bytes) -> int:
    row = width * 3
    raw = b"".join(b"\0" + pixels[y * row : (y + 1) * row] for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        check = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + check

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    png += chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
    with open(path, "wb") as file:
        file.write(png)
    return len(png)


def look(shot: str, out: str) -> int:
    width, height, pixels = read_ppm(shot)
    colours = len({pixels[at : at + 3] for at in range(0, len(pixels), 3)})
    row = width * 3
    edge = pixels[:row] + pixels[(height - 1) * row :]  # top and bottom rows
    for y in range(1, height - 1):  # first and last column
        edge += pixels[y * row : y * row + 3] + pixels[(y + 1) * row - 3 : (y + 1) * row]
    count = len(edge) // 3
    black = sum(1 for at in range(0, len(edge), 3) if edge[at : at + 3] == b"\0\0\0")
    size = write_png(out, width, height, pixels)
    print(width, height, colours, black * 1000 // count, size)
    return 0


def diff(first: str, second: str) -> int:
    width, height, a = read_ppm(first)
    size_b = read_ppm(second)
    if size_b[:2] != (width, height):
        print(1000)
        return 0
    b = size_b[2]
    changed = sum(1 for at in range(0, len(a), 3) if a[at : at + 3] != b[at : at + 3])
    print(changed * 1000 // (width * height))
    return 0


if __name__ == "__main__":
    command, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if command == "pointer" and not args:
        sys.exit(pointer())
    if command == "look" and len(args) == 2:
        sys.exit(look(*args))
    if command == "diff" and len(args) == 2:
        sys.exit(diff(*args))
    sys.exit(__doc__)

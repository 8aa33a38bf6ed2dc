"""Drive headless Chromium over the DevTools protocol with the standard library only.

One browser per test module: open a file, run a script, take a screenshot.
The websocket client is the minimum the protocol needs (text frames, masked
sends, fragmented and ping frames on receive), so the tests need no package
beyond Debian's ``chromium``.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
)
START_TIMEOUT = 30.0
CALL_TIMEOUT = 20.0


def find_chromium() -> str | None:
    override = os.environ.get("BROADSHEET_CHROMIUM")
    if override:
        return override if Path(override).exists() else None
    for candidate in CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


class BrowserError(RuntimeError):
    pass


class _WebSocket:
    def __init__(self, url: str, timeout: float):
        parts = urlparse(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode("ascii")
        request = (f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n"
                   "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode("ascii"))
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise BrowserError("DevTools closed the connection during the handshake")
            self.buffer += chunk
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise BrowserError(f"websocket handshake refused: {head[:200]!r}")

    def send(self, text: str) -> None:
        self._frame(0x1, text.encode("utf-8"))

    def _frame(self, opcode: int, payload: bytes) -> None:
        size = len(payload)
        if size < 126:
            header = struct.pack(">BB", 0x80 | opcode, 0x80 | size)
        elif size < 1 << 16:
            header = struct.pack(">BBH", 0x80 | opcode, 0x80 | 126, size)
        else:
            header = struct.pack(">BBQ", 0x80 | opcode, 0x80 | 127, size)
        mask = os.urandom(4)
        # XOR with the repeated mask, done on whole integers rather than byte by byte.
        key = int.from_bytes((mask * (size // 4 + 1))[:size], "big") if size else 0
        masked = (int.from_bytes(payload, "big") ^ key).to_bytes(size, "big") if size else b""
        self.sock.sendall(header + mask + masked)

    def _read(self, count: int) -> bytes:
        while len(self.buffer) < count:
            chunk = self.sock.recv(max(65536, count - len(self.buffer)))
            if not chunk:
                raise BrowserError("DevTools connection closed")
            self.buffer += chunk
        out, self.buffer = self.buffer[:count], self.buffer[count:]
        return out

    def recv(self) -> str:
        message = b""
        while True:
            first, second = self._read(2)
            opcode, size = first & 0x0F, second & 0x7F
            if size == 126:
                size = struct.unpack(">H", self._read(2))[0]
            elif size == 127:
                size = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if second & 0x80 else b""
            payload = self._read(size)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            if opcode == 0x9:
                self._frame(0xA, payload)
                continue
            if opcode == 0x8:
                raise BrowserError("DevTools closed the websocket")
            if opcode in (0x0, 0x1, 0x2):
                message += payload
                if first & 0x80:
                    return message.decode("utf-8")

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass


class Chromium:
    """A headless Chromium with one page target, driven synchronously."""

    def __init__(self, executable: str):
        self.profile = tempfile.mkdtemp(prefix="broadsheet-chromium-")
        self.log = open(Path(self.profile) / "stderr.log", "wb")
        self.process = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-port=0",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.log, start_new_session=True)
        self.ws: _WebSocket | None = None
        self.next_id = 0
        self.events: list[dict] = []
        try:
            self._connect()
        except BaseException:
            self.close()
            raise

    def _connect(self) -> None:
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + START_TIMEOUT
        while not (port_file.exists() and port_file.read_text().count("\n") >= 1):
            if self.process.poll() is not None:
                raise BrowserError(f"chromium exited with {self.process.returncode}: {self._log_tail()}")
            if time.monotonic() > deadline:
                raise BrowserError(f"chromium did not open DevTools in {START_TIMEOUT:.0f} s: {self._log_tail()}")
            time.sleep(0.05)
        port = int(port_file.read_text().split()[0])
        page_url = None
        while page_url is None:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=CALL_TIMEOUT) as response:
                targets = json.load(response)
            page_url = next((t["webSocketDebuggerUrl"] for t in targets if t.get("type") == "page"), None)
            if page_url is None:
                if time.monotonic() > deadline:
                    raise BrowserError("chromium has no page target")
                time.sleep(0.05)
        self.ws = _WebSocket(page_url, CALL_TIMEOUT)
        self.call("Page.enable")
        self.call("Runtime.enable")

    def _log_tail(self) -> str:
        self.log.flush()
        return (Path(self.profile) / "stderr.log").read_text(errors="replace")[-600:]

    def call(self, method: str, **params) -> dict:
        assert self.ws is not None
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_event(self, name: str, timeout: float = CALL_TIMEOUT) -> dict:
        assert self.ws is not None
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event["method"] == name:
                    return self.events.pop(index)
            if time.monotonic() > deadline:
                raise BrowserError(f"no {name} within {timeout:.0f} s")
            message = json.loads(self.ws.recv())
            if "method" in message:
                self.events.append(message)

    def open(self, path: str | os.PathLike, width: int = 1400, height: int = 900, mobile: bool = False) -> None:
        """Load a local file at the given viewport and wait for its load event."""
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=mobile)
        self.events.clear()
        self.call("Page.navigate", url=Path(path).resolve().as_uri())
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression: str):
        """The JSON value of a script run in the page; a thrown error fails loudly."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise BrowserError(f"script failed: {text}")
        return result["result"].get("value")

    def screenshot(self, full_page: bool = False) -> bytes:
        params: dict = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            size = self.call("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        return base64.b64decode(self.call("Page.captureScreenshot", **params)["data"])

    def close(self) -> None:
        if self.ws is not None:
            try:
                self.call("Browser.close")
            except (BrowserError, OSError):
                pass
            self.ws.close()
            self.ws = None
        if self.process.poll() is None:
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                # Our own process group only (start_new_session above): the
                # wrapper script and the renderers it started.
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=5)
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

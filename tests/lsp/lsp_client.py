"""A small Language Server Protocol client over a subprocess's pipes, for the end-to-end tests
and ``bench/lsp.py``: JSON-RPC framing, requests with timeouts, notifications kept in order,
and the server's own requests (``client/registerCapability``, ``window/showDocument``) answered
and recorded.
"""
from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 30.0


class Client:
    """One running ``factcheck lsp`` and the messages it sent."""

    def __init__(self, *args: str, cwd: str | Path | None = None, env: dict | None = None):
        self.proc = subprocess.Popen([sys.executable, "-m", "factcheck", "lsp", *args], cwd=cwd, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.next_id = 0
        self.inbox: "queue.Queue[dict]" = queue.Queue()
        self.responses: dict[int, dict] = {}
        self.notes: list[dict] = []
        self.requests: list[dict] = []
        self.lock = threading.Condition()
        self.stderr: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=lambda: self.stderr.extend(iter(self.proc.stderr.readline, b"")), daemon=True).start()

    # ---- wire

    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            message = json.loads(out.read(length))
            with self.lock:
                if "id" in message and "method" in message:
                    self.requests.append(message)
                    answer = {"success": True} if message["method"] == "window/showDocument" else None
                    self._send({"id": message["id"], "result": answer})
                elif "id" in message:
                    self.responses[message["id"]] = message
                else:
                    self.notes.append(message)
                self.lock.notify_all()

    # ---- calls

    def request(self, method: str, params: Any = None, timeout: float = TIMEOUT) -> Any:
        """Send a request and wait for its result (raises on an error response)."""
        self.next_id += 1
        rid = self.next_id
        self._send({"id": rid, "method": method, "params": params})
        with self.lock:
            if not self.lock.wait_for(lambda: rid in self.responses, timeout):
                raise TimeoutError(f"no answer to {method} in {timeout} s; stderr: {self.errors()}")
            message = self.responses.pop(rid)
        if "error" in message:
            raise RuntimeError(f"{method}: {message['error']}")
        return message.get("result")

    def notify(self, method: str, params: Any = None) -> None:
        """Send a notification."""
        self._send({"method": method, "params": params})

    def wait(self, test: Callable[[dict], bool], timeout: float = TIMEOUT, start: int = 0) -> dict:
        """The first notification from index ``start`` on that passes ``test``, waiting for it."""
        found: list[dict] = []

        def ready() -> bool:
            found[:] = [n for n in self.notes[start:] if test(n)][:1]
            return bool(found)
        with self.lock:
            if not self.lock.wait_for(ready, timeout):
                raise TimeoutError(f"no such notification in {timeout} s; got {[n['method'] for n in self.notes[start:]]}"
                                   f"; stderr: {self.errors()}")
        return found[0]

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = TIMEOUT, start: int = 0) -> list:
        """The diagnostics published for ``uri`` (at ``version`` when given), waiting for them."""
        def test(n: dict) -> bool:
            p = n.get("params") or {}
            return (n["method"] == "textDocument/publishDiagnostics" and p.get("uri") == uri
                    and (version is None or p.get("version") == version))
        return self.wait(test, timeout, start)["params"]["diagnostics"]

    def mark(self) -> int:
        """The number of notifications so far (to wait only for newer ones)."""
        with self.lock:
            return len(self.notes)

    def errors(self) -> str:
        """What the server wrote to standard error."""
        return b"".join(self.stderr).decode("utf-8", "replace")[-3000:]

    # ---- the session

    def initialize(self, root: str | Path, encodings: list[str] | None = None, options: dict | None = None,
                   show_document: bool = True) -> dict:
        """``initialize`` then ``initialized``; returns the server's capabilities."""
        caps: dict = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}},
                      "window": {"showDocument": {"support": show_document}},
                      "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]},
                                       "publishDiagnostics": {"relatedInformation": True}}}
        if encodings:
            caps["general"] = {"positionEncodings": encodings}
        result = self.request("initialize", {"processId": None, "rootUri": Path(root).resolve().as_uri(),
                                             "capabilities": caps, "initializationOptions": options})
        self.notify("initialized", {})
        return result

    def open(self, path: str | Path, text: str, language: str = "markdown", version: int = 1) -> str:
        """``textDocument/didOpen``; returns the URI."""
        uri = Path(path).resolve().as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language,
                                                              "version": version, "text": text}})
        return uri

    def change(self, uri: str, version: int, text: str) -> None:
        """``textDocument/didChange`` with the whole new text."""
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"text": text}]})

    def close(self) -> int:
        """``shutdown`` and ``exit``; returns the exit code."""
        try:
            self.request("shutdown", timeout=10)
            self.notify("exit")
            return self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            return self.proc.wait()
        finally:
            for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                try:
                    pipe.close()
                except OSError:
                    pass


def wait_until(test: Callable[[], bool], timeout: float = TIMEOUT) -> bool:
    """Poll ``test`` until it is true or ``timeout`` passes."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if test():
            return True
        time.sleep(0.02)
    return False

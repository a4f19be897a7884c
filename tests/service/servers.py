"""Test servers: uvicorn on a free 127.0.0.1 port, in a thread or in a subprocess, always bounded
(a start deadline, and a stop that kills what does not end by itself)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import httpx

START_TIMEOUT_S = 90.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(base: str, alive=lambda: True, timeout: float = START_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive():
            raise RuntimeError("the server process ended before it answered")
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{base} did not answer /health within {timeout:.0f} s")


@contextmanager
def thread_server(app) -> Iterator[str]:
    """``app`` served by uvicorn in a thread of this process; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, thread.is_alive)
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@contextmanager
def serve_process(args: list[str], log: Path, env: dict[str, str] | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    """``summarize serve ARGS --port P`` in a subprocess; yields (base URL, process). Stopped
    with SIGINT (uvicorn's graceful shutdown), killed if it has not ended 30 s later."""
    port = free_port()
    cmd = [sys.executable, "-m", "summarize", "serve", *args, "--port", str(port), "--log-level", "warning"]
    full_env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE", **(env or {})}
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=full_env)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(base, lambda: proc.poll() is None)
            yield base, proc
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=10)

"""Run ``summarize serve`` in a child process and talk to it: for scripts, notebooks, benchmarks
and the tests, which all need a real server that is sure to stop.

    with serve_process(["--archive", "newsroom.db"], Path("serve.log")) as (base, proc):
        httpx.post(f"{base}/v1/check", json={"text": article})

The child listens on a free 127.0.0.1 port; the start waits for ``/health`` (bounded, and it
fails at once when the child dies); the stop is Ctrl-C (uvicorn's graceful shutdown), then a
kill if it has not ended in ``STOP_TIMEOUT_S``.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import httpx

START_TIMEOUT_S, STOP_TIMEOUT_S = 90.0, 30.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on at this moment."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(base: str, alive: Callable[[], bool] = lambda: True, timeout: float = START_TIMEOUT_S) -> None:
    """Return once ``base``/health answers 200; raise if ``alive()`` turns false or time runs out."""
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
def serve_process(
    args: list[str], log: Path, env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen]]:
    """``summarize serve ARGS --port P`` in a subprocess, its output in ``log``; yields (base
    URL, process). ``env`` adds to this process's environment (e.g. the API key variable)."""
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
                    proc.wait(timeout=STOP_TIMEOUT_S)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=10)

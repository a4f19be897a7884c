"""Test servers in a thread of the test process (the subprocess server is
``summarize.service.launch.serve_process``, shared with eval/bench_service.py)."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator

from summarize.service.launch import free_port, wait_healthy


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

"""How a service process is set up, and the safety rule that goes with where it listens."""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from summarize.encoders.base import DEFAULT_ENCODER

#: Bodies larger than this are refused with 413 before they are read whole: the longest IndoSum
#: article is ~40 kB, so 2 MB leaves room for any real article while bounding what one request
#: can make the process hold.
MAX_BODY_BYTES = 2 * 1024 * 1024

#: The header that carries the API key on write endpoints.
API_KEY_HEADER = "X-API-Key"


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name other than localhost may resolve to anything
        return False


@dataclass(frozen=True)
class ServiceConfig:
    """What ``summarize serve`` was asked for. Listening beyond loopback without an API key is
    refused here, so no code path can start an open writable archive on a network."""

    archive: str | None = None
    encoder: str = DEFAULT_ENCODER
    ranker: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    api_key: str | None = None
    max_body: int = MAX_BODY_BYTES

    def __post_init__(self) -> None:
        if not is_loopback(self.host) and not self.api_key:
            raise ValueError(
                f"refusing to listen on {self.host} without an API key: set one in the environment "
                "(see --api-key-env), or bind to 127.0.0.1"
            )
        if self.api_key is not None and len(self.api_key) < 16:
            raise ValueError("the API key is too short: use at least 16 characters")

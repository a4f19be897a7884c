"""Argument checks for the public API: a wrong type is a ``TypeError`` that names the argument,
instead of a surprise later (a str iterated as one-letter sentences, bytes summarized as text)."""
from __future__ import annotations

import math
from typing import Iterable


def require_str(name: str, value: object) -> None:
    if isinstance(value, bytes):
        raise TypeError(f"{name} must be str, not bytes; decode it first, e.g. data.decode('utf-8')")
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str, not {type(value).__name__}")


def str_list(name: str, values: object) -> list[str]:
    """``sentences`` as a list of str; a bare string would otherwise become one-letter sentences."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise TypeError(f"{name} must be a list of str, not {type(values).__name__}")
    out = list(values)
    for i, v in enumerate(out):
        require_str(f"{name}[{i}]", v)
    return out


def int_list(name: str, values: object) -> list[int] | None:
    if values is None:
        return None
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise TypeError(f"{name} must be a list of int, not {type(values).__name__}")
    out = list(values)
    for i, v in enumerate(out):
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError(f"{name}[{i}] must be int, not {type(v).__name__}")
    return out


def check_fraction(name: str, value: object) -> None:
    """A finite number in [0, 1] (``nan`` and ``inf`` included in what is refused)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number, not {type(value).__name__}")
    if not (math.isfinite(value) and 0 <= value <= 1):
        raise ValueError(f"{name} must be between 0 and 1, not {value}")

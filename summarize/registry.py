"""One registry shape for every pluggable part (encoders, rankers, claim matchers).

A factory is a callable or a lazy ``"module:attr"`` path, so registering a heavy backend costs
nothing until it is asked for (KeyBERT's lazy backends; sumy's one-line registration).
"""
from __future__ import annotations

import importlib
from typing import Callable, Generic, TypeVar, Union

T = TypeVar("T")
Factory = Union[str, Callable[[], T]]


class Registry(Generic[T]):
    """Names to factories for one kind of part (``kind`` is used in error messages)."""

    def __init__(self, kind: str, factories: dict[str, Factory] | None = None) -> None:
        self.kind = kind
        self._factories: dict[str, Factory] = dict(factories or {})

    def register(self, name: str, factory: Factory) -> None:
        self._factories[name] = factory

    def copy(self) -> "Registry[T]":
        """An independent copy (tests register parts without leaking them into other tests)."""
        return Registry(self.kind, self._factories)

    def names(self) -> list[str]:
        return sorted(self._factories)

    def __contains__(self, name: object) -> bool:
        return name in self._factories

    def create(self, name: str) -> T:
        """Build the part registered as ``name``; unknown names list the choices."""
        if name not in self._factories:
            raise ValueError(f"unknown {self.kind} {name!r}; choose one of: {', '.join(self.names())}")
        factory = self._factories[name]
        if isinstance(factory, str):
            module, _, attr = factory.partition(":")
            factory = getattr(importlib.import_module(module), attr)
        return factory()

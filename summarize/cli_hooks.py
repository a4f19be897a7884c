"""The command's optional parts, imported only when asked for, so a missing extra costs one clear
line (which extra to install) instead of a traceback, and never slows the plain summary path.

``summarize archive …`` and ``summarize serve …`` hand their arguments to the ``main(argv) -> int``
of ``summarize.archive.cli`` and ``summarize.service.cli``.
"""
from __future__ import annotations

import importlib
from types import ModuleType

from summarize.errors import UsageError

#: Subcommand → (module with ``main(argv) -> int``, the extra that provides its dependencies).
SUBCOMMANDS = {
    "archive": ("summarize.archive.cli", "archive"),
    "serve": ("summarize.service.cli", "serve"),
}


def optional_module(module: str, feature: str, extra: str) -> ModuleType:
    """Import ``module`` for ``feature``; a missing module becomes a one-line ``UsageError``
    (exit 2) naming the extra to install, or saying the feature is not in this version."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        missing = exc.name or ""
        if missing == module or module.startswith(missing + "."):
            raise UsageError(f"{feature} is not available in this version of summarize-id ({module} is missing)") from None
        raise UsageError(
            f"{feature} needs the optional '{extra}' dependencies (no module {missing!r}): "
            f"pip install 'summarize-id[{extra}]'"
        ) from None


def run_subcommand(name: str, argv: list[str]) -> int:
    module, extra = SUBCOMMANDS[name]
    return int(optional_module(module, f"summarize {name}", extra).main(argv))

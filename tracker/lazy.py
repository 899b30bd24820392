"""Package re-exports that load lazily (the service areas and tracker.models).

Each area's `__init__` names its public functions in `__all__` and imports them under
`TYPE_CHECKING` (so type checkers and readers see where each comes from); at run time the first
use of a name imports only the module that defines it. Eager re-exports would make every
import of one module load its whole area, and an area that uses another would then load it
whole in turn, turning one-way module dependencies into package loops.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy(package: str, modules: dict[str, tuple[str, ...]]) -> Callable[[str], Any]:
    """The module `__getattr__` of `package`: `modules` maps each submodule to the public names
    it defines."""
    where = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    return __getattr__

"""The layout the design promises: the core grouped by area, settings handed in, no default
actor. (The import layering itself is import-linter's contract, run by .ci/run.)"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVICES = ROOT / "tracker" / "services"


def test_the_core_has_at_most_16_entries_at_its_top():
    # 16 since issue #14 gave messages to candidates and #16 dossier jobs areas of their own
    entries = [p.name for p in SERVICES.iterdir() if p.name != "__pycache__"]
    assert len(entries) <= 16, sorted(entries)


def test_each_area_says_what_it_owns():
    for package in (p for p in SERVICES.iterdir() if (p / "__init__.py").exists()):
        source = (package / "__init__.py").read_text(encoding="utf-8")
        assert source.startswith('"""') and len(source.split('"""')[1]) > 80, package.name


def test_no_service_reads_the_global_settings():
    readers = [str(p.relative_to(ROOT)) for p in SERVICES.rglob("*.py")
               if "get_settings" in p.read_text(encoding="utf-8")]
    assert readers == []


def test_no_signature_defaults_an_actor_to_none():
    pattern = re.compile(r"\bactor\s*:[^=,)]*=\s*None")
    found = [f"{p.relative_to(ROOT)}:{n}" for p in (ROOT / "tracker").rglob("*.py")
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if pattern.search(line)]
    assert found == []


def test_each_area_re_exports_what_its_modules_define():
    """An area's lazy table (_MODULES) and its imports for type checkers name the same public
    names, each defined in the module the table says."""
    import ast
    import importlib

    for package in (p for p in SERVICES.iterdir() if (p / "__init__.py").exists()):
        module = importlib.import_module(f"tracker.services.{package.name}")
        tree = ast.parse((package / "__init__.py").read_text(encoding="utf-8"))
        typed = {(node.module.rsplit(".", 1)[-1], alias.name)
                 for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                 and (node.module or "").startswith(f"tracker.services.{package.name}.")
                 for alias in node.names}
        table = {(name, exported) for name, names in module._MODULES.items()
                 for exported in names}
        assert typed == table, package.name
        for name, exported in table:
            assert hasattr(importlib.import_module(f"{module.__name__}.{name}"), exported)

"""The models are declared as they are reached (tracker/models/__init__.py, issue #16): a
command that lists postings does not declare the 47 models. Held here: each model module,
imported alone in a fresh process, declares every model its relationships name (so the mappers
configure), brings the flush hook when it declares a model the hook watches, and
`declare_all()` declares every module there is."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

import tracker.models
from tracker.db import Base
from tracker.models import MODULES, OTHER_MODULES, upkeep

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "tracker" / "models"

# One process: for each module a forked child imports it alone, configures the mappers and
# says which models are then declared and whether the flush hook is there.
CHILD = """
import json, os, sys
import sqlalchemy as sa
import tracker.db
results = {}
for module in sys.argv[1:]:
    read, write = os.pipe()
    if os.fork() == 0:
        os.close(read)
        try:
            __import__(f"tracker.models.{module}")
            sa.orm.configure_mappers()
            answer = {"declared": sorted(m.class_.__name__
                                         for m in tracker.db.Base.registry.mappers),
                      "hook": "tracker.models.upkeep" in sys.modules}
        except Exception as exc:
            answer = {"error": repr(exc)}
        os.write(write, json.dumps(answer).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        results[module] = json.loads(pipe.read())
    os.wait()
print(json.dumps(results))
"""


def test_every_module_is_declared_by_declare_all() -> None:
    on_disk = {path.stem for path in MODELS.glob("*.py")} - {"__init__"}
    assert on_disk == set(MODULES) | set(OTHER_MODULES)
    tracker.models.declare_all()
    assert {m.class_.__module__.rpartition(".")[2] for m in Base.registry.mappers} \
        <= set(MODULES)


def test_the_table_names_what_each_module_defines() -> None:
    tracker.models.declare_all()
    for module, names in MODULES.items():
        defined = vars(sys.modules[f"tracker.models.{module}"])
        public = {name for name, value in defined.items() if isinstance(value, type)
                  and value.__module__ == f"tracker.models.{module}"
                  and not name.startswith("_")}
        assert public == set(names), module
        for name in names:
            assert getattr(tracker.models, name) is defined[name]


def test_each_module_alone_declares_what_its_models_need() -> None:
    watched = {name for name, value in vars(upkeep).items()
               if isinstance(value, type) and issubclass(value, Base)}
    result = subprocess.run([sys.executable, "-c", CHILD, *MODULES, *OTHER_MODULES],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    for module, answer in found.items():
        assert "error" not in answer, (module, answer)
        declared = set(answer["declared"])
        if declared & watched:
            assert answer["hook"], module
    # a listing's models do not reach the others
    assert not {"AuditLog", "Reminder", "Job", "LoginSession", "Notification"} \
        & set(found["posting"]["declared"])
    tracker.models.declare_all()
    sa.orm.configure_mappers()


def test_the_web_application_declares_every_model_when_imported() -> None:
    """Its requests run on several threads: none of them declares a model mid-request."""
    result = subprocess.run(
        [sys.executable, "-c", "import json, sys, tracker.app\n"
         "print(json.dumps(sorted(m for m in sys.modules if m.startswith('tracker.models.'))))"],
        capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert set(json.loads(result.stdout)) == {f"tracker.models.{module}"
                                              for module in (*MODULES, *OTHER_MODULES)}

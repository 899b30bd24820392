"""The migrations' layout: each revision's header says truthfully what it is and what it revises,
the revisions form one line, and each one is either a schema step or a data step.

Databases already deployed are stamped with the ids of the revisions as they were before data
steps were split out; those ids stay, each on the last piece of what it used to be."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import Script, ScriptDirectory

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ScriptDirectory.from_config(Config(str(ROOT / "alembic.ini")))
REVISIONS = list(reversed(list(SCRIPTS.walk_revisions())))  # base first
BY_ID = {script.revision: script for script in REVISIONS}
# the ids databases out there may be stamped with
DEPLOYED = {"0001", "0002", "0003", "0004", "0005", "0007", "0008", "0009", "0010", "0011"}

# what a data step must not call: Alembic's schema operations (op.*, batch_op.*)
SCHEMA_CALL = re.compile(r"^(add|alter|create|drop|rename)_|^batch_alter_table$")
DATA_OPS = {"execute", "bulk_insert", "get_bind", "get_context", "inline_literal", "f"}
# statements as run, and SQL written in the revision's strings
DDL = re.compile(r"^\s*(CREATE|ALTER|DROP|COMMENT\s+ON|RENAME)\b", re.I)
# (editing SQLite's catalogue, sqlite_master, is a change of the schema, not of the data)
DML = re.compile(r"^\s*(INSERT|UPDATE(?!\s+sqlite_master\b)|DELETE|MERGE|TRUNCATE)\b", re.I)
SQL_DDL = re.compile(r"\b(CREATE|DROP)\s+(UNIQUE\s+)?(TABLE|INDEX|VIEW|SEQUENCE|TYPE|SCHEMA|"
                     r"TRIGGER)\b|\bALTER\s+TABLE\b", re.I)
SQL_DML = re.compile(r"\bINSERT\s+INTO\b|\bUPDATE\s+(?!sqlite_master\b)\S+\s+SET\b|\bDELETE\s+FROM\b|"
                     r"\bMERGE\s+INTO\b|\bTRUNCATE\b", re.I)


def revisions() -> pytest.MarkDecorator:
    return pytest.mark.parametrize("script", REVISIONS, ids=[s.revision for s in REVISIONS])


def header(script: Script, name: str) -> list[str]:
    """The values of the docstring's `name:` lines."""
    doc = script.module.__doc__ or ""
    return [value.strip() for value in re.findall(rf"^{name}:(.*)$", doc, re.MULTILINE)]


def kind_of(script: Script) -> str | None:
    kinds = header(script, "Kind")
    return kinds[0] if len(kinds) == 1 else None


def code_of(script: Script) -> ast.Module:
    return ast.parse(Path(script.path).read_text(encoding="utf-8"))


def strings(tree: ast.Module) -> Iterator[str]:
    """Every string of the code but the docstrings; an f-string with x for what it inserts."""
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef) and node.body
                  and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    inside_f = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                for part in node.values}
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            yield "".join(part.value if isinstance(part, ast.Constant) else "x"
                          for part in node.values)
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and id(node) not in docstrings and id(node) not in inside_f):
            yield node.value


def calls(tree: ast.Module) -> Iterator[tuple[str | None, str, int]]:
    """(the name the call is made on, if a plain name; the function's name; positional args)"""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Attribute):
            owner = node.func.value.id if isinstance(node.func.value, ast.Name) else None
            yield owner, node.func.attr, len(node.args)
        elif isinstance(node.func, ast.Name):
            yield None, node.func.id, len(node.args)


def test_revisions_form_one_line_from_one_base_to_one_head():
    assert len(SCRIPTS.get_bases()) == 1 and len(SCRIPTS.get_heads()) == 1
    files = sorted(path.name for path in Path(SCRIPTS.versions).glob("*.py"))
    assert sorted(Path(script.path).name for script in REVISIONS) == files  # all reachable
    for below, above in zip(REVISIONS, REVISIONS[1:], strict=False):
        assert above.down_revision == below.revision, (above.revision, above.down_revision)
        assert below.nextrev == frozenset({above.revision}), (below.revision, below.nextrev)
    assert REVISIONS[0].down_revision is None and REVISIONS[-1].nextrev == frozenset()
    for script in REVISIONS:
        assert not script.branch_labels and not script.dependencies, script.revision


@revisions()
def test_header_states_the_revision_and_what_it_revises(script: Script):
    down = script.down_revision
    expected = "" if down is None else down if isinstance(down, str) else ", ".join(down)
    assert header(script, "Revision ID") == [script.revision]
    assert header(script, "Revises") == [expected], Path(script.path).name


@revisions()
def test_file_is_named_date_revision_slug(script: Script):
    assert re.fullmatch(rf"\d{{8}}_{re.escape(script.revision)}_[a-z0-9_]+\.py",
                        Path(script.path).name), script.path


def test_deployed_ids_are_kept_each_on_the_last_piece_of_a_split():
    """A database stamped 0010 has all that 0010 did before the split: 0010a, 0010b... come
    before 0010 and after the revision before them."""
    assert set(BY_ID) >= DEPLOYED
    for script in REVISIONS:
        split = re.fullmatch(r"(\d{4})[a-z]", script.revision)
        if split:
            number = split[1]
            chain = [script.revision]
            while chain[-1] != number:
                [following] = BY_ID[chain[-1]].nextrev
                assert following.startswith(number), (chain, following)
                chain.append(following)


@revisions()
def test_each_revision_says_whether_it_is_a_schema_or_a_data_step(script: Script):
    assert kind_of(script) in ("schema", "data"), (
        f"{Path(script.path).name}: one 'Kind: schema' or 'Kind: data' line in the docstring")


@revisions()
def test_the_code_of_a_step_does_only_its_kind(script: Script):
    tree = code_of(script)
    texts = list(strings(tree))
    if kind_of(script) == "data":
        assert [text for text in texts if SQL_DDL.search(text)] == []
        assert [name for owner, name, _ in calls(tree) if SCHEMA_CALL.search(name)
                or owner == "op" and name not in DATA_OPS] == []
    elif kind_of(script) == "schema":
        assert [text for text in texts if SQL_DML.search(text)] == []
        # op.bulk_insert, sa.insert/update/delete(table), table.insert()/update()/delete()
        assert [name for owner, name, positional in calls(tree) if name == "bulk_insert"
                or name in ("insert", "update", "delete")
                and (owner in (None, "sa", "sqlalchemy") or positional == 0)] == []
    else:
        pytest.fail(f"{script.revision} declares no kind")


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], list[str]]:
    """The SQL each revision runs, one revision at a time, up from base to the head and down
    again (SQLite, no rows)."""
    from tracker.db import create_engine

    if len(SCRIPTS.get_heads()) != 1 or any(len(s.nextrev) > 1 for s in REVISIONS):
        pytest.skip("the revisions are not one line (see the test that says they must be)")
    engine = create_engine(f"sqlite:///{tmp_path_factory.mktemp('layout') / 'steps.db'}")
    statements: list[str] = []
    sa.event.listen(engine, "before_cursor_execute",
                    lambda _c, _cur, statement, *_: statements.append(statement))
    ran = {}

    def step(direction: str, script: Script, target: str) -> None:
        statements.clear()
        with engine.begin() as connection:
            config = Config(str(ROOT / "alembic.ini"))
            config.attributes.update(configure_logger=False, connection=connection)
            getattr(command, direction)(config, target)
        ran[script.revision, direction] = list(statements)

    try:
        for script in REVISIONS:
            step("upgrade", script, script.revision)
        for script in reversed(REVISIONS):
            step("downgrade", script, script.down_revision or "base")
    finally:
        engine.dispose()
    return ran


def bookkeeping(statement: str) -> bool:
    """alembic_version, and SQLite's batch mode copying a table's rows into its new shape"""
    return "alembic_version" in statement or "_alembic_tmp_" in statement


@revisions()
@pytest.mark.parametrize("direction", ["upgrade", "downgrade"])
def test_what_a_step_runs_is_of_its_kind(executed, script: Script, direction: str):
    assert executed[script.revision, direction], "nothing seen: the capture is broken"
    ran = [s for s in executed[script.revision, direction] if not bookkeeping(s)]
    if kind_of(script) == "data":
        assert [s for s in ran if DDL.match(s)] == []
    else:
        assert [s for s in ran if DML.match(s)] == []

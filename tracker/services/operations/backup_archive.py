"""The backup archive: a gzip-compressed tar whose first member is `manifest.json`.

    manifest.json              what the archive holds (below), written first
    database/tracker.sqlite3   the SQLite database, a snapshot from SQLite's online backup API
    database/tracker.pgdump    or PostgreSQL's `pg_dump --format=custom` output
    data/<path>                every file of the data folder (TRACKER_DATA_DIR), by its path there

The manifest names every other member with its size and SHA-256, the database's kind and schema
revision (Alembic), the tracker's version and when the archive was made. An archive is read as
untrusted input: the manifest comes first and is bounded; each member must be a regular file
the manifest names, at a relative path without `..`, of the size it declares; links, devices,
members read twice or missing are refused, each by its name.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

from tracker.domain.errors import DomainError

FORMAT = "tracker-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database/tracker.sqlite3"
PG_MEMBER = "database/tracker.pgdump"
DATA_PREFIX = "data/"
# A manifest lists paths and checksums: even a million files stay far below this.
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_MEMBERS = 1_000_000
CHUNK = 1024 * 1024


class BackupError(DomainError):
    """An archive that cannot be made, checked or restored; `field` names the file or member."""


@dataclass(frozen=True)
class Member:
    size: int
    sha256: str


@dataclass
class Manifest:
    created_at: str
    tracker_version: str
    database_kind: str  # "sqlite" or "postgresql"
    schema_revision: str
    includes_secrets: bool
    members: dict[str, Member] = field(default_factory=dict)
    # PostgreSQL only: the versions of pg_dump and of the server the dump was taken from.
    pg_dump_version: int | None = None
    server_version: int | None = None

    @property
    def database_member(self) -> str:
        return SQLITE_MEMBER if self.database_kind == "sqlite" else PG_MEMBER

    @property
    def total_size(self) -> int:
        return sum(member.size for member in self.members.values())

    def to_json(self) -> bytes:
        data: dict[str, Any] = {
            "format": FORMAT, "format_version": FORMAT_VERSION,
            "created_at": self.created_at, "tracker_version": self.tracker_version,
            "database": {"kind": self.database_kind, "schema_revision": self.schema_revision,
                         "member": self.database_member},
            "includes_secrets": self.includes_secrets,
            "members": {name: {"size": m.size, "sha256": m.sha256}
                        for name, m in sorted(self.members.items())},
        }
        if self.database_kind == "postgresql":
            data["database"].update(pg_dump_version=self.pg_dump_version,
                                    server_version=self.server_version)
        return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BackupError(MANIFEST, "not valid JSON: %(exc)s", exc=exc) from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BackupError(MANIFEST, "not a tracker backup manifest (its 'format' is not 'tracker-backup')")
        if data.get("format_version") != FORMAT_VERSION:
            raise BackupError(MANIFEST, "format version %(version)r is not one this tracker reads "
                                        "(%(known)s): restore it with the tracker that made it",
                              version=data.get("format_version"), known=FORMAT_VERSION)
        database, members = data.get("database"), data.get("members")
        if not isinstance(database, dict) or database.get("kind") not in ("sqlite", "postgresql"):
            raise BackupError(MANIFEST, "'database.kind' must be 'sqlite' or 'postgresql'")
        revision = database.get("schema_revision")
        if not isinstance(revision, str) or not revision:
            raise BackupError(MANIFEST, "'database.schema_revision' is missing")
        if not isinstance(members, dict) or len(members) > MAX_MEMBERS:
            raise BackupError(MANIFEST, "'members' must map at most %(limit)s names to their size and sha256",
                              limit=MAX_MEMBERS)
        manifest = cls(
            created_at=str(data.get("created_at", "")),
            tracker_version=str(data.get("tracker_version", "")),
            database_kind=database["kind"], schema_revision=revision,
            includes_secrets=bool(data.get("includes_secrets")),
            pg_dump_version=_optional_int(database.get("pg_dump_version")),
            server_version=_optional_int(database.get("server_version")),
        )
        for name, entry in members.items():
            check_name(name)
            if not (isinstance(entry, dict) and isinstance(entry.get("size"), int)
                    and entry["size"] >= 0 and isinstance(entry.get("sha256"), str)
                    and len(entry["sha256"]) == 64):
                raise BackupError(MANIFEST, "member %(name)r: needs a size (bytes) and a sha256 (64 hex digits)",
                                  name=name)
            manifest.members[name] = Member(entry["size"], entry["sha256"].lower())
        if manifest.database_member not in manifest.members:
            raise BackupError(MANIFEST, "names no database dump (%(database_member)s)",
                              database_member=manifest.database_member)
        return manifest


def _optional_int(value: object) -> int | None:
    return value if isinstance(value, int) else None


def check_name(name: object) -> str:
    """A member's name, refused unless it is a plain relative path under database/ or data/."""
    if not isinstance(name, str) or not name or "\\" in name or "\x00" in name:
        raise BackupError("member", "%(name)r: not a plain relative path", name=name)
    path = PurePosixPath(name)
    if path.is_absolute() or any(part in ("", ".", "..") for part in name.split("/")):
        raise BackupError(name, "absolute paths and '.' or '..' are refused in a backup")
    if name not in (SQLITE_MEMBER, PG_MEMBER) and not (
            name.startswith(DATA_PREFIX) and len(path.parts) > 1):
        raise BackupError(name, "a backup holds only database/ and data/ members")
    return name


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_archive(target: Path, manifest: Manifest, files: dict[str, Path],
                  created: datetime) -> None:
    """The archive at `target` (written whole, then renamed into place): the manifest first,
    then each member from its staged file, owned by nobody, readable by its owner only."""
    partial = target.with_name(target.name + ".part")
    try:
        with tarfile.open(partial, "w:gz", format=tarfile.PAX_FORMAT) as tar:
            raw = manifest.to_json()
            tar.addfile(_info(MANIFEST, len(raw), created), io.BytesIO(raw))
            for name in sorted(files):
                with files[name].open("rb") as handle:
                    tar.addfile(_info(name, manifest.members[name].size, created), handle)
        partial.chmod(0o600)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def _info(name: str, size: int, created: datetime) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, int(created.timestamp())
    return info


def read_manifest(source: Path) -> Manifest:
    """The archive's manifest alone (its first member), to decide before reading the rest."""
    with _open(source) as tar:
        return _manifest(tar, _members(tar, source), source)


def _open(source: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(source, "r:gz")
    except FileNotFoundError as exc:
        raise BackupError(str(source), "no such file") from exc
    except (OSError, tarfile.TarError, EOFError, zlib.error) as exc:
        raise BackupError(str(source), "not a readable backup (gzip-compressed tar): %(exc)s",
                          exc=exc) from exc


def _manifest(tar: tarfile.TarFile, members: Iterator[tarfile.TarInfo], source: Path) -> Manifest:
    first = next(members, None)
    if first is None or first.name != MANIFEST:
        raise BackupError(str(source), "%(limit)s is missing (it must be the first member)",
                          limit=MANIFEST)
    if not first.isfile() or first.size > MAX_MANIFEST_BYTES:
        raise BackupError(MANIFEST, "must be a regular file of at most %(limit)s bytes",
                          limit=MAX_MANIFEST_BYTES)
    return Manifest.from_json(_read(tar, first))


def read_archive(source: Path, sink: Callable[[str], IO[bytes] | None],
                 known: Manifest | None = None) -> Manifest:
    """Reads and checks the whole archive: its manifest, then every member against it.

    `sink(name)` gives a file to copy the member into (or None to only check it); `known`,
    the manifest read before (whose sizes were checked against the free space), must be this
    one. Raises
    BackupError naming the archive or the member at fault; returns the manifest once every
    member it names has been read with its size and checksum."""
    with _open(source) as tar:
        members = _members(tar, source)
        manifest = _manifest(tar, members, source)
        if known is not None and manifest != known:
            raise BackupError(str(source), "the archive changed while it was being read")
        seen: set[str] = set()
        for info in members:
            name = check_name(info.name)
            expected = manifest.members.get(name)
            if expected is None:
                raise BackupError(name, "member not listed in the manifest")
            if name in seen:
                raise BackupError(name, "member appears twice in the archive")
            if not info.isfile():
                raise BackupError(name, "links, folders and devices are refused in a backup")
            if info.size != expected.size:
                raise BackupError(name, "is %(size)s bytes, the manifest says %(expected)s",
                                  size=info.size, expected=expected.size)
            seen.add(name)
            digest = _stream(tar, info, sink(name))
            if digest != expected.sha256:
                raise BackupError(name, "checksum mismatch: the member is damaged (sha256 %(digest)s, the manifest says %(sha256)s)",
                                  digest=digest, sha256=expected.sha256)
        missing = sorted(set(manifest.members) - seen)
        if missing:
            if len(missing) > 1:
                raise BackupError(missing[0], "listed in the manifest but missing from the archive "
                                              "(and %(more)s more)", more=len(missing) - 1)
            raise BackupError(missing[0], "listed in the manifest but missing from the archive")
    return manifest


def _members(tar: tarfile.TarFile, source: Path) -> Iterator[tarfile.TarInfo]:
    count = 0
    while True:
        try:
            info = tar.next()
        except (OSError, tarfile.TarError, EOFError, zlib.error) as exc:
            raise BackupError(str(source), "damaged after %(count)s members: %(exc)s",
                              count=count, exc=exc) from exc
        if info is None:
            return
        count += 1
        if count > MAX_MEMBERS + 1:
            raise BackupError(str(source), "more than %(limit)s members", limit=MAX_MEMBERS)
        yield info


def _read(tar: tarfile.TarFile, info: tarfile.TarInfo) -> bytes:
    try:
        handle = tar.extractfile(info)
        assert handle is not None
        data = handle.read(info.size)
    except (OSError, tarfile.TarError, EOFError, zlib.error) as exc:
        raise BackupError(info.name, "damaged, cannot be read: %(exc)s", exc=exc) from exc
    if len(data) != info.size:
        raise BackupError(info.name, "truncated")
    return data


def _stream(tar: tarfile.TarFile, info: tarfile.TarInfo, out: IO[bytes] | None) -> str:
    digest, left = hashlib.sha256(), info.size
    try:
        handle = tar.extractfile(info)
        assert handle is not None
        while left:
            chunk = handle.read(min(CHUNK, left))
            if not chunk:
                raise BackupError(info.name, "truncated")
            digest.update(chunk)
            if out is not None:
                out.write(chunk)
            left -= len(chunk)
    except (OSError, tarfile.TarError, EOFError, zlib.error) as exc:
        raise BackupError(info.name, "damaged, cannot be read: %(exc)s", exc=exc) from exc
    return digest.hexdigest()

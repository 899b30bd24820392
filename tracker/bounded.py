"""Running a parse of untrusted bytes in a child process bounded in wall-clock time, memory and
CPU time: what tracker.pdfcheck (uploads, a PDF's text) and the importers' reader
(tracker.importers.reading: HTML, JSON-LD, plain text) share.

The parent starts `python -m MODULE ARGS...`, writes the bytes on the child's stdin and waits
at most `timeout_s` (then the child is killed). The child limits itself (`limit_child`: address
space RLIMIT_AS, CPU time RLIMIT_CPU as a backstop should the parent die), does its work and
answers with `write_answer`: one JSON line, then a payload of bytes. Every way the child can
fail (too slow, out of memory, crashed, no answer) comes back to the caller as one DomainError
naming `file`, never as a stuck worker or an exception of the parse itself.
"""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.domain.errors import DomainError

if TYPE_CHECKING:
    from tracker.i18n import Text

_PROJECT_ROOT = Path(__file__).resolve().parent.parent


def cpu_backstop(timeout_s: float) -> int:
    """The CPU seconds a child gets: a little more than the parent waits."""
    return max(1, math.ceil(timeout_s) + 1)


def run(
    module: str, args: list[str], data: bytes, *, filename: str, timeout_s: float,
    memory_mb: int, reader: Text, checker: Text,
) -> tuple[dict[str, Any], bytes]:
    """The JSON answer of `python -m module *args` fed `data`, and the bytes it wrote after it;
    or a DomainError naming `file` (`reader`, `checker`: what the messages call the child, as
    Text("the PDF reader") and Text("the PDF checker"), said in the reader's language)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(_PROJECT_ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    )
    command = [sys.executable, "-m", module, *args]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=timeout_s,
                              env=env, cwd=_PROJECT_ROOT, check=False)
    except subprocess.TimeoutExpired as exc:  # run() has killed and reaped the child
        raise DomainError("file", "%(file)r could not be read within %(seconds)s s",
                          file=filename, seconds=float(timeout_s)) from exc
    except OSError as exc:
        raise DomainError("file", "%(file)r could not be checked now (%(checker)s did not start: "
                                  "%(problem)s); try again", file=filename, checker=checker,
                          problem=str(exc.strerror or exc)) from exc
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode == 0:
        head, _, payload = done.stdout.partition(b"\n")
        try:
            answer = json.loads(head.decode("utf-8", "replace"))
        except ValueError:
            answer = None
        if isinstance(answer, dict):
            return answer, payload
        raise DomainError("file", "%(file)r could not be checked (no answer from %(checker)s)",
                          file=filename, checker=checker)
    if done.returncode == -signal.SIGXCPU:  # its CPU-time backstop
        raise DomainError("file", "%(file)r could not be read within %(seconds)s s",
                          file=filename, seconds=float(timeout_s))
    if "MemoryError" in stderr or "Cannot allocate memory" in stderr:
        raise memory_error(filename, memory_mb)
    if done.returncode < 0:
        number = -done.returncode
        name = signal.Signals(number).name if number in signal.valid_signals() else str(number)
        if number == signal.SIGKILL:
            raise DomainError("file", "%(file)r could not be read: %(reader)s was killed "
                                      "(signal %(signal)s)", file=filename, reader=reader,
                              signal=name)
        raise DomainError("file", "%(file)r could not be read: %(reader)s crashed "
                                  "(signal %(signal)s)", file=filename, reader=reader, signal=name)
    last = stderr.strip().splitlines()[-1:] or ["no message"]
    raise DomainError("file", "%(file)r could not be read: %(reader)s failed (exit status "
                              "%(status)s: %(detail)s)", file=filename, reader=reader,
                      status=str(done.returncode), detail=clip(last[0]))


def memory_error(filename: str, memory_mb: int) -> DomainError:
    return DomainError("file", "%(file)r could not be read within the memory limit "
                               "(%(megabytes)s MB)", file=filename, megabytes=str(memory_mb))


def clip(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- in the child ----------------------------------------------------------------------------


def _limit(resource_id: int, value: int) -> None:
    import resource

    _soft, hard = resource.getrlimit(resource_id)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(resource_id, (value, hard if resource_id == resource.RLIMIT_CPU else value))


def limit_child(memory_mb: int, cpu_s: int) -> None:
    """In the child, first: its address space and CPU time limits."""
    import resource

    _limit(resource.RLIMIT_AS, memory_mb * 1024 * 1024)
    _limit(resource.RLIMIT_CPU, cpu_s)


def near_memory_limit(memory_mb: int) -> bool:
    """Did this process come close to its address-space limit (Linux: VmPeak)? Allocations
    refused by RLIMIT_AS do not always surface as MemoryError."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024 >= 0.8 * memory_mb * 1024 * 1024
    except (OSError, ValueError):
        pass
    return False


def write_answer(answer: dict[str, Any], payload: bytes = b"") -> None:
    """In the child, last: the JSON line, then the payload (none with an error)."""
    try:
        text = json.dumps(answer)
    except MemoryError:
        text = '{"error": "memory"}'
    out = text.encode("utf-8") + b"\n" + (payload if "error" not in answer else b"")
    view = memoryview(out)
    while view:
        view = view[os.write(1, view):]

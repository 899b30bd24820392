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
from typing import Any

from tracker.domain.errors import DomainError

_PROJECT_ROOT = Path(__file__).resolve().parent.parent


def cpu_backstop(timeout_s: float) -> int:
    """The CPU seconds a child gets: a little more than the parent waits."""
    return max(1, math.ceil(timeout_s) + 1)


def run(
    module: str, args: list[str], data: bytes, *, filename: str, timeout_s: float,
    memory_mb: int, reader: str, checker: str,
) -> tuple[dict[str, Any], bytes]:
    """The JSON answer of `python -m module *args` fed `data`, and the bytes it wrote after it;
    or a DomainError naming `file` (`reader`, `checker`: what the messages call the child, as
    'the PDF reader' and 'the PDF checker')."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(_PROJECT_ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    )
    command = [sys.executable, "-m", module, *args]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=timeout_s,
                              env=env, cwd=_PROJECT_ROOT, check=False)
    except subprocess.TimeoutExpired as exc:  # run() has killed and reaped the child
        raise DomainError("file", f"{filename!r} could not be read within {timeout_s:g} s") from exc
    except OSError as exc:
        raise DomainError("file", f"{filename!r} could not be checked now ({checker} "
                                  f"did not start: {exc.strerror or exc}); try again") from exc
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode == 0:
        head, _, payload = done.stdout.partition(b"\n")
        try:
            answer = json.loads(head.decode("utf-8", "replace"))
        except ValueError:
            answer = None
        if isinstance(answer, dict):
            return answer, payload
        raise DomainError("file", f"{filename!r} could not be checked (no answer from "
                                  f"{checker})")
    if done.returncode == -signal.SIGXCPU:  # its CPU-time backstop
        raise DomainError("file", f"{filename!r} could not be read within {timeout_s:g} s")
    if "MemoryError" in stderr or "Cannot allocate memory" in stderr:
        raise memory_error(filename, memory_mb)
    if done.returncode < 0:
        number = -done.returncode
        name = signal.Signals(number).name if number in signal.valid_signals() else str(number)
        what = "was killed" if number == signal.SIGKILL else "crashed"
        raise DomainError("file", f"{filename!r} could not be read: {reader} {what} "
                                  f"(signal {name})")
    last = stderr.strip().splitlines()[-1:] or ["no message"]
    raise DomainError("file", f"{filename!r} could not be read: {reader} failed (exit "
                              f"status {done.returncode}: {clip(last[0])})")


def memory_error(filename: str, memory_mb: int) -> DomainError:
    return DomainError("file", f"{filename!r} could not be read within the memory limit "
                               f"({memory_mb} MB)")


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

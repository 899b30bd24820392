"""CLI start-up benchmark (issue #16 item 6): how long `tracker` takes to start, against the cost
of importing the libraries it cannot do without.

Times, in one run, each as a fresh process (the median of `--repeat` runs after one warm-up):
`python -c "import click"`, `python -c "import click, sqlalchemy.orm"`, `tracker --help` and
`tracker posting list` on a demo database (`tracker demo --no-dossiers`) in a temporary
directory, and prints the ratios against the targets, of CPU time (user + system: what the
machine's other work changes least) and of wall time:

- `tracker --help` at most 4 times `import click`;
- `tracker posting list` at most 1.5 times `import click, sqlalchemy.orm`.

    .venv/bin/python bench/cli_startup.py             # 15 runs each (about a minute)
    .venv/bin/python bench/cli_startup.py --repeat 5
    .venv/bin/python bench/cli_startup.py --compare /tmp/before   # and an older checkout's
    .venv/bin/python bench/cli_startup.py --compare /tmp/a --compare /tmp/b  # several

Every process reads compiled bytecode, as an installed tracker does: the children write and read
it in a cache folder of the run's own (PYTHONPYCACHEPREFIX), filled by the warm-up round, so a
PYTHONDONTWRITEBYTECODE set in the environment does not make each start compile the tracker's
modules again (the libraries' bytecode, written when they were installed, is read either way).

Exits 0 unless it crashes; the figures go to docs/performance.md ("CLI start-up").
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TARGETS = {"tracker --help": ("import click", 4.0),
           "tracker posting list": ("import click, sqlalchemy.orm", 1.5)}


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of one run of `argv` as a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, cwd=env["HOME"])
    wall = perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def measure(commands: dict[str, list[str] | tuple[list[str], dict[str, str]]],
            env: dict[str, str], repeat: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) of each command. The commands take turns, one run of each per round
    after a warm-up round, so that a change of the shared machine's load touches them alike."""
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for round_ in range(repeat + 1):
        for name, spec in commands.items():
            figures = run(*spec) if isinstance(spec, tuple) else run(spec, env)
            if round_:
                runs[name].append(figures)
    return {name: (statistics.median(w for w, _ in got), statistics.median(c for _, c in got))
            for name, got in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed runs of each (median)")
    parser.add_argument("--compare", metavar="DIR", type=Path, action="append", default=[],
                        help="also time the two tracker commands of the code checked out in DIR "
                             "(e.g. `git archive main | tar -x -C DIR`), run from this venv; "
                             "may be given several times")
    args = parser.parse_args()
    python, tracker = str(BIN / "python"), str(BIN / "tracker")
    with tempfile.TemporaryDirectory(prefix="tracker-bench-cli-") as tmp:
        env = {key: value for key, value in os.environ.items()
               if not key.startswith("TRACKER_") and key != "PYTHONDONTWRITEBYTECODE"}
        env.update(HOME=tmp, PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"), TRACKER_DATA_DIR=str(Path(tmp) / "data"),
                   TRACKER_REPORTS_DIR=str(Path(tmp) / "reports"), COLUMNS="100")
        subprocess.run([tracker, "demo", "--no-dossiers"], env=env, check=True,
                       stdout=subprocess.DEVNULL, cwd=tmp)
        commands: dict[str, list[str] | tuple[list[str], dict[str, str]]] = {
            "python (nothing)": [python, "-c", "pass"],
            "import click": [python, "-c", "import click"],
            "import click, sqlalchemy.orm": [python, "-c", "import click, sqlalchemy.orm"],
            "tracker --help": [tracker, "--help"],
            "tracker posting list": [tracker, "posting", "list"],
        }
        for folder in args.compare:
            other = {**env, "PYTHONPATH": str(folder.resolve())}
            code = "from tracker.cli import main; main(prog_name='tracker')"
            for name in ("tracker --help", "tracker posting list"):
                commands[f"{name} ({folder.name})"] = (
                    [python, "-c", code, *name.split()[1:]], other)
        load = os.getloadavg()
        times = measure(commands, env, args.repeat)
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load average before {load[0]:.2f} "
          f"{load[1]:.2f} {load[2]:.2f}, after {os.getloadavg()[0]:.2f}; "
          f"median of {args.repeat} runs each")
    print(f"{'command':<32} {'wall':>9} {'CPU':>9}")
    for name, (wall, cpu) in times.items():
        print(f"{name:<32} {wall * 1000:6.0f} ms {cpu * 1000:6.0f} ms")
    print()
    print(f"{'ratio (CPU; wall)':<56} {'CPU':>5} {'wall':>5} {'target':>7}")
    for name, (floor, target) in TARGETS.items():
        wall, cpu = (times[name][i] / times[floor][i] for i in (0, 1))
        verdict = "met" if cpu <= target else "NOT met"
        print(f"{name + ' / ' + floor:<56} {cpu:5.2f} {wall:5.2f} {'≤ ' + str(target):>7}  "
              f"{verdict}")
        for folder in args.compare:
            other = f"{name} ({folder.name})"
            wall, cpu = (times[other][i] / times[floor][i] for i in (0, 1))
            print(f"{'  ' + other:<56} {cpu:5.2f} {wall:5.2f}")


if __name__ == "__main__":
    main()

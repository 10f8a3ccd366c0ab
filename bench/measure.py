"""Wall time, CPU time and peak memory of one command, measured in its own process.

Each contender runs in a fresh child process, so one's peak memory cannot hide another's;
``os.wait4`` returns the resource usage of exactly that child.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass


@dataclass
class Measure:
    name: str
    wall_s: float
    cpu_s: float
    peak_mb: float
    note: str = ""
    stdout: str = ""


def measure(
    name: str, argv: list[str], env: dict | None = None, note: str = "", keep_stdout: bool = False
) -> Measure:
    started = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    out, err = process.stdout.read(), process.stderr.read()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{name} failed ({process.returncode}): {err.decode()[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    text = out.decode(errors="replace") if keep_stdout else ""
    return Measure(name, wall, cpu, usage.ru_maxrss / 1024, note, text)


def print_table(title: str, rows: list[Measure], reference: str) -> None:
    """Print rows with ratios against the row named ``reference``."""
    ref = next(r for r in rows if r.name == reference)
    print(f"\n{title}")
    header = f"{'contender':<44} {'wall s':>8} {'cpu s':>8} {'peak MB':>9} {'wall/ref':>9}  note"
    print(header)
    print("-" * len(header))
    for row in rows:
        ratio = row.wall_s / ref.wall_s if ref.wall_s else float("nan")
        print(
            f"{row.name:<44} {row.wall_s:8.2f} {row.cpu_s:8.2f} {row.peak_mb:9.0f} "
            f"{ratio:9.2f}  {row.note}"
        )

"""Run every benchmark: `make bench` (or `python -m bench [name ...]`)."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def available() -> list[str]:
    package = Path(__file__).parent
    return sorted(
        m.name for m in pkgutil.iter_modules([str(package)]) if m.name.startswith("bench_")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Theia plugin benchmarks")
    parser.add_argument("names", nargs="*", help=f"among {', '.join(available())}")
    args = parser.parse_args(argv)
    for name in args.names or available():
        module = importlib.import_module(f"bench.{name}")
        module.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())

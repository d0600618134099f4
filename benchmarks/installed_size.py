"""What each installed distribution costs on disk, in the environment running this script.

    .venv/bin/python benchmarks/installed_size.py          # the development environment
    /path/to/fresh-venv/bin/python benchmarks/installed_size.py   # what a user installs

Sizes are the files each distribution's RECORD lists (what pip would remove), so
shared folders are not counted twice. Only the standard library is used, so the
script runs in any environment where Carnet is installed.
"""

from __future__ import annotations

import sys
from importlib.metadata import Distribution, distributions
from pathlib import Path

MB = 1_000_000


def size_of(dist: Distribution) -> int:
    total = 0
    for file in dist.files or ():
        path = Path(str(dist.locate_file(file)))
        if path.is_file():
            total += path.stat().st_size
    return total


def main() -> int:
    rows = sorted(
        ((size_of(dist), dist.metadata["Name"], dist.version) for dist in distributions()),
        reverse=True,
    )
    total = sum(size for size, _name, _version in rows)
    print(f"{'distribution':<28} {'version':<12} {'MB':>8} {'share':>6}")
    for size, name, version in rows:
        if size >= MB // 10:
            print(f"{name:<28} {version:<12} {size / MB:8.1f} {size / total:6.1%}")
    print(f"{'total (' + str(len(rows)) + ' distributions)':<41} {total / MB:8.1f}")
    print(f"Python {sys.version.split()[0]} at {sys.prefix}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

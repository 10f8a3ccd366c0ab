"""Per-date snow products (L2B) found by their names, the inputs of an annual synthesis.

Three kinds are recognised (snow.md §3), all with the same codes (0 no snow, 1–100 snow or
FSC %, 205 cloud, 254/255 no data):

* this plugin's own outputs and LIS ≥ 1.7 files:
  ``LIS_S2-SNOW-{SEB,FSC,FSC-TOC,FSC-OG}_T31TCH_20190115T103421_<version>.tif``;
* Theia's L2B products: ``SENTINEL2A_20190115-103421-123_L2B-SNOW_T31TCH_C_V1-7_SNW_R2.tif``
  (inside a product folder or zip);
* other ``*SNOW-FSC*`` files naming a tile and an acquisition time.

A detection writes several of these per acquisition (SEB, FSC-TOC…): one is kept per
acquisition (SEB/SNW first, then FSC-TOC, FSC, FSC-OG), so a folder of detection outputs
can be given as it is. NDSI and expert files are not snow codes and are never taken.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from theia_plugin.core.i18n import tr

_TILE = r"(?P<tile>T\d{2}[A-Z]{3})"
_LIS_RE = re.compile(
    r"^LIS_(?P<mission>[A-Z0-9]+)-SNOW-(?P<kind>SEB|FSC-TOC|FSC-OG|FSC)_" + _TILE + r"_"
    r"(?P<stamp>\d{8}T\d{6})(?:_.*)?\.tif$",
    re.IGNORECASE,
)
_SNW_RE = re.compile(
    r"^(?P<platform>[A-Z0-9]+)_(?P<date>\d{8})-(?P<time>\d{6})(?:-\d{3})?_L2B-SNOW_" + _TILE + r"_"
    r".*_SNW_R2\.tif$",
    re.IGNORECASE,
)
_FSC_ANY_RE = re.compile(r"SNOW-FSC", re.IGNORECASE)
_STAMP_RE = re.compile(r"(?P<date>\d{8})[T-](?P<time>\d{6})")
_TILE_RE = re.compile(r"(?:^|_)" + _TILE + r"(?:_|$)")

#: Which file of an acquisition is kept (lower first).
KIND_PRIORITY = {"SEB": 0, "SNW": 0, "FSC-TOC": 1, "FSC": 1, "FSC-OG": 2}


@dataclass(frozen=True)
class L2BFile:
    """One per-date snow product file; ``path`` is a GDAL path (plain or ``/vsizip/``)."""

    path: str
    kind: str
    tile: str
    acquired: datetime

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


def parse_l2b_name(path: str | Path) -> L2BFile | None:
    """The L2B file named by ``path``, or None when the name is not a snow product's."""
    path = str(path)
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    match = _LIS_RE.match(name)
    if match:
        acquired = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S")
        return L2BFile(path, match["kind"].upper(), match["tile"].upper(), acquired)
    match = _SNW_RE.match(name)
    if match:
        acquired = datetime.strptime(match["date"] + match["time"], "%Y%m%d%H%M%S")
        return L2BFile(path, "SNW", match["tile"].upper(), acquired)
    if "-QC" in name.upper():  # LIS quality flags (QCFLAGS, QCTOC, QCOG) are not snow maps
        return None
    if _FSC_ANY_RE.search(name) and name.lower().endswith(".tif"):
        stamp, tile = _STAMP_RE.search(name), _TILE_RE.search(name)
        if stamp and tile:
            acquired = datetime.strptime(stamp["date"] + stamp["time"], "%Y%m%d%H%M%S")
            kind = "FSC-OG" if "FSC-OG" in name.upper() else "FSC"
            return L2BFile(path, kind, tile["tile"].upper(), acquired)
    return None


def _zip_members(path: Path) -> list[str]:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ValueError(
            tr("{path} is not a readable zip archive (corrupt or truncated?): {error}").format(
                path=path, error=exc
            )
        ) from None
    return [f"/vsizip/{path}/{name}" for name in names if name.lower().endswith(".tif")]


def find_l2b_files(paths: Iterable[str | Path]) -> list[L2BFile]:
    """Snow product files among ``paths``: files, folders (searched recursively) and zips.

    A file given explicitly must be a snow product; in folders and zips other files are
    skipped. Raises ``ValueError`` naming a path that does not exist or is not a snow product.
    """
    found: list[L2BFile] = []
    for item in paths:
        path = Path(item)
        if not path.exists():
            raise ValueError(tr("{path} does not exist.").format(path=path))
        if path.is_dir():
            candidates = [str(p) for p in sorted(path.rglob("*")) if p.is_file()]
            for candidate in candidates:
                if candidate.lower().endswith(".zip"):
                    candidates.extend(_zip_members(Path(candidate)))
            found += [f for f in map(parse_l2b_name, candidates) if f is not None]
        elif path.suffix.lower() == ".zip":
            found += [f for f in map(parse_l2b_name, _zip_members(path)) if f is not None]
        else:
            parsed = parse_l2b_name(path)
            if parsed is None:
                raise ValueError(
                    tr(
                        "{path} is not a snow product: expected a file named like "
                        "LIS_S2-SNOW-SEB_T31TCH_20190115T103421_<version>.tif, "
                        "LIS_S2-SNOW-FSC-TOC_…, or Theia's …_L2B-SNOW_T31TCH_…_SNW_R2.tif."
                    ).format(path=path)
                )
            found.append(parsed)
    return found


@dataclass(frozen=True)
class L2BSelection:
    """One file per acquisition, all of one tile, ordered by acquisition time."""

    files: list[L2BFile]
    tile: str
    warnings: list[str]


def select_l2b_files(files: Iterable[L2BFile]) -> L2BSelection:
    """Keep one file per acquisition and check they are all of one tile.

    The same file name given twice (e.g. a folder and a file in it) is a warning and counted
    once; two different files of the same kind for one acquisition are an error, since it is
    not clear which one to use.
    """
    files = list(files)
    if not files:
        raise ValueError(
            tr(
                "No snow product found: expected files named like "
                "LIS_S2-SNOW-SEB_T31TCH_20190115T103421_<version>.tif (this plugin's snow "
                "detection), Theia's …_SNW_R2.tif or …SNOW-FSC… files."
            )
        )
    tiles: dict[str, list[L2BFile]] = {}
    for f in files:
        tiles.setdefault(f.tile, []).append(f)
    if len(tiles) > 1:
        described = "; ".join(
            tr("{tile}: {count} files, e.g. {example}").format(
                tile=tile, count=len(group), example=group[0].name
            )
            for tile, group in sorted(tiles.items())
        )
        raise ValueError(
            tr(
                "The snow products are of different tiles ({tiles}); a synthesis covers one tile."
            ).format(tiles=described)
        )
    warnings: list[str] = []
    by_acquisition: dict[datetime, list[L2BFile]] = {}
    for f in files:
        by_acquisition.setdefault(f.acquired, []).append(f)
    kept = []
    for acquired, group in sorted(by_acquisition.items()):
        best = min(KIND_PRIORITY[f.kind] for f in group)
        candidates: dict[str, L2BFile] = {}
        for f in group:
            if KIND_PRIORITY[f.kind] != best:
                continue
            if f.name in candidates:
                if Path(f.path) != Path(candidates[f.name].path):
                    warnings.append(
                        tr("{name} was given twice ({first} and {second}); used once.").format(
                            name=f.name, first=candidates[f.name].path, second=f.path
                        )
                    )
                continue
            candidates[f.name] = f
        if len(candidates) > 1:
            raise ValueError(
                tr(
                    "Duplicated date: {files} are snow products of the same acquisition "
                    "({acquired}); keep only one of them."
                ).format(files=", ".join(sorted(candidates)), acquired=acquired.isoformat(" "))
            )
        kept.append(next(iter(candidates.values())))
    return L2BSelection(kept, next(iter(tiles)), warnings)


__all__ = ["L2BFile", "L2BSelection", "find_l2b_files", "parse_l2b_name", "select_l2b_files"]

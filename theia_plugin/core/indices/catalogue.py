"""The Awesome Spectral Indices catalogue: 280 indices with band and constant metadata.

An index's ``bands`` list in the JSON mixes spectral bands and constants (``L``, ``g``...);
:class:`SpectralIndex` splits them so that callers know which rasters to read and which
numbers to ask for (with the catalogue's default values).

Names are shown as the catalogue has them, with one exception made explicit: ASI's ``NDWI`` is
McFeeters' green/NIR water index, whereas OTB and many papers call Gao's NIR/SWIR moisture
index "NDWI" (ASI files it as ``NDMI``). Both carry a note, and ``NDWI (Gao)`` finds NDMI.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

import numpy as np

from theia_plugin.core.i18n import tr
from theia_plugin.core.indices.data import constant_defaults, raw_indices
from theia_plugin.core.indices.formula import Formula, FormulaError

#: Other names users type for catalogue indices (lower case) → catalogue short name.
ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "ndwi (gao)": "NDMI",
        "ndwi gao": "NDMI",
        "ndwi_gao": "NDMI",
        "ndwi (mcfeeters)": "NDWI",
        "ndwi mcfeeters": "NDWI",
        "ndwi_mcfeeters": "NDWI",
    }
)


def _note(short_name: str) -> str:
    """The naming note of an index (translated), empty for most indices."""
    if short_name == "NDWI":
        return tr(
            "McFeeters (1996) water index on green and NIR, (G - N)/(G + N), for open water. "
            "It is not Gao's NDWI (NIR and SWIR, vegetation water content), which OTB calls "
            "NDWI: that one is NDMI here."
        )
    if short_name == "NDMI":
        return tr(
            "NIR/SWIR moisture index, (N - S1)/(N + S1), for vegetation water content: the "
            "index OTB's RadiometricIndices calls NDWI, after Gao (1996). Also found as "
            "'NDWI (Gao)'."
        )
    return ""


class UnknownIndexError(KeyError):
    """No catalogue index of that name; the message suggests close names."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class SpectralIndex:
    """One catalogue index. ``bands`` are spectral bands only; ``constants`` maps each constant
    the formula uses to its catalogue default (``None`` when the catalogue has none)."""

    short_name: str
    long_name: str
    formula: str
    bands: tuple[str, ...]
    constants: Mapping[str, float | None] = field(hash=False)
    application_domain: str
    platforms: tuple[str, ...]
    reference: str
    contributor: str
    date_of_addition: str
    #: A naming note shown to users (NDWI vs NDMI), empty for most indices.
    description: str = ""

    @property
    def parsed(self) -> Formula:
        """The whitelisted formula (parsed once, cached)."""
        return Formula.parse(self.formula)

    @property
    def has_default_constants(self) -> bool:
        return all(value is not None for value in self.constants.values())

    def compute(
        self,
        bands: Mapping[str, np.ndarray | float],
        constants: Mapping[str, float] | None = None,
        out: np.ndarray | None = None,
    ) -> np.ndarray:
        """Evaluate on band arrays (reflectance 0-1), with default constants unless overridden."""
        values: dict[str, np.ndarray | float] = dict(bands)
        for name, default in self.constants.items():
            value = (constants or {}).get(name, default)
            if value is None:
                raise FormulaError(
                    tr("{index}: the constant {name} has no default value; give one.").format(
                        index=self.short_name, name=name
                    )
                )
            values[name] = value
        return self.parsed.evaluate(values, out=out)


def _index_from_record(record: Mapping) -> SpectralIndex:
    defaults = constant_defaults()
    names = record["bands"]
    return SpectralIndex(
        short_name=record["short_name"],
        long_name=record["long_name"],
        formula=record["formula"],
        bands=tuple(name for name in names if name not in defaults),
        constants=MappingProxyType({name: defaults[name] for name in names if name in defaults}),
        application_domain=record["application_domain"],
        platforms=tuple(record["platforms"]),
        reference=record["reference"],
        contributor=record["contributor"],
        date_of_addition=record["date_of_addition"],
        description=_note(record["short_name"]),
    )


class IndexCatalogue:
    """Read-only view of the catalogue: look up, search and filter indices."""

    def __init__(self, indices: Iterable[SpectralIndex]) -> None:
        self._indices = {index.short_name: index for index in indices}
        self._by_lower = {name.lower(): name for name in self._indices}

    @classmethod
    def load(cls) -> IndexCatalogue:
        """The catalogue shipped with the plugin."""
        return cls(_index_from_record(record) for record in raw_indices().values())

    def __len__(self) -> int:
        return len(self._indices)

    def __iter__(self):
        return iter(self._indices.values())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._resolve(name) is not None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._indices)

    def _resolve(self, name: str) -> str | None:
        key = " ".join(name.split()).lower()
        return self._by_lower.get(key) or ALIASES.get(key)

    def get(self, name: str) -> SpectralIndex:
        """The index named ``name`` (case-insensitive, aliases allowed)."""
        short_name = self._resolve(name)
        if short_name is not None:
            return self._indices[short_name]
        matches = difflib.get_close_matches(name.lower(), list(self._by_lower), n=5, cutoff=0.6)
        suggestions = ", ".join(self._by_lower[match] for match in matches)
        if suggestions:
            message = tr("Unknown spectral index {name!r}. Did you mean: {suggestions}?")
        else:
            message = tr("Unknown spectral index {name!r}. Search the catalogue by name or domain.")
        raise UnknownIndexError(message.format(name=name, suggestions=suggestions))

    def search(
        self, text: str | None = None, domain: str | None = None, platform: str | None = None
    ) -> list[SpectralIndex]:
        """Indices whose short or long name contains ``text``, in ``domain`` (exact), on a
        platform containing ``platform`` ("landsat" matches all Landsat sensors); all
        case-insensitive, sorted by short name."""
        needle = (text or "").strip().lower()
        alias = ALIASES.get(needle)
        found = []
        for index in self._indices.values():
            if needle and not (
                needle in index.short_name.lower()
                or needle in index.long_name.lower()
                or alias == index.short_name
            ):
                continue
            if domain and index.application_domain.lower() != domain.strip().lower():
                continue
            if platform and not any(platform.lower() in p.lower() for p in index.platforms):
                continue
            found.append(index)
        return sorted(found, key=lambda index: index.short_name.lower())

    def domains(self) -> list[str]:
        """Application domains in use (vegetation, water, burn, ...), sorted."""
        return sorted({index.application_domain for index in self._indices.values()})

    def computable_with(
        self, available_bands: Iterable[str], constants: Iterable[str] = ()
    ) -> list[SpectralIndex]:
        """Indices whose bands are all available and whose constants have a default value
        (or appear in ``constants``, the names the caller will give)."""
        available = set(available_bands)
        given = set(constants)
        return [
            index
            for index in self._indices.values()
            if available.issuperset(index.bands)
            and all(value is not None or name in given for name, value in index.constants.items())
        ]


@cache
def catalogue() -> IndexCatalogue:
    """The shipped catalogue, loaded on first use and shared."""
    return IndexCatalogue.load()

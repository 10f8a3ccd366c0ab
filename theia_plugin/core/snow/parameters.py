"""Parameters of snow detection and synthesis, with Let It Snow's operational defaults.

Names follow upstream's JSON keys so a user can carry values over from an LIS parameter file
(``from_lis_json``). Reflectance thresholds keep upstream's unit, milli-reflectance, and are
multiplied by ``multi`` (10 for Theia Sentinel-2 int16 ×10000 products) when applied.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from typing import Any

from theia_plugin.core.i18n import tr

#: Upstream spellings of the same parameter across LIS versions (1.11 renamed a few keys).
_ALIASES = {
    "rf": ("rf", "resize_factor"),
    "red_darkcloud": ("red_darkcloud", "red_dark_cloud"),
    "red_backtocloud": ("red_backtocloud", "red_back_to_cloud"),
    "nodata": ("nodata", "no_data"),
}


@dataclass(frozen=True)
class DetectionParameters:
    """Every parameter of snow.md §2; defaults are LIS's operational Sentinel-2 values."""

    ndsi_pass1: float = 0.4
    red_pass1: float = 200.0
    ndsi_pass2: float = 0.15
    red_pass2: float = 40.0
    dz: float = 100.0
    fsnow_lim: float = 0.1
    fclear_lim: float = 0.1
    fsnow_total_lim: float = 0.001
    rf: int = 12
    red_darkcloud: float = 300.0
    red_backtocloud: float = 100.0
    shadow_in_mask: int = 32
    shadow_out_mask: int = 64
    high_cloud_mask: int = 128
    multi: float = 10.0
    nodata: int = -10000

    def __post_init__(self) -> None:
        if self.rf < 1 or self.dz <= 0:
            raise ValueError(
                tr(
                    "Invalid snow parameters: rf must be ≥ 1 (got {rf}) and dz > 0 (got {dz})"
                ).format(rf=self.rf, dz=self.dz)
            )

    def raw(self, milli_reflectance: float) -> float:
        """A threshold in the products' raw unit (milli-reflectance × ``multi``)."""
        return milli_reflectance * self.multi

    @classmethod
    def from_lis_json(cls, config: dict[str, Any]) -> DetectionParameters:
        """Read an upstream LIS parameter file (already parsed JSON).

        Values come from the ``snow``, ``cloud`` and ``general`` sections; missing keys keep
        the defaults and unknown keys are ignored. Old files with a single ``shadow_mask``
        use it for both shadow bits.
        """
        sections: dict[str, Any] = {}
        for name in ("general", "cloud", "snow"):
            section = config.get(name) or {}
            if isinstance(section, dict):
                sections.update(section)
        if "shadow_mask" in sections:
            sections.setdefault("shadow_in_mask", sections["shadow_mask"])
            sections.setdefault("shadow_out_mask", sections["shadow_mask"])
        values: dict[str, Any] = {}
        for field in fields(cls):
            for key in _ALIASES.get(field.name, (field.name,)):
                if key in sections and sections[key] is not None:
                    kind = int if field.type in ("int", int) else float
                    values[field.name] = kind(sections[key])
                    break
        return cls(**values)


@dataclass(frozen=True)
class SynthesisParameters:
    """Annual synthesis: the period (inclusive), the date margin and the hemisphere.

    Without explicit dates the period is the hydrological year starting in ``year``:
    1 Sep – 31 Aug in the north, 1 Mar – end of February in the south (snow.md §3).
    """

    year: int | None = None
    period_start: date | None = None
    period_end: date | None = None
    date_margin: int = 15
    hemisphere: str = "north"

    def period(self) -> tuple[date, date]:
        """The inclusive (start, end) dates of the synthesis."""
        if self.period_start is not None and self.period_end is not None:
            return self.period_start, self.period_end
        if self.year is None:
            raise ValueError(tr("The synthesis needs a hydrological year or a start and end date"))
        if self.hemisphere not in ("north", "south"):
            raise ValueError(
                tr("Unknown hemisphere {value!r}: expected 'north' or 'south'").format(
                    value=self.hemisphere
                )
            )
        if self.hemisphere == "south":
            end_feb = 29 if calendar.isleap(self.year + 1) else 28
            return date(self.year, 3, 1), date(self.year + 1, 2, end_feb)
        return date(self.year, 9, 1), date(self.year + 1, 8, 31)

    def margin(self) -> timedelta:
        return timedelta(days=self.date_margin)

    @classmethod
    def from_lis_json(cls, config: dict[str, Any]) -> SynthesisParameters:
        """Read an upstream ``snow_annual_map`` parameter file (dates as DD/MM/YYYY)."""

        def parse(text: str | None) -> date | None:
            return datetime.strptime(text, "%d/%m/%Y").date() if text else None

        return cls(
            period_start=parse(config.get("date_start")),
            period_end=parse(config.get("date_stop")),
            date_margin=int(config.get("date_margin", 15)),
        )

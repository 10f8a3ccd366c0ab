"""Deterministic Theia-like STAC collections and items for the local STAC API.

The collection ids, asset keys and properties follow the real MTD STAC catalogue
(``shared/docs/catalogue.md``): ``sentinel2-l2a-theia`` (MAJA L2A), ``forms-t``,
``sentinel-2-radiometric-indices``; the snow and land-cover collections have ids of our own
(the real MTD ids are not known): ``theia-snow-l2b``, ``theia-snow-l3b`` and
``theia-oso-land-cover``.

Everything is pure standard library and deterministic (same input, same JSON), so tests import
this module to compute the results they expect from the server.

Asset hrefs are ``{assets_base}/{collection}/{item}/{key}.{ext}``; the default base is an
``s3-data.meso.umontpellier.fr`` URL, like the real private COGs that must be signed.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

DEFAULT_ASSETS_BASE = "https://s3-data.meso.umontpellier.fr/theia-test"
SEED = 20181

S2_L2A = "sentinel2-l2a-theia"
FORMS_T = "forms-t"
S2_INDICES = "sentinel-2-radiometric-indices"
SNOW_L2B = "theia-snow-l2b"
SNOW_L3B = "theia-snow-l3b"
OSO = "theia-oso-land-cover"
COLLECTION_IDS = (S2_L2A, FORMS_T, S2_INDICES, SNOW_L2B, SNOW_L3B, OSO)

YEARS = tuple(range(2018, 2025))
#: acquisitions per tile and year in sentinel2-l2a-theia
S2_PER_TILE_YEAR = 8
SNOW_TILES = ("T31TCH", "T31TGM", "T30TYN")
INDICES_TILES = ("T31TCJ", "T31TGM")

COG = "image/tiff; application=geotiff; profile=cloud-optimized"

#: Sentinel-2 (MGRS) tiles: corners in EPSG:4326 computed from their UTM extents
#: (109.8 km squares), UTM EPSG code, relative orbits, UTC acquisition time of day.
TILES: dict[str, dict[str, Any]] = {
    "T31TCH": {
        "ring": [(0.5722, 42.3384), (1.9047, 42.3588), (1.8871, 43.3474), (0.5332, 43.3262)],
        "epsg": 32631,
        "orbits": (51, 8),
        "time": (10, 53),
    },
    "T31TCJ": {
        "ring": [(0.5368, 43.2383), (1.8887, 43.2594), (1.8702, 44.2478), (0.4959, 44.226)],
        "epsg": 32631,
        "orbits": (51, 8),
        "time": (10, 53),
    },
    "T31TGM": {
        "ring": [(5.5795, 45.9364), (6.993, 45.8957), (7.0657, 46.8815), (5.6265, 46.9236)],
        "epsg": 32631,
        "orbits": (108, 65),
        "time": (10, 37),
    },
    "T30TYN": {
        "ring": [(-0.5727, 42.3384), (0.7579, 42.3025), (0.8181, 43.2891), (-0.5337, 43.3263)],
        "epsg": 32630,
        "orbits": (51, 94),
        "time": (10, 57),
    },
}

S2_BANDS = {
    # key: (common name, centre wavelength µm, gsd m)
    "B02": ("blue", 0.49, 10),
    "B03": ("green", 0.56, 10),
    "B04": ("red", 0.665, 10),
    "B05": ("rededge", 0.705, 20),
    "B06": ("rededge", 0.74, 20),
    "B07": ("rededge", 0.783, 20),
    "B08": ("nir", 0.842, 10),
    "B8A": ("nir08", 0.865, 20),
    "B11": ("swir16", 1.61, 20),
    "B12": ("swir22", 2.19, 20),
}
S2_MASKS = {
    "CLM_R1": "Cloud mask (10 m)",
    "MG2_R2": "Geophysical mask (20 m): water, snow, clouds, shadows, topography",
    "EDG_R2": "Edge / no-data mask (20 m)",
}

EXT_EO = "https://stac-extensions.github.io/eo/v1.1.0/schema.json"
EXT_SAT = "https://stac-extensions.github.io/sat/v1.0.0/schema.json"
EXT_PROJ = "https://stac-extensions.github.io/projection/v2.0.0/schema.json"
EXT_S2 = "https://stac-extensions.github.io/sentinel-2/v1.0.0/schema.json"
EXT_PROCESSING = "https://stac-extensions.github.io/processing/v1.2.0/schema.json"


def _iso(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _utc(year: int, month: int = 1, day: int = 1) -> datetime:
    return datetime(year, month, day, tzinfo=timezone.utc)


def tile_geometry(tile: str) -> dict[str, Any]:
    ring = [list(p) for p in TILES[tile]["ring"]]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def tile_bbox(tile: str) -> list[float]:
    xs = [p[0] for p in TILES[tile]["ring"]]
    ys = [p[1] for p in TILES[tile]["ring"]]
    return [min(xs), min(ys), max(xs), max(ys)]


def _union_bbox(tiles: tuple[str, ...] | list[str]) -> list[float]:
    boxes = [tile_bbox(t) for t in tiles]
    return [
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    ]


def _href(base: str, collection: str, item: str, key: str, ext: str = "tif") -> str:
    return f"{base.rstrip('/')}/{collection}/{item}/{key}.{ext}"


def _ql(base: str, collection: str, item: str) -> dict[str, Any]:
    return {
        "href": _href(base, collection, item, "ql", "jpg"),
        "type": "image/jpeg",
        "title": "Quicklook",
        "roles": ["thumbnail"],
    }


def _cog(href: str, title: str, roles: list[str], **extra: Any) -> dict[str, Any]:
    return {"href": href, "type": COG, "title": title, "roles": roles, **extra}


def _item(
    collection: str,
    item_id: str,
    tile: str,
    properties: dict[str, Any],
    assets: dict[str, Any],
    extensions: list[str],
) -> dict[str, Any]:
    return {
        "type": "Feature",
        "stac_version": "1.1.0",
        "stac_extensions": extensions,
        "id": item_id,
        "collection": collection,
        "geometry": tile_geometry(tile),
        "bbox": tile_bbox(tile),
        "properties": properties,
        "assets": assets,
        "links": [],
    }


# --- items ---------------------------------------------------------------------------------


def _s2_acquisitions(rng: random.Random) -> list[tuple[str, datetime, str, int, float]]:
    """(tile, datetime, platform, relative orbit, cloud cover) of every L2A product."""
    out = []
    for tile in sorted(TILES):
        hour, minute = TILES[tile]["time"]
        for year in YEARS:
            days = sorted(rng.sample(range(0, 365), S2_PER_TILE_YEAR))
            for n, day in enumerate(days):
                when = _utc(year) + timedelta(
                    days=day,
                    hours=hour,
                    minutes=minute,
                    seconds=rng.randrange(60),
                    milliseconds=rng.randrange(1000),
                )
                platform = "sentinel-2a" if n % 2 == 0 else "sentinel-2b"
                orbit = TILES[tile]["orbits"][n % 2]
                # a realistic spread: many clear scenes, some cloudy, a few overcast
                cloud = round(min(100.0, rng.expovariate(1 / 25.0)), 2)
                out.append((tile, when, platform, orbit, cloud))
    return out


def _s2_id(tile: str, when: datetime, platform: str) -> str:
    sat = "SENTINEL2A" if platform.endswith("a") else "SENTINEL2B"
    stamp = when.strftime("%Y%m%d-%H%M%S-") + f"{when.microsecond // 1000:03d}"
    return f"{sat}_{stamp}_L2A_{tile}_C_V2-2"


def _s2_item(base: str, tile: str, when: datetime, platform: str, orbit: int, cloud: float):
    item_id = _s2_id(tile, when, platform)
    assets: dict[str, Any] = {}
    for key, (common, wavelength, gsd) in S2_BANDS.items():
        assets[key] = _cog(
            _href(base, S2_L2A, item_id, key),
            f"Surface reflectance {key} ({gsd} m)",
            ["data", "reflectance"],
            gsd=gsd,
            **{"eo:bands": [{"name": key, "common_name": common, "center_wavelength": wavelength}]},
        )
    for key, title in S2_MASKS.items():
        assets[key] = _cog(_href(base, S2_L2A, item_id, key), title, ["data", "cloud"])
    assets["MD"] = {
        "href": _href(base, S2_L2A, item_id, "MD", "xml"),
        "type": "application/xml",
        "title": "MAJA metadata",
        "roles": ["metadata"],
    }
    assets["ql"] = _ql(base, S2_L2A, item_id)
    properties = {
        "datetime": _iso(when),
        "platform": platform,
        "constellation": "sentinel-2",
        "instruments": ["msi"],
        "gsd": 10,
        "eo:cloud_cover": cloud,
        "s2:mgrs_tile": tile[1:],
        "sat:relative_orbit": orbit,
        "sat:orbit_state": "descending",
        "proj:code": f"EPSG:{TILES[tile]['epsg']}",
        "processing:level": "L2A",
        "processing:software": {"MAJA": "4.5"},
        "created": _iso(when + timedelta(days=2)),
    }
    return _item(
        S2_L2A,
        item_id,
        tile,
        properties,
        assets,
        [EXT_EO, EXT_SAT, EXT_PROJ, EXT_S2, EXT_PROCESSING],
    )


def _range_properties(start: datetime, end: datetime, **extra: Any) -> dict[str, Any]:
    return {
        "datetime": None,
        "start_datetime": _iso(start),
        "end_datetime": _iso(end),
        **extra,
    }


def _forms_t_items(base: str) -> list[dict[str, Any]]:
    items = []
    for tile in sorted(TILES):
        for year in YEARS:
            item_id = f"FORMS-T_{tile}_{year}"
            assets = {
                "height": _cog(
                    _href(base, FORMS_T, item_id, "height"), "Canopy height (m)", ["data"]
                ),
                "agbd": _cog(
                    _href(base, FORMS_T, item_id, "agbd"),
                    "Aboveground biomass density (Mg/ha)",
                    ["data"],
                ),
                "wvd": _cog(
                    _href(base, FORMS_T, item_id, "wvd"), "Wood volume density (m3/ha)", ["data"]
                ),
                "ql": _ql(base, FORMS_T, item_id),
            }
            properties = _range_properties(
                _utc(year, 1, 1),
                _utc(year, 12, 31) + timedelta(hours=23, minutes=59, seconds=59),
                gsd=10,
                **{"proj:code": f"EPSG:{TILES[tile]['epsg']}"},
            )
            items.append(_item(FORMS_T, item_id, tile, properties, assets, [EXT_PROJ]))
    return items


def _indices_item(base: str, s2: dict[str, Any]) -> dict[str, Any]:
    item_id = s2["id"].replace("_L2A_", "_INDICES_")
    assets = {
        key: _cog(_href(base, S2_INDICES, item_id, key), title, ["data"])
        for key, title in (
            ("ndvi", "Normalized Difference Vegetation Index"),
            ("ndwi", "Normalized Difference Water Index"),
            ("ndsi", "Normalized Difference Snow Index"),
        )
    }
    assets["ql"] = _ql(base, S2_INDICES, item_id)
    keep = ("datetime", "platform", "constellation", "eo:cloud_cover", "s2:mgrs_tile")
    properties = {k: s2["properties"][k] for k in keep}
    properties["proj:code"] = s2["properties"]["proj:code"]
    tile = "T" + s2["properties"]["s2:mgrs_tile"]
    return _item(S2_INDICES, item_id, tile, properties, assets, [EXT_EO, EXT_PROJ, EXT_S2])


def _snow_l2b_item(base: str, s2: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    item_id = s2["id"].replace("_L2A_", "_L2B-SNOW_").replace("_V2-2", "_V1-7")
    assets = {
        "SEB": _cog(_href(base, SNOW_L2B, item_id, "SEB"), "Snow extent (binary)", ["data"]),
        "FSCTOC": _cog(
            _href(base, SNOW_L2B, item_id, "FSCTOC"),
            "Fractional snow cover (top of canopy)",
            ["data"],
        ),
        "FSCOG": _cog(
            _href(base, SNOW_L2B, item_id, "FSCOG"), "Fractional snow cover (on ground)", ["data"]
        ),
        "QCFLAGS": _cog(_href(base, SNOW_L2B, item_id, "QCFLAGS"), "Quality flags", ["quality"]),
        "ql": _ql(base, SNOW_L2B, item_id),
    }
    properties = {k: s2["properties"][k] for k in ("datetime", "platform", "eo:cloud_cover")}
    properties["s2:mgrs_tile"] = s2["properties"]["s2:mgrs_tile"]
    properties["eo:snow_cover"] = round(rng.uniform(0, 60), 2)
    tile = "T" + s2["properties"]["s2:mgrs_tile"]
    return _item(SNOW_L2B, item_id, tile, properties, assets, [EXT_EO, EXT_S2])


def _snow_l3b_items(base: str) -> list[dict[str, Any]]:
    items = []
    for tile in SNOW_TILES:
        for year in YEARS[:-1]:  # hydrological years 2018-09-01 .. 2024-08-31
            start, end = _utc(year, 9, 1), _utc(year + 1, 8, 31) + timedelta(hours=23, minutes=59)
            item_id = f"SNOW-L3B_{tile}_{start:%Y%m%d}-{end:%Y%m%d}_V1-7"
            assets = {
                key: _cog(_href(base, SNOW_L3B, item_id, key), title, ["data"])
                for key, title in (
                    ("SCD", "Snow cover duration (days)"),
                    ("SOD", "Snow onset date"),
                    ("SMOD", "Snow melt-out date"),
                    ("NOBS", "Number of clear-sky observations"),
                )
            }
            assets["ql"] = _ql(base, SNOW_L3B, item_id)
            properties = _range_properties(start, end, **{"s2:mgrs_tile": tile[1:]})
            items.append(_item(SNOW_L3B, item_id, tile, properties, assets, [EXT_S2]))
    return items


def _oso_items(base: str) -> list[dict[str, Any]]:
    items = []
    for tile in sorted(TILES):
        for year in YEARS:
            item_id = f"OSO_{year}_{tile}"
            assets = {
                "classification": _cog(
                    _href(base, OSO, item_id, "classification"), "Land cover (23 classes)", ["data"]
                ),
                "confidence": _cog(
                    _href(base, OSO, item_id, "confidence"), "Classifier confidence", ["quality"]
                ),
                "validity": _cog(
                    _href(base, OSO, item_id, "validity"), "Number of valid dates", ["quality"]
                ),
                "ql": _ql(base, OSO, item_id),
            }
            properties = _range_properties(
                _utc(year, 1, 1), _utc(year, 12, 31) + timedelta(hours=23, minutes=59, seconds=59)
            )
            items.append(_item(OSO, item_id, tile, properties, assets, []))
    return items


def items(assets_base: str = DEFAULT_ASSETS_BASE, seed: int = SEED) -> list[dict[str, Any]]:
    """Every item of every collection (about 440), always the same for the same arguments."""
    rng = random.Random(seed)
    s2 = [_s2_item(assets_base, *acq) for acq in _s2_acquisitions(rng)]
    out = list(s2)
    out += _forms_t_items(assets_base)
    indices_source = [i for i in s2 if "T" + i["properties"]["s2:mgrs_tile"] in INDICES_TILES]
    out += [_indices_item(assets_base, i) for i in indices_source[::3]]
    snow_source = [i for i in s2 if "T" + i["properties"]["s2:mgrs_tile"] in SNOW_TILES]
    out += [_snow_l2b_item(assets_base, i, rng) for i in snow_source[::2]]
    out += _snow_l3b_items(assets_base)
    out += _oso_items(assets_base)
    return out


# --- collections ---------------------------------------------------------------------------


def _collection(
    cid: str,
    title: str,
    description: str,
    keywords: list[str],
    tiles: tuple[str, ...] | list[str],
    interval: tuple[datetime, datetime],
    license_: str,
    providers: list[dict[str, Any]],
    assets_base: str,
    item_assets: dict[str, Any],
    summaries: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "type": "Collection",
        "stac_version": "1.1.0",
        "stac_extensions": [],
        "id": cid,
        "title": title,
        "description": description,
        "keywords": keywords,
        "license": license_,
        "providers": providers,
        "extent": {
            "spatial": {"bbox": [_union_bbox(tiles)]},
            "temporal": {"interval": [[_iso(interval[0]), _iso(interval[1])]]},
        },
        "summaries": summaries or {},
        "item_assets": item_assets,
        "assets": {
            "ql": {
                "href": f"{assets_base.rstrip('/')}/{cid}/ql.png",
                "type": "image/png",
                "title": "Rendered preview",
                "roles": ["thumbnail"],
            }
        },
        "links": [],
    }


_THEIA = {"name": "Pôle de données et de services Theia", "roles": ["host", "licensor"]}
_CNES = {"name": "CNES", "roles": ["producer", "processor"], "url": "https://cnes.fr"}


def _item_assets(keys: list[str], roles: list[str]) -> dict[str, Any]:
    return {k: {"type": COG, "roles": roles} for k in keys}


def collections(assets_base: str = DEFAULT_ASSETS_BASE) -> list[dict[str, Any]]:
    all_tiles = sorted(TILES)
    start, end = _utc(YEARS[0]), _utc(YEARS[-1], 12, 31) + timedelta(hours=23, minutes=59)
    s2_item_assets = _item_assets([*S2_BANDS, *S2_MASKS], ["data"])
    s2_item_assets["MD"] = {"type": "application/xml", "roles": ["metadata"]}
    s2_item_assets["ql"] = {"type": "image/jpeg", "roles": ["thumbnail"]}
    return [
        _collection(
            S2_L2A,
            "Sentinel-2 L2A THEIA (MAJA)",
            "Sentinel-2 Level 2A surface reflectances corrected by MAJA, with cloud, shadow, "
            "snow and water masks. / Réflectances de surface Sentinel-2 niveau 2A corrigées "
            "par MAJA, avec masques de nuages, d'ombres, de neige et d'eau.",
            [
                "sentinel-2",
                "L2A",
                "MAJA",
                "surface reflectance",
                "réflectance de surface",
                "THEIA",
                "France",
            ],
            all_tiles,
            (start, end),
            "etalab-2.0",
            [_CNES, _THEIA],
            assets_base,
            s2_item_assets,
            {
                "platform": ["sentinel-2a", "sentinel-2b"],
                "constellation": ["sentinel-2"],
                "instruments": ["msi"],
                "gsd": [10, 20],
                "eo:cloud_cover": {"minimum": 0, "maximum": 100},
            },
        ),
        _collection(
            FORMS_T,
            "FORMS-T",
            "FORMS-T : Height, aboveground biomass and wood volume density time-series at 10 to "
            "30 m resolution over france (2018-2024). / Séries temporelles de hauteur, biomasse "
            "aérienne et volume de bois des forêts françaises.",
            [
                "forest",
                "forêt",
                "biomass",
                "biomasse",
                "height",
                "hauteur",
                "volume",
                "France",
                "remote sensing",
                "LIDAR",
                "Sentinel",
                "GEDI",
            ],
            all_tiles,
            (_utc(2018), _utc(2024, 12, 30)),
            "other",
            [
                {
                    "name": "Laboratoire des Sciences du Climat et de l'Environnement",
                    "roles": ["producer"],
                    "url": "https://www.lsce.ipsl.fr/",
                }
            ],
            assets_base,
            _item_assets(["height", "agbd", "wvd"], ["data"]),
        ),
        _collection(
            S2_INDICES,
            "Sentinel-2 Level 2A radiometric indices",
            "Radiometric indices computed from THEIA's sentinel-2 Level 2A images. / Indices "
            "radiométriques (NDVI, NDWI, NDSI) calculés à partir des images Sentinel-2 "
            "niveau 2A de THEIA.",
            [
                "sentinel-2",
                "radiometric indices",
                "indices radiométriques",
                "NDVI",
                "NDWI",
                "NDSI",
                "vegetation",
                "végétation",
            ],
            list(INDICES_TILES),
            (start, end),
            "CC-BY-SA",
            [{"name": "INRAE", "roles": ["producer", "processor"]}],
            assets_base,
            _item_assets(["ndvi", "ndwi", "ndsi"], ["data"]),
        ),
        _collection(
            SNOW_L2B,
            "Theia Snow L2B (Sentinel-2)",
            "Snow cover extent and fractional snow cover from Sentinel-2 (LIS). / Surfaces "
            "enneigées et fraction de couverture neigeuse issues de Sentinel-2 (LIS).",
            [
                "snow",
                "neige",
                "snow cover",
                "couverture neigeuse",
                "cryosphere",
                "cryosphère",
                "Sentinel-2",
                "L2B",
            ],
            list(SNOW_TILES),
            (start, end),
            "etalab-2.0",
            [{"name": "CESBIO", "roles": ["producer"]}, _CNES, _THEIA],
            assets_base,
            _item_assets(["SEB", "FSCTOC", "FSCOG", "QCFLAGS"], ["data"]),
        ),
        _collection(
            SNOW_L3B,
            "Theia Snow L3B (annual snow cover duration)",
            "Annual snow cover duration, onset and melt-out dates over a hydrological year "
            "(September to August). / Durée d'enneigement annuelle, dates d'apparition et de "
            "disparition de la neige sur une année hydrologique (septembre à août).",
            [
                "snow",
                "neige",
                "snow cover duration",
                "durée d'enneigement",
                "cryosphere",
                "cryosphère",
                "L3B",
            ],
            list(SNOW_TILES),
            (_utc(YEARS[0], 9, 1), _utc(YEARS[-1], 8, 31) + timedelta(hours=23, minutes=59)),
            "etalab-2.0",
            [{"name": "CESBIO", "roles": ["producer"]}, _THEIA],
            assets_base,
            _item_assets(["SCD", "SOD", "SMOD", "NOBS"], ["data"]),
        ),
        _collection(
            OSO,
            "OSO land cover",
            "Yearly land cover map of metropolitan France (OSO, 23 classes) from Sentinel-2 "
            "time series. / Carte annuelle d'occupation des sols de la France métropolitaine "
            "(OSO, 23 classes) produite à partir de séries temporelles Sentinel-2.",
            [
                "land cover",
                "occupation du sol",
                "occupation des sols",
                "OSO",
                "land use",
                "urban",
                "urbain",
                "France",
            ],
            all_tiles,
            (start, end),
            "etalab-2.0",
            [{"name": "CESBIO", "roles": ["producer"]}, _THEIA],
            assets_base,
            _item_assets(["classification", "confidence", "validity"], ["data"]),
        ),
    ]


def queryables() -> dict[str, dict[str, Any]]:
    """Queryables (JSON schema ``properties``) registered for each collection."""
    cloud = {"title": "Cloud cover (%)", "type": "number", "minimum": 0, "maximum": 100}
    tile = {"title": "MGRS tile", "type": "string", "pattern": "^[0-9]{2}[A-Z]{3}$"}
    orbit = {"title": "Relative orbit", "type": "integer", "minimum": 1, "maximum": 143}
    platform = {"title": "Platform", "type": "string", "enum": ["sentinel-2a", "sentinel-2b"]}
    return {
        S2_L2A: {
            "eo:cloud_cover": cloud,
            "s2:mgrs_tile": tile,
            "sat:relative_orbit": orbit,
            "platform": platform,
        },
        S2_INDICES: {"eo:cloud_cover": cloud, "s2:mgrs_tile": tile, "platform": platform},
        SNOW_L2B: {
            "eo:cloud_cover": cloud,
            "eo:snow_cover": {"title": "Snow cover (%)", "type": "number"},
            "s2:mgrs_tile": tile,
        },
        SNOW_L3B: {"s2:mgrs_tile": tile},
    }


def write(folder: Path, assets_base: str = DEFAULT_ASSETS_BASE) -> dict[str, Path]:
    """Write ``collections.ndjson``, ``items.ndjson`` and ``queryables.json`` into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "collections": folder / "collections.ndjson",
        "items": folder / "items.ndjson",
        "queryables": folder / "queryables.json",
    }
    with paths["collections"].open("w", encoding="utf-8") as f:
        for c in collections(assets_base):
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    with paths["items"].open("w", encoding="utf-8") as f:
        for i in items(assets_base):
            f.write(json.dumps(i, ensure_ascii=False) + "\n")
    paths["queryables"].write_text(json.dumps(queryables(), ensure_ascii=False), "utf-8")
    return paths

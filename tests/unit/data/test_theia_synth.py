"""The synthetic Theia data generator: layout, raster properties, masks, physics, truth."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
import rasterio

from tests.data.theia_synth import (
    BANDS,
    BANDS_R1,
    BANDS_R2,
    FOREST,
    GRASS,
    PRODUCT_ID_RE,
    WATER,
    parse_product_id,
    product_id,
    read_manifest,
    seasonal_snowline,
    write_dem,
    write_l2a_product,
    write_time_series,
)
from tests.data.theia_synth.masks import (
    CLM_CLOUDS,
    CLM_CLOUDS_AND_SHADOWS,
    CLM_HIGH,
    CLM_MONO_TEMPORAL,
    CLM_MULTI_TEMPORAL,
    CLM_SHADOW,
    CLM_SHADOW_OUTSIDE,
    CLM_THINNEST,
    MG2_CLOUD,
    MG2_WATER,
)
from tests.data.theia_synth.noise import derive_key, fbm, pixel_noise, ridged, value_noise

SIZE = 120
DAY = date(2019, 2, 10)
PRODUCT_ARGS = dict(
    size_10m=SIZE, seed=11, snowline_m=1500.0, cloud_fraction=0.35, edge_fraction=0.2
)


def read(path: str | Path) -> np.ndarray:
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def mean_2x2(a: np.ndarray) -> np.ndarray:
    h, w = a.shape
    return a.reshape(h // 2, 2, w // 2, 2).astype(np.float64).mean(axis=(1, 3))


def relative_files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def product(tmp_path_factory):
    out = tmp_path_factory.mktemp("product")
    return write_l2a_product(out, DAY, dem_path=out / "dem.tif", **PRODUCT_ARGS)


@pytest.fixture(scope="module")
def bands(product):
    return {band: read(product.band_path(band)) for band in BANDS}


@pytest.fixture(scope="module")
def masks(product):
    return {
        (name, res): read(product.mask_path(name, res))
        for name in ("CLM", "MG2", "EDG", "SAT")
        for res in ("R1", "R2")
    }


@pytest.fixture(scope="module")
def truth(product):
    return {name: read(path) for name, path in product.truth.items()}


# --- layout ------------------------------------------------------------------------------


def test_product_id_format():
    pid = product_id("SENTINEL2B", datetime(2019, 1, 15, 10, 34, 21, 123000), "T31TCH")
    assert pid == "SENTINEL2B_20190115-103421-123_L2A_T31TCH_C_V2-2"
    assert parse_product_id(pid)["tile"] == "T31TCH"
    with pytest.raises(ValueError):
        product_id("LANDSAT8", datetime(2019, 1, 15), "T31TCH")


def test_folder_layout_is_exactly_theia(product):
    pid = product.product_id
    assert PRODUCT_ID_RE.match(pid)
    assert product.path.name == pid
    expected = {f"{pid}_FRE_{band}.tif" for band in BANDS}
    expected |= {
        f"MASKS/{pid}_{m}_{r}.tif" for m in ("CLM", "MG2", "EDG", "SAT") for r in ("R1", "R2")
    }
    expected.add(f"{pid}_MTD_ALL.xml")
    assert relative_files(product.path) == expected
    # truth stays outside the product, clearly named
    for name, path in product.truth.items():
        assert path.parent == product.path.parent / "truth"
        assert re.fullmatch(rf"{pid}_{name}_TRUTH_R[12]\.tif", path.name)


def test_metadata_describes_the_product(product):
    root = ET.parse(product.metadata_path).getroot()
    assert root.tag == "Muscate_Metadata_Document"
    assert root.findtext(".//IDENTIFIER") == product.product_id
    assert root.findtext(".//GEOGRAPHICAL_ZONE") == "T31TCH"
    assert root.findtext(".//PLATFORM") == "SENTINEL2A"
    acquired = datetime.strptime(root.findtext(".//ACQUISITION_DATE"), "%Y-%m-%dT%H:%M:%S.%fZ")
    assert acquired == product.acquired
    assert [b.text for b in root.find(".//Band_Global_List")] == list(BANDS)
    listed = {e.text for e in root.iter() if e.tag in ("IMAGE_FILE", "MASK_FILE")}
    assert listed == relative_files(product.path) - {f"{product.product_id}_MTD_ALL.xml"}
    assert root.findtext(".//SPECIAL_VALUE[@name='nodata']") == "-10000"
    assert float(root.findtext(".//QUALITY_INDEX[@name='CloudPercent']")) == pytest.approx(
        product.cloud_percent, abs=0.5
    )


def test_raster_properties_and_grid_alignment(product):
    paths = {band: product.band_path(band) for band in BANDS}
    for band, path in paths.items():
        with rasterio.open(path) as ds:
            ten_metres = band in BANDS_R1
            assert ds.dtypes[0] == "int16" and ds.nodata == -10000
            assert ds.crs.to_epsg() == 32631
            assert ds.res == ((10.0, 10.0) if ten_metres else (20.0, 20.0))
            assert ds.shape == ((SIZE, SIZE) if ten_metres else (SIZE // 2, SIZE // 2))
            assert (ds.transform.c, ds.transform.f) == (300000.0, 4800000.0)  # T31TCH corner
            assert ds.profile["tiled"] and ds.profile["compress"] == "deflate"
    for name in ("CLM", "MG2", "EDG", "SAT"):
        r1, r2 = (rasterio.open(product.mask_path(name, r)) for r in ("R1", "R2"))
        with r1, r2:
            assert r1.dtypes[0] == r2.dtypes[0] == "uint8"
            assert r2.transform == r1.transform * r1.transform.scale(2)
            assert r1.bounds == r2.bounds


# --- masks -------------------------------------------------------------------------------


def test_edge_is_nodata_in_every_band(bands, masks):
    for res, group in (("R1", BANDS_R1), ("R2", BANDS_R2)):
        edge = masks["EDG", res] == 1
        assert 0.1 < edge.mean() < 0.35
        for band in group:
            assert np.array_equal(bands[band] == -10000, edge), band
        for name in ("CLM", "MG2", "SAT"):
            assert not masks[name, res][edge].any()
    edge_r1 = masks["EDG", "R1"].reshape(SIZE // 2, 2, SIZE // 2, 2).max(axis=(1, 3))
    assert np.array_equal(edge_r1, masks["EDG", "R2"])


def test_cloud_mask_bits_are_consistent(masks, bands):
    for res in ("R1", "R2"):
        clm = masks["CLM", res]
        has = {bit: (clm & bit) != 0 for bit in (1, 2, 4, 8, 16, 32, 64, 128)}
        for bit, flagged in has.items():
            assert flagged.any(), f"CLM bit {bit} never set at {res}"
        assert not (has[CLM_CLOUDS] & ~has[CLM_CLOUDS_AND_SHADOWS]).any()
        shadows = has[CLM_SHADOW] | has[CLM_SHADOW_OUTSIDE]
        assert not (shadows & ~has[CLM_CLOUDS_AND_SHADOWS]).any()
        assert not (has[CLM_SHADOW] & has[CLM_SHADOW_OUTSIDE]).any()
        assert not (has[CLM_HIGH] & ~has[CLM_CLOUDS]).any()
        detected = has[CLM_MONO_TEMPORAL] | has[CLM_MULTI_TEMPORAL]
        assert not (has[CLM_CLOUDS] & ~detected).any()
        # bit 1 without a cloud bit is a shadow, nothing else
        assert not (has[CLM_CLOUDS_AND_SHADOWS] & ~has[CLM_CLOUDS] & ~shadows).any()
        # thinnest clouds alone never carry the "all clouds" bits
        thinnest_only = has[CLM_THINNEST] & ~has[CLM_HIGH]
        assert not (thinnest_only & has[CLM_CLOUDS]).any()
        mg2 = masks["MG2", res]
        assert np.array_equal((mg2 & MG2_CLOUD) != 0, has[CLM_CLOUDS])

    # shadows darken the ground: NIR of shadowed vegetation is well below that of clear one
    clm = masks["CLM", "R1"]
    nir = bands["B8"].astype(float)
    shadowed = nir[clm == CLM_SHADOW | CLM_CLOUDS_AND_SHADOWS]
    clear = nir[(clm == 0) & (nir > 0)]
    assert np.median(shadowed) < 0.7 * np.median(clear)


# --- physical plausibility ---------------------------------------------------------------


def test_clear_snow_looks_like_snow(bands, masks, truth):
    green, red = mean_2x2(bands["B3"]), mean_2x2(bands["B4"])
    swir = bands["B11"].astype(np.float64)
    clear_snow = (truth["SNOW"] == 1) & (masks["CLM", "R2"] == 0) & (masks["EDG", "R2"] == 0)
    assert clear_snow.sum() > 200
    ndsi = (green - swir) / (green + swir)
    assert (ndsi[clear_snow] > 0.4).mean() > 0.95
    assert (red[clear_snow] > 2000).mean() > 0.9
    clear_ground = (truth["FSC"] == 0) & (masks["CLM", "R2"] == 0) & (masks["EDG", "R2"] == 0)
    assert (ndsi[clear_ground] > 0.4).mean() < 0.1


def test_vegetation_water_and_lake(tmp_path):
    # a cloud-free date of the same landscape, so that the lake is surely visible
    clear_day = write_l2a_product(
        tmp_path, date(2019, 6, 20), **{**PRODUCT_ARGS, "cloud_fraction": 0.0, "snowline_m": 2600}
    )
    landcover = read(clear_day.truth["LANDCOVER"])
    fsc = read(clear_day.truth["FSC"])
    clm, edge = read(clear_day.mask_path("CLM", "R1")), read(clear_day.mask_path("EDG", "R1"))
    snow_free = np.kron(fsc == 0, np.ones((2, 2), bool))
    clear = (clm == 0) & (edge == 0)
    red = read(clear_day.band_path("B4")).astype(float)
    nir = read(clear_day.band_path("B8")).astype(float)
    ndvi = (nir - red) / (nir + red)
    vegetation = np.isin(landcover, (FOREST, GRASS)) & clear & snow_free
    assert vegetation.sum() > 2000
    assert (ndvi[vegetation] > 0.5).mean() > 0.95
    lake = landcover == WATER
    assert (lake & clear).sum() >= 20, "the lake is missing"
    assert (ndvi[lake & clear] < 0).mean() > 0.95
    mg2_water = (read(clear_day.mask_path("MG2", "R1")) & MG2_WATER) != 0
    assert mg2_water.any() and not (mg2_water & ~lake).any()


def test_bright_dark_and_high_clouds(bands, masks):
    clm = masks["CLM", "R2"]
    red = mean_2x2(bands["B4"])
    green, swir = mean_2x2(bands["B3"]), bands["B11"].astype(float)
    ndsi = (green - swir) / (green + swir)
    low_cloud = ((clm & CLM_CLOUDS) != 0) & ((clm & CLM_HIGH) == 0)
    thick = low_cloud & ((clm & CLM_MONO_TEMPORAL) != 0)
    assert (red[thick] > 3000).mean() > 0.9
    assert (ndsi[thick] < 0.4).mean() > 0.9
    assert (low_cloud & (red < 3000)).sum() > 10, "no dark clouds"
    assert ((clm & CLM_HIGH) != 0).sum() > 10


def test_snow_truth_follows_the_snowline(product, truth):
    dem = read(product.path.parent / "dem.tif").astype(float)
    snow = truth["SNOW"] == 1
    above = dem > product.snowline_m + 300
    below = dem < product.snowline_m - 300
    assert snow[above].mean() > 0.85
    assert snow[below].mean() < 0.05
    fsc = truth["FSC"]
    assert fsc.max() <= 100 and ((fsc > 0) & (fsc < 100)).any()  # fractional edge
    assert 0 < product.snow_percent < 100


# --- determinism, zip, windows -----------------------------------------------------------


def test_same_seed_same_bytes_other_seed_differs(product, tmp_path):
    again = write_l2a_product(
        tmp_path / "a", DAY, dem_path=tmp_path / "a" / "dem.tif", **PRODUCT_ARGS
    )
    assert again.product_id == product.product_id
    for relative in relative_files(product.path):
        assert (again.path / relative).read_bytes() == (product.path / relative).read_bytes()
    for name, path in product.truth.items():
        assert again.truth[name].read_bytes() == path.read_bytes()
    other = write_l2a_product(tmp_path / "b", DAY, **{**PRODUCT_ARGS, "seed": 12})
    assert not np.array_equal(read(other.band_path("B4")), read(product.band_path("B4")))


def test_zip_variant_reads_through_vsizip(product, bands, tmp_path):
    zipped = write_l2a_product(tmp_path, DAY, zip=True, truth=False, **PRODUCT_ARGS)
    pid = zipped.product_id
    assert zipped.path == tmp_path / f"{pid}.zip"
    with zipfile.ZipFile(zipped.path) as archive:
        names = set(archive.namelist())
    assert names == {f"{pid}/{name}" for name in relative_files(product.path)}
    with rasterio.open(f"/vsizip/{zipped.path}/{pid}/{pid}_FRE_B4.tif") as ds:
        assert np.array_equal(ds.read(1), bands["B4"])
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())  # no staging left


def test_window_size_does_not_change_the_result(product, tmp_path):
    blocked = write_l2a_product(tmp_path, DAY, block_rows=14, **PRODUCT_ARGS)
    for relative in relative_files(product.path):
        if relative.endswith(".tif"):
            assert np.array_equal(read(blocked.path / relative), read(product.path / relative))
    for name, path in product.truth.items():
        assert np.array_equal(read(blocked.truth[name]), read(path))


@pytest.mark.parametrize("field", [value_noise, fbm, ridged, pixel_noise])
def test_procedural_fields_stitch_exactly(field):
    rows, cols = np.arange(-7, 93), np.arange(3, 71)
    key = derive_key(5, "test")
    if field is pixel_noise:

        def evaluate(r):
            return pixel_noise(r, cols, key)
    elif field is value_noise:

        def evaluate(r):
            return value_noise(r / 9.3, cols / 9.3, key)
    else:

        def evaluate(r):
            return field(r * 37.0, cols * 37.0, key, cell=900.0, octaves=5, finest=37.0)

    whole = evaluate(rows)
    pieces = np.concatenate([evaluate(rows[:13]), evaluate(rows[13:50]), evaluate(rows[50:])])
    assert np.array_equal(whole, pieces)
    assert np.array_equal(evaluate(rows), whole)


# --- DEM ----------------------------------------------------------------------------------


def test_dem_in_other_grids(product, tmp_path):
    native = write_dem(tmp_path / "native.tif", size_10m=SIZE, seed=PRODUCT_ARGS["seed"])
    assert native.read_bytes() == (product.path.parent / "dem.tif").read_bytes()
    dem = read(native)
    assert 250 <= dem.min() < 800 and 2500 < dem.max() <= 3200
    with rasterio.open(
        write_dem(tmp_path / "geo.tif", size_10m=SIZE, seed=1, crs="EPSG:4326", resolution=0.0004)
    ) as ds:
        assert ds.crs.to_epsg() == 4326 and ds.res == pytest.approx((0.0004, 0.0004))
        values = ds.read(1)
        assert (values == ds.nodata).any() and (values != ds.nodata).mean() > 0.5
    with rasterio.open(
        write_dem(
            tmp_path / "30m.tif",
            size_10m=SIZE,
            seed=1,
            resolution=30,
            dtype="float32",
            margin_m=600,
        )
    ) as ds:
        assert ds.res == (30.0, 30.0) and ds.dtypes[0] == "float32"
        assert ds.bounds.left <= 300000 - 580 and ds.bounds.top >= 4800000 + 580


# --- time series --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    out = tmp_path_factory.mktemp("series")
    products = write_time_series(out, n_dates=30, size_10m=64, seed=3, duplicates=2)
    return out, products, read_manifest(out)


def test_series_dates_platforms_and_clouds(series):
    out, products, manifest = series
    assert len(products) == 32
    assert all(date(2018, 9, 1) <= p.date <= date(2019, 8, 31) for p in products)
    assert [p.acquired for p in products] == sorted(p.acquired for p in products)
    by_day: dict[date, list] = {}
    for p in products:
        by_day.setdefault(p.date, []).append(p)
    pairs = [same for same in by_day.values() if len(same) == 2]
    assert len(pairs) == 2 and all(
        {p.platform for p in pair} == {"SENTINEL2A", "SENTINEL2B"} for pair in pairs
    )
    assert min(p.cloud_percent for p in products) < 10
    assert max(p.cloud_percent for p in products) > 99  # the overcast date
    assert any(p.nodata_percent > 10 for p in products) and any(
        p.nodata_percent == 0 for p in products
    )
    assert len(manifest["products"]) == len(products)
    assert all((out / entry["path"]).exists() for entry in manifest["products"])


def test_series_snowline_goes_down_then_up(series):
    _, products, manifest = series
    curve = manifest["snowline_daily"]
    days = sorted(curve)
    lowest = min(days, key=curve.get)
    assert date(2018, 12, 1) <= lowest <= date(2019, 3, 31)
    assert curve[days[0]] > 2800 and curve[days[-1]] > 3200 and curve[lowest] < 1000
    assert seasonal_snowline(date(2019, 1, 20)) < seasonal_snowline(date(2018, 10, 20))
    # the true snow-covered area follows it
    snowline = np.array([p.snowline_m for p in products])
    snow = np.array([p.snow_percent for p in products])
    ranks = np.argsort(np.argsort(snowline)), np.argsort(np.argsort(snow))
    assert np.corrcoef(*ranks)[0, 1] < -0.9


def test_series_truth_is_self_consistent(series):
    out, _, manifest = series
    z_star = read(out / manifest["static"]["Z_STAR"])
    for entry in manifest["products"][::5]:
        snow = read(out / entry["truth"]["SNOW"]).astype(bool)
        assert np.array_equal(snow, np.float32(entry["snowline_m"]) <= z_star)
    # annual indicators against a brute-force count over every day of the period
    start, end = date.fromisoformat(manifest["start"]), date.fromisoformat(manifest["end"])
    curve = manifest["snowline_daily"]
    period = [curve[start + timedelta(days=t)] for t in range((end - start).days + 1)]
    daily = np.asarray(period, np.float32)[:, None, None] <= z_star[None]
    scd = read(out / manifest["static"]["SCD"])
    assert np.array_equal(scd, daily.sum(axis=0))
    sod, smod = read(out / manifest["static"]["SOD"]), read(out / manifest["static"]["SMOD"])
    for row, col in [(5, 5), (20, 17), (31, 2), (12, 30)]:
        series_ = daily[:, row, col]
        if scd[row, col] > 10:
            assert series_[sod[row, col] : smod[row, col] + 1].all()
            assert smod[row, col] - sod[row, col] + 1 >= max(
                len(run) for run in "".join("1" if s else "0" for s in series_).split("0")
            )
        else:
            assert sod[row, col] == smod[row, col] == 0
    assert scd.max() > 150 and scd.min() < 60

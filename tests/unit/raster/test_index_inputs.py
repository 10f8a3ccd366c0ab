"""Index inputs: mask options (CLM bits, MG2, SAT), any multiband raster, Landsat band map."""

from __future__ import annotations

import dataclasses
from datetime import date

import numpy as np
import pytest
import rasterio

from tests.data.theia_synth import write_l2a_product
from theia_plugin.core.indices.compute import IndexRequest, compute_indices
from theia_plugin.core.indices.inputs import (
    CLM_BITS,
    MG2_BITS,
    MaskOptions,
    MultibandRasterInput,
    TheiaL2AInput,
    parse_band_mapping,
)
from theia_plugin.core.raster.engine import RasterReadError
from theia_plugin.core.raster.theia_l2a import ProductError, open_l2a

NDVI = IndexRequest.from_catalogue("NDVI")


@pytest.fixture(scope="module")
def product(tmp_path_factory):
    info = write_l2a_product(
        tmp_path_factory.mktemp("l2a"), date(2019, 3, 5), size_10m=240, seed=11,
        cloud_fraction=0.3,
    )  # fmt: skip
    return open_l2a(info.path)


def read(path, band=1):
    with rasterio.open(path) as dataset:
        return dataset.read(band)


def unmasked_ndvi(product, band_n="B8", band_r="B4"):
    n, r = (read(product.band(b)) for b in (band_n, band_r))
    invalid = (n == -10000) | (r == -10000)
    n, r = n.astype(np.float32) / np.float32(1e4), r.astype(np.float32) / np.float32(1e4)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(invalid, np.nan, (n - r) / (n + r))


def ndvi(product, tmp_path, name, **kwargs):
    dest = tmp_path / f"{name}.tif"
    compute_indices(product, [NDVI], [dest], **kwargs)
    return read(dest)


def test_cloud_bits_mask_only_the_chosen_flags(product, tmp_path):
    clm = read(product.mask("CLM", 1))
    shadows = CLM_BITS["shadows"] | CLM_BITS["shadows_outside"]
    assert ((clm & shadows) != 0).any() and ((clm & ~shadows & 0xFF) != 0).any()
    got = ndvi(product, tmp_path, "shadows", masks=MaskOptions(cloud_bits=shadows, edge=False))
    truth = unmasked_ndvi(product)
    masked = (clm & shadows) != 0
    assert np.isnan(got[masked]).all()
    keep = ~masked & ~np.isnan(truth)
    np.testing.assert_array_equal(got[keep], truth[keep])  # clouds without shadows are kept
    assert (keep & (clm != 0)).any()


def test_geophysical_bits_mask_water_and_snow(product, tmp_path):
    mg2 = read(product.mask("MG2", 1))
    bits = MG2_BITS["water"] | MG2_BITS["snow"]
    assert ((mg2 & MG2_BITS["water"]) != 0).any() and ((mg2 & MG2_BITS["snow"]) != 0).any()
    options = MaskOptions(cloud=False, edge=False, geophysical_bits=bits)
    got = ndvi(product, tmp_path, "mg2", masks=options)
    truth = unmasked_ndvi(product)
    flagged = (mg2 & bits) != 0
    assert np.isnan(got[flagged]).all()
    np.testing.assert_array_equal(got[~flagged], truth[~flagged])


def test_saturation_masks_only_the_bands_the_index_uses(product, tmp_path):
    sat = read(product.mask("SAT", 1))
    options = MaskOptions(cloud=False, edge=False, saturation=True)
    layers = TheiaL2AInput(product).mask_layers(options, 10, ["N", "R"])
    # SAT_R1 bits follow B2, B3, B4, B8: NDVI reads B4 (bit 2) and B8 (bit 3).
    assert {name: layer.bits for name, layer in layers.items()} == {"_SAT_R1": 0b1100}
    got = ndvi(product, tmp_path, "sat", masks=options)
    truth = unmasked_ndvi(product)
    flagged = (sat & 0b1100) != 0
    assert np.isnan(got[flagged]).all()
    np.testing.assert_array_equal(got[~flagged], truth[~flagged])
    # A 20 m band brings SAT_R2 in, with the bit of B11 (fifth of B5 B6 B7 B8A B11 B12).
    layers = TheiaL2AInput(product).mask_layers(options, 10, ["G", "S1"])
    assert {name: layer.bits for name, layer in layers.items()} == {
        "_SAT_R1": 0b0010,
        "_SAT_R2": 0b10000,
    }


def test_bilinear_upsampling_of_twenty_metre_bands_is_an_option(product, tmp_path):
    ndsi = IndexRequest.from_catalogue("NDSI")
    near, bilinear = tmp_path / "near.tif", tmp_path / "bilinear.tif"
    options = MaskOptions(cloud=False, edge=False)
    compute_indices(product, [ndsi], [near], masks=options)
    compute_indices(product, [ndsi], [bilinear], masks=options, upsampling="bilinear")
    a, b = read(near), read(bilinear)
    both = ~np.isnan(a) & ~np.isnan(b)
    assert a.shape == b.shape and both.mean() > 0.5
    assert not np.array_equal(a[both], b[both])
    # Nearest: each 2×2 block of S1 is constant, so NDSI varies only with G inside it.
    with rasterio.open(product.band("B11")) as dataset:
        s1 = dataset.read(1)
    assert s1.shape[0] * 2 == a.shape[0]


def stack(product, tmp_path, bands, dtype="int16"):
    arrays = [read(product.band(b)) for b in bands]
    with rasterio.open(product.band(bands[0])) as source:
        profile = source.profile
    profile.update(count=len(bands), dtype=dtype, driver="GTiff", nodata=-10000, tiled=False)
    profile.pop("blockxsize", None), profile.pop("blockysize", None)
    path = tmp_path / "stack.tif"
    with rasterio.open(path, "w", **profile) as dataset:
        for i, array in enumerate(arrays, start=1):
            dataset.write(array.astype(dtype), i)
    return path


def test_any_multiband_raster_with_a_band_mapping(product, tmp_path):
    path = stack(product, tmp_path, ["B2", "B3", "B4", "B8"])
    source = MultibandRasterInput(str(path), parse_band_mapping("B=1, G=2, R=3\nN:4"), scale=1e-4)
    assert source.nodata == -10000  # from the file
    dest = tmp_path / "ndvi.tif"
    compute_indices(source, [NDVI], [dest], resolution=None, masks=MaskOptions())
    got = read(dest)
    truth = unmasked_ndvi(product)
    np.testing.assert_array_equal(np.isnan(got), np.isnan(truth))
    np.testing.assert_array_equal(got[~np.isnan(got)], truth[~np.isnan(truth)])


def test_multiband_scale_and_offset_give_reflectance(product, tmp_path):
    # Landsat Collection 2 style: reflectance = value × 0.0000275 − 0.2
    rng = np.random.default_rng(0)
    red = rng.integers(8000, 20000, (64, 64)).astype(np.uint16)
    nir = rng.integers(8000, 30000, (64, 64)).astype(np.uint16)
    path = tmp_path / "landsat.tif"
    profile = dict(driver="GTiff", width=64, height=64, count=2, dtype="uint16",
                   crs="EPSG:32631", transform=rasterio.Affine(30, 0, 0, 0, -30, 0))  # fmt: skip
    with rasterio.open(path, "w", **profile) as dataset:
        dataset.write(red, 1)
        dataset.write(nir, 2)
    source = MultibandRasterInput(str(path), {"R": 1, "N": 2}, scale=2.75e-5, offset=-0.2)
    dest = tmp_path / "ndvi.tif"
    compute_indices(source, [NDVI], [dest], resolution=None)
    r = red.astype(np.float32) * np.float32(2.75e-5) - np.float32(0.2)
    n = nir.astype(np.float32) * np.float32(2.75e-5) - np.float32(0.2)
    with np.errstate(divide="ignore", invalid="ignore"):
        truth = (n - r) / (n + r)
    np.testing.assert_allclose(read(dest), truth, rtol=1e-5, atol=1e-6)


def test_multiband_bad_input_is_named(product, tmp_path):
    path = stack(product, tmp_path, ["B4", "B8"])
    with pytest.raises(ProductError, match=r"has 2 band\(s\); the mapping asks for N=3"):
        MultibandRasterInput(str(path), {"R": 1, "N": 3})
    with pytest.raises(ProductError, match="NIR: not Awesome Spectral Indices band names"):
        MultibandRasterInput(str(path), {"R": 1, "NIR": 2})
    with pytest.raises(ProductError, match="“R=red” is not understood"):
        parse_band_mapping("R=red")
    source = MultibandRasterInput(str(path), {"R": 1, "N": 2})
    with pytest.raises(ProductError, match=r"lacks the band\(s\) G, S1 needed"):
        compute_indices(source, [IndexRequest.from_catalogue("NDSI")], [tmp_path / "x.tif"])
    with pytest.raises(ProductError, match="not a readable raster"):
        MultibandRasterInput(str(tmp_path / "nothing.tif"), {"R": 1, "N": 2})
    truncated = tmp_path / "truncated.tif"
    truncated.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    source = MultibandRasterInput(str(truncated), {"R": 1, "N": 2})  # the header is intact
    with pytest.raises(RasterReadError, match=r"truncated\.tif could not be read at rows"):
        compute_indices(source, [NDVI], [tmp_path / "x.tif"], resolution=None)
    assert not (tmp_path / "x.tif").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stack.tif", "truncated.tif"]


def test_landsat_products_read_nir_from_b5(product, tmp_path):
    # A Landsat 8 product is made of the same files under Landsat band names: N must be B5.
    landsat = dataclasses.replace(
        product,
        platform="LANDSAT8",
        bands={"FRE_B4": product.band("B4"), "FRE_B5": product.band("B8")},
    )
    got = ndvi(landsat, tmp_path, "landsat", masks=MaskOptions(cloud=False, edge=False))
    truth = unmasked_ndvi(product)
    np.testing.assert_array_equal(got[~np.isnan(truth)], truth[~np.isnan(truth)])


def test_finest_resolution_of_the_bands_read(product, tmp_path):
    ten, twenty = tmp_path / "ndvi.tif", tmp_path / "swir.tif"
    requests = [IndexRequest.from_catalogue("NDVI")]
    compute_indices(product, requests, [ten], resolution="finest")
    swir = [IndexRequest.from_formula("swir", "(S1 - S2) / (S1 + S2)")]
    compute_indices(product, swir, [twenty], resolution="finest")
    with (
        rasterio.open(ten) as a,
        rasterio.open(twenty) as b,
        rasterio.open(product.band("B11")) as b11,
    ):
        assert a.res == (10.0, 10.0)
        assert b.res == (20.0, 20.0) and b.shape == b11.shape


def test_a_ten_metre_mask_on_the_twenty_metre_grid_ors_its_flags(product, tmp_path):
    """STAC items carry CLM at 10 m only: at 20 m a pixel is masked if any of its four 10 m
    pixels has the chosen flag (an average would mix and lose bits)."""
    masks = {k: v for k, v in product.masks.items() if k != "CLM_R2"}
    stac_like = dataclasses.replace(product, masks=masks, mask_fallback=True)
    shadows = CLM_BITS["shadows"]
    dest = tmp_path / "ndsi20.tif"
    options = MaskOptions(cloud_bits=shadows, edge=False)
    compute_indices(
        stac_like, [IndexRequest.from_catalogue("NDSI")], [dest], resolution=20, masks=options
    )
    clm10 = read(product.mask("CLM", 1))
    h, w = clm10.shape[0] // 2, clm10.shape[1] // 2
    any_shadow = ((clm10 & shadows) != 0).reshape(h, 2, w, 2).any(axis=(1, 3))
    partly = any_shadow & ~((clm10 & shadows) != 0).reshape(h, 2, w, 2).all(axis=(1, 3))
    assert partly.any()  # blocks where only some 10 m pixels are flagged exist
    got = read(dest)
    assert np.isnan(got[any_shadow]).all()
    with pytest.raises(ProductError, match=r"CLM_R2\.tif is missing"):
        compute_indices(
            dataclasses.replace(product, masks=masks), [IndexRequest.from_catalogue("NDSI")],
            [tmp_path / "x.tif"], resolution=20,
        )  # fmt: skip

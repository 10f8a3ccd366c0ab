"""L2A products from sentinel2-l2a-theia STAC items, read through signed /vsicurl/ URLs."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest
import rasterio

from tests.servers.assets.fixtures import requests_client
from tests.servers.assets.l2a import expected_ndvi
from tests.servers.fixtures import clear_proxy_env
from theia_plugin.core.catalogue.signing import UrlSigner, host_rule
from theia_plugin.core.indices.compute import IndexRequest, compute_indices
from theia_plugin.core.raster.stac_l2a import open_stac_l2a
from theia_plugin.core.raster.theia_l2a import ProductError


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch):
    clear_proxy_env(monkeypatch)


@pytest.fixture
def signer(signed_assets):
    return UrlSigner(
        requests_client(signed_assets.signing.credentials),
        signed_assets.signing.url(""),
        needs_signing=host_rule([signed_assets.assets.netloc]),
    )


def read(path):
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def test_item_assets_become_signed_vsicurl_bands_and_masks(signed_l2a, signer, signed_assets):
    product = open_stac_l2a(signed_l2a.item, signer=signer)
    item_id = signed_l2a.item["id"]
    assert product.product_id == item_id
    assert product.tile == "T" + signed_l2a.item["properties"]["s2:mgrs_tile"]
    assert product.acquired.isoformat().startswith(signed_l2a.item["properties"]["datetime"][:19])
    assert sorted(product.bands) == sorted(
        f"FRE_B{b}" for b in ("2", "3", "4", "5", "6", "7", "8", "8A", "11", "12")
    )
    assert sorted(product.masks) == ["CLM_R1", "EDG_R2", "MG2_R2"]
    b4 = product.band("B4")
    assert b4.startswith("/vsicurl/" + signed_l2a.item["assets"]["B04"]["href"] + "?")
    assert "X-Amz-Signature=" in b4
    # one mask per item: the other resolution is used
    assert product.mask("CLM", 2) == product.masks["CLM_R1"]
    assert product.mask("EDG", 1) == product.masks["EDG_R2"]
    assert product.gdal_options["GDAL_DISABLE_READDIR_ON_OPEN"] == "EMPTY_DIR"
    assert len(signed_assets.signing.signed_batches()) == 1
    with pytest.raises(ProductError, match="SAT_R1"):
        product.mask("SAT", 1)


def test_missing_assets_are_listed(signed_l2a, signer):
    item = copy.deepcopy(signed_l2a.item)
    del item["assets"]["B04"], item["assets"]["EDG_R2"]
    with pytest.raises(ProductError) as caught:
        open_stac_l2a(item, signer=signer)
    assert "B04" in str(caught.value) and "EDG_R1/EDG_R2" in str(caught.value)
    assert item["id"] in str(caught.value)


def test_local_json_item_and_not_an_item(signed_l2a, signer, tmp_path):
    path = tmp_path / "item.json"
    path.write_text(json.dumps(signed_l2a.item))
    assert open_stac_l2a(str(path), signer=signer).product_id == signed_l2a.item["id"]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    with pytest.raises(ProductError, match="not a STAC item"):
        open_stac_l2a(str(path), signer=signer)


def test_unsigned_reading_is_refused(signed_l2a):
    href = signed_l2a.item["assets"]["B04"]["href"]
    with pytest.raises(rasterio.errors.RasterioIOError):
        read(f"/vsicurl/{href}")


def test_ndvi_of_an_item_from_the_stac_api_equals_the_local_computation(
    stac_api_signed_assets, signed_l2a, signer, signed_assets, tmp_path
):
    item_url = (
        f"{stac_api_signed_assets.url}/collections/sentinel2-l2a-theia/items/"
        f"{signed_l2a.item['id']}"
    )
    client = requests_client()
    product = open_stac_l2a(item_url, client=client, signer=signer)
    out = tmp_path / "ndvi.tif"
    compute_indices(product, [IndexRequest.from_catalogue("NDVI")], [out], block_rows=64)

    expected = expected_ndvi(signed_l2a.product_dir)
    got = read(out)
    assert np.isnan(expected).any() and (~np.isnan(expected)).any()
    np.testing.assert_array_equal(np.isnan(got), np.isnan(expected))
    np.testing.assert_allclose(got, expected, rtol=1e-6, equal_nan=True)

    served = signed_assets.assets.requests
    assert {r.path.rsplit("/", 1)[1] for r in served} >= {"B04.tif", "B08.tif", "CLM_R1.tif"}
    assert all("X-Amz-Signature" in r.query for r in served)
    assert not [r for r in served if r.path.endswith("/")]  # no directory listing
    assert any(r.header("Range") for r in served)  # read by ranges, not downloaded


def test_a_pystac_item_is_accepted(signed_l2a, signer):
    import pystac

    item = pystac.Item.from_dict(copy.deepcopy(signed_l2a.item))
    product = open_stac_l2a(item, signer=signer)
    assert product.product_id == signed_l2a.item["id"]
    assert product.band("B8A").startswith("/vsicurl/")


def test_20_m_indices_use_the_10_m_cloud_mask_of_the_item(signed_l2a, signer, tmp_path):
    product = open_stac_l2a(signed_l2a.item, signer=signer)
    out = tmp_path / "ndvi20.tif"
    compute_indices(product, [IndexRequest.from_catalogue("NDVI")], [out], resolution=20)
    with rasterio.open(out) as dataset:
        assert dataset.res == (20.0, 20.0)
        ndvi = dataset.read(1)
    with rasterio.open(signed_l2a.cogs["EDG_R2"]) as dataset:
        edge = dataset.read(1)
    assert ndvi.shape == edge.shape
    assert np.isnan(ndvi[edge != 0]).all()
    assert np.isfinite(ndvi).any()

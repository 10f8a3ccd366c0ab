"""Snow detection of a sentinel2-l2a-theia STAC item: signed /vsicurl/ reads, CLM at 10 m."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import rasterio

from tests.data.theia_synth import write_dem
from tests.servers.assets.fixtures import requests_client
from tests.servers.fixtures import clear_proxy_env
from theia_plugin.core.catalogue.signing import UrlSigner, host_rule
from theia_plugin.core.raster.stac_l2a import open_stac_l2a
from theia_plugin.core.raster.theia_l2a import open_l2a
from theia_plugin.core.snow.products import SnowInputs
from theia_plugin.core.snow.run_detection import detect_product


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch):
    clear_proxy_env(monkeypatch)


def read(path):
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def test_stac_item_gives_the_same_snow_as_its_files_with_clm_flags_or_ed(
    signed_l2a, signed_assets, tmp_path
):
    signer = UrlSigner(
        requests_client(signed_assets.signing.credentials),
        signed_assets.signing.url(""),
        needs_signing=host_rule([signed_assets.assets.netloc]),
    )
    remote = open_stac_l2a(signed_l2a.item, signer=signer)
    local = open_l2a(signed_l2a.product_dir)
    dem = write_dem(tmp_path / "dem.tif", size_10m=240, seed=5)  # the product's terrain
    inputs = SnowInputs.open(remote, dem)
    assert inputs.clm_step == 2 and "/vsicurl/" in inputs.clm

    got = detect_product(remote, dem, tmp_path / "remote", expert=False)
    # The same computation on the local files, given the item's masks only (CLM at 10 m).
    local_like_item = dataclasses.replace(
        local, masks={"CLM_R1": local.masks["CLM_R1"]}, mask_fallback=True
    )
    want = detect_product(local_like_item, dem, tmp_path / "local", expert=False)
    for kind in ("SEB", "FSC-TOC", "NDSI"):
        np.testing.assert_array_equal(read(got.paths[kind]), read(want.paths[kind]))
    # Cloudy at 20 m wherever any of the four 10 m pixels is flagged.
    clm10 = read(local.masks["CLM_R1"])
    h, w = clm10.shape[0] // 2, clm10.shape[1] // 2
    any_cloud = (clm10 != 0).reshape(h, 2, w, 2).any(axis=(1, 3))
    seb = read(got.paths["SEB"])
    assert any_cloud.any() and (seb[any_cloud] == 205).mean() > 0.9


def test_the_metadata_sidecar_keeps_no_signature(signed_l2a, signed_assets, tmp_path):
    signer = UrlSigner(
        requests_client(signed_assets.signing.credentials),
        signed_assets.signing.url(""),
        needs_signing=host_rule([signed_assets.assets.netloc]),
    )
    remote = open_stac_l2a(signed_l2a.item, signer=signer)
    dem = write_dem(tmp_path / "dem.tif", size_10m=240, seed=5)
    outputs = detect_product(remote, dem, tmp_path / "out", expert=False)
    text = outputs.metadata.read_text(encoding="utf-8")
    assert "/vsicurl/" in text
    assert "X-Amz" not in text and "Signature" not in text

"""The indices algorithms on a sentinel2-l2a-theia STAC item: assets signed with an "API Header"
authentication configuration, read through /vsicurl/ from the local asset server."""

from __future__ import annotations

import json

import numpy as np
import pytest
import rasterio
from qgis.core import QgsApplication, QgsProcessingException

from tests.servers.assets.l2a import expected_ndvi
from tests.servers.fixtures import clear_proxy_env
from tests.servers.qgis_auth import AuthConfigs
from theia_plugin.processing.provider import TheiaProvider


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch):
    clear_proxy_env(monkeypatch)


@pytest.fixture(scope="module")
def provider(qgis_processing):
    registry = QgsApplication.processingRegistry()
    provider = TheiaProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


@pytest.fixture
def auth_configs(qgis_app):
    configs = AuthConfigs()
    yield configs
    configs.cleanup()


def read(path):
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def item_url(api, item):
    return f"{api.url}/collections/sentinel2-l2a-theia/items/{item['id']}"


def test_spectral_index_of_a_stac_item_url_with_an_api_header_authcfg(
    provider, stac_api_signed_assets, signed_l2a, signing_env, auth_configs, tmp_path
):
    import processing

    authcfg = auth_configs.api_header(signing_env.signing.credentials)
    result = processing.run(
        "theia:spectralindex",
        {
            "INPUT": item_url(stac_api_signed_assets, signed_l2a.item),
            "AUTHCFG": authcfg,
            "INDEX": "NDVI",
            "OUTPUT": str(tmp_path / "ndvi.tif"),
        },
    )
    expected = expected_ndvi(signed_l2a.product_dir)
    got = read(result["OUTPUT"])
    np.testing.assert_array_equal(np.isnan(got), np.isnan(expected))
    np.testing.assert_allclose(got, expected, rtol=1e-6, equal_nan=True)
    (sign_request,) = signing_env.signing.requests_to("/sign_urls")
    assert sign_request.header("access-key") == signing_env.signing.access_key
    assert all("X-Amz-Signature" in r.query for r in signing_env.assets.requests)


def test_without_credentials_the_error_says_what_the_signing_service_expects(
    provider, signed_l2a, signing_env, tmp_path
):
    import processing

    item = tmp_path / "item.json"
    item.write_text(json.dumps(signed_l2a.item))
    with pytest.raises(QgsProcessingException) as caught:
        processing.run(
            "theia:severalindices",
            {"INPUT": str(item), "INDICES": ["NDVI"], "OUTPUT_FOLDER": str(tmp_path / "out")},
        )
    text = str(caught.value)
    assert "Credentials refused by the signing service" in text
    assert "access-key / secret-key" in text
    assert not signing_env.assets.requests  # nothing was read unsigned


def test_several_indices_of_a_local_item_file(
    provider, signed_l2a, signing_env, auth_configs, tmp_path
):
    import processing

    item = tmp_path / "item.json"
    item.write_text(json.dumps(signed_l2a.item))
    authcfg = auth_configs.api_header(signing_env.signing.credentials)
    result = processing.run(
        "theia:severalindices",
        {"INPUT": str(item), "AUTHCFG": authcfg, "INDICES": ["NDVI", "NDWI"],
         "OUTPUT_FOLDER": str(tmp_path / "out")},
    )  # fmt: skip
    files = sorted(result["OUTPUT_FILES"])
    assert [f.rsplit("_", 1)[1] for f in files] == ["NDVI.tif", "NDWI.tif"]
    ndvi = read(next(f for f in files if f.endswith("NDVI.tif")))
    np.testing.assert_allclose(ndvi, expected_ndvi(signed_l2a.product_dir), rtol=1e-6,
                               equal_nan=True)  # fmt: skip

"""The "Download catalogue assets" algorithm against the GEODES-like service, inside QGIS."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingProvider,
)

from tests.servers.fixtures import clear_proxy_env
from tests.servers.geodes import GeodesService
from tests.servers.qgis_auth import AuthConfigs
from theia_plugin.core.raster.theia_l2a import open_l2a
from theia_plugin.processing.catalogue_download import CatalogueDownloadAlgorithm
from theia_plugin.processing.provider import TheiaProvider

L2A = "THEIA_REFLECTANCE_SENTINEL2_L2A"
ALG = "theiacataloguetest:downloadcatalogueassets"


class _CatalogueTestProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "theiacataloguetest"

    def name(self) -> str:
        return "Theia catalogue (tests)"

    def loadAlgorithms(self) -> None:
        self.addAlgorithm(CatalogueDownloadAlgorithm())


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_proxy_env(monkeypatch)


@pytest.fixture(scope="module")
def provider(qgis_processing):
    registry = QgsApplication.processingRegistry()
    provider = _CatalogueTestProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


@pytest.fixture
def api_key_config(qgis_app, geodes_service: GeodesService):
    configs = AuthConfigs()
    yield configs.api_header({"X-API-Key": geodes_service.api_key})
    configs.cleanup()


def run(params: dict, feedback: QgsProcessingFeedback | None = None) -> dict:
    import processing

    context = QgsProcessingContext()
    return processing.run(
        ALG, params, context=context, feedback=feedback or QgsProcessingFeedback()
    )


def test_registered_in_the_theia_provider():
    algorithms = TheiaProvider.algorithms_to_register()
    (found,) = [a for a in algorithms if isinstance(a, CatalogueDownloadAlgorithm)]
    assert found.groupId() == "catalogue" and found.group() == "Catalogue"


def test_download_by_ids(provider, geodes_service, api_key_config, tmp_path):
    ids = geodes_service.data.downloadable[:2]
    result = run(
        {
            "CATALOGUE_KIND": 0,
            "CATALOGUE_URL": geodes_service.stac_url,
            "ITEM_IDS": "\n".join(ids),
            "MAX_ITEMS": 1,  # listed ids all count
            "AUTHCFG": api_key_config,
            "OUTPUT_FOLDER": str(tmp_path),
        }
    )
    assert result["ITEM_COUNT"] == 2
    assert sorted(result["FILES"]) == sorted(str(tmp_path / f"{i}.zip") for i in ids)
    for identifier in ids:
        item = geodes_service.items(identifier=identifier)[0]
        md5 = item["assets"][f"{identifier}.zip"]["href"].rsplit("/", 1)[-1]
        path = tmp_path / f"{identifier}.zip"
        assert hashlib.md5(path.read_bytes()).hexdigest() == md5
        assert open_l2a(path).product_id == identifier
    downloads = [r for r in geodes_service.requests if r.path.startswith("/api/download/")]
    assert len(downloads) == 2
    assert all(r.header("X-API-Key") == geodes_service.api_key for r in downloads)


def test_download_by_search(provider, geodes_service, api_key_config, tmp_path):
    # T31TCH on the day of the first real product: that product alone
    result = run(
        {
            "CATALOGUE_URL": geodes_service.stac_url,
            "COLLECTIONS": L2A,
            "EXTENT": "0.5,1.5,43.4,43.8 [EPSG:4326]",
            "START_DATE": "2023-06-15",
            "END_DATE": "2023-06-15",
            "MAX_ITEMS": 5,
            "AUTHCFG": api_key_config,
            "OUTPUT_FOLDER": str(tmp_path),
        }
    )
    identifier = geodes_service.data.downloadable[0]
    assert result["FILES"] == [str(tmp_path / f"{identifier}.zip")]
    body = geodes_service.requests_to("/api/stac/search")[0].body
    assert b'"bbox":[0.5,43.4,1.5,43.8]' in body.replace(b" ", b"")


def test_offline_items_are_reported_and_others_go_on(
    provider, geodes_service, api_key_config, tmp_path
):
    offline = geodes_service.items(dataset=L2A, **{"grid:code": "T32TLR"})[0]
    online = geodes_service.data.downloadable[0]
    errors: list[str] = []

    class Recording(QgsProcessingFeedback):
        def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N803
            errors.append(error)

    feedback = Recording()
    result = run(
        {
            "CATALOGUE_URL": geodes_service.stac_url,
            "ITEM_IDS": f"{offline['properties']['identifier']}, {online}",
            "AUTHCFG": api_key_config,
            "OUTPUT_FOLDER": str(tmp_path),
        },
        feedback,
    )
    assert result["ITEM_COUNT"] == 1
    assert result["FILES"] == [str(tmp_path / f"{online}.zip")]
    (error,) = errors
    assert offline["properties"]["identifier"] in error and "offline" in error


def test_without_a_key_fails_with_a_clear_message(provider, geodes_service, tmp_path):
    with pytest.raises(QgsProcessingException, match="Missing API key"):
        run(
            {
                "CATALOGUE_URL": geodes_service.stac_url,
                "ITEM_IDS": geodes_service.data.downloadable[0],
                "OUTPUT_FOLDER": str(tmp_path),
            }
        )
    assert not list(tmp_path.iterdir())


def test_cancel_stops_the_download(provider, geodes_service, api_key_config, tmp_path):
    geodes_service.add_fault("trickle", "/api/download", times=1)
    feedback = QgsProcessingFeedback()

    def cancel_when_downloading() -> None:
        while not any(r.path.startswith("/api/download/") for r in geodes_service.requests):
            threading.Event().wait(0.01)
        feedback.cancel()

    watcher = threading.Thread(target=cancel_when_downloading, daemon=True)
    watcher.start()
    result = run(
        {
            "CATALOGUE_URL": geodes_service.stac_url,
            "ITEM_IDS": geodes_service.data.downloadable[2],
            "AUTHCFG": api_key_config,
            "OUTPUT_FOLDER": str(tmp_path),
        },
        feedback,
    )
    watcher.join(10)
    assert feedback.isCanceled()
    assert "FILES" not in result
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_bad_url_is_named(provider, tmp_path):
    with pytest.raises(QgsProcessingException, match="must start with http"):
        run({"CATALOGUE_URL": "ftp://x", "ITEM_IDS": "a", "OUTPUT_FOLDER": str(tmp_path)})


def test_resumes_after_a_connection_reset(provider, geodes_service, api_key_config, tmp_path):
    geodes_service.add_fault("drop", "/api/download", times=1)
    identifier = geodes_service.data.downloadable[1]
    result = run(
        {
            "CATALOGUE_URL": geodes_service.stac_url,
            "ITEM_IDS": identifier,
            "AUTHCFG": api_key_config,
            "OUTPUT_FOLDER": str(tmp_path),
        }
    )
    (path,) = result["FILES"]
    first, second = [r for r in geodes_service.requests if r.path.startswith("/api/download/")]
    assert first.header("Range") is None
    assert second.header("Range", "").startswith("bytes=")
    md5 = second.path.rsplit("/", 1)[-1]
    assert hashlib.md5(Path(path).read_bytes()).hexdigest() == md5
    assert [p.name for p in tmp_path.iterdir()] == [f"{identifier}.zip"]

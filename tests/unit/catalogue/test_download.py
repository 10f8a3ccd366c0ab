"""Downloading catalogue assets (core/catalogue/download.py) from the GEODES-like service."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
import rasterio

from tests.servers.fixtures import FAST_CLIENT_OPTIONS, clear_proxy_env
from tests.servers.geodes import GeodesService
from theia_plugin.core.catalogue.download import (
    DownloadTarget,
    checksum_of,
    download_assets,
    plan_downloads,
)
from theia_plugin.core.catalogue.geodes_backend import GeodesCatalogue
from theia_plugin.core.catalogue.model import Asset, CatalogueItem, SearchRequest
from theia_plugin.core.raster.theia_l2a import open_l2a
from theia_plugin.net import (
    AuthenticationError,
    CancellationToken,
    CancelledError,
    HttpClient,
    InvalidResponseError,
    NotFoundError,
)
from theia_plugin.net.requests_transport import RequestsTransport

DOWNLOAD = "/api/download"


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_proxy_env(monkeypatch)


def make_client(headers: dict[str, str] | None = None) -> HttpClient:
    # 16 KiB reads: what arrived before a reset is kept (the test zips are ~140 KB)
    transport = RequestsTransport(headers=headers, chunk_size=16384)
    return HttpClient(transport, **FAST_CLIENT_OPTIONS)


@pytest.fixture
def client(geodes_service: GeodesService):
    with make_client({"X-API-Key": geodes_service.api_key}) as made:
        yield made


def online_item(service: GeodesService, index: int = 0) -> CatalogueItem:
    """A downloadable item, found by a real search on its identifier."""
    identifier = service.data.downloadable[index]
    with make_client() as anonymous:
        catalogue = GeodesCatalogue(service.stac_url, anonymous)
        request = SearchRequest(filters={"identifier": ("=", identifier)})
        (item,) = [i for page in catalogue.search(request) for i in page]
    return item


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file())


def test_download_and_open_as_theia_product(geodes_service, client, tmp_path):
    item = online_item(geodes_service)
    token = CancellationToken()
    (result,) = download_assets([item], tmp_path, client, feedback=token)
    identifier = item.properties["identifier"]
    assert result.path == tmp_path / f"{identifier}.zip"
    assert "md5:" + md5(result.path) == checksum_of(item.assets[f"{identifier}.zip"])
    assert token.progress == 100
    assert leftovers(tmp_path) == [f"{identifier}.zip"]  # data only, no quicklook
    sent = geodes_service.requests_to(geodes_service.requests[-1].path)[-1]
    assert sent.header("X-API-Key") == geodes_service.api_key

    product = open_l2a(result.path)
    assert product.product_id == identifier
    assert product.band("B4").startswith("/vsizip/")
    with rasterio.open(product.band("B4")) as band:
        assert band.read(1).any()

    # complete and checksum-correct: kept, not fetched again
    calls = len(geodes_service.requests)
    (again,) = download_assets([item], tmp_path, client)
    assert again.skipped and len(geodes_service.requests) == calls


def test_resume_after_a_connection_reset(geodes_service, client, tmp_path):
    item = online_item(geodes_service, 1)
    geodes_service.add_fault("drop", DOWNLOAD, times=1)
    (result,) = download_assets([item], tmp_path, client)
    first, second = geodes_service.requests_to(geodes_service.requests[-1].path)
    assert first.header("Range") is None
    start = int(second.header("Range").removeprefix("bytes=").rstrip("-"))
    assert start > 0  # resumed where the reset cut it, not from the first byte
    assert second.header("If-Range") == f'"{result.target.checksum[4:]}"'
    assert "md5:" + md5(result.path) == result.target.checksum
    open_l2a(result.path)
    assert leftovers(tmp_path) == [result.path.name]


def test_cancel_leaves_no_partial_file(geodes_service, client, tmp_path):
    item = online_item(geodes_service, 2)
    geodes_service.add_fault("trickle", DOWNLOAD, times=1)  # 1.7 s for the whole zip
    token = CancellationToken()

    def cancel_once_the_download_started() -> None:
        while not any(r.path.startswith(DOWNLOAD) for r in geodes_service.requests):
            if token.wait(0.01):
                return
        token.cancel()

    watcher = threading.Thread(target=cancel_once_the_download_started)
    watcher.start()
    try:
        with pytest.raises(CancelledError):
            download_assets([item], tmp_path, client, feedback=token)
    finally:
        token.cancel()
        watcher.join()
    assert token.progress < 100
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("headers", "error", "words"),
    [
        (None, AuthenticationError, "Missing API key"),
        ({"X-API-Key": "not-the-key"}, AuthenticationError, "Invalid API key"),
    ],
)
def test_refused_without_a_valid_key(geodes_service, tmp_path, headers, error, words):
    item = online_item(geodes_service)
    with make_client(headers) as client, pytest.raises(error) as caught:
        download_assets([item], tmp_path, client)
    text = str(caught.value)
    assert words in text and "/api/download/" in text and "API key" in text
    assert caught.value.status in (401, 403)
    assert "not-the-key" not in text
    assert leftovers(tmp_path) == []


def test_offline_product_is_not_found(geodes_service, client, tmp_path):
    offline = geodes_service.items(dataset="THEIA_SNOW_SENTINEL2_L2B")[0]
    with pytest.raises(NotFoundError, match="offline"):
        download_assets([CatalogueItem.from_geodes(offline)], tmp_path, client)


def test_corrupted_download_is_refused(geodes_service, client, tmp_path):
    item = online_item(geodes_service)
    (target,) = plan_downloads([item], tmp_path)
    wrong = DownloadTarget(
        target.item_id, target.asset_key, target.url, target.path, "md5:" + "0" * 32
    )
    with pytest.raises(InvalidResponseError, match="corrupted"):
        download_assets([wrong], tmp_path, client)
    assert leftovers(tmp_path) == []


def test_stac_assets_by_href_with_file_checksum(geodes_service, tmp_path):
    """A STAC item (not GEODES): assets by href into <folder>/<item id>/, file:checksum."""
    geodes_item = online_item(geodes_service)
    quicklook = next(a for a in geodes_item.assets.values() if "overview" in a.roles)
    with make_client() as anonymous:
        data = anonymous.get(quicklook.href).content
    stac = CatalogueItem.from_stac(
        {
            "id": "S2-item/1",
            "properties": {"datetime": "2023-06-15T10:37:00Z"},
            "assets": {
                "preview": {
                    "href": quicklook.href,
                    "type": "image/png",
                    "roles": ["data"],
                    "file:checksum": "d50110" + hashlib.md5(data).hexdigest(),
                    "file:size": len(data),
                },
                "thumbnail": {"href": quicklook.href, "roles": ["thumbnail"]},
            },
        }
    )
    with make_client() as anonymous:
        (result,) = download_assets([stac], tmp_path, anonymous, asset_keys=["preview"])
    assert result.path.parent == tmp_path / "S2-item_1"
    assert result.path.read_bytes() == data
    assert result.target.checksum == "md5:" + hashlib.md5(data).hexdigest()


def test_plan_names_and_bad_keys(tmp_path):
    item = CatalogueItem.from_stac(
        {
            "id": "x",
            "properties": {"datetime": None},
            "assets": {
                "B04": {"href": "https://h/a/B04.tif?sig=1", "roles": ["data"]},
                "CLM": {"href": "https://h/a/get?id=clm", "type": "image/tiff; profile=cog"},
                "thumbnail": {"href": "https://h/a/ql.png"},
            },
        }
    )
    names = [t.path.name for t in plan_downloads([item], tmp_path)]
    assert names == ["B04.tif", "x_CLM.tif"]
    assert [t.asset_key for t in plan_downloads([item], tmp_path, ["thumbnail"])] == ["thumbnail"]
    with pytest.raises(ValueError, match="No asset matches B99; the items have: B04, CLM"):
        plan_downloads([item], tmp_path, ["B99"])
    sha = "1220" + "ab" * 32
    assert checksum_of(Asset("https://h/f", extra={"file:checksum": sha})) == "sha256:" + "ab" * 32


def test_private_stac_assets_are_signed_just_before_download(signed_l2a, signed_assets, tmp_path):
    from tests.servers.assets.fixtures import requests_client
    from theia_plugin.core.catalogue.signing import UrlSigner, host_rule
    from theia_plugin.net import AuthenticationError as Refused

    item = CatalogueItem.from_stac(signed_l2a.item)
    with requests_client(signed_assets.signing.credentials) as signing_client:
        signer = UrlSigner(
            signing_client,
            signed_assets.signing.url(""),
            needs_signing=host_rule([signed_assets.assets.netloc]),
        )
        with make_client() as client:
            with pytest.raises(Refused):  # the private storage answers 403 unsigned
                download_assets([item], tmp_path / "unsigned", client, asset_keys=["B04"])
            results = download_assets(
                [item], tmp_path / "signed", client, asset_keys=["B04"], signer=signer.sign_many
            )
    (result,) = results
    assert result.target.path.read_bytes() == signed_l2a.cogs["B04"].read_bytes()
    assert "X-Amz" not in result.target.path.name
    assert len(signed_assets.signing.signed_batches()) == 1

"""Interoperability: the OGC API - Processes backend against a real pygeoapi (PyPI) running a
DSM-OPT-like process asynchronously (TinyDB job manager): describe, submit async, follow to
success, fetch the raster result, dismiss."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from osgeo import gdal, osr

from tests.servers.pygeoapi.service import PygeoapiService
from theia_plugin.core.dsmopt import JobGoneError, PollPolicy, follow, open_backend
from theia_plugin.core.dsmopt.parameters import form_fields

ROI = [560_000.0, 6_207_440.0, 562_560.0, 6_210_000.0]
POLL = PollPolicy(initial=0.1, factor=1.5, maximum=0.5)


@pytest.fixture(scope="module")
def pygeoapi() -> Iterator[PygeoapiService]:
    with PygeoapiService(seconds=1.5) as service:
        yield service


def test_async_job_on_pygeoapi(pygeoapi: PygeoapiService, make_client, tmp_path) -> None:
    client = make_client()
    backend = open_backend("ogc", pygeoapi.url, client)
    fields = {f.key: f for f in form_fields(backend.describe_process())}
    assert fields["images"].required and fields["zoomF"].choices == (1, 2, 4, 8)

    inputs = {"images": ["PHR1A_F", "PHR1A_B"], "roi": ROI, "zoomF": 2}
    job = backend.submit(inputs, name="interop")
    assert job.job_id and job.status in ("accepted", "running")
    statuses = []
    final = follow(backend, job, on_update=lambda j: statuses.append(j.status), policy=POLL)
    assert final.status == "successful", final.message
    assert "running" in statuses or "accepted" in statuses  # really asynchronous

    results = backend.results(final.job_id)
    dsm = results.layer("A3")
    assert dsm.cog_url and dsm.cog_url.startswith(pygeoapi.files_url)
    path = client.download(dsm.cog_url, tmp_path / "a3.tif")
    dataset = gdal.Open(str(path))
    assert osr.SpatialReference(wkt=dataset.GetProjection()).GetAuthorityCode(None) == "2154"
    assert (dataset.RasterXSize, dataset.RasterYSize) == (128, 128)  # 2560 m at 20 m
    values = dataset.ReadAsArray()
    assert 800 <= values.min() < values.max() <= 1400
    dataset = None

    backend.dismiss(final.job_id)
    with pytest.raises(JobGoneError):
        backend.status(final.job_id)


def test_invalid_inputs_fail_the_job(pygeoapi: PygeoapiService, make_client) -> None:
    backend = open_backend("ogc", pygeoapi.url, make_client())
    try:
        job = backend.submit({"images": ["only-one"], "roi": ROI})
    except Exception as exc:  # refused at submission
        assert "2 or 3" in str(exc)
        return
    final = follow(backend, job, policy=POLL)
    assert final.status == "failed"

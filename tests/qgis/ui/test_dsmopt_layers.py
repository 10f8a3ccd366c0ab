"""DSM-OPT results as a layer group, each fallback (COG, XYZ, WMS, placed PNG preview) read
for real from the local service (HTTP, XYZ tiles, qgis_mapserver)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtGui import QImage

from tests.qgis.ui.conftest import spin_until
from tests.servers.dsmopt import products
from theia_plugin.toolbelt.render import render_to_png
from theia_plugin.ui.dsmopt_layers import (
    LICENCE_PROPERTY,
    SOURCE_PROPERTY,
    LoadResultsTask,
    build_layers,
    open_result_layer,
)


def job_extent(crs: QgsCoordinateReferenceSystem) -> QgsRectangle:
    xmin, ymin, xmax, ymax = products.bbox()
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:2154"), crs, QgsProject.instance()
    )
    return transform.transformBoundingBox(QgsRectangle(xmin, ymin, xmax, ymax))


def rendered_pixels(layer, tmp_path) -> np.ndarray:
    """Render ``layer`` over the job's extent; RGB array of the image."""
    png = render_to_png([layer], tmp_path / "render.png", width=128, extent=job_extent(layer.crs()))
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = bytes(image.constBits().asarray(image.sizeInBytes()))
    rows = np.frombuffer(data, np.uint8).reshape(height, image.bytesPerLine())
    return rows[:, : width * 3].reshape(height, width, 3)


def assert_terrain(pixels: np.ndarray) -> None:
    """A rendered terrain: mostly painted (not the white background) and textured."""
    painted = (pixels < 250).any(axis=2)
    assert painted.mean() > 0.5
    assert pixels[painted].std() > 5


@pytest.mark.parametrize("kind", ["cog", "xyz", "wms", "preview"])
def test_each_source_gives_a_layer_with_real_pixels(finished_ogc_job, kind, tmp_path) -> None:
    backend, job = finished_ogc_job
    results = backend.results(job.job_id)
    layer = open_result_layer(results.layer("B2"), tmp_path / "cache", kinds=(kind,))
    assert layer is not None and layer.isValid()
    assert layer.customProperty(SOURCE_PROPERTY) == kind
    assert "CC-BY-NC" in layer.metadata().rights()[0]
    assert layer.metadata().licenses() == ["CC-BY-NC"]
    assert_terrain(rendered_pixels(layer, tmp_path))
    if kind == "cog":
        assert layer.source().startswith("/vsicurl/http")
    if kind == "preview":  # placed by its corners (EPSG:4326), over the job's extent
        assert layer.crs().authid() == "EPSG:4326"
        expected = job_extent(layer.crs())
        assert layer.extent().intersect(expected).area() > 0.9 * expected.area()


def test_falls_back_when_the_better_sources_fail(finished_ogc_job, tmp_path) -> None:
    backend, job = finished_ogc_job
    dsm = backend.results(job.job_id).layer("A3")
    broken = dataclasses.replace(dsm, cog_url=dsm.cog_url + ".missing", xyz_url=None)
    layer = open_result_layer(broken, tmp_path)
    assert layer.customProperty(SOURCE_PROPERTY) == "wms"
    only_preview = dataclasses.replace(dsm, cog_url=None, xyz_url=None, wms_url=None)
    assert open_result_layer(only_preview, tmp_path).customProperty(SOURCE_PROPERTY) == "preview"
    nothing = dataclasses.replace(only_preview, preview_url=None)
    assert open_result_layer(nothing, tmp_path) is None


def test_build_layers_prefers_cog(finished_ogc_job, tmp_path) -> None:
    backend, job = finished_ogc_job
    layers, missing = build_layers(backend.results(job.job_id), tmp_path)
    assert missing == []
    assert [layer.customProperty(SOURCE_PROPERTY) for layer in layers] == ["cog"] * 6


def test_task_adds_the_group_with_the_licence(finished_ogc_job, tmp_path) -> None:
    backend, job = finished_ogc_job
    project = QgsProject.instance()
    project.clear()
    task = LoadResultsTask(backend, job.job_id, "DSM-OPT terrain", tmp_path, project=project)
    outcome = {}
    task.loaded.connect(lambda group, notice: outcome.update(group=group, notice=notice))
    task.failed.connect(lambda message: outcome.update(error=message))
    QgsApplication.taskManager().addTask(task)
    spin_until(lambda: outcome)
    assert "error" not in outcome
    group = project.layerTreeRoot().findGroup("DSM-OPT terrain")
    assert group is outcome["group"]
    assert "CC-BY-NC" in group.customProperty(LICENCE_PROPERTY)
    assert "CC-BY-NC" in outcome["notice"]
    names = [node.layer().name() for node in group.findLayers()]
    assert names == [title for title, _name in sorted(products.LAYERS.values())]
    block = (
        group.findLayers()[1]
        .layer()
        .dataProvider()
        .block(1, job_extent(QgsCoordinateReferenceSystem("EPSG:2154")), 16, 16)
    )
    assert block.isValid() and not block.isEmpty()
    project.clear()

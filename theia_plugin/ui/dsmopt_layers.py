"""DSM-OPT results as a layer group: COG through /vsicurl/ first, else XYZ, else WMS, else the
PNG preview placed by its corners; every layer and the group carry the CC-BY-NC licence.

Opening a remote layer reads from the network, so :class:`LoadResultsTask` builds the layers
in a QgsTask and only adds them to the project (on the main thread) when it finishes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsLayerMetadata,
    QgsLayerTreeGroup,
    QgsProject,
    QgsRasterLayer,
    QgsTask,
)
from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal

from theia_plugin.core.dsmopt import JobBackend, JobResults, ResultLayer
from theia_plugin.core.dsmopt.sources import (
    SOURCE_KINDS,
    licence_notice,
    sources_for,
    write_preview_vrt,
)
from theia_plugin.core.i18n import tr

__all__ = [
    "LICENCE_PROPERTY",
    "LoadResultsTask",
    "add_results_group",
    "build_layers",
    "default_cache_dir",
    "open_result_layer",
]

LOG = logging.getLogger("theia.dsmopt")
LICENCE_PROPERTY = "theia/licence"
SOURCE_PROPERTY = "theia/dsmopt-source"


def default_cache_dir() -> Path:
    """Where preview VRTs and downloads go (the QGIS profile)."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "theia" / "dsmopt-cache"


def open_result_layer(
    layer: ResultLayer,
    cache_dir: str | Path,
    kinds: Sequence[str] = SOURCE_KINDS,
    licence: str = "CC-BY-NC",
) -> QgsRasterLayer | None:
    """The first valid layer among ``layer``'s sources of ``kinds`` (in that order), with the
    licence in its metadata; None when no source opens."""
    order = {kind: position for position, kind in enumerate(kinds)}
    candidates = sorted(
        (s for s in sources_for(layer) if s.kind in order), key=lambda s: order[s.kind]
    )
    for source in candidates:
        uri = source.uri
        if source.kind == "preview":
            try:
                uri = str(write_preview_vrt(layer, cache_dir))
            except Exception as exc:  # GDAL raises RuntimeError for unreachable PNGs
                LOG.info("DSM-OPT %s: preview not usable: %s", layer.code, exc)
                continue
        qgs_layer = QgsRasterLayer(uri, layer.title or layer.code, source.provider)
        if qgs_layer.isValid():
            _set_licence(qgs_layer, layer, licence, source.kind)
            return qgs_layer
        LOG.info("DSM-OPT %s: %s source not usable (%s)", layer.code, source.kind, uri)
    return None


def _set_licence(qgs_layer: QgsRasterLayer, layer: ResultLayer, licence: str, kind: str) -> None:
    notice = licence_notice(licence)
    metadata = QgsLayerMetadata(qgs_layer.metadata())
    metadata.setTitle(layer.title or layer.code)
    metadata.setAbstract(
        tr("DSM-OPT result layer {code} ({title}).").format(code=layer.code, title=layer.title)
        + "\n"
        + notice
    )
    metadata.setRights([notice])
    metadata.setLicenses([licence])
    qgs_layer.setMetadata(metadata)
    qgs_layer.setAbstract(notice)
    qgs_layer.setAttribution(licence)
    qgs_layer.setCustomProperty(LICENCE_PROPERTY, notice)
    qgs_layer.setCustomProperty(SOURCE_PROPERTY, kind)


def build_layers(
    results: JobResults,
    cache_dir: str | Path,
    kinds: Sequence[str] = SOURCE_KINDS,
    is_canceled: Callable[[], bool] = lambda: False,
) -> tuple[list[QgsRasterLayer], list[str]]:
    """Layers for every result (any thread) and the codes that could not be opened."""
    layers, missing = [], []
    for layer in results.layers:
        if is_canceled():
            break
        opened = open_result_layer(layer, cache_dir, kinds, results.licence)
        if opened is None:
            missing.append(layer.code)
        else:
            layers.append(opened)
    return layers, missing


def add_results_group(
    name: str,
    layers: Sequence[QgsRasterLayer],
    licence: str = "CC-BY-NC",
    project: QgsProject | None = None,
) -> QgsLayerTreeGroup:
    """Add ``layers`` to ``project`` in a new group at the top of the layer tree."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    group = root.insertGroup(0, name)
    group.setCustomProperty(LICENCE_PROPERTY, licence_notice(licence))
    for layer in layers:
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    return group


class LoadResultsTask(QgsTask):
    """Fetch a job's results and open its layers in the background; on success the layers
    are added as a group (``loaded(group, licence notice)``), else ``failed(message)``."""

    loaded = pyqtSignal(object, str)
    failed = pyqtSignal(str)

    def __init__(
        self,
        backend: JobBackend,
        job_id: str,
        group_name: str,
        cache_dir: str | Path | None = None,
        kinds: Sequence[str] = SOURCE_KINDS,
        project: QgsProject | None = None,
    ) -> None:
        super().__init__(
            tr("Loading DSM-OPT results of {id}").format(id=job_id), QgsTask.Flag.CanCancel
        )
        self.backend, self.job_id, self.group_name = backend, job_id, group_name
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self.kinds = tuple(kinds)
        self.project = project
        self.results: JobResults | None = None
        self.layers: list[QgsRasterLayer] = []
        self.missing: list[str] = []
        self.error = ""
        self.group: QgsLayerTreeGroup | None = None

    def run(self) -> bool:
        try:
            self.results = self.backend.results(self.job_id)
            self.setProgress(10)
            self.layers, self.missing = build_layers(
                self.results, self.cache_dir, self.kinds, self.isCanceled
            )
        except Exception as exc:  # shown to the user by finished()
            self.error = str(exc)
            return False
        main_thread = QCoreApplication.instance().thread()
        for layer in self.layers:
            layer.moveToThread(main_thread)
        return not self.isCanceled()

    def finished(self, ok: bool) -> None:
        if not ok:
            self.failed.emit(self.error or tr("Loading the DSM-OPT results was cancelled"))
            return
        if not self.layers:
            self.failed.emit(
                tr("None of the result layers of job {id} could be opened").format(id=self.job_id)
            )
            return
        licence = self.results.licence if self.results else "CC-BY-NC"
        self.group = add_results_group(self.group_name, self.layers, licence, self.project)
        self.loaded.emit(self.group, licence_notice(licence))

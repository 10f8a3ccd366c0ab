"""Sign again the ``/vsicurl/`` layers of a saved project when it is opened.

Signed asset URLs expire (MTD: 8 h), so a ``.qgz`` saved yesterday points at dead URLs. Layers
made from signed assets carry custom properties: the unsigned href, the authcfg id and the
signing service of their connection (ids and URLs only, never a secret). When a project has been
read, :class:`ProjectResigner` signs those hrefs again in a QgsTask and points each layer at its
fresh URL (``QgsMapLayer.setDataSource``).

Layers get the properties either from whoever creates them (:func:`tag_layer`) or, for layers
dropped from the Browser panel, from the signed URIs the Browser items registered
(:func:`remember_signed`), matched when the layer is added to the project.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from qgis.core import QgsApplication, QgsDataProvider, QgsMapLayer, QgsProject, QgsTask
from qgis.PyQt.QtCore import QObject, pyqtSignal

from theia_plugin.core.catalogue.connections import Connection
from theia_plugin.core.i18n import tr

PROP_HREF = "theia/unsigned_href"
PROP_AUTHCFG = "theia/authcfg"
PROP_SIGNING = "theia/signing_url"

_remembered: dict[str, tuple[str, str, str]] = {}
_lock = threading.Lock()


def remember_signed(uri: str, href: str, connection: Connection) -> None:
    """Note that layer source ``uri`` is the signed form of ``href`` (any thread)."""
    with _lock:
        _remembered[uri] = (href, connection.authcfg, connection.signing_url)


def tag_layer(layer: QgsMapLayer, href: str, authcfg: str = "", signing_url: str = "") -> None:
    """Mark ``layer`` as made from the signed form of ``href``."""
    layer.setCustomProperty(PROP_HREF, href)
    layer.setCustomProperty(PROP_AUTHCFG, authcfg or "")
    layer.setCustomProperty(PROP_SIGNING, signing_url or "")


def tag_added_layers(layers: Sequence[QgsMapLayer]) -> None:
    """Tag the layers whose source is a URI the Browser signed (``layersAdded`` slot)."""
    for layer in layers:
        with _lock:
            known = _remembered.get(layer.source())
        if known is not None and not layer.customProperty(PROP_HREF):
            tag_layer(layer, *known)


def signed_layers(project: QgsProject) -> list[QgsMapLayer]:
    return [layer for layer in project.mapLayers().values() if layer.customProperty(PROP_HREF)]


def _default_signer(signing_url: str, authcfg: str):
    from theia_plugin.core.catalogue.signing import UrlSigner
    from theia_plugin.toolbelt.network import plugin_http_client

    return UrlSigner(plugin_http_client(authcfg or None), signing_url or None)


SignerFactory = Callable[[str, str], Any]


class ResignTask(QgsTask):
    """Signs ``{layer id: (href, authcfg, signing url)}`` again, grouped by signer."""

    def __init__(self, jobs: dict[str, tuple[str, str, str]], signer_factory: SignerFactory):
        super().__init__(tr("Signing the asset URLs of the project’s layers again"))
        self.jobs = jobs
        self.signer_factory = signer_factory
        self.signed: dict[str, str] = {}
        self.errors: list[str] = []

    def run(self) -> bool:
        groups: dict[tuple[str, str], list[str]] = {}
        for layer_id, (_href, authcfg, signing) in self.jobs.items():
            groups.setdefault((signing, authcfg), []).append(layer_id)
        for (signing, authcfg), layer_ids in groups.items():
            if self.isCanceled():
                return False
            try:
                signer = self.signer_factory(signing, authcfg)
                hrefs = [self.jobs[i][0] for i in layer_ids]
                urls = signer.sign_many(hrefs, self)
            except Exception as exc:  # reported to the user; the layers stay as they are
                self.errors.append(str(exc))
                continue
            for layer_id in layer_ids:
                self.signed[layer_id] = urls[self.jobs[layer_id][0]]
        return not self.errors


class ProjectResigner(QObject):
    """Watches ``project``: tags layers added from signed Browser items, and re-signs tagged
    layers after a project is read. ``resigned(list of layer ids, list of errors)`` reports."""

    resigned = pyqtSignal(list, list)

    def __init__(
        self,
        project: QgsProject | None = None,
        signer_factory: SignerFactory | None = None,
        message_bar: Any = None,
    ) -> None:
        super().__init__()
        self.message_bar = message_bar
        self.project = project or QgsProject.instance()
        self.signer_factory = signer_factory or _default_signer
        self.task: ResignTask | None = None
        self.project.readProject.connect(self.resign)
        self.project.layersAdded.connect(tag_added_layers)

    def disconnect_project(self) -> None:
        self.project.readProject.disconnect(self.resign)
        self.project.layersAdded.disconnect(tag_added_layers)
        if self.task is not None:
            self.task.cancel()

    def resign(self, *_args: Any) -> None:
        jobs = {
            layer.id(): (
                str(layer.customProperty(PROP_HREF)),
                str(layer.customProperty(PROP_AUTHCFG) or ""),
                str(layer.customProperty(PROP_SIGNING) or ""),
            )
            for layer in signed_layers(self.project)
        }
        if not jobs:
            return
        task = ResignTask(jobs, self.signer_factory)
        task.taskCompleted.connect(lambda: self._apply(task))
        task.taskTerminated.connect(lambda: self._apply(task))
        self.task = task
        QgsApplication.taskManager().addTask(task)

    def _apply(self, task: ResignTask) -> None:
        if self.task is task:
            self.task = None
        done = []
        for layer_id, url in task.signed.items():
            layer = self.project.mapLayer(layer_id)
            if layer is None:
                continue
            source = url if url.startswith("/vsi") else f"/vsicurl/{url}"
            if source != layer.source():
                layer.setDataSource(
                    source, layer.name(), layer.providerType(), QgsDataProvider.ProviderOptions()
                )
            done.append(layer_id)
        if task.errors:
            from qgis.core import Qgis

            from theia_plugin.toolbelt.log import log, push_message

            title = tr("Theia")
            text = tr("Some layers of the project could not be signed again: they may not display")
            details = "\n".join(task.errors)
            if self.message_bar is not None:
                push_message(self.message_bar, title, text, Qgis.MessageLevel.Warning, details)
            else:
                log(f"{text}\n{details}", Qgis.MessageLevel.Warning)
        self.resigned.emit(done, list(task.errors))

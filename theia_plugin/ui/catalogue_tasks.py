"""Background tasks of the catalogue dock: a page of results, collections, thumbnails,
layers to load (signed URLs, a true-colour composite). Network and GDAL work runs in ``run``
(a worker thread); results are handed to the dock by ``done`` signals emitted from
``finished`` (the main thread).
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from qgis.core import QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from theia_plugin.core.catalogue.layers import primary_keys
from theia_plugin.core.catalogue.session import SearchSession
from theia_plugin.net import CancelledError, HttpClient, redact_text

log = logging.getLogger("theia.catalogue")

#: largest thumbnail accepted (bytes): quicklooks are small; anything bigger is not one
MAX_THUMBNAIL_BYTES = 2_000_000


class _Task(QgsTask):
    """Runs ``work(self)``; ``done(result, error)`` is emitted on the main thread."""

    done = pyqtSignal(object, object)

    def __init__(self, description: str, work: Callable[[QgsTask], Any]):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self._work = work
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> bool:
        try:
            self.result = self._work(self)
        except CancelledError:
            return False
        except Exception as error:  # reported to the user by the dock
            self.error = error
            return False
        return not self.isCanceled()

    def finished(self, ok: bool) -> None:
        if self.isCanceled() and self.error is None:
            self.error = CancelledError()
        self.done.emit(self.result if ok else None, self.error)


def page_task(session: SearchSession, description: str, presign: Any = None) -> _Task:
    """The next page of ``session`` (a list of items; [] when there are no more).

    With ``presign`` (a signer), the primary assets of the page are signed here, in the
    background, so that dragging a result later finds its signatures cached. A signing failure
    does not fail the search: adding the asset reports it then.
    """

    def work(task: QgsTask) -> Any:
        items = session.next_page(task)
        if presign is not None and items:
            urls = [
                item.assets[key].href
                for item in items
                for key in primary_keys(item)
                if "://" in item.assets[key].href
            ]
            try:
                presign(urls)
            except CancelledError:
                raise
            except Exception as error:
                log.info("assets not signed in advance: %s", redact_text(str(error)))
        return items

    return _Task(description, work)


def collections_task(catalogue: Any, description: str) -> _Task:
    """The catalogue's collections (list of dicts)."""
    return _Task(description, lambda task: catalogue.collections(task))


def thumbnails_task(client: HttpClient, urls: dict[str, str], description: str) -> _Task:
    """Thumbnail bytes by item id; failures are skipped (a result without a picture is fine)."""

    def work(task: QgsTask) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        for number, (item_id, url) in enumerate(urls.items()):
            if task.isCanceled():
                break
            try:
                response = client.get(url, feedback=task)
            except CancelledError:
                raise
            except Exception:
                continue
            if len(response.content) <= MAX_THUMBNAIL_BYTES:
                out[item_id] = response.content
            task.setProgress(100.0 * (number + 1) / max(1, len(urls)))
        return out

    return _Task(description, work)


def function_task(description: str, work: Callable[[QgsTask], Any]) -> _Task:
    """Any background work (signing asset URLs, writing a composite); ``work(task)``."""
    return _Task(description, work)

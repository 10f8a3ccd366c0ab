"""The dock's "Download…" job: planned files downloaded one by one in a ``QgsTask``.

Each file is fetched by :func:`~theia_plugin.core.catalogue.download.download_assets` (atomic,
resumed within the call, checked against the catalogue's checksum and size); one file failing
does not stop the others, its error is kept for the report. Private assets are signed first.
GEODES product zips can be prepared as layers (``/vsizip/``, a true-colour composite when the
product has the red, green and blue bands) in the same background task.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from theia_plugin.core.catalogue.download import (
    DownloadResult,
    DownloadTarget,
    ScaledFeedback,
    download_assets,
)
from theia_plugin.core.catalogue.layers import (
    LayerSpec,
    Signer,
    write_true_colour_vrt,
    zip_layer_specs,
    zip_true_colour_specs,
)
from theia_plugin.net import CancelledError, HttpClient, NetworkError
from theia_plugin.ui.catalogue_tasks import function_task

__all__ = ["DownloadOutcome", "Product", "download_task"]


@dataclass
class Product:
    """A downloaded product zip ready to be added as a layer group."""

    name: str
    specs: list[LayerSpec]
    true_colour: Path | None = None


@dataclass
class DownloadOutcome:
    folder: Path
    done: list[DownloadResult] = field(default_factory=list)
    failed: list[tuple[DownloadTarget, BaseException]] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)


def _product(path: Path, composites: Path) -> Product:
    specs = zip_layer_specs(path, name_prefix=path.stem)
    rgb = zip_true_colour_specs(specs)
    vrt = write_true_colour_vrt(rgb, composites / f"{path.stem}.vrt") if rgb else None
    return Product(path.stem, specs, vrt)


def download_task(
    description: str,
    targets: list[DownloadTarget],
    folder: Path,
    client: HttpClient,
    signer: Signer,
    *,
    load_products: bool = False,
    composites: Path | None = None,
) -> Any:
    """A task downloading ``targets``; its ``done`` gets a :class:`DownloadOutcome`."""

    def work(task: Any) -> DownloadOutcome:
        outcome = DownloadOutcome(folder)
        remote = [t.url for t in targets if "://" in t.url]
        signed = dict(signer(remote)) if remote else {}
        share = 100.0 / len(targets)
        for index, target in enumerate(targets):
            if task.isCanceled():
                raise CancelledError(url=target.url)
            source = dataclasses.replace(target, url=signed.get(target.url, target.url))
            try:
                outcome.done += download_assets(
                    [source], folder, client, feedback=ScaledFeedback(task, index * share, share)
                )
            except CancelledError:
                raise
            except (NetworkError, OSError, ValueError) as error:
                outcome.failed.append((target, error))
                continue
            if load_products and target.path.suffix.lower() == ".zip":
                try:
                    outcome.products.append(_product(target.path, composites or folder))
                except ValueError as error:
                    outcome.failed.append((target, error))
        return outcome

    return function_task(description, work)

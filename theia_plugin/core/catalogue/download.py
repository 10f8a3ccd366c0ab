"""Download the assets of catalogue items into a folder (GEODES zips, STAC assets by href).

Every file goes through :meth:`HttpClient.download <theia_plugin.net.HttpClient.download>`:
written atomically, resumed after an interruption, and checked against the checksum and size
the catalogue gives (GEODES: the MD5 that ends the download URL, ``Checksum MD5:``/``File
size:`` in the asset description; STAC: ``file:checksum`` multihash and ``file:size``).

Layout: a GEODES product zip goes straight into the folder under its own name
(``<identifier>.zip``), so it opens as a Theia product
(:func:`theia_plugin.core.raster.theia_l2a.open_l2a` reads it through ``/vsizip/``); STAC
assets go into ``<folder>/<item id>/<file name>``.

Credentials are the client's: GEODES wants header ``X-API-Key`` — an "API Header"
authentication configuration in QGIS (``create_client(authcfg=…)``), or
``create_client(headers={"X-API-Key": key})`` outside QGIS.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from theia_plugin.core.i18n import tr
from theia_plugin.net import CancelledError, HttpClient
from theia_plugin.net.base import Feedback, _checksum_matches, is_canceled

from .model import Asset, CatalogueItem

__all__ = [
    "DEFAULT_ROLES",
    "DownloadResult",
    "DownloadTarget",
    "ScaledFeedback",
    "checksum_of",
    "download_assets",
    "plan_downloads",
]

#: Assets downloaded when no key is asked: the data, not quicklooks or metadata.
DEFAULT_ROLES = ("data",)
_PREVIEW_KEYS = ("thumbnail", "ql", "quicklook", "overview", "preview")

_GEODES_FILE = re.compile(r"/api/download/[^/]+/files/([0-9a-fA-F]{32})/?$")
_DESCRIPTION_MD5 = re.compile(r"Checksum MD5:\s*([0-9a-fA-F]{32})")
_DESCRIPTION_SIZE = re.compile(r"File size:\s*(\d+)\s*bytes")
_UNSAFE = re.compile(r"[^\w.\-]+")
_TYPE_SUFFIX = {
    "image/tiff": ".tif",
    "application/zip": ".zip",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "application/json": ".json",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "application/x-netcdf": ".nc",
}


@dataclass(frozen=True)
class DownloadTarget:
    """One file to fetch: which asset, from where, to where, and what it must match."""

    item_id: str
    asset_key: str
    url: str
    path: Path
    checksum: str | None = None  # "md5:<hex>" or "sha256:<hex>"
    size: int | None = None


@dataclass(frozen=True)
class DownloadResult:
    target: DownloadTarget
    skipped: bool = False  # already there and complete

    @property
    def path(self) -> Path:
        return self.target.path


def checksum_of(asset: Asset) -> str | None:
    """The checksum the catalogue gives for an asset, as ``md5:<hex>``/``sha256:<hex>``."""
    match = _GEODES_FILE.search(urlsplit(asset.href).path)
    if match:
        return "md5:" + match.group(1).lower()
    multihash = str(asset.extra.get("file:checksum") or "").lower()
    if multihash.startswith("d50110") and len(multihash) == 6 + 32:
        return "md5:" + multihash[6:]
    if multihash.startswith("1220") and len(multihash) == 4 + 64:
        return "sha256:" + multihash[4:]
    found = _DESCRIPTION_MD5.search(str(asset.extra.get("description") or ""))
    return "md5:" + found.group(1).lower() if found else None


def _size_of(asset: Asset) -> int | None:
    size = asset.extra.get("file:size")
    if isinstance(size, int) and not isinstance(size, bool) and size >= 0:
        return size
    found = _DESCRIPTION_SIZE.search(str(asset.extra.get("description") or ""))
    return int(found.group(1)) if found else None


def _safe(name: str) -> str:
    cleaned = _UNSAFE.sub("_", name).strip("._")
    return cleaned[:150] or "asset"


def _file_name(item: CatalogueItem, key: str, asset: Asset) -> str:
    if item.source == "geodes" and asset.title and "/" not in asset.title:
        return _safe(asset.title)
    name = PurePosixPath(unquote(urlsplit(asset.href).path)).name
    if "." in name and not _GEODES_FILE.search(urlsplit(asset.href).path):
        return _safe(name)
    suffix = _TYPE_SUFFIX.get(asset.type.split(";")[0].strip().lower(), "")
    return _safe(f"{item.id}_{key}") + suffix


def _selected(key: str, asset: Asset, wanted: Sequence[str]) -> bool:
    if wanted:
        return key in wanted or any(role in wanted for role in asset.roles)
    if any(role in DEFAULT_ROLES for role in asset.roles):
        return True
    # items without roles: everything but previews
    return not asset.roles and key.lower() not in _PREVIEW_KEYS


def plan_downloads(
    items: Iterable[CatalogueItem], folder: str | Path, asset_keys: Sequence[str] = ()
) -> list[DownloadTarget]:
    """The files :func:`download_assets` would write.

    ``asset_keys`` are asset keys or roles (``data``, ``thumbnail``…); none: the data assets.
    Raises ``ValueError`` when nothing matches, naming the keys that were available.
    """
    folder = Path(folder)
    wanted = [k.strip() for k in asset_keys if k and k.strip()]
    targets: list[DownloadTarget] = []
    seen: set[Path] = set()
    available: set[str] = set()
    for item in items:
        for key, asset in item.assets.items():
            available.add(key)
            if not asset.href or not _selected(key, asset, wanted):
                continue
            name = _file_name(item, key, asset)
            path = folder / name if item.source == "geodes" else folder / _safe(item.id) / name
            if path in seen:  # two assets with one name: keep them apart
                path = path.with_name(f"{_safe(key)}_{name}")
            seen.add(path)
            targets.append(
                DownloadTarget(item.id, key, asset.href, path, checksum_of(asset), _size_of(asset))
            )
    if not targets:
        if wanted:
            raise ValueError(
                tr("No asset matches {wanted}; the items have: {available}").format(
                    wanted=", ".join(wanted), available=", ".join(sorted(available)) or tr("none")
                )
            )
        raise ValueError(tr("The items have no data asset to download"))
    return targets


class ScaledFeedback:
    """A feedback for one part of a job: its 0–100 % maps to ``base … base + share`` of
    ``outer``'s progress; cancellation is ``outer``'s."""

    def __init__(self, outer: Feedback | None, base: float, share: float) -> None:
        self.outer, self.base, self.share = outer, base, share

    def isCanceled(self) -> bool:
        return is_canceled(self.outer)

    def setProgress(self, percent: float) -> None:
        setter = getattr(self.outer, "setProgress", None)
        if setter is not None:
            with contextlib.suppress(RuntimeError):
                setter(self.base + self.share * float(percent) / 100.0)

    def pushDebugInfo(self, text: str) -> None:
        pusher = getattr(self.outer, "pushDebugInfo", None)
        if pusher is not None:
            with contextlib.suppress(RuntimeError):
                pusher(text)


def _complete(target: DownloadTarget) -> bool:
    """True when the file is already there with the right size and checksum."""
    path = target.path
    if not path.is_file():
        return False
    if target.size is not None and path.stat().st_size != target.size:
        return False
    if target.checksum is None:
        return target.size is not None
    return _checksum_matches(path, target.checksum)[0]


def download_assets(
    items: Iterable[CatalogueItem] | Sequence[DownloadTarget],
    folder: str | Path,
    client: HttpClient,
    *,
    asset_keys: Sequence[str] = (),
    feedback: Feedback | None = None,
    on_file: Callable[[DownloadResult], None] | None = None,
    signer: Callable[[Sequence[str]], Mapping[str, str]] | None = None,
) -> list[DownloadResult]:
    """Download the assets of ``items`` (or planned ``DownloadTarget``s) into ``folder``.

    ``signer`` (e.g. :meth:`~theia_plugin.core.catalogue.signing.UrlSigner.sign_many`) signs
    the URLs that need it just before each file (Theia MTD's private storage).

    Files already complete (right size/checksum) are kept. Progress goes to
    ``feedback.setProgress`` (0–100 over the whole job); cancelling raises
    :class:`~theia_plugin.net.CancelledError` and leaves no partial file (completed files
    stay). Network failures raise the typed errors of :mod:`theia_plugin.net`.
    """
    listed = list(items)
    if listed and all(isinstance(t, DownloadTarget) for t in listed):
        targets: list[DownloadTarget] = listed  # type: ignore[assignment]
    else:
        targets = plan_downloads(listed, folder, asset_keys)  # type: ignore[arg-type]
    results: list[DownloadResult] = []
    share = 100.0 / len(targets) if targets else 100.0
    for index, target in enumerate(targets):
        if is_canceled(feedback):
            raise CancelledError(url=target.url)
        if _complete(target):
            result = DownloadResult(target, skipped=True)
        else:
            url = dict(signer([target.url]))[target.url] if signer is not None else target.url
            client.download(
                url,
                target.path,
                feedback=ScaledFeedback(feedback, index * share, share),
                expected_size=target.size,
                checksum=target.checksum,
            )
            result = DownloadResult(target)
        results.append(result)
        if feedback is not None:
            ScaledFeedback(feedback, index * share, share).setProgress(100.0)
        if on_file is not None:
            on_file(result)
    return results

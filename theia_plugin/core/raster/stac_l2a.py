"""A Theia L2A product from a ``sentinel2-l2a-theia`` STAC item, read over HTTP.

The item (a pystac ``Item``, its dict, a local ``.json`` file or an http(s) URL fetched through
the project's :class:`~theia_plugin.net.HttpClient`) has one COG asset per band (``B02``…
``B12``, ``B8A``) and the masks ``CLM_R1``, ``MG2_R2``, ``EDG_R2``. Their hrefs are signed when
their host needs it (:class:`~theia_plugin.core.catalogue.signing.UrlSigner`) and become GDAL
``/vsicurl/`` paths of an :class:`~.theia_l2a.L2AProduct`, so the indices engine reads them by
HTTP ranges without downloading the files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from theia_plugin.core.i18n import tr
from theia_plugin.net import CancelledError, HttpClient, NetworkError
from theia_plugin.net.base import Feedback

from .theia_l2a import PRODUCT_ID_RE, L2AProduct, ProductError, parse_product_id

__all__ = [
    "BAND_ASSETS",
    "VSICURL_OPTIONS",
    "is_stac_item_reference",
    "load_item",
    "open_stac_l2a",
    "product_from_item",
]

#: STAC asset key → Theia band name.
BAND_ASSETS = {
    **{f"B{n:02d}": f"B{n}" for n in (2, 3, 4, 5, 6, 7, 8, 11, 12)},
    "B8A": "B8A",
}
MASK_ASSET_RE = re.compile(r"^(?P<mask>CLM|MG2|EDG|SAT|IAB|DFP)_R(?P<res>\d)$", re.IGNORECASE)
#: Masks the indices need (any resolution: the engine resamples them onto the output grid).
REQUIRED_MASKS = ("CLM", "EDG")

#: GDAL configuration for reading COGs through /vsicurl/: no directory listing or sidecar
#: probing (each would be a refused request on a signed URL), ranges merged, blocks cached.
VSICURL_OPTIONS = {
    "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".tif,.TIF,.tiff",
    "GDAL_HTTP_MERGE_CONSECUTIVE_RANGES": "YES",
    "VSI_CACHE": "TRUE",
}


def is_stac_item_reference(value: str) -> bool:
    """True for an http(s) URL or a local ``.json`` file: what :func:`load_item` accepts."""
    text = str(value).strip()
    return urlsplit(text).scheme in ("http", "https") or text.lower().endswith(".json")


def load_item(
    source: Any, client: HttpClient | None = None, feedback: Feedback | None = None
) -> tuple[dict[str, Any], str | None]:
    """The item dict of ``source`` and the URL relative hrefs resolve against (or None)."""
    if hasattr(source, "to_dict"):  # pystac.Item
        data = source.to_dict(transform_hrefs=False)
        return data, getattr(source, "get_self_href", lambda: None)()
    if isinstance(source, Mapping):
        return dict(source), _self_href(source)
    text = str(source).strip()
    if urlsplit(text).scheme in ("http", "https"):
        if client is None:
            from theia_plugin.net import create_client

            client = create_client()
        try:
            data = client.get_json(text, feedback=feedback)
        except CancelledError:
            raise
        except NetworkError as exc:
            raise ProductError(
                tr("Could not read the STAC item {url}: {error}").format(url=text, error=exc)
            ) from None
        return _as_item(data, text), text
    path = Path(text)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProductError(tr("{path} does not exist.").format(path=path)) from None
    except (OSError, ValueError) as exc:
        raise ProductError(
            tr("{path} is not a readable STAC item (JSON expected): {error}").format(
                path=path, error=exc
            )
        ) from None
    return _as_item(data, str(path)), _self_href(data) or path.resolve().as_uri()


def _self_href(data: Mapping[str, Any]) -> str | None:
    for link in data.get("links") or []:
        if isinstance(link, Mapping) and link.get("rel") == "self" and link.get("href"):
            return str(link["href"])
    return None


def _as_item(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, Mapping) or data.get("type") != "Feature" or not data.get("id"):
        raise ProductError(
            tr("{source} is not a STAC item (a GeoJSON Feature with an “id” was expected).").format(
                source=where
            )
        )
    return dict(data)


def open_stac_l2a(
    source: Any,
    *,
    client: HttpClient | None = None,
    signer: Any = None,
    feedback: Feedback | None = None,
) -> L2AProduct:
    """An :class:`L2AProduct` whose bands and masks are signed ``/vsicurl/`` paths.

    ``signer`` (a :class:`~theia_plugin.core.catalogue.signing.UrlSigner`) defaults to one on
    ``client`` with the configured service and host rule.
    """
    data, base = load_item(source, client, feedback)
    if signer is None:
        from theia_plugin.core.catalogue.signing import UrlSigner
        from theia_plugin.net import create_client

        signer = UrlSigner(client or create_client())
    return product_from_item(data, signer, base_url=base, feedback=feedback)


def product_from_item(
    item: Mapping[str, Any],
    signer: Any,
    *,
    base_url: str | None = None,
    feedback: Feedback | None = None,
) -> L2AProduct:
    item_id = str(item.get("id") or "")
    assets = item.get("assets") if isinstance(item.get("assets"), Mapping) else {}
    hrefs: dict[str, str] = {}
    for key, asset in assets.items():
        href = asset.get("href") if isinstance(asset, Mapping) else None
        if isinstance(href, str) and href:
            hrefs[key] = urljoin(base_url, href) if base_url else href
    masks = {key: m for key in hrefs if (m := MASK_ASSET_RE.match(key))}
    missing = [key for key in BAND_ASSETS if key not in hrefs]
    for name in REQUIRED_MASKS:
        if not any(m["mask"].upper() == name for m in masks.values()):
            missing.append(f"{name}_R1/{name}_R2")
    if missing:
        raise ProductError(
            tr(
                "STAC item {item} lacks the asset(s) {missing} of a sentinel2-l2a-theia product "
                "(expected B02…B12, B8A, CLM_R1, EDG_R2)."
            ).format(item=item_id or "?", missing=", ".join(missing))
        )
    wanted = [hrefs[key] for key in (*BAND_ASSETS, *masks)]
    try:
        signed = signer.sign_many(wanted, feedback)
    except CancelledError:
        raise
    except NetworkError as exc:
        raise ProductError(
            tr("{item}: the asset URLs could not be signed: {error}").format(
                item=item_id, error=exc
            )
        ) from None
    bands = {f"FRE_{band}": _vsicurl(signed[hrefs[key]]) for key, band in BAND_ASSETS.items()}
    mask_paths = {
        f"{m['mask'].upper()}_R{m['res']}": _vsicurl(signed[hrefs[key]]) for key, m in masks.items()
    }
    apply_vsicurl_options(signed.values())
    return L2AProduct(
        source=Path(item_id),
        product_id=item_id,
        bands=bands,
        masks=mask_paths,
        gdal_options=dict(VSICURL_OPTIONS),
        mask_fallback=True,
        **_metadata(item_id, item.get("properties") or {}),
    )


def _vsicurl(url: str) -> str:
    if url.startswith("file:"):
        from urllib.request import url2pathname

        return Path(url2pathname(urlsplit(url).path)).as_posix()  # %20, %C3%A9, C:/…
    return f"/vsicurl/{url}"


def _metadata(item_id: str, properties: Mapping[str, Any]) -> dict[str, Any]:
    """platform / acquired / tile / version from the Theia product id, else the properties."""
    if PRODUCT_ID_RE.match(item_id):
        return parse_product_id(item_id)
    when = properties.get("datetime") or properties.get("start_datetime")
    try:
        acquired = datetime.fromisoformat(str(when).replace("Z", "+00:00"))
    except ValueError:
        raise ProductError(
            tr("STAC item {item} has no usable acquisition date (datetime: {value}).").format(
                item=item_id, value=when
            )
        ) from None
    if acquired.tzinfo is None:
        acquired = acquired.replace(tzinfo=timezone.utc)
    tile = str(properties.get("s2:mgrs_tile") or properties.get("grid:code") or "")
    tile = tile.removeprefix("MGRS-")
    return {
        "platform": str(properties.get("platform") or "").upper().replace("-", ""),
        "acquired": acquired,
        "tile": f"T{tile}" if tile and not tile.startswith("T") else tile,
        "version": str(properties.get("processing:version") or ""),
    }


def apply_vsicurl_options(urls) -> None:
    """Set :data:`VSICURL_OPTIONS` for the ``/vsicurl/`` paths under the hosts of ``urls`` only
    (GDAL path-specific options): they hold in every thread that reads these files (the
    engine's reader thread included) and leave other reads of the process untouched."""
    try:
        from osgeo import gdal
    except ImportError:  # pragma: no cover - rasterio without the GDAL bindings
        return
    if not hasattr(gdal, "SetPathSpecificOption"):  # GDAL < 3.6
        return
    prefixes = set()
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https"):
            prefixes.add(f"/vsicurl/{parts.scheme}://{parts.netloc}/")
    for prefix in sorted(prefixes):
        for key, value in VSICURL_OPTIONS.items():
            gdal.SetPathSpecificOption(prefix, key, value)

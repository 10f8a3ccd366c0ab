"""Sign the URLs of private assets (Theia MTD: COGs on ``*.meso.umontpellier.fr``).

Those hosts answer 403 until a URL is presigned by the signing service
(``POST {service}/sign_urls`` ``{"urls": [≤ 64], "duration_seconds": N}`` →
``{"hrefs": {url: signed}, "expiry": …}``), with the credentials of the client: an "API Header"
authentication configuration (``access-key`` / ``secret-key``) or a bearer token. Other hosts are
used as they are. Signed URLs are kept and reused while their lifetime
(``X-Amz-Date`` + ``X-Amz-Expires``) still exceeds a margin, then signed again.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qs, urlsplit

from theia_plugin.core.i18n import tr
from theia_plugin.net import (
    AuthenticationError,
    CancelledError,
    ConnectionFailedError,
    HttpClient,
    InvalidResponseError,
    NetworkError,
    RequestTimeoutError,
)
from theia_plugin.net.base import Feedback

__all__ = [
    "DEFAULT_SIGNING_SERVICE",
    "SIGNED_HOST_SUFFIXES",
    "SigningError",
    "UrlSigner",
    "configured_host_rule",
    "configured_service_url",
    "host_rule",
    "signed_expiry",
]

DEFAULT_SIGNING_SERVICE = "https://signing.stac.teledetection.fr"
#: Hosts (suffixes) whose assets must be signed.
SIGNED_HOST_SUFFIXES = ("meso.umontpellier.fr",)
#: URLs per ``/sign_urls`` request (the service refuses more).
MAX_BATCH = 64
#: Seconds of lifetime a signed URL must still have to be reused (a read may last long).
DEFAULT_MARGIN = 1800
#: Environment overrides (e.g. a mirror, or a local service in tests): service URL, and a
#: comma-separated list of host suffixes or ``host:port`` needing signatures.
ENV_SERVICE = "THEIA_SIGNING_SERVICE"
ENV_HOSTS = "THEIA_SIGNED_HOSTS"


class SigningError(NetworkError):
    """The signing service could not sign the URLs; the text says why and what to do."""

    def default_reason(self) -> str:
        return tr("Could not sign the asset URLs")


def host_rule(hosts: Iterable[str]) -> Callable[[str], bool]:
    """A ``needs_signing(url)`` predicate: true for URLs whose host ends with one of ``hosts``
    (at a dot boundary), or whose ``host:port`` equals one of them."""
    wanted = tuple(h.strip().lower().lstrip(".") for h in hosts if h.strip())

    def needs_signing(url: str) -> bool:
        parts = urlsplit(url)
        host, netloc = (parts.hostname or "").lower(), parts.netloc.lower()
        return any(
            netloc == h or host == h or host.endswith("." + h) for h in wanted
        ) and parts.scheme in ("http", "https")

    return needs_signing


def configured_service_url() -> str:
    return os.environ.get(ENV_SERVICE, "").strip() or DEFAULT_SIGNING_SERVICE


def configured_host_rule() -> Callable[[str], bool]:
    extra = os.environ.get(ENV_HOSTS, "")
    hosts = [h for h in extra.split(",") if h.strip()] or list(SIGNED_HOST_SUFFIXES)
    return host_rule(hosts)


def signed_expiry(url: str) -> float | None:
    """Expiry (epoch seconds) of an S3 presigned URL, from ``X-Amz-Date`` + ``X-Amz-Expires``;
    None when the URL does not say."""
    query = {k.lower(): v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    try:
        issued = datetime.strptime(query["x-amz-date"], "%Y%m%dT%H%M%SZ")
        lifetime = int(query["x-amz-expires"])
    except (KeyError, ValueError):
        return None
    return issued.replace(tzinfo=timezone.utc).timestamp() + lifetime


def _iso_expiry(value: Any) -> float | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.timestamp()


class UrlSigner:
    """Signs asset URLs through ``service_url`` with the credentials of ``client``.

    Args:
        client: the :class:`~theia_plugin.net.HttpClient` carrying the credentials (its
            authcfg inside QGIS, or ``access-key``/``secret-key`` or ``Authorization`` headers).
        service_url: root of the signing service (default: Theia MTD's, or
            ``$THEIA_SIGNING_SERVICE``).
        needs_signing: predicate on a URL (default: :data:`SIGNED_HOST_SUFFIXES`, or
            ``$THEIA_SIGNED_HOSTS``); other URLs are returned unchanged.
        duration: lifetime asked for (``duration_seconds``), or the service's default.
        margin: seconds of remaining lifetime below which a cached URL is signed again.
        clock: epoch seconds now (tests).
    """

    def __init__(
        self,
        client: HttpClient,
        service_url: str | None = None,
        *,
        needs_signing: Callable[[str], bool] | None = None,
        duration: int | None = None,
        margin: float = DEFAULT_MARGIN,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.client = client
        self.service_url = (service_url or configured_service_url()).rstrip("/")
        self.needs_signing = needs_signing or configured_host_rule()
        self.duration = duration
        self.margin = margin
        self.clock = clock
        self._cache: dict[str, tuple[str, float | None]] = {}
        self._lock = threading.Lock()

    def sign(self, url: str, feedback: Feedback | None = None) -> str:
        return self.sign_many([url], feedback)[url]

    def sign_many(self, urls: Iterable[str], feedback: Feedback | None = None) -> dict[str, str]:
        """``{url: usable url}`` for every URL: signed where needed (cached while fresh)."""
        urls = list(dict.fromkeys(urls))
        result = {url: url for url in urls if not self.needs_signing(url)}
        todo = []
        with self._lock:
            for url in urls:
                if url in result:
                    continue
                cached = self._fresh(url)
                if cached is None:
                    todo.append(url)
                else:
                    result[url] = cached
        for start in range(0, len(todo), MAX_BATCH):
            batch = todo[start : start + MAX_BATCH]
            signed = self._request(batch, feedback)
            with self._lock:
                self._cache.update(signed)
            result.update({url: signed[url][0] for url in batch})
        return {url: result[url] for url in urls}

    def sign_cached(self, urls: Iterable[str]) -> dict[str, str]:
        """Like :meth:`sign_many` without any request: URLs needing a signature that is not
        cached (or no longer fresh) come back unsigned. For the UI thread (drag-and-drop),
        after the same URLs were signed in the background."""
        urls = list(dict.fromkeys(urls))
        with self._lock:
            return {
                url: (self._fresh(url) or url) if self.needs_signing(url) else url for url in urls
            }

    def forget(self) -> None:
        """Drop every cached signature (e.g. after the credentials changed)."""
        with self._lock:
            self._cache.clear()

    def _fresh(self, url: str) -> str | None:
        entry = self._cache.get(url)
        if entry is None or entry[1] is None or entry[1] - self.clock() <= self.margin:
            return None
        return entry[0]

    def _request(
        self, batch: list[str], feedback: Feedback | None
    ) -> dict[str, tuple[str, float | None]]:
        endpoint = f"{self.service_url}/sign_urls"
        body: dict[str, Any] = {"urls": batch}
        if self.duration is not None:
            body["duration_seconds"] = int(self.duration)
        failure: SigningError | None = None
        answer: Any = None
        try:
            answer = self.client.post_json(endpoint, body, feedback=feedback)
        except CancelledError:
            raise
        except AuthenticationError as exc:
            failure = SigningError(
                tr("The signing service refused the credentials"),
                url=endpoint,
                method="POST",
                status=exc.status,
                server_message=exc.server_message,
                hint=tr(
                    "Credentials refused by the signing service {service}: expected an API key "
                    "(access-key / secret-key, e.g. an “API Header” authentication "
                    "configuration) or a bearer token"
                ).format(service=self.service_url),
            )
        except (ConnectionFailedError, RequestTimeoutError) as exc:
            failure = SigningError(
                tr("The signing service {service} is unreachable").format(service=self.service_url),
                url=endpoint,
                method="POST",
                detail=str(exc),
                hint=exc.hint,
            )
        except InvalidResponseError as exc:
            failure = self._malformed(endpoint, str(exc))
        except NetworkError as exc:
            failure = SigningError(
                tr("The signing service {service} failed").format(service=self.service_url),
                url=endpoint,
                method="POST",
                status=exc.status,
                server_message=exc.server_message,
                detail=str(exc) if exc.status is None else "",
            )
        if failure is not None:
            raise failure
        hrefs = answer.get("hrefs") if isinstance(answer, Mapping) else None
        missing = [u for u in batch if not isinstance((hrefs or {}).get(u), str)]
        if not isinstance(hrefs, Mapping) or missing:
            raise self._malformed(
                endpoint,
                tr("“hrefs” lacks {count} of the {total} URLs sent").format(
                    count=len(missing) if isinstance(hrefs, Mapping) else len(batch),
                    total=len(batch),
                ),
            )
        fallback = _iso_expiry(answer.get("expiry"))
        return {u: (hrefs[u], signed_expiry(hrefs[u]) or fallback) for u in batch}

    def _malformed(self, endpoint: str, detail: str) -> SigningError:
        return SigningError(
            tr(
                "The signing service {service} sent a malformed answer "
                '(expected {{"hrefs": {{url: signed url}}, "expiry": …}})'
            ).format(service=self.service_url),
            url=endpoint,
            method="POST",
            detail=detail,
        )

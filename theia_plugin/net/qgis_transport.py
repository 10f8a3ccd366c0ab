"""Transport on top of the QGIS network stack.

Every request is a reply of the calling thread's ``QgsNetworkAccessManager`` (so the user's
QGIS proxy, SSL and network-timeout settings apply) run in a local ``QEventLoop``; an
``authcfg`` id lets the QGIS auth manager add the credentials (Basic, OAuth2, API header,
PKI… whatever the configuration holds) through ``updateNetworkRequest``/``updateNetworkReply``
— exactly what ``QgsBlockingNetworkRequest`` does. Downloads stream ``readyRead`` chunks to
disk; nothing large is held in memory.

Works in the main thread and in worker threads (``QgsTask``, ``QThread`` or plain Python
threads): ``QgsNetworkAccessManager.instance()`` is per thread. Network code belongs in
worker threads; on the main thread the local event loop keeps the UI painting.

Timeouts and cancellation: a shared watchdog thread watches each request; when the caller's
feedback (a ``QgsFeedback`` or any object with ``isCanceled()``) is cancelled, or nothing was
received for ``timeout`` seconds, it cancels an internal ``QgsFeedback`` whose ``canceled``
signal aborts the reply (a queued connection into the request's thread).

Why not ``QgsBlockingNetworkRequest``: on QGIS 3.22, cancelling its feedback while it runs in
a worker thread sometimes leaves it blocked forever (its ``abort()`` slot deletes the reply
before the reply's own abort emits ``finished``; reproduced in about 1 of 12 cancellations),
it returns ``NoError`` for aborted replies, and on the main thread it does not run the event
loop (a ``QTimer`` cannot cancel it). A hung ``QgsTask`` is worse than no cancellation.

QGIS 3.22 notes:
* the "API Header" auth method (``APIHeader``) only exists from QGIS 3.24; a configuration of
  that method (e.g. made by a newer QGIS, with ``access-key``/``secret-key`` entries as Theia
  documents) is applied here by reading its entries and sending them as headers;
* Qt reports a proxy that refuses the connection as a plain ``ConnectionRefusedError``: when a
  proxy is configured for the URL it is reported as a proxy error;
* Qt itself resends an idempotent request once or more when the connection drops.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Mapping
from typing import Any, BinaryIO

from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsFeedback,
    QgsNetworkAccessManager,
    QgsNetworkRequestParameters,
)
from qgis.PyQt.QtCore import QByteArray, QCoreApplication, QEventLoop, QThread, QUrl
from qgis.PyQt.QtNetwork import (
    QNetworkProxy,
    QNetworkProxyQuery,
    QNetworkReply,
    QNetworkRequest,
)

from theia_plugin.core.i18n import tr

from .base import (
    MAX_ERROR_BODY,
    Feedback,
    Headers,
    HttpRequest,
    HttpResponse,
    ProgressCallback,
    Transport,
    is_canceled,
)
from .errors import (
    AuthenticationError,
    CancelledError,
    ConnectionFailedError,
    NetworkError,
    NotFoundError,
    ProxyError,
    RequestTimeoutError,
    SslError,
    settings_auth,
    settings_network,
)
from .redact import redact_text

__all__ = ["QgisTransport", "api_header_method_available", "qgis_available"]

LOG = logging.getLogger("theia.net")

_NE = QNetworkReply.NetworkError
_ATTR = QNetworkRequest.Attribute
_PROXY_ERRORS = {
    _NE.ProxyConnectionRefusedError,
    _NE.ProxyConnectionClosedError,
    _NE.ProxyNotFoundError,
    _NE.ProxyTimeoutError,
    _NE.UnknownProxyError,
}
_CONNECTION_ERRORS = {
    _NE.ConnectionRefusedError,
    _NE.RemoteHostClosedError,
    _NE.HostNotFoundError,
    _NE.TemporaryNetworkFailureError,
    _NE.NetworkSessionFailedError,
    _NE.UnknownNetworkError,
    _NE.BackgroundRequestNotAllowedError,
}
_SSL_ERRORS = {_NE.SslHandshakeFailedError, _NE.InsecureRedirectError}
_SENSITIVE_CONFIG_KEYS = ("password", "secret", "token", "key", "pass")


def qgis_available() -> bool:
    """True when a ``QgsApplication`` exists (inside QGIS, qgis_process, pytest-qgis)."""
    return QgsApplication.instance() is not None


def api_header_method_available() -> bool:
    """Whether this QGIS has the "API Header" auth method (QGIS >= 3.24)."""
    manager = QgsApplication.authManager()
    return manager is not None and "APIHeader" in manager.authMethodsKeys()


def _in_main_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


# -- watchdog ----------------------------------------------------------------------------------


class _Watch:
    """Cancellation/timeout state of one request."""

    def __init__(self, feedback: Feedback | None, timeout: float | None) -> None:
        self.internal = QgsFeedback()
        self.user = feedback
        self.timeout = timeout if timeout and timeout > 0 else None
        self.last = time.monotonic()
        self.reason: str | None = None  # "cancel" | "timeout"

    def touch(self, *_args: object) -> None:
        self.last = time.monotonic()

    def check(self, now: float) -> None:
        if self.reason is not None:
            return
        if is_canceled(self.user):
            self.reason = "cancel"
        elif self.timeout is not None and now - self.last > self.timeout:
            self.reason = "timeout"
        else:
            return
        self.internal.cancel()


class _Watchdog:
    """One daemon thread polling all active requests (every 50 ms)."""

    interval = 0.05

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._watches: set[_Watch] = set()
        self._wake = threading.Condition(self._lock)
        self._thread: threading.Thread | None = None

    def add(self, feedback: Feedback | None, timeout: float | None) -> _Watch:
        watch = _Watch(feedback, timeout)
        with self._lock:
            self._watches.add(watch)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="theia-net-watchdog", daemon=True
                )
                self._thread.start()
            self._wake.notify()
        return watch

    def remove(self, watch: _Watch) -> None:
        with self._lock:
            self._watches.discard(watch)

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._watches:
                    self._wake.wait(5.0)
                    if not self._watches:
                        self._thread = None
                        return
                self._check_all()
            time.sleep(self.interval)

    def _check_all(self) -> None:
        # (no reference to a watch may outlive this call: its QgsFeedback must be destroyed
        # by the thread that made it, not by the watchdog)
        now = time.monotonic()
        for watch in list(self._watches):
            try:
                watch.check(now)
            except RuntimeError:  # C++ object gone
                self._watches.discard(watch)


_WATCHDOG = _Watchdog()


# -- transport ---------------------------------------------------------------------------------


class _AuthPlan:
    """How the authcfg is applied: natively by the auth manager, or as headers."""

    def __init__(self, native: bool, headers: Mapping[str, str] | None = None) -> None:
        self.native = native
        self.headers = dict(headers or {})


class QgisTransport(Transport):
    """:class:`Transport` implemented with the QGIS network stack.

    Args:
        authcfg: id of a configuration of the QGIS auth manager (None: anonymous).
        headers: extra headers for every request (no secrets: use ``authcfg``).
    """

    name = "qgis"

    def __init__(self, authcfg: str | None = None, *, headers: Mapping[str, str] | None = None):
        self.authcfg = authcfg or None
        self.extra_headers = dict(headers or {})
        self._secrets: list[str] | None = None

    def describe(self) -> str:
        return f"qgis (authcfg={self.authcfg})" if self.authcfg else "qgis"

    # -- auth ----------------------------------------------------------------------------------
    def _auth_plan(self, request: HttpRequest) -> _AuthPlan | None:
        if not self.authcfg:
            return None
        manager = QgsApplication.authManager()
        common = {"url": request.url, "method": request.method}
        if manager is None or manager.isDisabled():
            raise AuthenticationError(
                tr("The QGIS authentication system is not available"),
                detail=manager.disabledMessage() if manager is not None else "",
                **common,
            )
        ok, config = manager.loadAuthenticationConfig(self.authcfg, QgsAuthMethodConfig(), False)
        if not ok or not config.method():
            raise AuthenticationError(
                tr("The authentication configuration “{id}” does not exist").format(
                    id=self.authcfg
                ),
                hint=tr(
                    "Choose an existing authentication configuration for this connection "
                    "({settings})"
                ).format(settings=settings_auth()),
                **common,
            )
        method = config.method()
        if method in manager.authMethodsKeys():
            return _AuthPlan(native=True)
        if method == "APIHeader":
            # QGIS < 3.24 has no APIHeader method: send the configured headers ourselves.
            ok, full = manager.loadAuthenticationConfig(self.authcfg, QgsAuthMethodConfig(), True)
            if not ok:
                raise AuthenticationError(
                    tr("The authentication configuration “{id}” could not be read").format(
                        id=self.authcfg
                    ),
                    hint=tr("Unlock the authentication database with its master password"),
                    **common,
                )
            headers = {str(k): str(v) for k, v in full.configMap().items() if str(k).strip()}
            self._secrets = list(headers.values())
            return _AuthPlan(native=False, headers=headers)
        raise AuthenticationError(
            tr("The authentication method “{method}” is not available in this QGIS").format(
                method=method
            ),
            hint=tr("Update QGIS or use another authentication configuration ({settings})").format(
                settings=settings_auth()
            ),
            **common,
        )

    def secrets(self) -> list[str]:
        """Secret values of the authcfg (to mask them if a server echoes them)."""
        if not self.authcfg:
            return []
        if self._secrets is None:
            self._secrets = []
            manager = QgsApplication.authManager()
            try:
                if manager is not None and manager.masterPasswordIsSet():
                    ok, full = manager.loadAuthenticationConfig(
                        self.authcfg, QgsAuthMethodConfig(), True
                    )
                    if ok:
                        self._secrets = [
                            str(value)
                            for key, value in full.configMap().items()
                            if any(part in str(key).lower() for part in _SENSITIVE_CONFIG_KEYS)
                            and value
                        ]
            except Exception:
                LOG.debug("could not read the secrets of the authentication configuration")
        return list(self._secrets)

    # -- request building ----------------------------------------------------------------------
    def _qrequest(self, request: HttpRequest, plan: _AuthPlan | None) -> QNetworkRequest:
        qurl = QUrl.fromEncoded(QByteArray(request.url.encode("utf-8")))
        if not qurl.isValid() or not qurl.scheme():
            raise NetworkError(
                tr("Invalid URL"),
                url=request.url,
                method=request.method,
                hint=tr("Check the address of the service"),
            )
        qreq = QNetworkRequest(qurl)
        headers = {**self.extra_headers, **request.headers}
        if plan is not None:
            headers.update(plan.headers)
        for name, value in headers.items():
            qreq.setRawHeader(
                QByteArray(str(name).encode("latin-1")),
                QByteArray(str(value).encode("latin-1", errors="replace")),
            )
        with contextlib.suppress(AttributeError, TypeError):
            qreq.setAttribute(
                QgsNetworkRequestParameters.RequestAttributes.AttributeInitiatorClass,
                "TheiaPlugin",
            )
        return qreq

    # -- send ----------------------------------------------------------------------------------
    def send(self, request: HttpRequest, feedback: Feedback | None = None) -> HttpResponse:
        if is_canceled(feedback):
            raise CancelledError(url=request.url, method=request.method)
        plan = self._auth_plan(request)
        qreq = self._qrequest(request, plan)
        return self._run_reply(request, qreq, plan, feedback, sink=None, progress_cb=None)

    # -- download ------------------------------------------------------------------------------
    def download(
        self,
        request: HttpRequest,
        fileobj_or_path: BinaryIO | str | os.PathLike,
        feedback: Feedback | None = None,
        progress_cb: ProgressCallback | None = None,
    ) -> HttpResponse:
        if is_canceled(feedback):
            raise CancelledError(url=request.url, method=request.method)
        plan = self._auth_plan(request)
        qreq = self._qrequest(request, plan)
        if isinstance(fileobj_or_path, (str, os.PathLike)):
            with open(fileobj_or_path, "wb") as stream:
                return self._run_reply(request, qreq, plan, feedback, stream, progress_cb)
        return self._run_reply(request, qreq, plan, feedback, fileobj_or_path, progress_cb)

    def _run_reply(
        self,
        request: HttpRequest,
        qreq: QNetworkRequest,
        plan: _AuthPlan | None,
        feedback: Feedback | None,
        sink: BinaryIO | None,
        progress_cb: ProgressCallback | None,
    ) -> HttpResponse:
        """Run one reply of the thread's QgsNetworkAccessManager in a local event loop.

        With a ``sink`` the 2xx body is streamed into it (never held in memory); otherwise
        the body is returned in the response. The auth manager applies ``authcfg`` exactly as
        QgsBlockingNetworkRequest does (updateNetworkRequest/updateNetworkReply).
        """
        manager = QgsApplication.authManager()
        if plan is not None and plan.native:
            ok, qreq = manager.updateNetworkRequest(qreq, self.authcfg)
            if not ok:
                raise AuthenticationError(
                    tr("The authentication configuration “{id}” could not be applied").format(
                        id=self.authcfg
                    ),
                    url=request.url,
                    method=request.method,
                )
        qreq.setAttribute(
            _ATTR.RedirectPolicyAttribute, QNetworkRequest.RedirectPolicy.NoLessSafeRedirectPolicy
        )
        qreq.setAttribute(
            _ATTR.CacheLoadControlAttribute, QNetworkRequest.CacheLoadControl.AlwaysNetwork
        )
        qreq.setAttribute(_ATTR.CacheSaveControlAttribute, False)

        nam = QgsNetworkAccessManager.instance()
        watch = _WATCHDOG.add(feedback, request.timeout)
        method = request.method
        body = QByteArray(request.body or b"")
        if method == "GET" and not request.body:
            reply = nam.get(qreq)
        elif method == "HEAD":
            reply = nam.head(qreq)
        elif method == "POST":
            reply = nam.post(qreq, body)
        elif method == "PUT":
            reply = nam.put(qreq, body)
        elif method == "DELETE" and not request.body:
            reply = nam.deleteResource(qreq)
        else:
            reply = nam.sendCustomRequest(qreq, QByteArray(method.encode("ascii")), body)
        if plan is not None and plan.native:
            manager.updateNetworkReply(reply, self.authcfg)
        if sink is not None:
            reply.setReadBufferSize(4 * 1024 * 1024)

        loop = QEventLoop()
        state: dict[str, Any] = {"begun": False, "body": bytearray(), "exc": None, "received": 0}
        total_holder: list[int | None] = [None]

        def fail(exc: BaseException) -> None:
            if state["exc"] is None:
                state["exc"] = exc
            reply.abort()

        def consume() -> None:
            try:
                if not reply.isOpen() or reply.bytesAvailable() <= 0:
                    return
                data = bytes(reply.readAll())
                watch.touch()
                status = reply.attribute(_ATTR.HttpStatusCodeAttribute)
                success = status is None or 200 <= int(status) < 300
                if sink is not None and success:
                    if not state["begun"]:
                        state["begun"] = True
                        headers = _reply_headers(reply)
                        total_holder[0] = _content_length(headers)
                        begin = getattr(sink, "begin", None)
                        if begin is not None:
                            begin(int(status or 200), headers)
                    sink.write(data)
                    state["received"] += len(data)
                    if progress_cb is not None:
                        progress_cb(state["received"], total_holder[0])
                else:
                    body = state["body"]
                    limit = MAX_ERROR_BODY if sink is not None else None
                    if limit is None or len(body) < limit:
                        body.extend(data if limit is None else data[: limit - len(body)])
            except BaseException as exc:
                fail(exc)

        def quit_loop() -> None:
            loop.quit()

        reply.readyRead.connect(consume)
        reply.downloadProgress.connect(watch.touch)
        reply.uploadProgress.connect(watch.touch)
        reply.finished.connect(quit_loop)
        watch.internal.canceled.connect(reply.abort)
        try:
            if watch.internal.isCanceled():  # cancelled before the connection existed
                reply.abort()
            if not reply.isFinished():
                loop.exec()
            if state["exc"] is None and reply.error() != _NE.OperationCanceledError:
                consume()  # whatever arrived with the last segment
            status = reply.attribute(_ATTR.HttpStatusCodeAttribute)
            if (
                sink is not None
                and not state["begun"]
                and state["exc"] is None
                and status is not None
                and 200 <= int(status) < 300
                and reply.error() == _NE.NoError
            ):
                begin = getattr(sink, "begin", None)  # empty body: the sink still restarts
                if begin is not None:
                    begin(int(status), _reply_headers(reply))
            if state["exc"] is not None:
                exc = state["exc"]
                if isinstance(exc, NetworkError):
                    raise exc
                if isinstance(exc, ValueError) and watch.reason is not None:
                    pass  # the sink was closed by a cancellation: reported below
                else:
                    raise exc
            return self._finish(
                request,
                watch,
                qerror=reply.error(),
                status=status,
                headers=_reply_headers(reply),
                content=bytes(state["body"]),
                message=reply.errorString(),
            )
        finally:
            _WATCHDOG.remove(watch)
            with contextlib.suppress(TypeError, RuntimeError):
                watch.internal.canceled.disconnect(reply.abort)
            reply.deleteLater()

    # -- result mapping ------------------------------------------------------------------------
    def _finish(
        self,
        request: HttpRequest,
        watch: _Watch,
        *,
        qerror: Any,
        status: Any,
        headers: Headers,
        content: bytes,
        message: str,
    ) -> HttpResponse:
        common = {"url": request.url, "method": request.method}
        if watch.reason == "cancel":
            raise CancelledError(**common)
        if watch.reason == "timeout":
            raise RequestTimeoutError(timeout=request.timeout, **common)
        if status is not None and 200 <= int(status) < 300 and qerror != _NE.NoError:
            # the transfer broke after the headers (reset, QGIS network timeout…)
            self._raise_for_network_error(request, qerror, message)
        if status is not None and int(status) > 0:
            return HttpResponse(
                status=int(status),
                headers=headers,
                content=content,
                url=request.url,
                request=request,
            )
        if qerror == _NE.NoError:
            # non-HTTP scheme (file:, data:): no status
            return HttpResponse(
                status=200, headers=headers, content=content, url=request.url, request=request
            )
        self._raise_for_network_error(request, qerror, message)
        raise AssertionError("unreachable")  # pragma: no cover

    def _raise_for_network_error(self, request: HttpRequest, qerror: Any, message: str) -> None:
        detail = redact_text(message or "", self.secrets())
        common = {"url": request.url, "method": request.method, "detail": detail}
        proxy = _proxy_for(request.url)
        if qerror == _NE.OperationCanceledError:
            # aborted by QGIS itself: its network timeout (Settings › Options › Network)
            raise RequestTimeoutError(timeout=QgsNetworkAccessManager.timeout() / 1000, **common)
        if qerror == _NE.TimeoutError:
            raise RequestTimeoutError(timeout=request.timeout, **common)
        if qerror == _NE.ProxyAuthenticationRequiredError:
            raise ProxyError(status=407, **common)
        if qerror in _PROXY_ERRORS:
            raise ProxyError(**common)
        if qerror in _SSL_ERRORS:
            raise SslError(**common)
        if qerror in _CONNECTION_ERRORS:
            if proxy and qerror in (_NE.ConnectionRefusedError, _NE.HostNotFoundError):
                # Qt connects to the proxy, not to the server: the proxy refused.
                raise ProxyError(
                    tr("The proxy {proxy} refused the connection").format(proxy=proxy),
                    hint=tr("Check the proxy host and port in {settings}").format(
                        settings=settings_network()
                    ),
                    **common,
                )
            if qerror == _NE.HostNotFoundError:
                raise ConnectionFailedError(
                    tr("The server name could not be resolved"),
                    hint=tr("Check the address, your Internet connection and DNS"),
                    **common,
                )
            raise ConnectionFailedError(**common)
        if qerror == _NE.AuthenticationRequiredError:
            raise AuthenticationError(**common)
        if qerror in (_NE.ContentNotFoundError, _NE.ContentGoneError):
            raise NotFoundError(**common)
        raise NetworkError(**common)

    # -- waits ---------------------------------------------------------------------------------
    def sleep(self, seconds: float, feedback: Feedback | None = None) -> None:
        """Cancellable wait that keeps the main thread's event loop running."""
        if not _in_main_thread():
            super().sleep(seconds, feedback)
            return
        deadline = time.monotonic() + seconds
        while True:
            if is_canceled(feedback):
                raise CancelledError()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(min(remaining, 0.02))


# -- helpers -----------------------------------------------------------------------------------


def _reply_headers(reply: Any) -> Headers:
    headers = Headers()
    try:
        names = reply.rawHeaderList()
    except RuntimeError:
        return headers
    for name in names:
        key = bytes(name).decode("latin-1")
        headers[key] = bytes(reply.rawHeader(name)).decode("latin-1")
    return headers


def _content_length(headers: Mapping[str, str]) -> int | None:
    value = headers.get("Content-Length")
    if value and value.strip().isdigit():
        return int(value)
    return None


def _proxy_for(url: str) -> str | None:
    """``host:port`` of the proxy QGIS uses for ``url``, or None for a direct connection."""
    try:
        nam = QgsNetworkAccessManager.instance()
        qurl = QUrl(url)
        proxies = []
        factory = nam.proxyFactory()
        if factory is not None:
            proxies = list(factory.queryProxy(QNetworkProxyQuery(qurl)))
        if not proxies:
            proxies = [nam.proxy()]
        proxy = proxies[0]
        if proxy.type() == QNetworkProxy.ProxyType.DefaultProxy:
            proxy = QNetworkProxy.applicationProxy()
        if proxy.type() in (QNetworkProxy.ProxyType.NoProxy, QNetworkProxy.ProxyType.DefaultProxy):
            return None
        return f"{proxy.hostName()}:{proxy.port()}"
    except Exception:
        return None

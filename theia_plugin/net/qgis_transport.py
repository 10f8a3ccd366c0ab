"""Transport on top of the QGIS network stack.

Every request is a reply of the calling thread's ``QgsNetworkAccessManager`` (so the user's
QGIS proxy, SSL and network-timeout settings apply) run in a local ``QEventLoop``; an
``authcfg`` id lets the QGIS auth manager add the credentials (Basic, OAuth2, API header,
PKI… whatever the configuration holds) through ``updateNetworkRequest``/``updateNetworkReply``.
The header values the auth method added are read back from the request and kept with the
response, so that a server echoing them cannot leak them into an error text. Downloads stream
``readyRead`` chunks to disk as sent (the client asks for ``Accept-Encoding: identity``, which
also stops Qt from decompressing); nothing large is held in memory.

Redirects are not followed here (``ManualRedirectPolicy``): the
:class:`~theia_plugin.net.base.HttpClient` follows them, and the ``authcfg`` is not applied to
a request whose ``with_credentials`` is false (a redirect to another host).

Works in the main thread and in worker threads (``QgsTask``, ``QThread`` or plain Python
threads): ``QgsNetworkAccessManager.instance()`` is per thread. Network code belongs in
worker threads; on the main thread the local event loop keeps the UI painting, but it also
runs other events (re-entrancy), so the first request made there is noted in the log (debug
level, once per session).

Timeouts and cancellation: a shared watchdog thread watches each request; when the caller's
feedback (a ``QgsFeedback``, a ``QgsTask`` or any object with ``isCanceled()``) is cancelled,
or nothing was received for ``timeout`` seconds, it cancels an internal ``QgsFeedback`` whose
``canceled`` signal aborts the reply (a queued connection into the request's thread). A reply
that completed before the abort took effect is returned normally.

Why not ``QgsBlockingNetworkRequest``: on QGIS 3.22, cancelling it from a worker thread can
leave it blocked forever (a hung ``QgsTask`` is worse than no cancellation).

Requests that are not idempotent (POST…) are never sent twice. Qt 5.15 silently sends a
request again (up to 3 times) when the connection drops before any answer — whether or not
the server processed it. The body of such a request is therefore given to Qt as a
sequential device that cannot be rewound (with ``DoNotBufferUploadDataAttribute``), and Qt
fails the reply instead (``RemoteHostClosedError``/``ContentReSendError``). Rewinds are
allowed only where the request was refused before being processed: after an authentication
challenge that QGIS answers through the ``authenticationRequired``/
``proxyAuthenticationRequired`` signals, and for plain-http requests through an HTTP proxy
(Qt re-sends them after the proxy's 407 challenge without any signal, taking the credentials
from the QGIS proxy settings). One re-send takes two rewinds (Qt rewinds again when it
reconnects after the 407). The proxy exception is not exact: there, a re-send after a broken
connection to the proxy is possible too (the proxy may have forwarded the request).

QGIS 3.22 notes:
* the "API Header" auth method (``APIHeader``) only exists from QGIS 3.24; a configuration of
  that method (e.g. made by a newer QGIS, with ``access-key``/``secret-key`` entries as Theia
  documents) is applied here by reading its entries and sending them as headers;
* Qt reports a proxy that refuses the connection as a plain ``ConnectionRefusedError``: when a
  proxy is configured for the URL it is reported as a proxy error;
* Qt itself resends an idempotent request (GET…) up to 3 times when the connection drops.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsFeedback,
    QgsNetworkAccessManager,
    QgsNetworkRequestParameters,
)
from qgis.PyQt.QtCore import QByteArray, QCoreApplication, QEventLoop, QIODevice, QThread, QUrl
from qgis.PyQt.QtNetwork import (
    QNetworkProxy,
    QNetworkProxyQuery,
    QNetworkReply,
    QNetworkRequest,
)

from theia_plugin.core.i18n import tr

from .base import (
    MAX_ERROR_BODY,
    DownloadSink,
    Feedback,
    Headers,
    HttpRequest,
    HttpResponse,
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
from .redact import is_sensitive_header, redact_text, secrets_in_headers

__all__ = ["QgisTransport", "api_header_method_available"]

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
#: The connection broke after the request was sent (Qt did not, or could not, send it again).
_INTERRUPTED_ERRORS = {_NE.RemoteHostClosedError, _NE.ContentReSendError}
_CONNECTION_ERRORS = {
    _NE.ConnectionRefusedError,
    _NE.HostNotFoundError,
    _NE.TemporaryNetworkFailureError,
    _NE.NetworkSessionFailedError,
    _NE.UnknownNetworkError,
    _NE.BackgroundRequestNotAllowedError,
    *_INTERRUPTED_ERRORS,
}
_SSL_ERRORS = {_NE.SslHandshakeFailedError, _NE.InsecureRedirectError}
#: Entries of an authentication configuration whose values are secrets (name fragments).
_SENSITIVE_CONFIG_KEYS = ("password", "secret", "token", "key", "pass")


def api_header_method_available() -> bool:
    """Whether this QGIS has the "API Header" auth method (QGIS >= 3.24)."""
    manager = QgsApplication.authManager()
    return manager is not None and "APIHeader" in manager.authMethodsKeys()


def _in_main_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


_main_thread_noted = False


def _note_main_thread(request: HttpRequest) -> None:
    """Log (debug level, once per session) that a request runs on the main (GUI) thread."""
    global _main_thread_noted
    if _main_thread_noted:
        return
    _main_thread_noted = True
    LOG.debug(
        "%s %s runs on the main (GUI) thread: the interface only stays responsive through a "
        "local event loop; run network code in a QgsTask (noted once)",
        request.method,
        request.safe_url,
    )


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


#: Rewinds Qt makes for one re-send of a request (one more when it reconnects).
_REWINDS_PER_RESEND = 2


class _OneShotBody(QIODevice):
    """The body of a non-idempotent request: a sequential device Qt cannot rewind, so Qt
    cannot send the request a second time on its own (see the module docstring).
    :meth:`allow_rewind` permits one re-send (after an authentication challenge)."""

    def __init__(self, data: bytes, rewinds: int = 0) -> None:
        super().__init__()
        self._data = data
        self._pos = 0
        self.rewinds = rewinds
        self.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Unbuffered)

    def allow_rewind(self, *_args: object) -> None:
        self.rewinds += _REWINDS_PER_RESEND

    def isSequential(self) -> bool:
        return True

    def size(self) -> int:
        return len(self._data)

    def bytesAvailable(self) -> int:
        return len(self._data) - self._pos

    def atEnd(self) -> bool:
        return self._pos >= len(self._data)

    def readData(self, maxlen: int) -> bytes:
        chunk = self._data[self._pos : self._pos + maxlen]
        self._pos += len(chunk)
        return chunk

    def writeData(self, data: bytes) -> int:
        return -1

    def reset(self) -> bool:
        if self.rewinds <= 0:
            return False
        self.rewinds -= 1
        self._pos = 0
        return True


class _ReplyReader:
    """Reads one reply as its data arrives: a 2xx body into the download sink (``begin``
    first), any other body into memory (bounded for downloads)."""

    def __init__(self, reply: QNetworkReply, sink: DownloadSink | None, watch: _Watch) -> None:
        self.reply = reply
        self.sink = sink
        self.watch = watch
        self.begun = False
        self.body = bytearray()
        self.error: BaseException | None = None

    def status(self) -> int | None:
        status = self.reply.attribute(_ATTR.HttpStatusCodeAttribute)
        return None if status is None else int(status)

    def fail(self, error: BaseException) -> None:
        if self.error is None:
            self.error = error
        # Called from a slot: raising here would abort QGIS (the reply may be deleted already).
        with contextlib.suppress(RuntimeError):
            self.reply.abort()

    def begin(self, status: int) -> None:
        if self.sink is not None and not self.begun:
            self.begun = True
            self.sink.begin(status, _reply_headers(self.reply))

    def consume(self, *_args: object) -> None:
        try:
            reply = self.reply
            if not reply.isOpen() or reply.bytesAvailable() <= 0:
                return
            data = bytes(reply.readAll())
            self.watch.touch()
            status = self.status()
            if self.sink is None:
                self.body.extend(data)
            elif status is None or 200 <= status < 300:
                self.begin(status or 200)
                self.sink.write(data)
            elif len(self.body) < MAX_ERROR_BODY:
                self.body.extend(data[: MAX_ERROR_BODY - len(self.body)])
        except BaseException as error:  # re-raised in the request's own code
            self.fail(error)


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
        self._config_secrets: list[str] | None = None

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
        """Secret values stored in the authcfg (masked if a server echoes them).

        Read when the authentication database is unlocked (never prompting for the master
        password), until that succeeds once. Values that an auth method computes (OAuth2
        tokens, the Basic header…) are collected from each request instead
        (:attr:`HttpResponse.sent_secrets`).
        """
        if not self.authcfg:
            return []
        if self._config_secrets is None:
            found = _read_config_secrets(self.authcfg)
            if found is None:
                return []
            self._config_secrets = found
        return list(self._config_secrets)

    # -- request building ----------------------------------------------------------------------
    def _qrequest(self, request: HttpRequest) -> tuple[QNetworkRequest, list[str], bool]:
        """The QNetworkRequest to send (credentials applied), the secret values in it, and
        whether the auth manager applied the authcfg (then it also updates the reply)."""
        qurl = QUrl.fromEncoded(QByteArray(request.url.encode("utf-8")))
        if not qurl.isValid() or not qurl.scheme():
            raise NetworkError(
                tr("Invalid URL"),
                url=request.url,
                method=request.method,
                hint=tr("Check the address of the service"),
            )
        plan = self._auth_plan(request) if request.with_credentials else None
        qreq = QNetworkRequest(qurl)
        extra = self.extra_headers
        if not request.with_credentials:
            extra = {k: v for k, v in extra.items() if not is_sensitive_header(k)}
        headers = {**extra, **request.headers}
        if plan is not None:
            headers.update(plan.headers)
        for name, value in headers.items():
            qreq.setRawHeader(
                QByteArray(str(name).encode("latin-1")),
                QByteArray(str(value).encode("latin-1", errors="replace")),
            )
        secrets = secrets_in_headers(headers)
        native = plan is not None and plan.native
        if plan is not None:
            secrets.extend(secrets_in_headers(plan.headers, always=True))
        if native:
            qreq = self._apply_authcfg(request, qreq, secrets)
        with contextlib.suppress(AttributeError, TypeError):
            qreq.setAttribute(
                QgsNetworkRequestParameters.RequestAttributes.AttributeInitiatorClass,
                "TheiaPlugin",
            )
        qreq.setAttribute(
            _ATTR.RedirectPolicyAttribute, QNetworkRequest.RedirectPolicy.ManualRedirectPolicy
        )
        qreq.setAttribute(
            _ATTR.CacheLoadControlAttribute, QNetworkRequest.CacheLoadControl.AlwaysNetwork
        )
        qreq.setAttribute(_ATTR.CacheSaveControlAttribute, False)
        return qreq, secrets, native

    def _apply_authcfg(
        self, request: HttpRequest, qreq: QNetworkRequest, secrets: list[str]
    ) -> QNetworkRequest:
        """Let the auth manager add the credentials; every header or query value it adds or
        changes is a secret (the Basic header, an OAuth2 or ESRI token…)."""
        before_headers = _request_headers(qreq)
        before_query = set(parse_qsl(urlsplit(request.url).query))
        ok, updated = QgsApplication.authManager().updateNetworkRequest(qreq, self.authcfg)
        if not ok:
            raise AuthenticationError(
                tr("The authentication configuration “{id}” could not be applied").format(
                    id=self.authcfg
                ),
                url=request.url,
                method=request.method,
            )
        added = {k: v for k, v in _request_headers(updated).items() if before_headers.get(k) != v}
        secrets.extend(secrets_in_headers(added, always=True))
        query = parse_qsl(urlsplit(bytes(updated.url().toEncoded()).decode("ascii")).query)
        secrets.extend(value for name, value in query if (name, value) not in before_query)
        return updated

    # -- send ----------------------------------------------------------------------------------
    def send(self, request: HttpRequest, feedback: Feedback | None = None) -> HttpResponse:
        return self._exchange(request, feedback, sink=None)

    def download(
        self, request: HttpRequest, sink: DownloadSink, feedback: Feedback | None = None
    ) -> HttpResponse:
        return self._exchange(request, feedback, sink)

    def _exchange(
        self, request: HttpRequest, feedback: Feedback | None, sink: DownloadSink | None
    ) -> HttpResponse:
        try:
            return self._exchange_once(request, feedback, sink)
        except RuntimeError as error:
            # Seen with several worker threads: PyQt hands back a reply wrapper it believes
            # deleted (a stale wrapper at a reused address). A broken exchange the client may
            # retry, not a crash of the task.
            if "has been deleted" not in str(error):
                raise
            raise ConnectionFailedError(
                url=request.url,
                method=request.method,
                detail="the network reply was reported deleted by PyQt",
            ) from None

    def _exchange_once(
        self, request: HttpRequest, feedback: Feedback | None, sink: DownloadSink | None
    ) -> HttpResponse:
        """Run one reply of the thread's QgsNetworkAccessManager in a local event loop.

        With a ``sink`` the 2xx body is streamed into it (never held in memory); otherwise
        the body is returned in the response.
        """
        if is_canceled(feedback):
            raise CancelledError(url=request.url, method=request.method)
        if _in_main_thread():
            _note_main_thread(request)
        qreq, secrets, native = self._qrequest(request)
        nam = QgsNetworkAccessManager.instance()
        reply, body = self._start(nam, request, qreq)
        watch = _WATCHDOG.add(feedback, request.timeout)
        if native:
            QgsApplication.authManager().updateNetworkReply(reply, self.authcfg)
        if sink is not None:
            reply.setReadBufferSize(4 * 1024 * 1024)

        loop = QEventLoop()
        reader = _ReplyReader(reply, sink, watch)
        reply.readyRead.connect(reader.consume)
        reply.downloadProgress.connect(watch.touch)
        reply.uploadProgress.connect(watch.touch)
        reply.finished.connect(loop.quit)
        watch.internal.canceled.connect(reply.abort)
        if body is not None:
            nam.authenticationRequired.connect(body.allow_rewind)
            nam.proxyAuthenticationRequired.connect(body.allow_rewind)
        try:
            if watch.internal.isCanceled():  # cancelled before the connection existed
                reply.abort()
            if not reply.isFinished():
                loop.exec()
            qerror = reply.error()
            if reader.error is None and qerror != _NE.OperationCanceledError:
                reader.consume()  # whatever arrived with the last segment
            status = reader.status()
            if (
                reader.error is None
                and status is not None
                and 200 <= status < 300
                and qerror == _NE.NoError
            ):
                reader.begin(status)  # empty body: the sink still restarts
            if reader.error is not None and not (
                # the sink was closed by a cancellation: reported by _finish
                isinstance(reader.error, ValueError) and watch.reason is not None
            ):
                raise reader.error
            return self._finish(
                request,
                watch,
                qerror=qerror,
                status=status,
                headers=_reply_headers(reply),
                content=bytes(reader.body),
                message=reply.errorString(),
                secrets=secrets,
            )
        finally:
            _WATCHDOG.remove(watch)
            with contextlib.suppress(TypeError, RuntimeError):
                watch.internal.canceled.disconnect(reply.abort)
            # a reply may still signal while it is destroyed: not to this finished reader
            with contextlib.suppress(TypeError, RuntimeError):
                reply.readyRead.disconnect(reader.consume)
            if body is not None:
                for signal in (nam.authenticationRequired, nam.proxyAuthenticationRequired):
                    with contextlib.suppress(TypeError, RuntimeError):
                        signal.disconnect(body.allow_rewind)
            with contextlib.suppress(RuntimeError):
                reply.deleteLater()

    def _start(
        self, nam: QgsNetworkAccessManager, request: HttpRequest, qreq: QNetworkRequest
    ) -> tuple[QNetworkReply, _OneShotBody | None]:
        """Send the request; the body device when the request must not be sent twice."""
        method = request.method
        data = request.body or b""
        verb = QByteArray(method.encode("ascii"))
        if request.is_idempotent:
            if method == "GET" and not data:
                return nam.get(qreq), None
            if method == "HEAD":
                return nam.head(qreq), None
            if method == "DELETE" and not data:
                return nam.deleteResource(qreq), None
            if method == "PUT":
                return nam.put(qreq, QByteArray(data)), None
            if method == "POST":
                return nam.post(qreq, QByteArray(data)), None
            return nam.sendCustomRequest(qreq, verb, QByteArray(data)), None
        through_proxy = _through_http_proxy(request.url)
        body = _OneShotBody(data, rewinds=_REWINDS_PER_RESEND if through_proxy else 0)
        qreq.setHeader(QNetworkRequest.KnownHeaders.ContentLengthHeader, len(data))
        qreq.setAttribute(_ATTR.DoNotBufferUploadDataAttribute, True)
        qreq.setAttribute(_ATTR.HttpPipeliningAllowedAttribute, False)
        if method == "POST":
            reply = nam.post(qreq, body)
        elif method == "PUT":
            reply = nam.put(qreq, body)
        else:
            reply = nam.sendCustomRequest(qreq, verb, body)
        body.setParent(reply)  # lives as long as Qt may read it
        return reply, body

    # -- result mapping ------------------------------------------------------------------------
    def _finish(
        self,
        request: HttpRequest,
        watch: _Watch,
        *,
        qerror: Any,
        status: int | None,
        headers: Headers,
        content: bytes,
        message: str,
        secrets: list[str],
    ) -> HttpResponse:
        common = {"url": request.url, "method": request.method}
        if qerror == _NE.OperationCanceledError:
            # aborted: by our watchdog (cancel/timeout) or by QGIS's own network timeout. A
            # reply that completed before the watchdog's abort took effect is not affected.
            if watch.reason == "cancel":
                raise CancelledError(**common)
            if watch.reason == "timeout":
                raise RequestTimeoutError(timeout=request.timeout, **common)
        if status is not None and 200 <= status < 300 and qerror != _NE.NoError:
            # the transfer broke after the headers (reset, QGIS network timeout…)
            self._raise_for_network_error(request, qerror, message, secrets)
        if status is None and qerror == _NE.NoError:
            status = 200  # non-HTTP scheme (file:, data:)
        if status is not None and status > 0:
            return HttpResponse(
                status=status,
                headers=headers,
                content=content,
                url=request.url,
                request=request,
                sent_secrets=tuple(secrets),
            )
        self._raise_for_network_error(request, qerror, message, secrets)
        raise AssertionError("unreachable")  # pragma: no cover

    def _raise_for_network_error(
        self, request: HttpRequest, qerror: Any, message: str, secrets: list[str]
    ) -> None:
        detail = redact_text(message or "", [*self.secrets(), *secrets])
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
            if qerror in _INTERRUPTED_ERRORS:
                raise ConnectionFailedError(
                    tr("The connection to the server was interrupted"),
                    hint=tr("Try again; if it persists, check your connection or proxy"),
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


def _request_headers(qreq: QNetworkRequest) -> dict[str, str]:
    return {
        bytes(name).decode("latin-1"): bytes(qreq.rawHeader(name)).decode("latin-1")
        for name in qreq.rawHeaderList()
    }


def _read_config_secrets(authcfg: str) -> list[str] | None:
    """Secret values of an authentication configuration; None when it cannot be read now."""
    manager = QgsApplication.authManager()
    try:
        if manager is None or not manager.masterPasswordIsSet():
            return None
        ok, config = manager.loadAuthenticationConfig(authcfg, QgsAuthMethodConfig(), True)
        if not ok:
            return None
        every_value = config.method() == "APIHeader"  # all its entries are credentials
        found: list[str] = []
        for key, value in config.configMap().items():
            _collect_secrets(str(key), value, every_value, found)
        return found
    except Exception:
        LOG.debug("could not read the secrets of the authentication configuration")
        return None


def _collect_secrets(key: str, value: Any, every_value: bool, found: list[str]) -> None:
    if isinstance(value, Mapping):
        for sub_key, sub_value in value.items():
            _collect_secrets(str(sub_key), sub_value, every_value, found)
        return
    if isinstance(value, list):
        for item in value:
            _collect_secrets(key, item, every_value, found)
        return
    text = str(value or "")
    if text[:1] == "{":  # e.g. the OAuth2 method stores its settings as one JSON document
        with contextlib.suppress(ValueError):
            _collect_secrets(key, json.loads(text), every_value, found)
            return
    if text and (every_value or any(part in key.lower() for part in _SENSITIVE_CONFIG_KEYS)):
        found.append(text)


def _proxy(url: str) -> QNetworkProxy | None:
    """The proxy QGIS uses for ``url``, or None for a direct connection."""
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
        return proxy
    except Exception:
        return None


def _proxy_for(url: str) -> str | None:
    """``host:port`` of the proxy QGIS uses for ``url``, or None for a direct connection."""
    proxy = _proxy(url)
    return f"{proxy.hostName()}:{proxy.port()}" if proxy is not None else None


def _through_http_proxy(url: str) -> bool:
    """Whether ``url`` is plain http sent through an HTTP proxy (not a CONNECT tunnel)."""
    if urlsplit(url).scheme.lower() != "http":
        return False
    proxy = _proxy(url)
    return proxy is not None and proxy.type() in (
        QNetworkProxy.ProxyType.HttpProxy,
        QNetworkProxy.ProxyType.HttpCachingProxy,
    )

"""The QGIS transport (QgsNetworkAccessManager in a local event loop) against real local
servers: the shared contract, QGIS auth manager configurations, QGIS proxy settings, QgsFeedback
and QgsTask cancellation, worker threads, downloads with progress, pystac-client with an
authcfg."""

from __future__ import annotations

import base64
import logging
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from qgis.core import QgsApplication, QgsFeedback, QgsProcessingFeedback, QgsTask
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QTimer
from qgis.PyQt.QtNetwork import QNetworkReply

from tests.servers.fixtures import AUTH_PROXY_CREDENTIALS
from tests.servers.http_server import LocalHttpServer, payload
from tests.servers.proxy_server import ProxyServer, free_port
from tests.servers.qgis_auth import AuthConfigs, qgis_proxy
from tests.unit.net.stac_contract import StacContract
from tests.unit.net.transport_contract import TransportContract
from theia_plugin.net import (
    AuthenticationError,
    CancelledError,
    ConnectionFailedError,
    HttpClient,
    ProxyError,
    RequestTimeoutError,
    create_client,
    qgis_transport,
)
from theia_plugin.net.base import Headers, HttpRequest
from theia_plugin.net.qgis_transport import QgisTransport, _Watch


class TestQgisTransport(TransportContract):
    """The shared transport contract, through the QGIS network stack."""

    @pytest.fixture
    def make_credential_client(self, make_client, auth_configs: AuthConfigs):
        def factory(kind: str, **options: Any) -> tuple[HttpClient, list[str]]:
            if kind == "basic":  # applied by the auth manager (updateNetworkRequest)
                password = "Basic-Pass-4411"
                encoded = base64.b64encode(f"alice:{password}".encode()).decode()
                return make_client(auth_configs.basic("alice", password), **options), [
                    password,
                    encoded,
                ]
            # an "API Header" configuration holding an Authorization header
            token, portal = "Bearer-Token-5522", "portal-value-6633"
            authcfg = auth_configs.api_header(
                {"Authorization": f"Bearer {token}", "X-Portal": portal}
            )
            return make_client(authcfg, **options), [token, portal]

        return factory


class TestStacOverQgis(StacContract):
    """pystac-client over the QGIS transport, credentials from an "API Header" authcfg."""

    @pytest.fixture
    def stac_client(
        self, make_client, auth_configs: AuthConfigs, http_server: LocalHttpServer
    ) -> HttpClient:
        authcfg = auth_configs.api_header(
            {"access-key": http_server.access_key, "secret-key": http_server.secret_key}
        )
        return make_client(authcfg)

    @pytest.fixture
    def anonymous_client(self, client: HttpClient) -> HttpClient:
        return client


# -- auth manager ------------------------------------------------------------------------------


def test_basic_authcfg_is_applied(
    make_client, auth_configs: AuthConfigs, http_server: LocalHttpServer
) -> None:
    authcfg = auth_configs.basic(http_server.basic_user, http_server.basic_password)
    client = make_client(authcfg)
    assert client.get_json(http_server.url("/basic")) == {"ok": True, "user": "alice"}
    expected = base64.b64encode(b"alice:" + http_server.basic_password.encode()).decode()
    assert http_server.requests_to("/basic")[0].header("Authorization") == f"Basic {expected}"
    # also on the streaming (QgsNetworkAccessManager) path
    response = client.request("PATCH", http_server.url("/basic"))
    assert response.status == 200


def test_basic_authcfg_on_downloads(
    make_client, auth_configs: AuthConfigs, http_server: LocalHttpServer, tmp_path: Path
) -> None:
    authcfg = auth_configs.basic("alice", "download-Secret-1")
    client = make_client(authcfg)
    client.download(http_server.url("/bytes?size=1000"), tmp_path / "f.bin")
    expected = base64.b64encode(b"alice:download-Secret-1").decode()
    assert http_server.requests_to("/bytes")[0].header("Authorization") == f"Basic {expected}"


def test_api_header_authcfg_is_applied(
    make_client, auth_configs: AuthConfigs, http_server: LocalHttpServer, tmp_path: Path
) -> None:
    # Theia's documented QGIS setup: an "API Header" configuration with access-key/secret-key
    authcfg = auth_configs.api_header(
        {"access-key": http_server.access_key, "secret-key": http_server.secret_key}
    )
    client = make_client(authcfg)
    response = client.get(http_server.url("/header-key"))
    assert response.json() == {"ok": True}
    client.download(http_server.url("/bytes?size=10"), tmp_path / "x")
    for request in http_server.requests:
        assert request.header("access-key") == http_server.access_key
        assert request.header("secret-key") == http_server.secret_key
    # natively (QGIS >= 3.24) or by the plugin, the values sent are known as secrets
    assert {http_server.access_key, http_server.secret_key} <= set(response.sent_secrets)


def test_x_api_key_authcfg(
    make_client, auth_configs: AuthConfigs, http_server: LocalHttpServer
) -> None:
    authcfg = auth_configs.api_header({"X-API-Key": http_server.api_key})
    assert make_client(authcfg).get_json(http_server.url("/api-key")) == {"ok": True}


def test_wrong_password_gives_auth_error_with_hint_and_no_secret(
    make_client,
    auth_configs: AuthConfigs,
    http_server: LocalHttpServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    authcfg = auth_configs.basic("alice", "Wrong-Password-888")
    with pytest.raises(AuthenticationError) as caught:
        make_client(authcfg).get(http_server.url("/basic"))
    error = caught.value
    assert error.status == 401
    assert error.server_message == "Invalid user name or password"
    assert "Settings › Options › Authentication" in error.hint
    texts = [str(error), repr(error)] + [r.getMessage() for r in caplog.records]
    assert any("/basic" in text for text in texts[2:]), "nothing was logged"
    encoded = base64.b64encode(b"alice:Wrong-Password-888").decode()
    for text in texts:
        assert "Wrong-Password-888" not in text
        assert encoded not in text


def test_secrets_echoed_by_server_are_masked(
    make_client,
    auth_configs: AuthConfigs,
    http_server: LocalHttpServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    basic = auth_configs.basic("alice", "Echoed-Password-999")
    header = auth_configs.api_header({"access-key": "AK-echo-1", "secret-key": "SK-echo-secret-2"})
    for authcfg in (basic, header):
        with pytest.raises(AuthenticationError) as caught:
            make_client(authcfg).get(http_server.url("/reflect-auth"))
        assert "Credentials rejected" in str(caught.value)
        texts = [str(caught.value), repr(caught.value)] + [r.getMessage() for r in caplog.records]
        encoded = base64.b64encode(b"alice:Echoed-Password-999").decode()
        for secret in ("Echoed-Password-999", encoded, "SK-echo-secret-2", "AK-echo-1"):
            assert not any(secret in text for text in texts), secret


def test_unknown_authcfg(make_client, http_server: LocalHttpServer) -> None:
    with pytest.raises(AuthenticationError) as caught:
        make_client("zzzzzzz").get(http_server.url("/json"))
    assert "“zzzzzzz” does not exist" in str(caught.value)
    assert "Settings › Options › Authentication" in str(caught.value)
    assert http_server.requests == []


def test_create_client_uses_qgis(auth_configs: AuthConfigs, http_server: LocalHttpServer) -> None:
    authcfg = auth_configs.api_header({"X-API-Key": http_server.api_key})
    client = create_client(authcfg, timeout=3)
    assert isinstance(client.transport, QgisTransport)
    assert client.transport.authcfg == authcfg
    assert client.get_json(http_server.url("/api-key")) == {"ok": True}
    assert isinstance(create_client().transport, QgisTransport)


# -- QGIS proxy settings -----------------------------------------------------------------------


def test_qgis_proxy_settings_are_traversed(
    client: HttpClient, http_server: LocalHttpServer, proxy_server: ProxyServer, tmp_path: Path
) -> None:
    nonce = uuid.uuid4().hex
    with qgis_proxy("127.0.0.1", proxy_server.port):
        echo = client.get_json(
            http_server.url(f"/echo?nonce={nonce}"), headers={"Connection": "close"}
        )
        client.download(
            http_server.url(f"/bytes?size=100&nonce={nonce}"),
            tmp_path / "p.bin",
            headers={"Connection": "close"},
        )
    headers = {k.lower(): v for k, v in echo["headers"].items()}
    assert headers.get("via", "").startswith("1.1 proxy.py"), headers
    assert http_server.requests_to("/bytes")[0].header("Via", "").startswith("1.1 proxy.py")
    assert proxy_server.wait_for_log(f"GET 127.0.0.1:{http_server.port}/echo?nonce={nonce}")
    assert proxy_server.wait_for_log(f"/bytes?size=100&nonce={nonce}")
    # and without the proxy settings, direct again
    echo = client.get_json(http_server.url("/echo"))
    assert "via" not in {k.lower() for k in echo["headers"]}


def test_qgis_proxy_refusing_connections(make_client, http_server: LocalHttpServer) -> None:
    client = make_client(max_retries=0)
    port = free_port()
    with qgis_proxy("127.0.0.1", port), pytest.raises(ProxyError) as caught:
        client.get(http_server.url("/json"))
    text = str(caught.value)
    assert f"proxy 127.0.0.1:{port} refused the connection" in text
    assert "Settings › Options › Network" in text
    assert http_server.requests == []


def test_qgis_proxy_requiring_authentication(
    make_client, http_server: LocalHttpServer, auth_proxy_server: ProxyServer
) -> None:
    client = make_client(max_retries=0)
    with qgis_proxy("127.0.0.1", auth_proxy_server.port), pytest.raises(ProxyError) as caught:
        client.get(http_server.url("/json"))
    assert caught.value.status == 407
    assert "proxy requires authentication" in str(caught.value)
    user, password = AUTH_PROXY_CREDENTIALS
    with qgis_proxy("127.0.0.1", auth_proxy_server.port, user=user, password=password):
        echo = client.get_json(http_server.url("/echo"))
    assert {k.lower(): v for k, v in echo["headers"].items()}["via"].startswith("1.1 proxy.py")


def test_post_through_a_proxy_requiring_authentication(
    make_client, http_server: LocalHttpServer, auth_proxy_server: ProxyServer
) -> None:
    """Qt re-sends a request answered 407 by the proxy: a POST must get through (once),
    although non-idempotent bodies cannot be rewound otherwise. A new thread has its own
    QgsNetworkAccessManager, so no proxy credentials are cached yet."""
    user, password = AUTH_PROXY_CREDENTIALS
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["echo"] = make_client(max_retries=0).post_json(
                http_server.url("/echo"), {"n": 1}, headers={"Connection": "close"}
            )
        except Exception as error:
            outcome["echo"] = error

    with qgis_proxy("127.0.0.1", auth_proxy_server.port, user=user, password=password):
        worker = threading.Thread(target=work)
        worker.start()
        worker.join(15)
    echo = outcome.get("echo")
    assert isinstance(echo, dict), echo
    assert echo["json"] == {"n": 1}
    assert {k.lower(): v for k, v in echo["headers"].items()}["via"].startswith("1.1 proxy.py")
    assert len(http_server.requests_to("/echo")) == 1


# -- QgsFeedback, QgsTask, threads, progress --------------------------------------------------


def test_cancel_with_qgsfeedback_from_qtimer(
    client: HttpClient, http_server: LocalHttpServer
) -> None:
    """The plugin's real case: a request runs in a worker thread (QgsTask) and the user's
    Cancel button (main thread, event loop running) cancels its QgsFeedback."""
    feedback = QgsFeedback()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            client.get(http_server.url("/slow?seconds=5"), feedback=feedback, timeout=10)
            outcome["result"] = "finished"
        except Exception as error:
            outcome["result"] = error

    started = time.monotonic()
    worker = threading.Thread(target=work)
    worker.start()
    QTimer.singleShot(300, feedback.cancel)
    loop = QEventLoop()
    while worker.is_alive() and time.monotonic() - started < 10:
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        worker.join(0.01)
    assert isinstance(outcome.get("result"), CancelledError), outcome
    assert time.monotonic() - started < 3


def test_cancel_on_the_main_thread_with_qtimer(
    client: HttpClient, http_server: LocalHttpServer
) -> None:
    """Even on the main thread the wait runs the event loop, so a QTimer can cancel."""
    feedback = QgsFeedback()
    QTimer.singleShot(300, feedback.cancel)
    started = time.monotonic()
    with pytest.raises(CancelledError):
        client.get(http_server.url("/slow?seconds=5"), feedback=feedback, timeout=10)
    assert time.monotonic() - started < 3


def test_repeated_cancellation_in_a_worker_never_hangs(
    client: HttpClient, http_server: LocalHttpServer, tmp_path: Path
) -> None:
    """Regression: QgsBlockingNetworkRequest (QGIS 3.22) could block forever when its feedback
    was cancelled in a worker thread. Cancel at many different moments."""
    outcomes: list[Any] = []

    def work() -> None:
        for index in range(16):
            feedback = QgsFeedback()
            timer = threading.Timer(0.01 * index, feedback.cancel)
            timer.start()
            try:
                if index % 4 == 0:
                    client.download(
                        http_server.url("/bytes?size=2000000&delay=0.01"),
                        tmp_path / "r.bin",
                        feedback=feedback,
                    )
                else:
                    client.get(http_server.url("/slow?seconds=2"), feedback=feedback)
                outcomes.append("finished")
            except CancelledError:
                outcomes.append("cancelled")
            except Exception as error:
                outcomes.append(error)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive(), f"hung after {len(outcomes)} requests"
    assert outcomes == ["cancelled"] * 16
    assert list(tmp_path.iterdir()) == []


def test_cancel_download_with_qgsfeedback_from_qtimer(
    client: HttpClient, http_server: LocalHttpServer, tmp_path: Path
) -> None:
    feedback = QgsProcessingFeedback()
    QTimer.singleShot(400, feedback.cancel)
    with pytest.raises(CancelledError):
        client.download(
            http_server.url("/bytes?size=5000000&delay=0.05"), tmp_path / "c.bin", feedback=feedback
        )
    assert list(tmp_path.iterdir()) == []


def test_cancel_with_qgsfeedback_from_another_thread(
    client: HttpClient, http_server: LocalHttpServer
) -> None:
    feedback = QgsFeedback()
    threading.Timer(0.3, feedback.cancel).start()
    with pytest.raises(CancelledError):
        client.get(http_server.url("/slow?seconds=5"), feedback=feedback, timeout=10)


def test_requests_from_a_worker_thread(
    make_client, http_server: LocalHttpServer, tmp_path: Path
) -> None:
    """QgsTask code runs in other threads: requests, timeouts and downloads work there."""
    results: dict[str, Any] = {}

    def work() -> None:
        client = make_client(max_retries=0, timeout=0.5)
        try:
            results["json"] = client.get_json(http_server.url("/json"))
            results["file"] = client.download(http_server.url("/bytes?size=50000"), tmp_path / "w")
            try:
                client.get(http_server.url("/slow?seconds=4"))
            except RequestTimeoutError as error:
                results["timeout"] = error
        except Exception as error:
            results["error"] = error

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(20)
    assert not thread.is_alive()
    assert "error" not in results, results.get("error")
    assert results["json"]["ok"] is True
    assert results["file"].read_bytes() == payload(50000)
    assert isinstance(results["timeout"], RequestTimeoutError)


def test_download_reports_progress_to_processing_feedback(
    client: HttpClient, http_server: LocalHttpServer, tmp_path: Path
) -> None:
    feedback = QgsProcessingFeedback()
    seen: list[float] = []
    feedback.progressChanged.connect(seen.append)
    size = 2_000_000
    client.download(
        http_server.url(f"/bytes?size={size}&seed=5&chunk=100000&delay=0.005"),
        tmp_path / "p.bin",
        feedback=feedback,
    )
    assert (tmp_path / "p.bin").read_bytes() == payload(size, 5)
    assert feedback.progress() == 100
    assert len(seen) > 3
    assert seen == sorted(seen)


class _Task(QgsTask):
    """A QgsTask running ``work(task)``; the outcome goes to ``box`` (the C++ task is deleted
    by the task manager once finished)."""

    def __init__(self, work: Any, box: dict[str, Any]) -> None:
        super().__init__("theia network test", QgsTask.Flag.CanCancel)
        self.work = work
        self.box = box

    def run(self) -> bool:
        try:
            self.box["result"] = self.work(self)
        except Exception as error:
            self.box["result"] = error
        self.box["done"] = time.monotonic()
        return True


def _run_task(work: Any, cancel_after: float | None = None, limit: float = 15) -> dict[str, Any]:
    box: dict[str, Any] = {}
    task = _Task(work, box)
    QgsApplication.taskManager().addTask(task)
    started = time.monotonic()
    box["started"] = started
    cancelled = False
    while "done" not in box and time.monotonic() - started < limit:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if cancel_after is not None and not cancelled and time.monotonic() - started > cancel_after:
            task.cancel()  # what the task manager's Cancel button does
            cancelled = True
        time.sleep(0.005)
    assert "done" in box, "the task did not finish"
    return box


def test_requests_inside_a_qgstask(
    make_client, http_server: LocalHttpServer, tmp_path: Path
) -> None:
    def work(task: QgsTask) -> Any:
        client = make_client()
        return (
            client.get_json(http_server.url("/json"), feedback=task),
            client.post_json(http_server.url("/echo"), {"n": 1}, feedback=task),
            client.download(http_server.url("/bytes?size=50000"), tmp_path / "t", feedback=task),
            threading.get_ident(),
        )

    result = _run_task(work)["result"]
    assert not isinstance(result, Exception), result
    data, echo, path, thread = result
    assert data["ok"] is True
    assert echo["method"] == "POST" and echo["json"] == {"n": 1}
    assert path.read_bytes() == payload(50000)
    assert thread != threading.get_ident()  # really ran in the task's thread


def test_qgstask_cancel_stops_the_request(make_client, http_server: LocalHttpServer) -> None:
    def work(task: QgsTask) -> Any:
        return make_client().get(http_server.url("/slow?seconds=5"), feedback=task, timeout=10)

    box = _run_task(work, cancel_after=0.3)
    assert isinstance(box["result"], CancelledError), box["result"]
    assert box["done"] - box["started"] < 3
    assert len(http_server.requests_to("/slow")) == 1


# -- result mapping, main thread ---------------------------------------------------------------


@pytest.mark.parametrize("reason", ["cancel", "timeout"])
def test_completed_reply_is_not_reported_as_cancelled(qgis_app: Any, reason: str) -> None:
    """The watchdog may flag a request (cancel/timeout) just after its reply completed: the
    abort then does nothing, and the response received must be returned."""
    transport = QgisTransport()
    request = HttpRequest("GET", "http://127.0.0.1:9/x")
    watch = _Watch(None, 1.0)
    watch.reason = reason
    common = {"headers": Headers(), "message": "", "secrets": []}
    response = transport._finish(
        request,
        watch,
        qerror=QNetworkReply.NetworkError.NoError,
        status=200,
        content=b"ok",
        **common,
    )
    assert (response.status, response.content) == (200, b"ok")
    expected = CancelledError if reason == "cancel" else RequestTimeoutError
    with pytest.raises(expected):  # an aborted reply is reported with the watchdog's reason
        transport._finish(
            request,
            watch,
            qerror=QNetworkReply.NetworkError.OperationCanceledError,
            status=None,
            content=b"",
            **common,
        )


def test_main_thread_use_is_noted_once(
    client: HttpClient,
    http_server: LocalHttpServer,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(qgis_transport, "_main_thread_noted", False)
    caplog.set_level(logging.DEBUG, logger="theia.net")

    def notes() -> list[logging.LogRecord]:
        return [r for r in caplog.records if "main (GUI) thread" in r.getMessage()]

    worker = threading.Thread(target=lambda: client.get_json(http_server.url("/json")))
    worker.start()
    worker.join(10)
    assert notes() == []  # worker threads are where network code belongs
    client.get_json(http_server.url("/json"))
    client.get_json(http_server.url("/json"))
    (note,) = notes()
    assert note.levelno == logging.DEBUG
    assert "QgsTask" in note.getMessage()


def test_reply_reported_deleted_is_a_retried_connection_failure(
    make_client, http_server: LocalHttpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyQt may hand back a reply wrapper it believes deleted (seen with several worker
    threads): the exchange fails as a connection failure, which the client retries."""
    real = QgisTransport._exchange_once
    calls = []

    def flaky(self, *args: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("wrapped C/C++ object of type QNetworkReply has been deleted")
        return real(self, *args)

    monkeypatch.setattr(QgisTransport, "_exchange_once", flaky)
    assert make_client(max_retries=1).get(http_server.url("/json")).status == 200
    assert len(calls) == 2
    calls.clear()
    with pytest.raises(ConnectionFailedError):
        make_client(max_retries=0).get(http_server.url("/json"))

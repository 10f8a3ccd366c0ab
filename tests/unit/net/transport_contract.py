"""Behaviour every transport must have, checked against the real local HTTP server.

Subclassed by ``test_requests_transport.py`` (``requests``) and by
``tests/qgis/net/test_qgis_transport.py`` (QGIS network stack). Both provide the fixtures
``client`` (an :class:`HttpClient` with short timeouts/backoff), ``make_client(**options)``
and ``make_credential_client(kind, **options)`` -> ``(client, secrets)``: a client whose
transport adds credentials by its own means — ``"basic"``: HTTP Basic (user ``alice``);
``"headers"``: ``Authorization: Bearer <token>`` plus ``X-Portal: <value>`` (a header whose
name does not look secret) — and the secret strings a server could echo.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers.http_server import LocalHttpServer, compressible_payload, payload
from tests.servers.proxy_server import free_port
from theia_plugin.net import (
    AuthenticationError,
    CancellationToken,
    CancelledError,
    ConnectionFailedError,
    HttpClient,
    HttpError,
    InvalidResponseError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RequestTimeoutError,
    ServerError,
)

#: Headers by which the credential clients may carry their secrets.
CREDENTIAL_HEADERS = ("Authorization", "X-Portal", "X-API-Key", "access-key", "secret-key")


def cancel_after(seconds: float) -> CancellationToken:
    """A token cancelled from another thread after ``seconds``."""
    token = CancellationToken()
    timer = threading.Timer(seconds, token.cancel)
    timer.daemon = True
    timer.start()
    return token


def assert_no_secret(texts: list[str], secrets: list[str]) -> None:
    for text in texts:
        for secret in secrets:
            assert secret not in text, (secret, text)


def assert_not_chained(error: BaseException) -> None:
    """No library exception (whose text may hold a signed URL) travels with ``error``."""
    assert error.__cause__ is None, repr(error.__cause__)
    assert error.__context__ is None, repr(error.__context__)


class TransportContract:
    @pytest.fixture(scope="class")
    @classmethod
    def other_server_session(cls) -> Iterator[LocalHttpServer]:
        """A second server: another origin (same host, other port)."""
        with LocalHttpServer() as server:
            yield server

    @pytest.fixture
    def other_server(self, other_server_session: LocalHttpServer) -> LocalHttpServer:
        other_server_session.reset()
        return other_server_session

    # -- basic verbs ---------------------------------------------------------------------------
    def test_get_json(self, client: HttpClient, http_server: LocalHttpServer) -> None:
        assert client.get_json(http_server.url("/json")) == {"ok": True, "items": [1, 2, 3]}
        (sent,) = http_server.requests_to("/json")
        assert sent.method == "GET"
        assert "json" in (sent.header("Accept") or "")

    def test_post_json_sends_body_params_and_headers(
        self, client: HttpClient, http_server: LocalHttpServer
    ) -> None:
        echo = client.post_json(
            http_server.url("/echo?fixed=1"),
            {"collections": ["sentinel2-l2a-theia"], "limit": 2},
            params={"extra": ["a", "b"], "none": None},
            headers={"X-Trace": "abc"},
        )
        assert echo["method"] == "POST"
        assert echo["json"] == {"collections": ["sentinel2-l2a-theia"], "limit": 2}
        assert echo["query"] == {"fixed": ["1"], "extra": ["a", "b"]}
        headers = {k.lower(): v for k, v in echo["headers"].items()}
        assert headers["content-type"] == "application/json"
        assert headers["x-trace"] == "abc"

    def test_head_returns_headers_without_body(
        self, client: HttpClient, http_server: LocalHttpServer
    ) -> None:
        response = client.head(http_server.url("/bytes?size=1234"))
        assert response.status == 200
        assert response.headers["content-length"] == "1234"  # case-insensitive
        assert response.content == b""
        assert http_server.requests_to("/bytes")[0].method == "HEAD"

    @pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS"])
    def test_other_methods(
        self, client: HttpClient, http_server: LocalHttpServer, method: str
    ) -> None:
        body = b"payload" if method in ("PUT", "PATCH") else None
        echo = client.request(method, http_server.url("/echo"), body=body).json()
        assert echo["method"] == method
        assert echo["body"] == (body or b"").decode()

    # -- errors --------------------------------------------------------------------------------
    @pytest.mark.parametrize(
        ("status", "error_type", "hint_word"),
        [
            (400, HttpError, "parameters"),
            (401, AuthenticationError, "Authentication"),
            (403, AuthenticationError, "Authentication"),
            (404, NotFoundError, "URL"),
            (410, NotFoundError, "expired"),
            (500, ServerError, "later"),
        ],
    )
    def test_http_errors_are_typed_with_server_text_and_hint(
        self,
        client: HttpClient,
        http_server: LocalHttpServer,
        status: int,
        error_type: type,
        hint_word: str,
    ) -> None:
        url = http_server.url(f"/status/{status}?message=Collection+foo+is+unknown")
        with pytest.raises(error_type) as caught:
            client.get(url)
        error = caught.value
        assert type(error) is error_type
        assert error.status == status
        assert error.server_message == "Collection foo is unknown"
        assert hint_word in error.hint
        text = str(error)
        assert f"HTTP {status}" in text
        assert "Collection foo is unknown" in text
        assert error.hint.rstrip(".") in text
        assert f"/status/{status}" in text
        assert len(http_server.requests_to(f"/status/{status}")) == 1  # never retried

    def test_html_error_page_is_summarised(self, make_client, http_server: LocalHttpServer) -> None:
        client = make_client(max_retries=0)
        with pytest.raises(ServerError) as caught:
            client.get(http_server.url("/html-error"))
        assert caught.value.status == 502
        assert caught.value.server_message == "502 Bad Gateway"
        assert "<html>" not in str(caught.value)

    def test_malformed_json_says_what_was_expected(
        self, client: HttpClient, http_server: LocalHttpServer
    ) -> None:
        with pytest.raises(InvalidResponseError) as caught:
            client.get_json(http_server.url("/malformed"))
        text = str(caught.value)
        assert "Expected a JSON document" in text
        assert "FeatureCollection" in text  # shows what came instead
        assert "/malformed" in text
        assert_not_chained(caught.value)  # the JSON decoder's error holds the whole body

    def test_error_without_raise_for_status(
        self, client: HttpClient, http_server: LocalHttpServer
    ) -> None:
        response = client.get(http_server.url("/status/404"), raise_for_status=False)
        assert response.status == 404
        assert response.json() == {"detail": "Simulated error 404"}

    # -- retries -------------------------------------------------------------------------------
    def test_retry_after_is_honoured(
        self, client: HttpClient, http_server: LocalHttpServer
    ) -> None:
        started = time.monotonic()
        data = client.get_json(http_server.url("/flaky/429?fail=1&retry_after=1"))
        elapsed = time.monotonic() - started
        assert data == {"calls": 2}
        calls = http_server.requests_to("/flaky/429")
        assert len(calls) == 2
        assert calls[1].time - calls[0].time >= 0.95  # waited the server's Retry-After
        assert elapsed >= 0.95

    def test_retry_after_http_date(self, client: HttpClient, http_server: LocalHttpServer) -> None:
        from email.utils import formatdate

        when = formatdate(time.time() + 2, usegmt=True)  # whole seconds: 1 to 2 s from now
        url = http_server.url("/flaky/503?fail=1&retry_after=" + when.replace(" ", "%20"))
        assert client.get_json(url) == {"calls": 2}
        calls = http_server.requests_to("/flaky/503")
        assert len(calls) == 2
        assert calls[1].time - calls[0].time >= 0.9

    @pytest.mark.parametrize("status", [502, 503, 504])
    def test_gateway_errors_are_retried_with_backoff(
        self, client: HttpClient, http_server: LocalHttpServer, status: int
    ) -> None:
        assert client.get_json(http_server.url(f"/flaky/{status}?fail=2")) == {"calls": 3}
        assert len(http_server.requests_to(f"/flaky/{status}")) == 3

    def test_retries_are_bounded(self, make_client, http_server: LocalHttpServer) -> None:
        client = make_client(max_retries=2)
        with pytest.raises(RateLimitedError) as caught:
            client.get(http_server.url("/flaky/429?fail=10&retry_after=0"))
        assert len(http_server.requests_to("/flaky/429")) == 3  # 1 + 2 retries
        assert caught.value.retry_after == 0
        assert caught.value.status == 429
        assert "Try again later" in caught.value.server_message

    def test_retry_after_is_capped_by_max_backoff(
        self, make_client, http_server: LocalHttpServer
    ) -> None:
        client = make_client(max_backoff=0.2)
        started = time.monotonic()
        assert client.get_json(http_server.url("/flaky/503?fail=1&retry_after=3600")) == {
            "calls": 2
        }
        assert time.monotonic() - started < 3  # did not wait an hour

    def test_post_is_not_retried(self, client: HttpClient, http_server: LocalHttpServer) -> None:
        with pytest.raises(ServerError):
            client.post(http_server.url("/flaky/503?fail=1"), json={"a": 1})
        assert len(http_server.requests_to("/flaky/503")) == 1

    def test_idempotent_post_is_retried(
        self, client: HttpClient, http_server: LocalHttpServer
    ) -> None:
        data = client.post_json(http_server.url("/flaky/503?fail=1"), {"a": 1}, idempotent=True)
        assert data == {"calls": 2}
        calls = http_server.requests_to("/flaky/503")
        assert [c.body for c in calls] == [b'{"a":1}', b'{"a":1}']

    def test_connection_reset_is_retried(
        self, client: HttpClient, http_server: LocalHttpServer
    ) -> None:
        assert client.get_json(http_server.url("/reset?fail=1")) == {"calls": 2}
        assert len(http_server.requests_to("/reset")) == 2

    def test_connection_reset_every_time(self, make_client, http_server: LocalHttpServer) -> None:
        client = make_client(max_retries=1)
        with pytest.raises(ConnectionFailedError) as caught:
            client.get(http_server.url("/reset"))
        assert caught.value.status is None
        # 2 attempts of ours (Qt itself also resends a GET on a dropped connection)
        assert len(http_server.requests_to("/reset")) >= 2

    def test_connection_refused(self, make_client) -> None:
        client = make_client(max_retries=1)
        with pytest.raises(ConnectionFailedError) as caught:
            client.get(f"http://127.0.0.1:{free_port()}/nothing-here")
        text = str(caught.value)
        assert "Could not connect" in text
        assert "Settings › Options › Network" in text

    # -- timeouts ------------------------------------------------------------------------------
    def test_timeout(self, make_client, http_server: LocalHttpServer) -> None:
        client = make_client(max_retries=0, timeout=0.5)
        started = time.monotonic()
        with pytest.raises(RequestTimeoutError) as caught:
            client.get(http_server.url("/slow?seconds=4"))
        assert time.monotonic() - started < 3.5
        assert caught.value.timeout == 0.5
        assert "0.5 s" in str(caught.value)

    def test_timeout_is_retried(self, make_client, http_server: LocalHttpServer) -> None:
        client = make_client(max_retries=1, timeout=0.4)
        with pytest.raises(RequestTimeoutError):
            client.get(http_server.url("/slow?seconds=3"))
        assert len(http_server.requests_to("/slow")) == 2

    def test_per_request_timeout_overrides_default(
        self, make_client, http_server: LocalHttpServer
    ) -> None:
        client = make_client(max_retries=0, timeout=0.3)
        assert client.get_json(http_server.url("/slow?seconds=0.8"), timeout=5) == {"slept": 0.8}

    # -- cancellation --------------------------------------------------------------------------
    def test_cancel_from_another_thread(
        self, client: HttpClient, http_server: LocalHttpServer
    ) -> None:
        token = cancel_after(0.3)
        started = time.monotonic()
        with pytest.raises(CancelledError) as caught:
            client.get(http_server.url("/slow?seconds=5"), feedback=token, timeout=10)
        assert time.monotonic() - started < 2.5
        assert "Cancelled" in str(caught.value)
        assert len(http_server.requests_to("/slow")) == 1  # not retried

    def test_cancel_during_retry_wait(self, make_client, http_server: LocalHttpServer) -> None:
        client = make_client(max_backoff=60)
        token = cancel_after(0.3)
        started = time.monotonic()
        with pytest.raises(CancelledError):
            client.get(http_server.url("/flaky/503?fail=5&retry_after=30"), feedback=token)
        assert time.monotonic() - started < 5
        assert len(http_server.requests_to("/flaky/503")) == 1

    def test_already_cancelled_sends_nothing(
        self, client: HttpClient, http_server: LocalHttpServer
    ) -> None:
        token = CancellationToken()
        token.cancel()
        with pytest.raises(CancelledError):
            client.get(http_server.url("/json"), feedback=token)
        assert http_server.requests_to("/json") == []

    # -- downloads -----------------------------------------------------------------------------
    def test_download_streams_to_part_then_renames(
        self, client: HttpClient, http_server: LocalHttpServer, tmp_path: Path
    ) -> None:
        size = 1_500_000
        dest = tmp_path / "sub" / "B04.tif"
        seen_part: list[bool] = []
        progress: list[tuple[int, int | None]] = []

        def on_progress(done: int, total: int | None) -> None:
            progress.append((done, total))
            parts = list((tmp_path / "sub").glob("B04.tif.*.part"))
            seen_part.append(len(parts) == 1 and not dest.exists())

        token = CancellationToken()
        result = client.download(
            http_server.url(f"/bytes?size={size}&seed=7"),
            dest,
            feedback=token,
            progress_cb=on_progress,
            expected_size=size,
            checksum="md5:" + hashlib.md5(payload(size, 7)).hexdigest(),
        )
        assert result == dest
        assert dest.read_bytes() == payload(size, 7)
        assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == ["B04.tif"]
        assert seen_part and all(seen_part)  # bytes went to the .part file first
        (sent,) = http_server.requests_to("/bytes")
        assert sent.header("Accept-Encoding") == "identity"  # saved as sent, not decoded
        assert progress[-1] == (size, size)
        assert token.progress == 100.0

    def test_download_resumes_after_a_dropped_connection(
        self, client: HttpClient, http_server: LocalHttpServer, tmp_path: Path
    ) -> None:
        size = 1_000_000
        dest = tmp_path / "resumed.bin"
        client.download(
            http_server.url(f"/bytes?size={size}&seed=3&drop_after=400000&counter=resume"), dest
        )
        assert dest.read_bytes() == payload(size, 3)
        calls = http_server.requests_to("/bytes")
        assert len(calls) == 2
        assert calls[0].header("Range") is None
        assert (calls[1].header("Range") or "").startswith("bytes=")
        etag = '"' + hashlib.md5(payload(size, 3)).hexdigest() + '"'
        assert calls[1].header("If-Range") == etag  # resume only if unchanged

    def test_download_restarts_when_the_resource_changed(
        self, client: HttpClient, http_server: LocalHttpServer, tmp_path: Path
    ) -> None:
        # the content changes between the interrupted attempt and the resume: the server
        # answers 200 (If-Range no longer matches) and the file must hold the new version
        size = 600_000
        dest = tmp_path / "changed.bin"
        url = f"/bytes?size={size}&seed=10&vary=1&drop_after=300000&counter=vary"
        client.download(http_server.url(url), dest, expected_size=size)
        assert dest.read_bytes() == payload(size, 11)
        calls = http_server.requests_to("/bytes")
        assert len(calls) == 2
        assert calls[1].header("Range") == "bytes=300000-"
        assert calls[1].header("If-Range") == '"' + hashlib.md5(payload(size, 10)).hexdigest() + '"'

    def test_compressed_download_cut_short_is_resumed_not_saved(
        self, client: HttpClient, http_server: LocalHttpServer, tmp_path: Path
    ) -> None:
        # a server compressing on the fly when the client accepts gzip, dropping the
        # connection halfway: the download must ask for the bytes as they are
        size = 400_000
        dest = tmp_path / "text.bin"
        client.download(http_server.url(f"/bytes?size={size}&gzip=1&drop_half=1"), dest)
        assert dest.read_bytes() == compressible_payload(size)
        calls = http_server.requests_to("/bytes")
        assert [c.header("Accept-Encoding") for c in calls] == ["identity", "identity"]
        assert calls[1].header("Range") == f"bytes={size // 2}-"

    def test_concurrent_downloads_to_one_destination(
        self, make_client, http_server: LocalHttpServer, tmp_path: Path
    ) -> None:
        size = 300_000
        dest = tmp_path / "same.bin"
        url = http_server.url(f"/bytes?size={size}&seed=2&chunk=32768&delay=0.01")
        outcomes: list[object] = []

        def work() -> None:
            try:
                outcomes.append(make_client().download(url, dest))
            except Exception as error:
                outcomes.append(error)

        workers = [threading.Thread(target=work) for _ in range(2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(20)
        assert len(outcomes) == 2
        for outcome in outcomes:  # each a complete file or a typed error, never an OSError
            assert outcome == dest or isinstance(outcome, NetworkError), repr(outcome)
        assert dest in outcomes
        assert dest.read_bytes() == payload(size, 2)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["same.bin"]

    def test_download_without_resume_restarts(
        self, client: HttpClient, http_server: LocalHttpServer, tmp_path: Path
    ) -> None:
        size = 600_000
        dest = tmp_path / "restarted.bin"
        url = f"/bytes?size={size}&seed=4&drop_after=300000&counter=restart"
        client.download(http_server.url(url), dest, resume=False)
        assert dest.read_bytes() == payload(size, 4)
        calls = http_server.requests_to("/bytes")
        assert len(calls) >= 2
        assert all(call.header("Range") is None for call in calls)

    def test_cancelled_download_leaves_no_file_and_keeps_existing(
        self, client: HttpClient, http_server: LocalHttpServer, tmp_path: Path
    ) -> None:
        dest = tmp_path / "keep.bin"
        dest.write_bytes(b"previous version")
        token = cancel_after(0.4)
        started = time.monotonic()
        with pytest.raises(CancelledError):
            client.download(
                http_server.url("/bytes?size=5000000&chunk=65536&delay=0.05"),
                dest,
                feedback=token,
            )
        assert time.monotonic() - started < 3
        assert dest.read_bytes() == b"previous version"
        time.sleep(0.2)  # a worker still finishing must not recreate the .part file
        assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.bin"]

    def test_download_http_error_writes_nothing(
        self, client: HttpClient, http_server: LocalHttpServer, tmp_path: Path
    ) -> None:
        dest = tmp_path / "missing.zip"
        with pytest.raises(NotFoundError) as caught:
            client.download(http_server.url("/status/404?message=No+such+product"), dest)
        assert caught.value.server_message == "No such product"
        assert list(tmp_path.iterdir()) == []

    def test_download_checksum_mismatch(
        self, client: HttpClient, http_server: LocalHttpServer, tmp_path: Path
    ) -> None:
        dest = tmp_path / "bad.bin"
        with pytest.raises(InvalidResponseError) as caught:
            client.download(http_server.url("/bytes?size=1000"), dest, checksum="md5:" + "0" * 32)
        assert "checksum" in str(caught.value)
        assert list(tmp_path.iterdir()) == []

    def test_download_size_mismatch(
        self, client: HttpClient, http_server: LocalHttpServer, tmp_path: Path
    ) -> None:
        with pytest.raises(InvalidResponseError) as caught:
            client.download(http_server.url("/bytes?size=1000"), tmp_path / "x", expected_size=5)
        assert "1000 bytes instead of 5" in str(caught.value)
        assert list(tmp_path.iterdir()) == []

    # -- secrets -------------------------------------------------------------------------------
    def test_secrets_in_url_never_reach_errors_or_logs(
        self,
        make_client,
        http_server: LocalHttpServer,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        secrets = ["SIGNATURE-0123456789", "CREDENTIAL-abcdef", "TOKEN-zyxwvu", "pa55-w0rd-xyz"]
        url = http_server.url(
            "/flaky/503?fail=10&X-Amz-Signature=SIGNATURE-0123456789"
            "&X-Amz-Credential=CREDENTIAL-abcdef&token=TOKEN-zyxwvu&limit=2"
        ).replace("http://", "http://bob:pa55-w0rd-xyz@")
        client = make_client(max_retries=1)
        caplog.set_level(logging.DEBUG)
        with pytest.raises(NetworkError) as caught:
            client.get(url)
        texts = [str(caught.value), repr(caught.value), caught.value.url]
        texts += [record.getMessage() for record in caplog.records]
        assert any("/flaky/503" in text for text in texts[3:]), "nothing was logged"
        for text in texts:
            for secret in secrets:
                assert secret not in text
        assert "limit=2" in caught.value.url  # only secrets are masked

    @pytest.mark.parametrize("cancellable", [False, True])
    def test_cause_is_not_chained(self, make_client, cancellable: bool) -> None:
        client = make_client(max_retries=0)
        feedback = CancellationToken() if cancellable else None
        with pytest.raises(ConnectionFailedError) as caught:
            client.get(f"http://127.0.0.1:{free_port()}/x?api_key=KEY-123456789", feedback=feedback)
        # library exceptions (whose text holds the full URL) are not attached at all
        assert_not_chained(caught.value)
        assert "KEY-123456789" not in str(caught.value)

    def test_cancelled_retry_wait_is_not_chained(
        self, make_client, http_server: LocalHttpServer
    ) -> None:
        client = make_client(max_backoff=60)
        with pytest.raises(CancelledError) as caught:
            client.get(
                http_server.url("/flaky/503?fail=5&retry_after=30"), feedback=cancel_after(0.2)
            )
        assert_not_chained(caught.value)

    @pytest.mark.parametrize("kind", ["basic", "headers"])
    def test_bare_secret_values_echoed_by_server_are_masked(
        self,
        make_credential_client,
        http_server: LocalHttpServer,
        caplog: pytest.LogCaptureFixture,
        kind: str,
    ) -> None:
        caplog.set_level(logging.DEBUG)
        client, secrets = make_credential_client(kind)
        secrets = [*secrets, "call-key-778899"]
        url = http_server.url("/reflect-values")
        with pytest.raises(AuthenticationError) as caught:
            client.get(url, headers={"X-API-Key": "call-key-778899"})
        error = caught.value
        assert error.server_message.startswith("Rejected ")
        echoed = http_server.requests_to("/reflect-values")[0]
        assert any(echoed.header(name) for name in CREDENTIAL_HEADERS)  # they were sent
        response = client.get(url, headers={"X-API-Key": "call-key-778899"}, raise_for_status=False)
        assert response.status == 401
        texts = [str(error), repr(error), error.server_message, repr(response)]
        texts += [repr(response.request), repr(response.headers)]
        texts += [record.getMessage() for record in caplog.records]
        assert_no_secret(texts, secrets)

    # -- redirects -----------------------------------------------------------------------------
    @pytest.mark.parametrize("kind", ["basic", "headers"])
    def test_same_host_redirect_keeps_credentials(
        self, make_credential_client, http_server: LocalHttpServer, kind: str
    ) -> None:
        client, _secrets = make_credential_client(kind)
        response = client.get(http_server.url("/redirect/302?to=/echo%3Fhop%3D2"))
        assert response.url == http_server.url("/echo?hop=2")
        assert response.json()["query"] == {"hop": ["2"]}
        first, second = http_server.requests
        assert (first.path, second.path) == ("/redirect/302", "/echo")
        for name in CREDENTIAL_HEADERS:
            assert second.header(name) == first.header(name), name
        assert any(second.header(name) for name in CREDENTIAL_HEADERS)

    @pytest.mark.parametrize("kind", ["basic", "headers"])
    def test_cross_host_redirect_drops_credentials(
        self,
        make_credential_client,
        http_server: LocalHttpServer,
        other_server: LocalHttpServer,
        kind: str,
    ) -> None:
        client, secrets = make_credential_client(kind)
        target = other_server.url("/echo")
        response = client.post(
            http_server.url("/redirect/307"),
            params={"to": target},
            json={"a": 1},
            headers={"X-Trace": "t-1", "X-API-Key": "call-key-778899"},
        )
        assert response.url == target
        (received,) = other_server.requests
        assert (received.method, received.body) == ("POST", b'{"a":1}')  # 307 keeps both
        assert received.header("X-Trace") == "t-1"  # ordinary headers go on
        for name in CREDENTIAL_HEADERS:
            assert received.header(name) is None, name
        assert_no_secret(list(received.headers.values()), [*secrets, "call-key-778899"])
        # and the first server did get the credentials
        assert any(http_server.requests[0].header(name) for name in CREDENTIAL_HEADERS)

    @pytest.mark.parametrize("kind", ["basic", "headers"])
    def test_download_redirected_to_another_host(
        self,
        make_credential_client,
        http_server: LocalHttpServer,
        other_server: LocalHttpServer,
        tmp_path: Path,
        kind: str,
    ) -> None:
        client, secrets = make_credential_client(kind)
        target = other_server.url("/bytes?size=70000&seed=8")
        dest = client.download(
            http_server.url("/redirect/302"), tmp_path / "r.bin", params={"to": target}
        )
        assert dest.read_bytes() == payload(70000, 8)
        (received,) = other_server.requests
        assert_no_secret(list(received.headers.values()), secrets)
        assert received.header("Accept-Encoding") == "identity"

    @pytest.mark.parametrize(
        ("code", "method"), [(301, "GET"), (302, "GET"), (303, "GET"), (307, "POST"), (308, "POST")]
    )
    def test_redirect_method_and_body(
        self, client: HttpClient, http_server: LocalHttpServer, code: int, method: str
    ) -> None:
        echo = client.post_json(http_server.url(f"/redirect/{code}?to=/echo"), {"a": 1})
        assert echo["method"] == method
        assert echo["body"] == ('{"a":1}' if method == "POST" else "")
        content_type = {k.lower(): v for k, v in echo["headers"].items()}.get("content-type")
        assert (content_type == "application/json") is (method == "POST")

    def test_redirect_loop_is_bounded(
        self, client: HttpClient, http_server: LocalHttpServer
    ) -> None:
        with pytest.raises(InvalidResponseError) as caught:
            client.get(http_server.url("/redirect-loop"))
        assert "Too many redirects" in str(caught.value)
        assert len(http_server.requests_to("/redirect-loop")) == 11  # 1 + 10 redirects

    def test_redirect_without_raise_for_status(
        self, client: HttpClient, http_server: LocalHttpServer
    ) -> None:
        response = client.get(
            http_server.url("/redirect/302?to=/status/404"), raise_for_status=False
        )
        assert response.status == 404
        assert response.url == http_server.url("/status/404")

    # -- requests that must not be repeated ------------------------------------------------------
    @pytest.mark.parametrize("method", ["POST", "PATCH"])
    def test_non_idempotent_request_reaches_the_server_once(
        self, client: HttpClient, http_server: LocalHttpServer, method: str
    ) -> None:
        client.get_json(http_server.url("/json"))  # a kept-alive connection to reuse
        for attempt in range(2):
            with pytest.raises(ConnectionFailedError):
                client.request(method, http_server.url(f"/reset?counter={attempt}"), json={"n": 1})
        calls = http_server.requests_to("/reset")
        assert [c.method for c in calls] == [method, method]  # once each, never re-sent
        assert all(c.body == b'{"n":1}' for c in calls)
        assert client.post_json(http_server.url("/echo"), {"n": 2})["json"] == {"n": 2}

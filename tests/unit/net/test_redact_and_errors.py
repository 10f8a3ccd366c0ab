"""Redaction, error texts and the Qt-free building blocks (no server needed)."""

from __future__ import annotations

import base64
import logging
import pickle
import threading
import time
from email.utils import formatdate

import pytest

from theia_plugin.net import (
    AuthenticationError,
    CancellationToken,
    CancelledError,
    HttpClient,
    HttpError,
    NotFoundError,
    ProxyError,
    RateLimitedError,
    ServerError,
    redact_headers,
    redact_text,
    redact_url,
)
from theia_plugin.net.base import Headers, HttpRequest, HttpResponse, Transport
from theia_plugin.net.errors import (
    InvalidResponseError,
    error_for_status,
    extract_server_message,
    parse_retry_after,
)
from theia_plugin.net.redact import RedactingFilter, header_secrets, secrets_in_headers

SIGNED = (
    "https://s3-data.meso.umontpellier.fr/sentinel2-l2a-theia/T31TEJ/B04.tif"
    "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20240101%2Fus-east-1"
    "&X-Amz-Date=20240101T000000Z&X-Amz-Expires=28800&X-Amz-SignedHeaders=host"
    "&X-Amz-Signature=d34db33fcafe&X-Amz-Security-Token=FQoGZXIvYXdzEXAMPLE"
)


class TestRedactUrl:
    def test_signed_url(self) -> None:
        redacted = redact_url(SIGNED)
        for secret in ("AKIAEXAMPLE", "d34db33fcafe", "FQoGZXIvYXdzEXAMPLE"):
            assert secret not in redacted
        # what is needed to understand the URL stays
        assert redacted.startswith("https://s3-data.meso.umontpellier.fr/sentinel2-l2a-theia/")
        assert "X-Amz-Expires=28800" in redacted
        assert "X-Amz-Date=20240101T000000Z" in redacted

    def test_userinfo_is_removed(self) -> None:
        assert redact_url("http://bob:hunter2@example.org:8080/a?b=1") == (
            "http://***@example.org:8080/a?b=1"
        )

    @pytest.mark.parametrize(
        "name",
        [
            "token",
            "access_token",
            "api_key",
            "apikey",
            "key",
            "password",
            "secret",
            "sig",
            "signature",
            "client_secret",
            "X-Goog-Signature",
            "my_token",
        ],
    )
    def test_sensitive_params(self, name: str) -> None:
        assert redact_url(f"https://h.example/p?{name}=VALUE123&limit=5") == (
            f"https://h.example/p?{name}=***&limit=5"
        )

    def test_harmless_urls_untouched(self) -> None:
        url = "https://api.stac.teledetection.fr/search?collections=a,b&limit=10&bbox=1,2,3,4"
        assert redact_url(url) == url
        assert redact_url(None) == ""
        assert redact_url("not a url ?token=abc") == "not a url ?token=***"


def test_redact_headers() -> None:
    headers = {
        "Authorization": "Bearer abc",
        "Proxy-Authorization": "Basic xyz",
        "access-key": "AK",
        "secret-key": "SK",
        "X-API-Key": "K",
        "Cookie": "session=1",
        "X-Custom-Token": "T",
        "Accept": "application/json",
        "Content-Type": "application/json",
    }
    redacted = redact_headers(headers)
    assert redacted["Accept"] == "application/json"
    assert redacted["Content-Type"] == "application/json"
    for name in headers:
        if name not in ("Accept", "Content-Type"):
            assert redacted[name] == "***", name
    assert redact_headers(None) == {}


def test_redact_text() -> None:
    text = (
        f"failed for {SIGNED} with Authorization: Basic Ym9iOmh1bnRlcjI= "
        "and Bearer eyJhbGciOi.payload.sig; api_key=KEY-1 password: hunter2 GET /x?token=TOK"
    )
    redacted = redact_text(text, secrets=["hunter2", "ab"])  # too short secrets are ignored
    for secret in ("d34db33fcafe", "Ym9iOmh1bnRlcjI=", "eyJhbGciOi", "KEY-1", "hunter2", "TOK"):
        assert secret not in redacted
    assert "failed for https://s3-data.meso.umontpellier.fr" in redacted


def test_redacting_log_filter() -> None:
    record = logging.LogRecord(
        "urllib3.connectionpool",
        logging.DEBUG,
        __file__,
        1,
        '%s "%s %s HTTP/1.1" %s',
        ("http://h:1", "GET", "/a?X-Amz-Signature=SIG&b=1", 200),
        None,
    )
    assert RedactingFilter().filter(record)
    assert record.getMessage() == 'http://h:1 "GET /a?X-Amz-Signature=***&b=1 HTTP/1.1" 200'


class TestServerMessage:
    @pytest.mark.parametrize(
        ("body", "expected"),
        [
            (b'{"detail": "Item not found"}', "Item not found"),
            (b'{"message": "Bad key"}', "Bad key"),
            (b'{"description": "Oops"}', "Oops"),
            (b'{"error": {"message": "nested"}}', "nested"),
            (b'{"error": "invalid_grant", "error_description": "Token expired"}', "Token expired"),
            (
                b'{"detail": [{"loc": ["body", "limit"], "msg": "must be <= 80", "type": "x"}]}',
                "body.limit: must be <= 80",
            ),
            (b'{"code": "NotFound", "description": "No collection x"}', "No collection x"),
            (b"plain text problem\n", "plain text problem"),
            (
                b"<?xml version='1.0'?><Error><Code>AccessDenied</Code>"
                b"<Message>Request has expired</Message></Error>",
                "AccessDenied: Request has expired",
            ),
            (
                b"<html><title>503 Service Unavailable</title><body>x</body></html>",
                "503 Service Unavailable",
            ),
            (b"", ""),
            (b"   ", ""),
        ],
    )
    def test_extraction(self, body: bytes, expected: str) -> None:
        assert extract_server_message(body) == expected

    def test_truncated(self) -> None:
        message = extract_server_message(b'{"detail": "' + b"x" * 1000 + b'"}')
        assert len(message) <= 300
        assert message.endswith("…")

    @pytest.mark.parametrize("offset", [292, 295, 297])
    def test_secret_straddling_the_cut_is_masked_first(self, offset: int) -> None:
        secret = "SK-straddling-secret-0042"
        body = ("x" * offset + " " + secret + " and more text").encode()
        texts = [extract_server_message(body, "text/plain", [secret])]
        error = error_for_status(401, content=body, headers={}, secrets=[secret])
        texts += [error.server_message, str(error)]
        for text in texts:
            for length in range(4, len(secret) + 1):
                assert secret[:length] not in text, text[-40:]
        assert texts[0].startswith("x" * offset + " *")  # the mask (itself perhaps cut)

    def test_scheme_credentials_but_not_words(self) -> None:
        assert extract_server_message(b"Token expired") == "Token expired"
        assert redact_text('Basic realm="x"') == 'Basic realm="x"'
        assert redact_text("Bearer abc123 rejected") == "Bearer *** rejected"
        assert redact_text("Token abcdefghijklmnopqrstu") == "Token ***"


class TestErrorTexts:
    @pytest.mark.parametrize(
        ("status", "cls"),
        [
            (400, HttpError),
            (401, AuthenticationError),
            (403, AuthenticationError),
            (404, NotFoundError),
            (407, ProxyError),
            (410, NotFoundError),
            (422, HttpError),
            (429, RateLimitedError),
            (500, ServerError),
            (503, ServerError),
        ],
    )
    def test_status_mapping(self, status: int, cls: type) -> None:
        error = error_for_status(status, url="http://h/x", method="get")
        assert type(error) is cls
        assert error.status == status
        assert error.method == "GET"

    def test_one_readable_sentence(self) -> None:
        error = error_for_status(
            401,
            url="https://api.example/search?token=SECRET-TOKEN",
            method="POST",
            content=b'{"detail": "Invalid API key SECRET-KEY-VALUE"}',
            secrets=["SECRET-KEY-VALUE"],
        )
        text = str(error)
        assert text == (
            "Authentication failed (POST https://api.example/search?token=***): HTTP 401 — "
            "server said: “Invalid API key ***”. Check the API key or the user name and password "
            "of the authentication configuration selected for this connection "
            "(Settings › Options › Authentication)."
        )
        assert repr(error) == f"AuthenticationError({text!r})"

    def test_rate_limited_hint_uses_retry_after(self) -> None:
        error = error_for_status(429, headers={"retry-after": "120"})
        assert error.retry_after == 120
        assert "Wait 120 s" in error.hint

    def test_picklable(self) -> None:
        error = error_for_status(404, url="http://h/x?sig=S3CRET", content=b'{"detail": "gone"}')
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is NotFoundError
        assert str(copy) == str(error)
        assert copy.server_message == "gone"
        assert "S3CRET" not in pickle.dumps(error).decode("latin-1")


def test_parse_retry_after() -> None:
    assert parse_retry_after("3") == 3
    assert parse_retry_after("1.5") == 1.5
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    now = time.time()
    assert 9 <= parse_retry_after(formatdate(now + 10, usegmt=True), now=now) <= 10
    assert parse_retry_after(formatdate(now - 100, usegmt=True), now=now) == 0


class TestRequestResponse:
    def test_prepare_merges_params_and_json(self) -> None:
        request = HttpRequest(
            "post", "http://h/s?a=1", params={"b": [1, 2], "c": True, "d": None}, json={"x": 1}
        ).prepare()
        assert request.method == "POST"
        assert request.url == "http://h/s?a=1&b=1&b=2&c=true"
        assert request.body == b'{"x":1}'
        assert request.headers["Content-Type"] == "application/json"
        assert request.prepare() == request

    def test_idempotency(self) -> None:
        assert HttpRequest("GET", "u").is_idempotent
        assert HttpRequest("DELETE", "u").is_idempotent
        assert not HttpRequest("POST", "u").is_idempotent
        assert HttpRequest("POST", "u", idempotent=True).is_idempotent

    def test_request_and_response_reprs_are_redacted(self) -> None:
        request = HttpRequest(
            "POST",
            "https://h/x?X-Amz-Signature=SIG-12345&limit=2",
            headers={"Authorization": "Bearer TOKEN-12345", "X-Portal-Key": "KEY-12345"},
            body=b'{"password": "BODY-12345"}',
        )
        response = HttpResponse(
            401, {"Set-Cookie": "s=COOKIE-12345"}, b"echo TOKEN-12345", request.url, request
        )
        for text in (repr(request), repr(response), repr(request.prepare())):
            for secret in ("SIG-12345", "TOKEN-12345", "KEY-12345", "BODY-12345", "COOKIE-12345"):
                assert secret not in text
        assert "limit=2" in repr(request)
        assert "<26 bytes>" in repr(request)
        assert "status=401" in repr(response)

    def test_header_secrets(self) -> None:
        encoded = base64.b64encode(b"alice:pa55-word").decode()
        assert header_secrets("Authorization", f"Basic {encoded}") == [
            f"Basic {encoded}",
            encoded,
            "alice:pa55-word",
            "pa55-word",
        ]
        assert header_secrets("Accept", "application/json") == []
        assert header_secrets("X-Portal", "value-1", always=True) == ["value-1"]
        assert secrets_in_headers({"X-API-Key": "k-1", "Accept": "a"}) == ["k-1"]

    def test_headers_case_insensitive_and_redacted_repr(self) -> None:
        headers = Headers({"Content-Type": "a", "Authorization": "Bearer S3CRET"})
        assert headers["content-type"] == "a"
        assert "AUTHORIZATION" in headers
        assert list(headers) == ["Content-Type", "Authorization"]
        assert "S3CRET" not in repr(headers)

    def test_response_json_and_text(self) -> None:
        response = HttpResponse(
            200,
            {"Content-Type": "application/json; charset=latin-1"},
            '{"é": 1}'.encode("latin-1"),
            "http://h/x",
        )
        assert response.json() == {"é": 1}
        assert response.text == '{"é": 1}'
        empty = HttpResponse(200, {}, b"", "http://h/empty?token=T0KEN")
        with pytest.raises(InvalidResponseError) as caught:
            empty.json()
        assert "an empty body" in str(caught.value)
        assert "T0KEN" not in str(caught.value)


class _NoTransport(Transport):
    def send(self, request, feedback=None):  # pragma: no cover - not used
        raise AssertionError

    def download(self, request, sink, feedback=None):
        raise AssertionError  # pragma: no cover


def test_backoff_is_exponential_with_jitter_and_capped() -> None:
    client = HttpClient(_NoTransport(), backoff_factor=1, max_backoff=5)
    for attempt, (low, high) in enumerate([(0.5, 1), (1, 2), (2, 4), (2.5, 5), (2.5, 5)], 1):
        for _ in range(20):
            assert low <= client.backoff_delay(attempt) <= high


def test_transport_sleep_is_cancellable() -> None:
    token = CancellationToken()
    threading.Timer(0.1, token.cancel).start()
    started = time.monotonic()
    with pytest.raises(CancelledError):
        _NoTransport().sleep(30, token)
    assert time.monotonic() - started < 2

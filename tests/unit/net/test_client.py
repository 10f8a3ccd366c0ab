"""HttpClient policy with a scripted transport (no server): redirects that no local server can
produce (https → http), origins, optional feedback methods."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from theia_plugin.net import HttpClient, InvalidResponseError, SslError
from theia_plugin.net.base import Headers, HttpRequest, HttpResponse, Transport, same_origin

Scripted = tuple[int, Mapping[str, str], bytes]


class ScriptedTransport(Transport):
    """Answers with the given ``(status, headers, body)`` in turn; records the requests."""

    name = "scripted"

    def __init__(self, *answers: Scripted) -> None:
        self.answers = list(answers)
        self.requests: list[HttpRequest] = []

    def send(self, request, feedback=None):
        self.requests.append(request)
        status, headers, body = self.answers.pop(0)
        return HttpResponse(status, headers, body, request.url, request)

    def download(self, request, sink, feedback=None):
        self.requests.append(request)
        status, headers, body = self.answers.pop(0)
        if not 200 <= status < 300:
            return HttpResponse(status, headers, body, request.url, request)
        sink.begin(status, Headers(headers))
        sink.write(body)
        return HttpResponse(status, headers, b"", request.url, request)


def _client(*answers: Scripted) -> tuple[HttpClient, ScriptedTransport]:
    transport = ScriptedTransport(*answers)
    return HttpClient(transport, backoff_factor=0.01, max_backoff=0.05), transport


def test_https_to_http_redirect_is_refused() -> None:
    client, transport = _client((302, {"Location": "http://example.org/data?sig=S3CRET"}, b""))
    with pytest.raises(SslError) as caught:
        client.get("https://example.org/start", headers={"X-API-Key": "K-123456"})
    text = str(caught.value)
    assert "insecure (http) address" in text
    assert "https://example.org/start" in text
    assert "S3CRET" not in text
    assert len(transport.requests) == 1  # the http address was never requested
    assert caught.value.__context__ is None


def test_redirect_to_another_scheme_is_refused() -> None:
    client, transport = _client((301, {"Location": "file:///etc/passwd"}, b""))
    with pytest.raises(InvalidResponseError, match="unsupported address"):
        client.get("http://example.org/start")
    assert len(transport.requests) == 1


def test_upgrade_to_https_on_the_same_host_keeps_credentials() -> None:
    client, transport = _client(
        (301, {"Location": "https://example.org/a"}, b""),
        (302, {"Location": "https://cdn.example.net/b"}, b""),
        (302, {"Location": "https://example.org/c"}, b""),
        (200, {}, b"ok"),
    )
    response = client.get("http://example.org/start", headers={"X-API-Key": "K-123456"})
    assert response.url == "https://example.org/c"
    sent = [(r.url, r.with_credentials, r.headers.get("X-API-Key")) for r in transport.requests]
    assert sent == [
        ("http://example.org/start", True, "K-123456"),
        ("https://example.org/a", True, "K-123456"),
        ("https://cdn.example.net/b", False, None),
        # once the chain left the origin, credentials stay off even back on it
        ("https://example.org/c", False, None),
    ]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("http://h/x", "http://H:80/y", True),
        ("https://h/x", "https://h:443/y?z", True),
        ("http://h/x", "https://h/x", True),  # upgrade
        ("https://h/x", "http://h/x", False),
        ("http://h:8080/x", "https://h:8443/x", False),
        ("http://h:1/x", "http://h:2/x", False),
        ("http://h/x", "http://g/x", False),
    ],
)
def test_same_origin(a: str, b: str, same: bool) -> None:
    assert same_origin(a, b) is same


class Minimal:
    """A feedback with only ``isCanceled`` (no setProgress, no pushDebugInfo)."""

    def __init__(self) -> None:
        self.calls = 0

    def isCanceled(self) -> bool:
        self.calls += 1
        return False


def test_feedback_without_optional_methods_is_accepted(tmp_path: Path) -> None:
    client, transport = _client(
        (503, {"Retry-After": "0"}, b""),  # retry: would push debug info
        (200, {}, b'{"ok": true}'),
        (200, {"Content-Length": "5"}, b"hello"),  # download: would set progress
    )
    feedback = Minimal()
    assert client.get_json("http://h/x", feedback=feedback) == {"ok": True}
    assert client.download("http://h/f", tmp_path / "f", feedback=feedback).read_bytes() == b"hello"
    assert len(transport.requests) == 3
    assert feedback.calls >= 3

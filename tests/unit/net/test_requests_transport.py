"""The ``requests`` transport (used outside QGIS) against real local servers."""

from __future__ import annotations

import base64
import logging
import uuid
from collections.abc import Mapping

import pytest

from tests.servers.fixtures import AUTH_PROXY_CREDENTIALS
from tests.servers.http_server import LocalHttpServer
from tests.servers.proxy_server import ProxyServer, free_port
from tests.unit.net.transport_contract import TransportContract
from theia_plugin.net import (
    AuthenticationError,
    HttpClient,
    ProxyError,
    create_client,
)
from theia_plugin.net.requests_transport import RequestsTransport


class _Provider:
    def __init__(self, headers: Mapping[str, str]) -> None:
        self.headers = dict(headers)
        self.urls: list[str] = []

    def headers_for(self, url: str) -> Mapping[str, str]:
        self.urls.append(url)
        return self.headers


class TestRequestsTransport(TransportContract):
    """The shared transport contract, through ``requests``."""

    @pytest.fixture
    def make_credential_client(self, make_client):
        def factory(kind: str, **options) -> tuple[HttpClient, list[str]]:
            if kind == "basic":
                password = "Basic-Pass-4411"
                encoded = base64.b64encode(f"alice:{password}".encode()).decode()
                client = make_client(transport={"basic": ("alice", password)}, **options)
                return client, [password, encoded]
            # a CredentialProvider: every header it gives is a credential
            token, portal = "Bearer-Token-5522", "portal-value-6633"
            provider = _Provider({"Authorization": f"Bearer {token}", "X-Portal": portal})
            return make_client(transport={"credentials": provider}, **options), [token, portal]

        return factory


# -- authentication ----------------------------------------------------------------------------


def test_basic_auth(make_client, http_server: LocalHttpServer) -> None:
    client = make_client(transport={"basic": (http_server.basic_user, http_server.basic_password)})
    assert client.get_json(http_server.url("/basic")) == {"ok": True, "user": "alice"}


def test_wrong_basic_password_gives_auth_error_without_the_secret(
    make_client, http_server: LocalHttpServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = make_client(transport={"basic": ("alice", "Wrong-Password-777")})
    with pytest.raises(AuthenticationError) as caught:
        client.get(http_server.url("/basic"))
    error = caught.value
    assert error.status == 401
    assert error.server_message == "Invalid user name or password"
    assert "Settings › Options › Authentication" in str(error)
    everything = [str(error), repr(error)] + [r.getMessage() for r in caplog.records]
    assert not any("Wrong-Password-777" in text for text in everything)


def test_mtd_access_key_headers(make_client, http_server: LocalHttpServer) -> None:
    keys = {"access-key": http_server.access_key, "secret-key": http_server.secret_key}
    client = make_client(transport={"headers": keys})
    assert client.get_json(http_server.url("/header-key")) == {"ok": True}
    sent = http_server.requests_to("/header-key")[0]
    assert sent.header("secret-key") == http_server.secret_key


def test_wrong_api_key_is_403_with_hint(make_client, http_server: LocalHttpServer) -> None:
    client = make_client(transport={"headers": {"X-API-Key": "not-the-right-key-42"}})
    with pytest.raises(AuthenticationError) as caught:
        client.get(http_server.url("/api-key"))
    assert caught.value.status == 403
    assert caught.value.server_message == "API key not recognised"
    assert "API key" in caught.value.hint
    assert "not-the-right-key-42" not in str(caught.value)


def test_credential_provider(make_client, http_server: LocalHttpServer) -> None:
    class Provider:
        def __init__(self) -> None:
            self.urls: list[str] = []

        def headers_for(self, url: str) -> Mapping[str, str]:
            self.urls.append(url)
            return {"X-API-Key": http_server.api_key}

    provider = Provider()
    client = make_client(transport={"credentials": provider})
    assert client.get_json(http_server.url("/api-key")) == {"ok": True}
    assert provider.urls == [http_server.url("/api-key")]


def test_secret_echoed_by_server_is_masked(
    make_client, http_server: LocalHttpServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    keys = {"access-key": "AK-echoed-1111", "secret-key": "SK-echoed-2222-secret"}
    client = make_client(transport={"headers": keys, "basic": ("bob", "basic-echoed-3333")})
    with pytest.raises(AuthenticationError) as caught:
        client.get(http_server.url("/reflect-auth"))
    text = str(caught.value)
    assert "Credentials rejected" in text  # the server's text is kept…
    everything = [text, repr(caught.value)] + [r.getMessage() for r in caplog.records]
    for secret in ("SK-echoed-2222-secret", "basic-echoed-3333", "AK-echoed-1111"):
        assert not any(secret in t for t in everything)  # …but not the secrets in it


# -- proxies -----------------------------------------------------------------------------------


def _proxied_echo(client: HttpClient, http_server: LocalHttpServer, proxy: ProxyServer) -> None:
    nonce = uuid.uuid4().hex
    echo = client.get_json(http_server.url(f"/echo?nonce={nonce}"), headers={"Connection": "close"})
    headers = {k.lower(): v for k, v in echo["headers"].items()}
    assert headers.get("via", "").startswith("1.1 proxy.py"), headers  # added by the proxy
    client.close()
    assert proxy.wait_for_log(f"GET 127.0.0.1:{http_server.port}/echo?nonce={nonce}")


def test_explicit_proxy_is_traversed(
    make_client, http_server: LocalHttpServer, proxy_server: ProxyServer
) -> None:
    client = make_client(transport={"proxies": {"http": proxy_server.url}})
    _proxied_echo(client, http_server, proxy_server)


def test_environment_proxy_is_traversed(
    monkeypatch: pytest.MonkeyPatch, http_server: LocalHttpServer, proxy_server: ProxyServer
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy_server.url)
    with create_client(prefer_qgis=False, timeout=5) as client:
        _proxied_echo(client, http_server, proxy_server)


def test_no_proxy_environment_is_respected(
    monkeypatch: pytest.MonkeyPatch, http_server: LocalHttpServer, proxy_server: ProxyServer
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy_server.url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with create_client(prefer_qgis=False, timeout=5) as client:
        echo = client.get_json(http_server.url("/echo"))
    assert "via" not in {k.lower() for k in echo["headers"]}


def test_proxy_refusing_connections(make_client, http_server: LocalHttpServer) -> None:
    client = make_client(
        max_retries=0, transport={"proxies": {"http": f"http://127.0.0.1:{free_port()}"}}
    )
    with pytest.raises(ProxyError) as caught:
        client.get(http_server.url("/json"))
    assert "proxy refused the connection" in str(caught.value)
    assert "Settings › Options › Network" in caught.value.hint


def test_proxy_requiring_authentication(
    make_client, http_server: LocalHttpServer, auth_proxy_server: ProxyServer
) -> None:
    client = make_client(max_retries=0, transport={"proxies": {"http": auth_proxy_server.url}})
    with pytest.raises(ProxyError) as caught:
        client.get(http_server.url("/json"))
    assert caught.value.status == 407
    assert "proxy requires authentication" in str(caught.value)
    assert "user name and password" in caught.value.hint


def test_authenticated_proxy_credentials_stay_secret(
    make_client,
    http_server: LocalHttpServer,
    auth_proxy_server: ProxyServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    user, password = AUTH_PROXY_CREDENTIALS
    proxy_url = auth_proxy_server.url.replace("http://", f"http://{user}:{password}@")
    client = make_client(max_retries=0, transport={"proxies": {"http": proxy_url}})
    assert client.get_json(http_server.url("/json"))["ok"] is True
    with pytest.raises(Exception) as caught:
        client.get(http_server.url("/status/500"))
    everything = [str(caught.value)] + [r.getMessage() for r in caplog.records]
    assert not any(password in text for text in everything)


# -- factory -----------------------------------------------------------------------------------


def test_create_client_outside_qgis() -> None:
    client = create_client(prefer_qgis=False, timeout=7, max_retries=1, headers={"X-A": "1"})
    assert isinstance(client.transport, RequestsTransport)
    assert client.timeout == 7
    assert client.max_retries == 1
    assert client.transport.auth_headers == {"X-A": "1"}


def test_create_client_refuses_authcfg_without_qgis() -> None:
    with pytest.raises(ValueError, match="inside QGIS"):
        create_client("abc1234", prefer_qgis=False)

"""UrlSigner against the local signing service and asset server (real HTTP both ways)."""

from __future__ import annotations

import time

import pytest
import requests

from tests.servers.assets.fixtures import requests_client
from tests.servers.fixtures import clear_proxy_env
from theia_plugin.core.catalogue.signing import (
    SigningError,
    UrlSigner,
    configured_host_rule,
    host_rule,
    signed_expiry,
)


@pytest.fixture(autouse=True)
def _no_machine_proxy(monkeypatch):
    clear_proxy_env(monkeypatch)


@pytest.fixture
def urls(signed_assets, tmp_path):
    file = tmp_path / "x.tif"
    file.write_bytes(b"0123456789" * 100)
    return [signed_assets.assets.publish(f"/bucket/t/{n}.tif", file) for n in range(70)]


def make_signer(servers, headers=None, **kwargs):
    client = requests_client(servers.signing.credentials if headers is None else headers)
    return UrlSigner(
        client,
        servers.signing.url(""),
        needs_signing=host_rule([servers.assets.netloc]),
        **kwargs,
    )


def fetch(url):
    s = requests.Session()
    s.trust_env = False
    return s.get(url)


def test_host_rule_default_is_the_mtd_storage():
    rule = configured_host_rule()
    assert rule("https://s3-data.meso.umontpellier.fr/bucket/x.tif")
    assert not rule("https://example.org/meso.umontpellier.fr/x.tif")
    assert not rule("https://notmeso.umontpellier.fr.evil.org/x.tif")
    assert host_rule(["127.0.0.1:8080"])("http://127.0.0.1:8080/a.tif")
    assert not host_rule(["127.0.0.1:8080"])("http://127.0.0.1:9090/a.tif")


def test_more_than_64_urls_are_signed_in_two_batches_and_work(signed_assets, urls):
    signer = make_signer(signed_assets)
    other = "https://example.org/public.tif"
    signed = signer.sign_many([*urls, other])
    batches = signed_assets.signing.signed_batches()
    assert [len(b) for b in batches] == [64, 6]
    assert sorted(u for b in batches for u in b) == sorted(urls)  # the public URL is not sent
    assert signed[other] == other
    assert fetch(urls[0]).status_code == 403
    assert fetch(signed[urls[0]]).status_code == 200
    assert fetch(signed[urls[-1]]).status_code == 200


def test_fresh_signatures_are_reused(signed_assets, urls):
    signer = make_signer(signed_assets)
    first = signer.sign_many(urls[:3])
    again = signer.sign_many(urls[:3])
    assert again == first
    assert len(signed_assets.signing.signed_batches()) == 1
    signer.sign(urls[3])  # only the new one is asked for
    assert signed_assets.signing.signed_batches()[-1] == [urls[3]]


def test_urls_close_to_expiry_are_signed_again(signed_assets, urls):
    # 20 minutes of lifetime is under the 30 minute margin: signed again at every use
    signer = make_signer(signed_assets, duration=1200)
    signer.sign(urls[0])
    signer.sign(urls[0])
    assert len(signed_assets.signing.signed_batches()) == 2
    assert signed_assets.signing.requests_to("/sign_urls")[0].body.count(b"1200") == 1

    clock = [time.time()]
    signer = make_signer(signed_assets, duration=7200, clock=lambda: clock[0])
    url = signer.sign(urls[1])
    assert signer.sign(urls[1]) == url
    clock[0] += 7200 - 1799  # 29 min 59 s left
    signer.sign(urls[1])
    assert len(signed_assets.signing.signed_batches()) == 4


def test_expired_signature_gets_403_then_a_new_one_works(signed_assets, urls):
    signed_assets.signing.set(backdate=4000)  # handed out already expired
    signer = make_signer(signed_assets, duration=3600)
    stale = signer.sign(urls[0])
    assert signed_expiry(stale) < time.time()
    refused = fetch(stale)
    assert refused.status_code == 403 and "expired" in refused.text
    signed_assets.signing.set(backdate=0)
    fresh = signer.sign(urls[0])  # the stale one is not reused
    assert fresh != stale
    assert fetch(fresh).status_code == 200


def test_bearer_token_is_accepted(signed_assets, urls):
    signer = make_signer(
        signed_assets, headers={"Authorization": f"Bearer {signed_assets.signing.token}"}
    )
    assert fetch(signer.sign(urls[0])).status_code == 200


def test_refused_credentials_say_what_is_expected(signed_assets, urls):
    signer = make_signer(signed_assets, headers={"access-key": "x", "secret-key": "wrong-Secret"})
    with pytest.raises(SigningError) as caught:
        signer.sign(urls[0])
    text = str(caught.value)
    assert "401" in text
    assert "Credentials refused by the signing service" in text
    assert "access-key / secret-key" in text and "bearer token" in text
    assert "wrong-Secret" not in text


def test_server_error_malformed_answer_and_unreachable_service(signed_assets, urls):
    signer = make_signer(signed_assets)
    signed_assets.signing.fail_next(500, message="database down")
    with pytest.raises(SigningError, match="500") as caught:
        signer.sign(urls[0])
    assert "database down" in str(caught.value)

    signed_assets.signing.fail_next("malformed")
    with pytest.raises(SigningError, match="malformed answer"):
        signer.sign(urls[0])

    signed_assets.signing.fail_next(200, message="no hrefs here")
    with pytest.raises(SigningError, match="malformed answer"):
        signer.sign(urls[0])

    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    dead = UrlSigner(
        requests_client(signed_assets.signing.credentials),
        f"http://127.0.0.1:{port}",
        needs_signing=host_rule([signed_assets.assets.netloc]),
    )
    with pytest.raises(SigningError, match="unreachable"):
        dead.sign(urls[0])
    assert signer.sign(urls[0]).startswith(urls[0] + "?")  # recovers once the service does


def test_cached_only_signing_never_asks_the_service(signed_assets, urls):
    signer = make_signer(signed_assets)
    other = "https://example.org/public.tif"
    assert signer.sign_cached([urls[0], other]) == {urls[0]: urls[0], other: other}
    assert signed_assets.signing.signed_batches() == []
    signed = signer.sign_many(urls[:2])
    batches = len(signed_assets.signing.signed_batches())
    assert signer.sign_cached([*urls[:2], urls[2]]) == {**signed, urls[2]: urls[2]}
    assert len(signed_assets.signing.signed_batches()) == batches

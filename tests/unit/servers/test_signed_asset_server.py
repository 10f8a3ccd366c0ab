"""The local asset server (Range, presigned URLs, expiry) and its signing service."""

from __future__ import annotations

import pytest
import requests

from tests.servers.assets.signature import check_signature

BODY = bytes(range(256)) * 40  # 10240 bytes


@pytest.fixture
def servers(signed_assets, tmp_path):
    file = tmp_path / "blob.tif"
    file.write_bytes(BODY)
    signed_assets.unsigned = signed_assets.assets.publish("/bucket/a/blob.tif", file)
    return signed_assets


def session():
    s = requests.Session()
    s.trust_env = False
    return s


def test_unsigned_urls_are_refused_with_403(servers):
    response = session().get(servers.unsigned)
    assert response.status_code == 403
    assert "AccessDenied" in response.text


def test_signed_url_serves_ranges_head_and_whole_file(servers):
    url = servers.assets.sign(servers.unsigned, 600)
    s = session()
    head = s.head(url)
    assert head.status_code == 200
    assert head.headers["Content-Length"] == str(len(BODY))
    assert head.headers["Accept-Ranges"] == "bytes"
    assert head.content == b""

    part = s.get(url, headers={"Range": "bytes=100-299"})
    assert part.status_code == 206
    assert part.headers["Content-Range"] == f"bytes 100-299/{len(BODY)}"
    assert part.content == BODY[100:300]

    tail = s.get(url, headers={"Range": "bytes=-16"})
    assert (tail.status_code, tail.content) == (206, BODY[-16:])
    open_end = s.get(url, headers={"Range": "bytes=10000-"})
    assert (open_end.status_code, open_end.content) == (206, BODY[10000:])
    beyond = s.get(url, headers={"Range": f"bytes={len(BODY)}-"})
    assert beyond.status_code == 416
    assert beyond.headers["Content-Range"] == f"bytes */{len(BODY)}"
    whole = s.get(url)
    assert (whole.status_code, whole.content) == (200, BODY)


def test_tampered_and_expired_signatures_are_refused(servers):
    url = servers.assets.sign(servers.unsigned, 600)
    other_path = url.replace("/bucket/a/blob.tif", "/bucket/a/other.tif")
    assert session().get(other_path).status_code == 403
    longer = url.replace("X-Amz-Expires=600", "X-Amz-Expires=6000")
    assert "SignatureDoesNotMatch" in session().get(longer).text

    servers.signing.set(backdate=3600)  # issued an hour ago for 10 minutes
    signed = (
        session()
        .post(
            servers.signing.url("/sign_urls"),
            json={"urls": [servers.unsigned], "duration_seconds": 600},
            headers=servers.signing.credentials,
        )
        .json()["hrefs"][servers.unsigned]
    )
    expired = session().get(signed)
    assert expired.status_code == 403
    assert "expired" in expired.text


def test_signature_checker_rejects_extra_parameters():
    from datetime import datetime, timezone

    from tests.servers.assets.signature import sign_url

    now = datetime.now(timezone.utc)
    url = sign_url("http://h/p.tif", b"k", issued=now, duration=60)
    query = url.split("?", 1)[1]
    assert check_signature("/p.tif", query, b"k", now) is None
    assert check_signature("/p.tif", query + "&x=1", b"k", now) is not None
    assert check_signature("/p.tif", query, b"other", now) == "SignatureDoesNotMatch"


def test_signing_service_credentials_batches_and_duration(servers):
    sign_urls = servers.signing.url("/sign_urls")
    body = {"urls": [servers.unsigned], "duration_seconds": 120}
    assert session().post(sign_urls, json=body).status_code == 401
    wrong = {"access-key": servers.signing.access_key, "secret-key": "nope"}
    assert session().post(sign_urls, json=body, headers=wrong).status_code == 401

    bearer = {"Authorization": f"Bearer {servers.signing.token}"}
    answer = session().post(sign_urls, json=body, headers=bearer)
    assert answer.status_code == 200
    signed = answer.json()["hrefs"][servers.unsigned]
    assert "X-Amz-Expires=120" in signed
    assert session().get(signed).status_code == 200

    many = {"urls": [f"{servers.unsigned}?n={n}" for n in range(65)]}
    too_many = session().post(sign_urls, json=many, headers=servers.signing.credentials)
    assert too_many.status_code == 400
    assert "at most 64" in too_many.json()["detail"]

    one = session().get(
        servers.signing.url("/sign"),
        params={"url": servers.unsigned},
        headers=servers.signing.credentials,
    )
    assert one.status_code == 200
    assert "X-Amz-Expires=28800" in one.json()["href"]
    assert session().get(one.json()["href"]).content == BODY


def test_signing_service_faults_on_demand(servers):
    sign_urls = servers.signing.url("/sign_urls")
    body = {"urls": [servers.unsigned]}
    servers.signing.fail_next(500)
    servers.signing.fail_next("malformed")
    s = session()
    assert s.post(sign_urls, json=body, headers=servers.signing.credentials).status_code == 500
    broken = s.post(sign_urls, json=body, headers=servers.signing.credentials)
    assert broken.status_code == 200
    with pytest.raises(ValueError):
        broken.json()
    assert s.post(sign_urls, json=body, headers=servers.signing.credentials).status_code == 200
    assert len(servers.signing.requests_to("/sign_urls")) == 3

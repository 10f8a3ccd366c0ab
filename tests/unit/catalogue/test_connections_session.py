"""Catalogue connections (validation, saved JSON) and SearchSession paging on the real STAC API."""

from __future__ import annotations

import pytest

from tests.servers.stac_api import theia_data as data
from theia_plugin.core.catalogue.connections import (
    GEODES,
    MTD,
    Connection,
    builtin_connections,
    connections_from_json,
    connections_to_json,
    open_catalogue,
)
from theia_plugin.core.catalogue.geodes_backend import GeodesCatalogue
from theia_plugin.core.catalogue.model import SearchRequest
from theia_plugin.core.catalogue.session import SearchSession
from theia_plugin.core.catalogue.stac_backend import StacCatalogue
from theia_plugin.net import CancellationToken, CancelledError, create_client


def test_builtin_connections():
    assert builtin_connections() == [MTD, GEODES]
    assert MTD.url == "https://api.stac.teledetection.fr" and MTD.catalogue == "mtd"
    assert GEODES.kind == "geodes" and GEODES.catalogue == "geodes"
    client = create_client()
    assert isinstance(open_catalogue(MTD, client), StacCatalogue)
    assert isinstance(open_catalogue(GEODES, client), GeodesCatalogue)


def test_user_connections_round_trip_without_builtins():
    mine = Connection("Mine", "https://stac.example.org/api", "stac", authcfg="abc1234")
    text = connections_to_json([MTD, mine])
    assert "teledetection" not in text
    assert connections_from_json(text) == [mine]
    assert connections_from_json("") == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "", "url": "https://a.org"}, "needs a name"),
        ({"name": "x", "url": "ftp://a.org"}, "must start with http"),
        ({"name": "x", "url": "https://a.org", "kind": "wfs"}, "Unknown catalogue kind"),
    ],
)
def test_bad_connections_are_named(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Connection(**kwargs)


def test_bad_saved_json():
    with pytest.raises(ValueError, match="not valid JSON"):
        connections_from_json("{")
    with pytest.raises(ValueError, match="list of objects"):
        connections_from_json('{"a": 1}')


def test_session_pages_on_demand(stac_api):
    with create_client() as client:
        catalogue = StacCatalogue(stac_api.url, client)
        request = SearchRequest(collections=(data.FORMS_T,), page_size=5)
        session = SearchSession(catalogue, request)
        want = {i["id"] for i in data.items() if i["collection"] == data.FORMS_T}
        assert len(want) > 5
        seen: list[str] = []
        while True:
            page = session.next_page(CancellationToken())
            if not page:
                break
            assert len(page) <= 5
            seen += [i.id for i in page]
        assert session.exhausted and set(seen) == want and len(seen) == len(want)
        assert session.pages_fetched == -(-len(want) // 5)
        assert session.next_page() == []


def test_session_cancelled_by_the_feedback_of_a_later_page(stac_api):
    with create_client() as client:
        catalogue = StacCatalogue(stac_api.url, client)
        session = SearchSession(catalogue, SearchRequest(collections=(data.S2_L2A,), page_size=5))
        assert len(session.next_page(CancellationToken())) == 5
        token = CancellationToken()
        token.cancel()
        with pytest.raises(CancelledError):
            session.next_page(token)  # the generator was started with another feedback
        assert session.exhausted

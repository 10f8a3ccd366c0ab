"""Fixtures shared by every test folder: the local servers are started once per session."""

from tests.servers.assets.fixtures import (  # noqa: F401 - fixtures
    signed_assets,
    signed_assets_session,
    signed_l2a,
    signing_env,
    stac_api_signed_assets,
)
from tests.servers.dsmopt.fixtures import (  # noqa: F401 - fixtures
    dsmopt_service,
    dsmopt_service_session,
)
from tests.servers.fixtures import (  # noqa: F401 - fixtures
    auth_proxy_server,
    http_server,
    http_server_session,
    proxy_server,
)
from tests.servers.geodes.fixtures import (  # noqa: F401 - fixtures
    geodes_service,
    geodes_service_session,
)
from tests.servers.mapserver.fixtures import map_server  # noqa: F401 - fixture
from tests.servers.stac_api.fixtures import stac_api  # noqa: F401 - fixture

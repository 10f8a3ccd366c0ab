"""``python -m tests.servers``: every local service in the foreground, together.

The DSM-OPT service (both APIs, results as COG, XYZ and WMS), the signing service with its
private COG server, the GEODES-like API and ``qgis_mapserver`` (WMS/WMTS, XYZ) start first;
the STAC API then runs in the foreground (Ctrl-C or SIGTERM stops them all). ``--dsmopt-port``
and ``--stac-port`` fix those ports (default: free ones).
"""

from __future__ import annotations

import argparse
import sys

from tests.servers.assets.process import SignedAssets
from tests.servers.dsmopt.service import DsmOptService
from tests.servers.geodes.service import GeodesService
from tests.servers.mapserver.service import MapServerService
from tests.servers.stac_api import service as stac_api


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.servers", description=__doc__)
    parser.add_argument("--dsmopt-port", type=int, default=0)
    parser.add_argument("--dsmopt-stage-seconds", type=float, default=5.0)
    parser.add_argument("--stac-port", type=int, default=None)
    args = parser.parse_args(argv)
    dsmopt = DsmOptService(stage_seconds=args.dsmopt_stage_seconds)
    dsmopt.http._fixed_port = args.dsmopt_port
    with dsmopt, SignedAssets() as signed, GeodesService() as geodes, MapServerService() as maps:
        print(f"DSM-OPT service: OGC API - Processes {dsmopt.ogc_url}")
        print(f"                 GDM native API      {dsmopt.gdm_url}")
        print(f"Signing service: {signed.signing.url('')} (headers {signed.signing.credentials})")
        print(f"Private COGs:    {signed.assets.url('')} (403 unless signed)")
        print(f"GEODES-like API: {geodes.url('')} (downloads: X-API-Key {geodes.api_key})")
        print(f"WMS/WMTS:        {maps.ows_url}   XYZ: {maps.xyz_url}", flush=True)
        stac_args = [] if args.stac_port is None else ["--port", str(args.stac_port)]
        return stac_api.main(stac_args)


if __name__ == "__main__":
    sys.exit(main())

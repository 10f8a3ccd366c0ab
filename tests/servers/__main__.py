"""``python -m tests.servers``: every local service in the foreground, together.

The DSM-OPT service (both APIs, results as COG, XYZ and WMS) runs in this process's threads;
the STAC API then runs in the foreground (Ctrl-C or SIGTERM stops both). ``--dsmopt-port``
and ``--stac-port`` fix the ports (default: free ones).
"""

from __future__ import annotations

import argparse
import sys

from tests.servers.dsmopt.service import DsmOptService
from tests.servers.stac_api import service as stac_api


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.servers", description=__doc__)
    parser.add_argument("--dsmopt-port", type=int, default=0)
    parser.add_argument("--dsmopt-stage-seconds", type=float, default=5.0)
    parser.add_argument("--stac-port", type=int, default=None)
    args = parser.parse_args(argv)
    dsmopt = DsmOptService(stage_seconds=args.dsmopt_stage_seconds)
    dsmopt.http._fixed_port = args.dsmopt_port
    with dsmopt:
        print(f"DSM-OPT service: OGC API - Processes {dsmopt.ogc_url}")
        print(f"                 GDM native API      {dsmopt.gdm_url}", flush=True)
        stac_args = [] if args.stac_port is None else ["--port", str(args.stac_port)]
        return stac_api.main(stac_args)


if __name__ == "__main__":
    sys.exit(main())

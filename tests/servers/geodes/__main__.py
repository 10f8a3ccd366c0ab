"""``python -m tests.servers.geodes [--port N] [--dir D]``: run the GEODES-like service."""

from __future__ import annotations

import argparse
import signal
import sys
import time

from tests.servers.geodes.service import GeodesService


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.servers.geodes", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--dir", default=None, help="folder of the generated products")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with GeodesService(args.dir, port=args.port) as service:
        print(f"GEODES-like service: {service.stac_url} (X-API-Key: {service.api_key})", flush=True)
        print("Ctrl-C to stop", file=sys.stderr, flush=True)
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    sys.exit(main())

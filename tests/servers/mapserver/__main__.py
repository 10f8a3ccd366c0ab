"""``python -m tests.servers.mapserver [--port N]``: run the WMS/WMTS/XYZ test service."""

from __future__ import annotations

import argparse
import signal
import sys
import time

from tests.servers.mapserver.service import MapServerError, MapServerService


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.servers.mapserver", description=__doc__)
    parser.add_argument("--port", type=int, default=None, help="WMS port (default: a free one)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        with MapServerService(port=args.port) as service:
            print(f"WMS/WMTS: {service.capabilities_url()}", flush=True)
            print(f"XYZ: {service.xyz_url}", flush=True)
            print("Ctrl-C to stop", file=sys.stderr, flush=True)
            while True:
                time.sleep(1)
    except MapServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())

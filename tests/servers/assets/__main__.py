"""Run the asset server and its signing service: ``python -m tests.servers.assets``.

Prints one JSON line ``{"assets": port, "signing": port}`` and serves until stdin is closed
(the test process that started it exits) or the process is terminated.
"""

from __future__ import annotations

import json
import sys

from tests.servers.assets.server import AssetServer, SigningService


def main() -> int:
    with AssetServer() as assets, SigningService(assets) as signing:
        print(json.dumps({"assets": assets.port, "signing": signing.port}), flush=True)
        sys.stdin.read()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m tests.servers.dsmopt``: run the local DSM-OPT service in the foreground."""

import sys

from tests.servers.dsmopt.service import main

sys.exit(main())

"""``python -m tests.servers.stac_api``: start the local STAC API in the foreground."""

import sys

from tests.servers.stac_api.service import main

sys.exit(main())

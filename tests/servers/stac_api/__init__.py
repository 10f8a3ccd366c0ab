"""A real local STAC API for tests (PostgreSQL + PostGIS + pgstac + stac-fastapi-pgstac).

- :mod:`.service`: :class:`~.service.StacApiService`, the context manager that runs it;
- :mod:`.theia_data`: the deterministic Theia-like collections and items it serves;
- :mod:`.fixtures`: the session fixture ``stac_api``;
- ``python -m tests.servers.stac_api``: run it in the foreground (prints its URL).

Install the server side once with ``scripts/install-stac-server.sh``.
"""

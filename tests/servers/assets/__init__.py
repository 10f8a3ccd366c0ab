"""Private COGs behind presigned URLs, like Theia MTD's storage, for tests.

- :mod:`.signature`: the S3-like query signature (``X-Amz-Date``/``X-Amz-Expires``/
  ``X-Amz-Signature``);
- :mod:`.server`: the asset server (Range, 403 unless signed and unexpired) and the signing
  service (``/sign_urls``, ``/sign``, API key or bearer token), with faults on demand;
- :mod:`.process`: both run in a child process (GDAL holds the GIL while it opens a
  ``/vsicurl/`` file), driven from tests through proxies;
- :mod:`.l2a`: a generated L2A product published as the COG assets of a STAC item;
- :mod:`.fixtures`: the pytest fixtures (registered in ``tests/conftest.py``).
"""

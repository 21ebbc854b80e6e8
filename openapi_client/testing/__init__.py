"""A local, stateful stand-in for the Airbyte web backend, for tests and for trying the client out.

    from openapi_client.testing import LocalAirbyte

    with LocalAirbyte() as airbyte:
        configuration = openapi_client.Configuration(host=airbyte.url)

Or from a shell: `python -m openapi_client.testing --port 8000`. See docs/testing.md.
"""

from __future__ import annotations

from openapi_client.testing.catalogs import FIELD_TYPES, airbyte_stream, default_configuration
from openapi_client.testing.faults import ANY_OPERATION, Fault, Faults
from openapi_client.testing.local_airbyte import LocalAirbyte, RecordedRequest
from openapi_client.testing.state import AirbyteState

__all__ = [
    "ANY_OPERATION",
    "FIELD_TYPES",
    "AirbyteState",
    "Fault",
    "Faults",
    "LocalAirbyte",
    "RecordedRequest",
    "airbyte_stream",
    "default_configuration",
]

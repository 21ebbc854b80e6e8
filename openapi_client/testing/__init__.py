"""A local, stateful stand-in for the Airbyte web backend, for tests and for trying the client out.

    from openapi_client.testing import LocalAirbyte

    with LocalAirbyte() as airbyte:
        configuration = openapi_client.Configuration(host=airbyte.url)

It answers as Airbyte OSS does at our spec's version (2024-10), or as a 2022-12, 2024-06 or 2025-07 server
(`LocalAirbyte(server_version=...)`). Or from a shell: `python -m openapi_client.testing --port 8000`.
See docs/testing.md.
"""

from __future__ import annotations

from openapi_client.testing.catalogs import FIELD_TYPES, airbyte_stream, default_configuration
from openapi_client.testing.faults import ANY_OPERATION, Fault, Faults
from openapi_client.testing.local_airbyte import LocalAirbyte, RecordedRequest
from openapi_client.testing.records import Job, JobKind
from openapi_client.testing.security import InstanceAdmin
from openapi_client.testing.state import AirbyteState
from openapi_client.testing.versions import DEFAULT_VERSION, SERVER_VERSIONS

__all__ = [
    "ANY_OPERATION",
    "DEFAULT_VERSION",
    "FIELD_TYPES",
    "SERVER_VERSIONS",
    "AirbyteState",
    "Fault",
    "Faults",
    "InstanceAdmin",
    "Job",
    "JobKind",
    "LocalAirbyte",
    "RecordedRequest",
    "airbyte_stream",
    "default_configuration",
]

"""The API classes."""

from openapi_client.api.web_backend_api import WebBackendApi

__all__ = ["WebBackendApi"]

"""The API classes."""

from openapi_client.api import web_backend_api
from openapi_client.api.web_backend_api import WebBackendApi

__all__ = ["WebBackendApi", "web_backend_api"]

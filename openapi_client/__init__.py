"""A Python client for the `web_backend` operations of the Airbyte Configuration API.

Everything is imported on first use, so that `import openapi_client` costs almost nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, List

__version__ = "1.0.0"

# What `from openapi_client import *` gives: the generator's names, and beyond them the rest of the exceptions,
# the retry policy and the enums that schemas declare inline.
__all__ = [
    "ActorDefinitionBreakingChange",
    "ActorDefinitionVersionBreakingChanges",
    "ActorDefinitionVersionRead",
    "ActorStatus",
    "AirbyteCatalog",
    "AirbyteStream",
    "AirbyteStreamAndConfiguration",
    "AirbyteStreamConfiguration",
    "ApiAttributeError",
    "ApiClient",
    "ApiConnectionError",
    "ApiException",
    "ApiKeyError",
    "ApiResponse",
    "ApiTLSError",
    "ApiTimeoutError",
    "ApiTypeError",
    "ApiValueError",
    "BadRequestException",
    "CatalogDiff",
    "Configuration",
    "ConfiguredStreamMapper",
    "ConflictException",
    "ConnectionIdRequestBody",
    "ConnectionSchedule",
    "ConnectionScheduleData",
    "ConnectionScheduleDataBasicSchedule",
    "ConnectionScheduleDataBasicScheduleTimeUnit",
    "ConnectionScheduleDataCron",
    "ConnectionScheduleTimeUnit",
    "ConnectionScheduleType",
    "ConnectionStateType",
    "ConnectionStatus",
    "DeadlineAction",
    "DestinationRead",
    "DestinationSnippetRead",
    "DestinationSyncMode",
    "FieldAdd",
    "FieldRemove",
    "FieldSchemaUpdate",
    "FieldTransform",
    "FieldTransformTransformType",
    "ForbiddenException",
    "Geography",
    "IncompleteListWarning",
    "InsecureCredentialsWarning",
    "InvalidInputExceptionInfo",
    "InvalidInputProperty",
    "InvalidResponseError",
    "JobStatus",
    "NamespaceDefinitionType",
    "NonBreakingChangesPreference",
    "NotFoundException",
    "NotFoundKnownExceptionInfo",
    "OpenApiException",
    "OperationCreate",
    "OperationNotOfferedException",
    "OperationRead",
    "OperatorConfiguration",
    "OperatorType",
    "OperatorWebhook",
    "OperatorWebhookDbtCloud",
    "OperatorWebhookWebhookType",
    "PagingError",
    "ResourceRequirements",
    "ResponseTooLargeError",
    "RetryPolicy",
    "SchemaChange",
    "SchemaChangeBackfillPreference",
    "SelectedFieldInfo",
    "ServiceException",
    "SourceRead",
    "SourceSnippetRead",
    "StreamAttributePrimaryKeyUpdate",
    "StreamAttributeTransform",
    "StreamAttributeTransformTransformType",
    "StreamDescriptor",
    "StreamMapperType",
    "StreamTransform",
    "StreamTransformTransformType",
    "StreamTransformUpdateStream",
    "SupportLevel",
    "SupportState",
    "SyncMode",
    "UnauthorizedException",
    "UnprocessableEntityException",
    "WebBackendApi",
    "WebBackendCheckUpdatesRead",
    "WebBackendConnectionCreate",
    "WebBackendConnectionListItem",
    "WebBackendConnectionListRequestBody",
    "WebBackendConnectionRead",
    "WebBackendConnectionReadList",
    "WebBackendConnectionRequestBody",
    "WebBackendConnectionUpdate",
    "WebBackendGeographiesListResult",
    "WebBackendOperationCreateOrUpdate",
    "WebBackendWorkspaceState",
    "WebBackendWorkspaceStateResult",
]

_EXPORTS = {
    "ApiClient": "openapi_client.api_client",
    "ApiResponse": "openapi_client.api_response",
    "Configuration": "openapi_client.configuration",
    "WebBackendApi": "openapi_client.api.web_backend_api",
    "OpenApiException": "openapi_client.exceptions",
    "ApiTypeError": "openapi_client.exceptions",
    "ApiValueError": "openapi_client.exceptions",
    "ApiKeyError": "openapi_client.exceptions",
    "ApiAttributeError": "openapi_client.exceptions",
    "ApiException": "openapi_client.exceptions",
    "BadRequestException": "openapi_client.exceptions",
    "UnauthorizedException": "openapi_client.exceptions",
    "ForbiddenException": "openapi_client.exceptions",
    "NotFoundException": "openapi_client.exceptions",
    "ConflictException": "openapi_client.exceptions",
    "UnprocessableEntityException": "openapi_client.exceptions",
    "ServiceException": "openapi_client.exceptions",
    "ApiConnectionError": "openapi_client.exceptions",
    "ApiTimeoutError": "openapi_client.exceptions",
    "ApiTLSError": "openapi_client.exceptions",
    "InvalidResponseError": "openapi_client.exceptions",
    "OperationNotOfferedException": "openapi_client.exceptions",
    "PagingError": "openapi_client.exceptions",
    "IncompleteListWarning": "openapi_client.exceptions",
    "ResponseTooLargeError": "openapi_client.exceptions",
    "InsecureCredentialsWarning": "openapi_client.exceptions",
    "RetryPolicy": "openapi_client.retries",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
    elif name in __all__:
        value = getattr(importlib.import_module("openapi_client.models"), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from openapi_client.api.web_backend_api import WebBackendApi as WebBackendApi
    from openapi_client.api_client import ApiClient as ApiClient
    from openapi_client.api_response import ApiResponse as ApiResponse
    from openapi_client.configuration import Configuration as Configuration
    from openapi_client.exceptions import (
        ApiAttributeError as ApiAttributeError,
    )
    from openapi_client.exceptions import (
        ApiConnectionError as ApiConnectionError,
    )
    from openapi_client.exceptions import (
        ApiException as ApiException,
    )
    from openapi_client.exceptions import (
        ApiKeyError as ApiKeyError,
    )
    from openapi_client.exceptions import (
        ApiTimeoutError as ApiTimeoutError,
    )
    from openapi_client.exceptions import (
        ApiTLSError as ApiTLSError,
    )
    from openapi_client.exceptions import (
        ApiTypeError as ApiTypeError,
    )
    from openapi_client.exceptions import (
        ApiValueError as ApiValueError,
    )
    from openapi_client.exceptions import (
        BadRequestException as BadRequestException,
    )
    from openapi_client.exceptions import (
        ConflictException as ConflictException,
    )
    from openapi_client.exceptions import (
        ForbiddenException as ForbiddenException,
    )
    from openapi_client.exceptions import (
        IncompleteListWarning as IncompleteListWarning,
    )
    from openapi_client.exceptions import (
        InsecureCredentialsWarning as InsecureCredentialsWarning,
    )
    from openapi_client.exceptions import (
        InvalidResponseError as InvalidResponseError,
    )
    from openapi_client.exceptions import (
        NotFoundException as NotFoundException,
    )
    from openapi_client.exceptions import (
        OpenApiException as OpenApiException,
    )
    from openapi_client.exceptions import (
        OperationNotOfferedException as OperationNotOfferedException,
    )
    from openapi_client.exceptions import (
        PagingError as PagingError,
    )
    from openapi_client.exceptions import (
        ResponseTooLargeError as ResponseTooLargeError,
    )
    from openapi_client.exceptions import (
        ServiceException as ServiceException,
    )
    from openapi_client.exceptions import (
        UnauthorizedException as UnauthorizedException,
    )
    from openapi_client.exceptions import (
        UnprocessableEntityException as UnprocessableEntityException,
    )
    from openapi_client.models import *  # noqa: F403
    from openapi_client.retries import RetryPolicy as RetryPolicy

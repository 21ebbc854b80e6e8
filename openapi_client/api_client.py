"""The client: one request path for every operation, and the (de)serialization of bodies."""

from __future__ import annotations

import datetime
import decimal
import logging
import uuid
from enum import Enum
from typing import Any, ClassVar, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Type, TypeVar, overload
from urllib.parse import quote

import pydantic_core
from pydantic import BaseModel, SecretStr, ValidationError
from typing_extensions import Literal

from openapi_client import __version__, parameters
from openapi_client.api_response import ApiResponse
from openapi_client.auth import TOKEN_REQUEST, Authenticator
from openapi_client.configuration import Configuration, TimeoutValue
from openapi_client.deadlines import CURRENT, Deadline, TimeLimits
from openapi_client.exceptions import (
    ApiException,
    ApiTypeError,
    ApiValueError,
    InvalidResponseError,
    OperationNotOfferedException,
)
from openapi_client.headers import checked, has_header, set_header
from openapi_client.models.base import received_data
from openapi_client.operations import OperationSpec, Variant
from openapi_client.parsing import reader_for
from openapi_client.redaction import redact_logged_queries
from openapi_client.rest import RESTClientObject, RESTResponse, RESTResponseType
from openapi_client.retries import RetryPolicy
from openapi_client.sending import Call, Sender

logger = logging.getLogger("openapi_client")
R = TypeVar("R")

JSON_CONTENT_TYPE = "application/json"
AUTH_SCHEMES = ("bearerAuth", "basicAuth")
# What `param_serialize` returns: the method, the URL, the headers, the body and the form parameters.
RequestSerialized = Tuple[str, str, Dict[str, str], Optional[str], List[str]]


class ApiClient:
    """Sends operations to the server and turns their bodies into models; safe to share across threads."""

    _default: ClassVar[Optional[ApiClient]] = None
    PRIMITIVE_TYPES: ClassVar[Tuple[type, ...]] = (float, bool, bytes, str, int)
    # The types `deserialize` takes by name, beside the models' names.
    NATIVE_TYPES_MAPPING: ClassVar[Dict[str, type]] = {
        "int": int,
        "long": int,
        "float": float,
        "str": str,
        "bool": bool,
        "date": datetime.date,
        "datetime": datetime.datetime,
        "decimal": decimal.Decimal,
        "UUID": uuid.UUID,
        "object": object,
    }

    def __init__(
        self,
        configuration: Optional[Configuration] = None,
        header_name: Optional[str] = None,
        header_value: Optional[str] = None,
        cookie: Optional[str] = None,
    ) -> None:
        self.configuration = Configuration.get_default() if configuration is None else configuration
        self.rest_client = RESTClientObject(self.configuration)
        self.authenticator = Authenticator(self.configuration, self._request_token)
        self._sender = Sender(self.rest_client, self.authenticator.renewed_after_401)
        self._converted_retries: Optional[Tuple[Any, RetryPolicy]] = None
        self._checked_headers: Optional[Dict[str, str]] = None
        self.default_headers: Dict[str, str] = {}
        if header_name is not None and header_value is not None:
            self.default_headers[header_name] = header_value
        self.cookie = cookie
        self.user_agent = f"openapi_client/{__version__} (python; Airbyte web_backend)"
        self.client_side_validation = self.configuration.client_side_validation

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, exc_type: Any, exc_value: Any, traceback: Any) -> None:
        self.close()

    def close(self) -> None:
        """Close the pooled connections; the client opens new ones if it is used again."""
        self.rest_client.close()

    @classmethod
    def get_default(cls) -> ApiClient:
        """The client that APIs created without one use (created on first use)."""
        if cls._default is None:
            cls._default = ApiClient()
        return cls._default

    @classmethod
    def set_default(cls, default: Optional[ApiClient]) -> None:
        """Make `default` the client of APIs created without one."""
        cls._default = default

    @property
    def user_agent(self) -> str:
        """The `User-Agent` header sent with every request."""
        return self.default_headers["User-Agent"]

    @user_agent.setter
    def user_agent(self, value: str) -> None:
        self.default_headers["User-Agent"] = value

    def set_default_header(self, header_name: str, header_value: str) -> None:
        """Send a header with every request of this client."""
        self.default_headers[header_name] = header_value

    # -- the one request path ----------------------------------------------------------------------------

    @overload
    def invoke(
        self,
        operation: OperationSpec[R],
        body: Any,
        variant: Literal["data"],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: Optional[int] = 0,
    ) -> R: ...

    @overload
    def invoke(
        self,
        operation: OperationSpec[R],
        body: Any,
        variant: Literal["http_info"],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: Optional[int] = 0,
    ) -> ApiResponse[R]: ...

    @overload
    def invoke(
        self,
        operation: OperationSpec[R],
        body: Any,
        variant: Literal["raw"],
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: Optional[int] = 0,
    ) -> RESTResponseType: ...

    def invoke(
        self,
        operation: OperationSpec[Any],
        body: Any,
        variant: Variant,
        _request_timeout: TimeoutValue = None,
        _request_auth: Optional[Dict[str, Any]] = None,
        _content_type: Optional[str] = None,
        _headers: Optional[Dict[str, Any]] = None,
        _host_index: Optional[int] = 0,
    ) -> Any:
        """Send an operation and return what its `variant` returns: the data, an `ApiResponse` or the raw response."""
        model = self._request_model(operation, body)
        payload = None if model is None else _to_json(model)
        # What `param_serialize` and `call_api` do, without the copies they make of what the caller passes them.
        header_params = {"Accept": JSON_CONTENT_TYPE}
        if payload is not None:
            header_params["Content-Type"] = _json_content_type(_content_type, operation)
        if _headers:
            header_params.update(_headers)
        limits, deadline = self._time_limits(_request_timeout)
        queries: List[Tuple[str, Any]] = []
        headers = self._request_headers(header_params, queries, AUTH_SCHEMES, _request_auth, deadline)
        if _host_index:
            raise ApiValueError(
                f"`{operation.name}` declares no servers of its own: `_host_index` must be 0 (`Configuration.host`), "
                f"not {_host_index!r}"
            )
        url = self.configuration.host + operation.path
        if queries:
            url += "?" + self.parameters_to_url_query(queries, None)
        call = Call(
            method="POST",
            url=url,
            headers=headers,
            body=payload,
            limits=limits,
            deadline=deadline,
            operation=operation.name,
            read_only=operation.is_read_only(model),
            preload=variant != "raw",
        )
        response = self._sender.send(call, self._retry_policy())
        if variant == "raw":
            return response.response
        if variant == "http_info":
            result = self.response_deserialize(response, operation.response_types_map, operation=operation, url=url)
            data = result.data
        else:
            result = data = self._read_data(response, operation.response_types_map, operation, url)
        if operation.check_answer is not None:
            operation.check_answer(model, data)
        return result

    def _time_limits(self, request_timeout: TimeoutValue) -> Tuple[TimeLimits, Optional[Deadline]]:
        """The limits of a call's timeout (`_request_timeout`, else the configured one), and its deadline from now."""
        limits = TimeLimits.of(self.configuration.timeout if request_timeout is None else request_timeout)
        return limits, limits.start()

    def _request_model(self, operation: OperationSpec[Any], body: Any) -> Any:
        model = operation.request_type
        if body is None or model is None:
            if operation.body_required:
                raise ApiValueError(
                    f"Missing the required parameter `{operation.body_parameter}` when calling `{operation.name}`"
                )
            return None
        if isinstance(body, model):
            return body
        return coerce_body(f"`{operation.body_parameter}` of `{operation.name}`", model, body)

    # -- the generator's public building blocks ----------------------------------------------------------

    def param_serialize(
        self,
        method: str,
        resource_path: str,
        path_params: Optional[Dict[str, Any]] = None,
        query_params: Optional[List[Tuple[str, Any]]] = None,
        header_params: Optional[Dict[str, Any]] = None,
        body: Any = None,
        post_params: Optional[List[Tuple[str, Any]]] = None,
        files: Optional[Dict[str, Any]] = None,
        auth_settings: Optional[List[str]] = None,
        collection_formats: Optional[Dict[str, str]] = None,
        _host: Optional[str] = None,
        _request_auth: Optional[Dict[str, Any]] = None,
    ) -> RequestSerialized:
        """The method, URL, headers, body and form parameters of a request, as the generator builds them (the body
        already as JSON bytes, unless it was bytes or text)."""
        queries = list(query_params or [])
        headers = self._request_headers(
            self.parameters_to_tuples(self.sanitize_for_serialization(header_params or {}), collection_formats),
            queries,
            auth_settings,
            _request_auth,
        )
        pairs = self.parameters_to_tuples(self.sanitize_for_serialization(path_params or {}), collection_formats)
        for name, value in pairs:
            resource_path = resource_path.replace(
                "{" + name + "}", quote(str(value), safe=self.configuration.safe_chars_for_path_param)
            )
        form: List[Any] = []
        if post_params or files:
            form = self.parameters_to_tuples(self.sanitize_for_serialization(post_params or []), collection_formats)
            form.extend(self.files_parameters(files or {}))
        host = self.configuration.host if _host is None or self.configuration.ignore_operation_servers else _host
        url = host + resource_path
        if queries:
            url += "?" + self.parameters_to_url_query(self.sanitize_for_serialization(queries), collection_formats)
        if body is not None and not isinstance(body, (bytes, str)):
            body = pydantic_core.to_json(self.sanitize_for_serialization(body))
        return method, url, headers, body, form

    def _request_headers(
        self,
        header_params: Iterable[Tuple[str, Any]] | Mapping[str, Any],
        queries: List[Tuple[str, Any]],
        auth_settings: Optional[Sequence[str]],
        request_auth: Optional[Dict[str, Any]],
        deadline: Optional[Deadline] = None,
    ) -> Dict[str, str]:
        """The client's default headers and cookie, then the request's own, then the credentials: one header per
        name, however spelt, the later replacing the earlier; checked (see `openapi_client.headers`). An access
        token fetched for them is fetched within `deadline`, the deadline of the call they are for."""
        own = header_params if isinstance(header_params, Mapping) else dict(header_params)
        headers = {**self.default_headers, **({"Cookie": self.cookie} if self.cookie else {}), **own}
        if self.configuration.client_id:  # an application's token may be fetched for them
            outer, CURRENT.deadline = CURRENT.deadline, deadline
            try:
                self.update_params_for_auth(headers, queries, auth_settings, "", "", None, request_auth)
            finally:
                CURRENT.deadline = outer
        else:
            self.update_params_for_auth(headers, queries, auth_settings, "", "", None, request_auth)
        # Most requests of a client carry the very headers of the one before: checked once.
        if headers == self._checked_headers:
            return headers
        valid = checked(headers)
        if valid is headers:
            self._checked_headers = valid
        return valid

    def update_params_for_auth(
        self,
        headers: Dict[str, str],
        queries: List[Tuple[str, Any]],
        auth_settings: Optional[Sequence[str]],
        resource_path: str,
        method: str,
        body: Any,
        request_auth: Optional[Dict[str, Any]] = None,
    ) -> None:
        """Add the credentials to `headers` (or `queries`): `request_auth` if given, else the first configured scheme
        of `auth_settings` (an Airbyte application's token counts as `bearerAuth`) unless `headers` already has that
        header, however spelt. `resource_path`, `method` and `body` are the generator's, for schemes that sign
        requests; this API has none."""
        if request_auth:
            _apply_auth(headers, queries, request_auth)
            return
        if not auth_settings:
            return
        configured = self.authenticator.auth_settings()
        for name in auth_settings:
            setting = configured.get(name)
            if setting is not None and not has_header(headers, setting["key"]):
                _apply_auth(headers, queries, setting)

    def call_api(
        self,
        method: str,
        url: str,
        header_params: Optional[Dict[str, str]] = None,
        body: Any = None,
        post_params: Optional[List[Tuple[str, Any]]] = None,
        _request_timeout: TimeoutValue = None,
        *,
        operation: Optional[OperationSpec[Any]] = None,
        read_only: Optional[bool] = None,
        preload_content: bool = False,
    ) -> RESTResponse:
        """Send a request, retrying as `Configuration.retries` allows, and return its final response.

        `read_only` (by default the operation's flag) says whether the request may be sent again after it reached
        the server. With `preload_content` the body is read within the attempts; otherwise it is left unread.
        """
        limits, deadline = self._time_limits(_request_timeout)
        call = Call(
            method=method,
            url=url,
            headers=dict(header_params or {}),
            body=body,
            limits=limits,
            deadline=deadline,
            operation=operation.name if operation else None,
            read_only=operation.read_only if read_only is None and operation else bool(read_only),
            preload=preload_content,
        )
        return self._sender.send(call, self._retry_policy())

    def _retry_policy(self) -> RetryPolicy:
        """The policy of `Configuration.retries`, converted again only when the setting changes."""
        setting = self.configuration.retries
        converted = self._converted_retries
        if converted is not None and converted[0] is setting:
            return converted[1]
        policy = RetryPolicy.from_setting(setting)
        # A urllib3 `Retry` is mutable, so it is read at every call; the other settings cannot change in place.
        if setting is None or isinstance(setting, (bool, int, RetryPolicy)):
            self._converted_retries = (setting, policy)
        return policy

    def _request_token(self, url: str, body: bytes) -> RESTResponse:
        """Send an application's credentials to the token endpoint: retried like a read (it changes nothing), within
        the deadline of the call it is made for, and never redirected (the body holds the client secret)."""
        headers = {"Content-Type": JSON_CONTENT_TYPE, "Accept": JSON_CONTENT_TYPE, "User-Agent": self.user_agent}
        limits, deadline = self._time_limits(None)
        call = Call(
            method="POST",
            url=url,
            headers=checked(headers),
            body=body,
            limits=limits,
            deadline=deadline,
            operation=TOKEN_REQUEST,
            read_only=True,
            preload=True,
            redirects=False,
            carries_secret=True,
        )
        return self._sender.send(call, self._retry_policy())

    def response_deserialize(
        self,
        response_data: RESTResponse,
        response_types_map: Optional[Mapping[str, Any]] = None,
        *,
        operation: Optional[OperationSpec[Any]] = None,
        url: Optional[str] = None,
    ) -> ApiResponse[Any]:
        """The `ApiResponse` of a read response; an error status raises the matching `ApiException`."""
        data = self._read_data(response_data, response_types_map, operation, url)
        # Built without validation: the values are the response's own, and its headers stay case-insensitive.
        return ApiResponse.model_construct(
            status_code=response_data.status, headers=response_data.headers, data=data, raw_data=response_data.read()
        )

    def _read_data(
        self,
        response: RESTResponse,
        response_types_map: Optional[Mapping[str, Any]],
        operation: Optional[OperationSpec[Any]],
        url: Optional[str],
    ) -> Any:
        """The data of a read response (parsed, raw for `bytearray`, None without a type); an error status raises
        the matching `ApiException`."""
        raw = response.read()
        status = response.status
        response_type = _type_for_status(response_types_map or {}, status)
        if not 200 <= status <= 299:
            schemas = operation.error_schemas if operation else ()
            data = self._error_data(raw, [response_type, *schemas] if response_type else schemas)
            text = raw.decode("utf-8", errors="replace")
            name = operation.name if operation else None
            if status == 404 and _names_no_operation(raw, data):
                raise OperationNotOfferedException(http_resp=response, body=text, data=data, operation=name, url=url)
            raise ApiException.from_response(http_resp=response, body=text, data=data, operation=name, url=url)
        if response_type is None or response_type is bytearray:
            return raw if response_type else None
        try:
            return self._parse_json(raw, response_type)
        except ValidationError as error:
            text = raw.decode("utf-8", errors="replace")
            raise InvalidResponseError(
                _describe(error),
                http_resp=response,
                body=text,
                operation=operation.name if operation else None,
                url=url,
            ) from error

    def deserialize(self, response_text: str | bytes, response_type: Any, content_type: Optional[str] = None) -> Any:
        """Parse a JSON body into `response_type` (a type, or a model's name), as data received from a server."""
        if content_type is not None and "json" not in content_type.lower():
            if response_type in ("str", str):
                return response_text
            raise ApiException(status=0, reason=f"Unsupported content type: {content_type}")
        return self._parse_json(response_text, response_type)

    def sanitize_for_serialization(self, obj: Any) -> Any:
        """`obj` as JSON-ready Python values: models by their JSON names with only the fields set, enums by value,
        dates and date-times in ISO 8601, UUIDs and decimals as text, secrets revealed."""
        if obj is None or (isinstance(obj, self.PRIMITIVE_TYPES) and not isinstance(obj, Enum)):
            return obj
        if isinstance(obj, BaseModel):
            return obj.model_dump(mode="json", by_alias=True, exclude_unset=True)
        if isinstance(obj, Enum):
            return obj.value
        if isinstance(obj, SecretStr):
            return obj.get_secret_value()
        if isinstance(obj, list):
            return [self.sanitize_for_serialization(item) for item in obj]
        if isinstance(obj, tuple):
            return tuple(self.sanitize_for_serialization(item) for item in obj)
        if isinstance(obj, dict):
            return {key: self.sanitize_for_serialization(value) for key, value in obj.items()}
        if isinstance(obj, (datetime.datetime, datetime.date)):
            return obj.isoformat()
        if isinstance(obj, (uuid.UUID, decimal.Decimal)):
            return str(obj)
        return pydantic_core.to_jsonable_python(obj)

    def select_header_accept(self, accepts: List[str]) -> Optional[str]:
        """The JSON type among `accepts`, else the first one."""
        if not accepts:
            return None
        return next((a for a in accepts if "json" in a.lower()), accepts[0])

    def select_header_content_type(self, content_types: List[str]) -> Optional[str]:
        """The JSON type among `content_types`, else the first one."""
        return self.select_header_accept(content_types)

    def parameters_to_tuples(
        self, params: parameters.Params, collection_formats: Optional[Mapping[str, str]]
    ) -> List[Tuple[str, Any]]:
        """Parameters (a dict or pairs) as pairs, lists joined as `collection_formats` says (`multi`, `csv`,
        `ssv`, `tsv`, `pipes`), booleans as `true`/`false`."""
        return parameters.to_tuples(params, collection_formats)

    def parameters_to_url_query(
        self, params: parameters.Params, collection_formats: Optional[Mapping[str, str]]
    ) -> str:
        """Parameters as a URL query, e.g. `a=Hello%20World&b=123`: names and values quoted, dicts as JSON."""
        return parameters.to_url_query(params, collection_formats)

    def explode_query_object(self, name: str, obj: Any) -> List[Tuple[str, Any]]:
        """A form-style exploded query object: one pair per property (a list repeats its name), None left out."""
        return parameters.explode(name, self.sanitize_for_serialization(obj))

    def files_parameters(self, files: Mapping[str, parameters.FileValue]) -> List[Tuple[str, Tuple[str, bytes, str]]]:
        """Form fields for files: `(field, (filename, data, mime type))` for each path, bytes or (name, bytes)."""
        return parameters.files(files)

    # -- parsing -----------------------------------------------------------------------------------------

    def _parse_json(self, raw: str | bytes, response_type: Any) -> Any:
        reader = reader_for(_resolve_type(response_type))
        with received_data():
            return reader.read(raw, self.configuration.pause_gc_while_parsing)

    def _error_data(self, raw: bytes, candidates: Sequence[Any]) -> Any:
        """The first of `candidates` (the status's declared body, then the spec's other error bodies) that an error
        body fits, parsed as received data; None when the body is not JSON or fits none."""
        if not raw or not candidates:
            return None
        try:
            values = pydantic_core.from_json(raw)
        except ValueError:
            return None
        with received_data():
            for candidate in candidates:
                try:
                    return reader_for(_resolve_type(candidate)).validator.validate_python(values)
                except ValidationError:
                    continue
        return None


def _resolve_type(response_type: Any) -> Any:
    if not isinstance(response_type, str):
        return response_type
    if response_type in ApiClient.NATIVE_TYPES_MAPPING:
        return ApiClient.NATIVE_TYPES_MAPPING[response_type]
    if response_type in ("bytearray", "bytes"):
        return bytearray
    from openapi_client import models

    try:
        return getattr(models, response_type)
    except AttributeError:
        raise ApiValueError(f"Unknown response type {response_type!r}") from None


def _type_for_status(types_map: Mapping[str, Any], status: int) -> Any:
    return types_map.get(str(status)) or types_map.get(f"{status // 100}XX")


def _to_json(model: Any) -> bytes:
    """A request model's JSON: by alias, with only the fields the caller set."""
    serialized: bytes = model.__pydantic_serializer__.to_json(model, by_alias=True, exclude_unset=True)
    return serialized


def coerce_body(parameter: str, model: Type[Any], body: Any) -> Any:
    """`body` (a dict of `model`'s fields) as a `model`; `ApiTypeError` or `ApiValueError` name `parameter`."""
    if isinstance(body, BaseModel) or not isinstance(body, Mapping):
        raise ApiTypeError(
            f"{parameter} must be a {model.__name__} (or a dict of its fields), not {type(body).__name__}",
            valid_classes=(model, dict),
        )
    try:
        return model.model_validate(body)
    except ValidationError as error:
        raise ApiValueError(f"Invalid {parameter}: {_describe(error)}") from error


def _names_no_operation(raw: bytes, data: Any) -> bool:
    """Whether a 404 says that the path is no operation, rather than that an id in the request is unknown.

    Micronaut's `NotFoundController` (servers since 2023) answers a path it does not route with the bare text
    `Object not found.`, and Jersey's `NotFoundExceptionMapper` (before) with an error whose message starts so. An
    unknown id is a JSON object: a `NotFoundKnownExceptionInfo` (until 2025-10), then only `{"errorId": ...}`.
    """
    message = getattr(data, "message", None)
    if isinstance(message, str):
        return message.startswith("Object not found.")
    try:
        return not isinstance(pydantic_core.from_json(raw), dict)
    except ValueError:
        return True


def _describe(error: ValidationError) -> str:
    """The first problems of a validation error, each with the path of the field it concerns."""
    problems = []
    for item in error.errors(include_url=False)[:5]:
        location = ".".join(str(part) for part in item["loc"]) or "(body)"
        problems.append(f"{location}: {item['msg']}")
    more = error.error_count() - len(problems)
    return "; ".join(problems) + (f" (and {more} more)" if more > 0 else "")


def _json_content_type(requested: Optional[str], operation: OperationSpec[Any]) -> str:
    if requested is None:
        return JSON_CONTENT_TYPE
    media_type = requested.split(";", 1)[0].strip().lower()
    if media_type == JSON_CONTENT_TYPE or media_type.endswith("+json"):
        return requested
    raise ApiValueError(f"`{operation.name}` sends JSON; the content type {requested!r} is not supported")


def _apply_auth(headers: Dict[str, str], queries: List[Tuple[str, Any]], setting: Mapping[str, Any]) -> None:
    """Put one authentication setting where it says (`in`): a header, a cookie or a query parameter."""
    where = setting.get("in", "header")
    if where == "header":
        set_header(headers, setting["key"], setting["value"])
    elif where == "cookie":
        value = quote(str(setting["value"]), safe="!#$%&'()*+-./:<=>?@[]^_`{|}~")
        cookie = f"{setting['key']}={value}"
        headers["Cookie"] = f"{headers['Cookie']}; {cookie}" if headers.get("Cookie") else cookie
    elif where == "query":
        redact_logged_queries()
        queries.append((setting["key"], setting["value"]))
    else:
        raise ApiValueError("Authentication settings go in a `header`, a `cookie` or the `query`")

"""The exceptions the client raises; every one is an `OpenApiException`."""

from __future__ import annotations

from typing import Any, Dict, Mapping, NoReturn, Optional, Sequence, Tuple, Type, TypeVar, Union

from openapi_client.redaction import redact_headers, redact_url

PathToItem = Optional[Sequence[Union[str, int]]]
E = TypeVar("E", bound=BaseException)


class OpenApiException(Exception):
    """The base of every exception this package raises."""

    def __reduce__(self) -> Tuple[Any, ...]:
        # Pickled as arguments and attributes, whatever the constructor takes (as multiprocessing needs).
        return _rebuild, (type(self), self.args, self.__dict__)


def _rebuild(cls: Type[E], args: Tuple[Any, ...], state: Dict[str, Any]) -> E:
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


def render_path(path_to_item: PathToItem) -> str:
    """`['a', 0, 'b']` -> `['a'][0]['b']`."""
    return "".join(f"[{item}]" if isinstance(item, int) else f"['{item}']" for item in path_to_item or ())


def _with_path(msg: str, path_to_item: PathToItem) -> str:
    return f"{msg} at {render_path(path_to_item)}" if path_to_item else msg


class ApiTypeError(OpenApiException, TypeError):
    """A value of the wrong type was given."""

    def __init__(
        self,
        msg: str,
        path_to_item: PathToItem = None,
        valid_classes: Optional[Sequence[type]] = None,
        key_type: Optional[bool] = None,
    ) -> None:
        self.path_to_item = path_to_item
        self.valid_classes = valid_classes
        self.key_type = key_type
        super().__init__(_with_path(msg, path_to_item))


class ApiValueError(OpenApiException, ValueError):
    """A value was refused."""

    def __init__(self, msg: str, path_to_item: PathToItem = None) -> None:
        self.path_to_item = path_to_item
        super().__init__(_with_path(msg, path_to_item))


class ApiAttributeError(OpenApiException, AttributeError):
    """An attribute that does not exist was asked for."""

    def __init__(self, msg: str, path_to_item: PathToItem = None) -> None:
        self.path_to_item = path_to_item
        super().__init__(_with_path(msg, path_to_item))


class ApiKeyError(OpenApiException, KeyError):
    """A key that does not exist was asked for."""

    def __init__(self, msg: str, path_to_item: PathToItem = None) -> None:
        self.path_to_item = path_to_item
        super().__init__(_with_path(msg, path_to_item))


class ApiException(OpenApiException):
    """The server answered with an error status, or with a body that could not be read.

    `data` is the parsed error body when it fits one of the spec's error schemas (`NotFoundKnownExceptionInfo`,
    `InvalidInputExceptionInfo`), whatever the status; the first line of `str()` names the operation, the status
    and the server's message.
    """

    def __init__(
        self,
        status: Optional[int] = None,
        reason: Optional[str] = None,
        http_resp: Any = None,
        *,
        body: Optional[str] = None,
        data: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        operation: Optional[str] = None,
        url: Optional[str] = None,
    ) -> None:
        self.status: Optional[int] = status
        self.reason: Optional[str] = reason
        self.body: Optional[str] = body
        self.data: Any = data
        self.headers: Optional[Mapping[str, str]] = headers
        self.operation: Optional[str] = operation
        self.url: Optional[str] = redact_url(url)
        if http_resp is not None:
            self.status = http_resp.status if status is None else status
            self.reason = http_resp.reason if reason is None else reason
            self.headers = dict(http_resp.headers) if headers is None else headers
            if body is None:
                raw = http_resp.data
                self.body = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
        super().__init__(self.status, self.reason)

    @classmethod
    def from_response(
        cls,
        *,
        http_resp: Any,
        body: Optional[str],
        data: Any,
        operation: Optional[str] = None,
        url: Optional[str] = None,
    ) -> NoReturn:
        """Raise the exception for a response's status: `NotFoundException` for 404, `ServiceException` for 5xx..."""
        status = http_resp.status
        exception_class = STATUS_EXCEPTIONS.get(status) or (ServiceException if 500 <= status <= 599 else ApiException)
        raise exception_class(http_resp=http_resp, body=body, data=data, operation=operation, url=url)

    def __str__(self) -> str:
        status = " ".join(str(part) for part in (self.status, self.reason) if part is not None)
        message = getattr(self.data, "message", None)
        first = ": ".join(part for part in (self.operation, status, message) if isinstance(part, str) and part)
        lines = [first]
        if self.url:
            lines.append(f"URL: {self.url}")
        if self.headers:
            lines.append(f"HTTP response headers: {redact_headers(self.headers)}")
        if self.data is not None:
            lines.append(f"HTTP response data: {self.data!r}")
        elif self.body:
            lines.append(f"HTTP response body: {self.body[:1000]}")
        return "\n".join(lines) + "\n"


class BadRequestException(ApiException):
    """HTTP 400."""


class UnauthorizedException(ApiException):
    """HTTP 401: the credentials are missing, wrong or expired."""


class ForbiddenException(ApiException):
    """HTTP 403."""


class NotFoundException(ApiException):
    """HTTP 404: `data` is the server's `NotFoundKnownExceptionInfo`."""


class OperationNotOfferedException(NotFoundException):
    """HTTP 404 for the operation itself, not for an id in the request: the server does not offer it (it is newer or
    older than this client, or `Configuration.host` is not the API's URL)."""

    def __str__(self) -> str:
        _, _, details = super().__str__().partition("\n")
        status = " ".join(str(part) for part in (self.status, self.reason) if part is not None)
        first = (
            f"{self.operation or 'this operation'}: {status}: the server does not offer this operation "
            f"(it may be newer or older than this client, which knows Airbyte's API as of 2024-10; "
            f"or Configuration.host may not be the API's URL)"
        )
        return f"{first}\n{details}"


class ConflictException(ApiException):
    """HTTP 409."""


class UnprocessableEntityException(ApiException):
    """HTTP 422: `data` is the server's `InvalidInputExceptionInfo`."""


class ServiceException(ApiException):
    """HTTP 5xx: the server, or a proxy in front of it, failed."""


class ApiConnectionError(OpenApiException):
    """The request could not be sent, or its response could not be received; the cause is chained.

    `request_sent` is False only when the request surely never reached the server (the connection could not be
    opened), so that even an operation that changes something may be sent again. `attempts` counts the tries made.
    """

    attempts: int = 1

    def __init__(
        self,
        message: str,
        *,
        operation: Optional[str] = None,
        url: Optional[str] = None,
        request_sent: bool = True,
    ) -> None:
        self.operation = operation
        self.url = redact_url(url)
        self.request_sent = request_sent
        super().__init__(message)

    def __str__(self) -> str:
        message = super().__str__()
        return f"{message} (gave up after {self.attempts} attempts)" if self.attempts > 1 else message


class ApiTimeoutError(ApiConnectionError):
    """The server did not connect or answer within the timeout."""


class ApiTLSError(ApiConnectionError):
    """The TLS handshake failed: the server's certificate was not trusted, or the server refused the client's."""


class InvalidResponseError(ApiException):
    """The server answered, but its body is not what the spec declares (not JSON, truncated, wrong shape)."""

    def __init__(self, problem: str, *, http_resp: Any, body: Optional[str], **context: Any) -> None:
        self.problem = problem
        super().__init__(http_resp=http_resp, body=body, **context)

    def __str__(self) -> str:
        where = f"{self.operation} ({self.url})" if self.operation else (self.url or "the request")
        content_type = (self.headers or {}).get("Content-Type") or (self.headers or {}).get("content-type")
        start = (self.body or "")[:200]
        return (
            f"Invalid response to {where}: {self.problem}\n"
            f"HTTP status: {self.status}, Content-Type: {content_type}\n"
            f"Body starts with: {start!r}"
        )


class ResponseTooLargeError(InvalidResponseError):
    """The body of a response was larger than `Configuration.max_response_bytes` (decoded); it was not read further
    and the call was not retried."""


class InsecureCredentialsWarning(UserWarning):
    """Credentials were sent over plain http to a host that is not this machine: anyone on the way can read them."""


STATUS_EXCEPTIONS: Dict[int, Type[ApiException]] = {
    400: BadRequestException,
    401: UnauthorizedException,
    403: ForbiddenException,
    404: NotFoundException,
    409: ConflictException,
    422: UnprocessableEntityException,
}


class PagingError(InvalidResponseError):
    """The pages of the connection list do not add up: a full page brought only connections already listed (the
    server does not page by `cursor` as servers since 2025-07 do), so the rest cannot be listed."""


class IncompleteListWarning(UserWarning):
    """A list call answered one page of the workspace's connections, and the answer says there are more."""

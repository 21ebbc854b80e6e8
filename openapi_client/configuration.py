"""Settings of a client: where the server is, how to authenticate, TLS, proxy, timeouts, retries, logging."""

from __future__ import annotations

import base64
import copy
import logging
import ssl
import sys
import threading
from typing import Any, Callable, ClassVar, Dict, List, Optional, Tuple, Union
from urllib.parse import urlsplit
from urllib.request import getproxies

import urllib3
from typing_extensions import Literal, NotRequired, TypedDict

from openapi_client.auth import basic_setting, bearer_setting, token_text
from openapi_client.deadlines import TimeoutValue as TimeoutValue
from openapi_client.debug_logging import DEBUG_LOGGING, LOGGER_NAMES
from openapi_client.exceptions import ApiValueError
from openapi_client.hosts import normalized_host
from openapi_client.redaction import REDACTED, redact_url
from openapi_client.retries import RetryPolicy

TokenValue = Union[None, str, bytes, Callable[[], Union[str, bytes]]]
RetriesValue = Union[None, bool, int, urllib3.Retry, RetryPolicy]

# The JSON Schema keywords that client-side validation would check (the generator's list).
JSON_SCHEMA_VALIDATION_KEYWORDS = {
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
}

ServerVariablesT = Dict[str, str]

# The shapes of `auth_settings()` entries, as the generator types them ("in" is a keyword, hence this syntax).
GenericAuthSetting = TypedDict("GenericAuthSetting", {"type": str, "in": str, "key": str, "value": str})
OAuth2AuthSetting = TypedDict(
    "OAuth2AuthSetting",
    {"type": Literal["oauth2"], "in": Literal["header"], "key": Literal["Authorization"], "value": str},
)
APIKeyAuthSetting = TypedDict(
    "APIKeyAuthSetting", {"type": Literal["api_key"], "in": str, "key": str, "value": Optional[str]}
)
BasicAuthSetting = TypedDict(
    "BasicAuthSetting",
    {"type": Literal["basic"], "in": Literal["header"], "key": Literal["Authorization"], "value": Optional[str]},
)
BearerFormatAuthSetting = TypedDict(
    "BearerFormatAuthSetting",
    {
        "type": Literal["bearer"],
        "in": Literal["header"],
        "format": Literal["JWT"],
        "key": Literal["Authorization"],
        "value": str,
    },
)
BearerAuthSetting = TypedDict(
    "BearerAuthSetting",
    {"type": Literal["bearer"], "in": Literal["header"], "key": Literal["Authorization"], "value": str},
)
HTTPSignatureAuthSetting = TypedDict(
    "HTTPSignatureAuthSetting",
    {"type": Literal["http-signature"], "in": Literal["header"], "key": Literal["Authorization"], "value": None},
)


# The spec's `bearerAuth`, and the `basicAuth` this client adds for username and password.
class AuthSettings(TypedDict, total=False):
    bearerAuth: BearerFormatAuthSetting
    basicAuth: BasicAuthSetting


class HostSettingVariable(TypedDict):
    """A variable of a server URL of the spec."""

    description: str
    default_value: str
    enum_values: List[str]


# A server of the spec. (The functional syntax evaluates `NotRequired` now: this module's annotations are deferred.)
HostSetting = TypedDict(  # noqa: UP013
    "HostSetting", {"url": str, "description": str, "variables": NotRequired[Dict[str, HostSettingVariable]]}
)


SERVERS: List[HostSetting] = [
    {"url": "http://airbyte.local", "description": "default host used in the documentation"},
    {"url": "http://localhost:8000/api", "description": "Local Airbyte deployment"},
]

# The keys of `Configuration.logger`, as the generator names them.
LOGGER_KEYS = {"package_logger": LOGGER_NAMES[0], "urllib3_logger": LOGGER_NAMES[1]}
DEFAULT_HOST = "http://airbyte.local"
# Enough for the largest workspaces with a wide margin: a connection of 3,000 streams is about 7 MB, a list of
# 2,000 connections about 3 MB.
DEFAULT_MAX_RESPONSE_BYTES = 128 * 1024 * 1024
# Connections kept per host: one for each thread sharing a client, up to this many, without "pool is full" warnings.
DEFAULT_POOL_MAXSIZE = 32
_SECRET_ATTRIBUTES = frozenset({"password", "access_token", "client_secret", "api_key", "proxy_headers"})
_URL_ATTRIBUTES = frozenset({"base_path", "proxy"})
# The settings the connection pools are built from: changing one makes the client build new pools.
TRANSPORT_SETTINGS = frozenset(
    {
        "verify_ssl",
        "ssl_ca_cert",
        "ca_cert_data",
        "cert_file",
        "key_file",
        "assert_hostname",
        "tls_server_name",
        "connection_pool_maxsize",
        "socket_options",
        "proxy",
        "proxy_headers",
        "proxy_ssl_context",
    }
)


class Configuration:
    """Settings of an `ApiClient`. Every argument is also an attribute.

    `host`: the base URL (`http(s)://host[:port][/path]`); a trailing slash is dropped, and a URL with a query, a
    fragment, credentials or another scheme is refused (`ApiValueError`) when it is set.
    Credentials (sent with every operation): `username`/`password` (basic auth), `access_token` (a bearer token, or
    a callable returning the current one; surrounding whitespace is dropped, bytes are decoded as UTF-8), or an
    Airbyte application's `client_id`/`client_secret`, whose access tokens the client obtains from
    `{host}/v1/applications/token` and renews itself.
    `timeout`: seconds for the whole call (every attempt and wait included), or a (connect, read) pair: each attempt
    connects within `connect` and receives its whole answer within `read`, the whole call ends within
    `connect + read`; `_request_timeout` overrides it per call (see `openapi_client.deadlines`).
    `retries`: None (the default `RetryPolicy`: 3 retries), a number of retries, False or 0 (none), a urllib3
    `Retry` (its counters, backoff and status list are used) or a `RetryPolicy`.
    `max_response_bytes`: the most a response body may hold, decoded (default 128 MiB; None: no limit); a larger
    one raises `ResponseTooLargeError` and is not read.
    `connection_pool_maxsize`: connections kept open per host (default 32): at least the number of threads that
    share one client.
    `proxy`, `no_proxy`: when not given, taken from the environment as the generator's client takes them (see
    `proxy`); a SOCKS proxy needs PySocks installed.
    `debug`: log requests and responses at DEBUG through `logging` (credentials are never logged); see
    `openapi_client.debug_logging` for what it changes and how `debug = False` undoes it. `debug=False` and the
    default change no logger.

    Changes made after an `ApiClient` was created take effect at its next call: the client reads the host, the
    credentials, `timeout`, `retries`, `max_response_bytes`, `no_proxy` and `pause_gc_while_parsing` at every call,
    and builds new connection pools when one of `TRANSPORT_SETTINGS` (TLS, proxy, pool size, socket options) is
    assigned; `debug`, `logger_file` and `logger_format` act at once. A dict or list changed in place
    (`proxy_headers`, `socket_options`) is not seen: assign a new one. `api_key`, `api_key_prefix`,
    `refresh_api_key_hook`, `client_side_validation` (request bodies are always validated), `temp_folder_path`,
    `safe_chars_for_path_param`, `datetime_format`, `date_format` and the `server_operation_*` settings are kept for
    compatibility with the generator's client; no operation of this API uses them.
    """

    _default: ClassVar[Optional[Configuration]] = None
    _default_lock: ClassVar[threading.Lock] = threading.Lock()
    # Counts the assignments of `TRANSPORT_SETTINGS`: a client builds new pools when it differs from theirs.
    transport_generation: int = 0

    def __init__(
        self,
        host: Optional[str] = None,
        api_key: Optional[Dict[str, str]] = None,
        api_key_prefix: Optional[Dict[str, str]] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        access_token: TokenValue = None,
        server_index: Optional[int] = None,
        server_variables: Optional[ServerVariablesT] = None,
        server_operation_index: Optional[Dict[str, int]] = None,
        server_operation_variables: Optional[Dict[str, ServerVariablesT]] = None,
        ignore_operation_servers: bool = False,
        ssl_ca_cert: Optional[str] = None,
        retries: RetriesValue = None,
        ca_cert_data: Union[str, bytes, None] = None,
        cert_file: Optional[str] = None,
        key_file: Optional[str] = None,
        verify_ssl: bool = True,
        assert_hostname: Union[bool, str, None] = None,
        tls_server_name: Optional[str] = None,
        connection_pool_maxsize: Optional[int] = None,
        proxy: Optional[str] = None,
        no_proxy: Optional[str] = None,
        proxy_headers: Optional[Dict[str, str]] = None,
        proxy_ssl_context: Optional[ssl.SSLContext] = None,
        safe_chars_for_path_param: str = "",
        client_side_validation: bool = True,
        socket_options: Optional[List[Tuple[int, int, Union[int, bytes]]]] = None,
        datetime_format: str = "%Y-%m-%dT%H:%M:%S.%f%z",
        date_format: str = "%Y-%m-%d",
        *,
        debug: Optional[bool] = None,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        timeout: TimeoutValue = (10.0, 60.0),
        max_response_bytes: Optional[int] = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        self._base_path = DEFAULT_HOST if host is None else normalized_host(host)
        self.server_index = 0 if server_index is None and host is None else server_index
        self.server_variables = server_variables or {}
        self.server_operation_index = server_operation_index or {}
        self.server_operation_variables = server_operation_variables or {}
        self.ignore_operation_servers = ignore_operation_servers
        self.temp_folder_path: Optional[str] = None

        self.api_key = api_key or {}
        self.api_key_prefix = api_key_prefix or {}
        self.refresh_api_key_hook: Optional[Callable[[Configuration], None]] = None
        self.username = username
        self.password = password
        self.access_token = access_token
        self.client_id = client_id
        self.client_secret = client_secret

        self.logger = {key: logging.getLogger(name) for key, name in LOGGER_KEYS.items()}
        self._logger_format = "%(asctime)s %(levelname)s %(message)s"
        self.logger_formatter = logging.Formatter(self._logger_format)
        self.logger_stream_handler: Optional[logging.Handler] = None
        self.logger_file_handler: Optional[logging.FileHandler] = None
        self._logger_file: Optional[str] = None
        self._debug = False
        if debug:
            self.debug = True

        self.verify_ssl = verify_ssl
        self.ssl_ca_cert = ssl_ca_cert
        self.ca_cert_data = ca_cert_data
        self.cert_file = cert_file
        self.key_file = key_file
        self.assert_hostname = assert_hostname
        self.tls_server_name = tls_server_name

        self.connection_pool_maxsize = (
            DEFAULT_POOL_MAXSIZE if connection_pool_maxsize is None else connection_pool_maxsize
        )
        # As in the stock client (and curl, pip, requests), a proxy setting not given comes from the environment.
        environment = getproxies() if proxy is None or no_proxy is None else {}
        if proxy is None:
            self._take_proxy_from(environment)
        else:
            self.proxy = proxy
        self.proxy_headers = proxy_headers
        # Used for the TLS handshake with the proxy itself (an HTTPS proxy), not with the server.
        self.proxy_ssl_context = proxy_ssl_context
        self.no_proxy = environment.get("no") if no_proxy is None else no_proxy
        self.socket_options = socket_options

        self.timeout = timeout
        self.retries: RetriesValue = retries
        self.max_response_bytes = max_response_bytes
        self.safe_chars_for_path_param = safe_chars_for_path_param
        self.client_side_validation = client_side_validation
        # Pause the garbage collector while a large response body is parsed (see `openapi_client.gc_pause`).
        self.pause_gc_while_parsing = True
        self.datetime_format = datetime_format
        self.date_format = date_format

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        if name in TRANSPORT_SETTINGS:
            super().__setattr__("transport_generation", self.__dict__.get("transport_generation", 0) + 1)

    # -- the process-wide default ------------------------------------------------------------------------

    @classmethod
    def set_default(cls, default: Optional[Configuration]) -> None:
        """Make `default` the configuration of clients created without one."""
        with cls._default_lock:
            cls._default = default

    @classmethod
    def get_default(cls) -> Configuration:
        """The configuration of clients created without one (created on first use)."""
        with cls._default_lock:
            if cls._default is None:
                cls._default = Configuration()
            return cls._default

    @classmethod
    def get_default_copy(cls) -> Configuration:
        """A copy of the default configuration."""
        return copy.deepcopy(cls.get_default())

    def __deepcopy__(self, memo: Dict[int, Any]) -> Configuration:
        result = Configuration.__new__(Configuration)
        memo[id(self)] = result
        for key, value in self.__dict__.items():
            # Loggers, handlers and SSL contexts cannot be copied (nor should they be).
            shared = key in {"logger", "logger_stream_handler", "logger_file_handler", "proxy_ssl_context"}
            shared = shared or callable(value)
            setattr(result, key, value if shared else copy.deepcopy(value, memo))
        return result

    def __repr__(self) -> str:
        shown = {
            key: self._shown(key, value)
            for key, value in sorted(self.__dict__.items())
            if key not in ("logger", "transport_generation")
        }
        return f"Configuration({', '.join(f'{k.lstrip(chr(95))}={v!r}' for k, v in shown.items())})"

    @staticmethod
    def _shown(key: str, value: Any) -> Any:
        name = key.lstrip("_")
        if name in _SECRET_ATTRIBUTES and value:
            return REDACTED
        if name in _URL_ATTRIBUTES and isinstance(value, str):
            return redact_url(value)
        return value

    # -- where requests go -------------------------------------------------------------------------------

    @property
    def host(self) -> str:
        """The base URL that operation paths are appended to."""
        if self.server_index is None:
            return self._base_path
        return self.get_host_from_settings(self.server_index, self.server_variables)

    @host.setter
    def host(self, value: str) -> None:
        self._base_path = normalized_host(value)
        self.server_index = None
        if self._proxy_from_environment:
            # Which of the environment's proxies applies depends on the host's scheme.
            self._take_proxy_from(getproxies())

    @property
    def proxy(self) -> Optional[str]:
        """The URL of the proxy that requests go through (`http://` or `https://`, credentials in it become a
        `Proxy-Authorization`). When none was given, the environment's for the host's scheme (`HTTP_PROXY`,
        `HTTPS_PROXY`, then `ALL_PROXY`, as `urllib.request.getproxies()` reads them)."""
        return self._proxy

    @proxy.setter
    def proxy(self, value: Optional[str]) -> None:
        self._proxy = value
        self._proxy_from_environment = False

    @property
    def proxy_from_environment(self) -> bool:
        """Whether `proxy` was taken from the environment. Such a proxy is not used for this machine's own
        addresses (`localhost`, `127.0.0.1`, `::1`), which it could not reach for us."""
        return self._proxy_from_environment

    def _take_proxy_from(self, environment: Dict[str, str]) -> None:
        self.proxy = environment_proxy(environment, self.host)
        self._proxy_from_environment = True

    def get_host_settings(self) -> List[HostSetting]:
        """The servers the spec lists."""
        return copy.deepcopy(SERVERS)

    def get_host_from_settings(
        self,
        index: Optional[int],
        variables: Optional[ServerVariablesT] = None,
        servers: Optional[List[HostSetting]] = None,
    ) -> str:
        """The URL of the spec's server number `index` (`None`: the configured host), its variables filled in."""
        if index is None:
            return self._base_path
        servers = self.get_host_settings() if servers is None else servers
        if not 0 <= index < len(servers):
            raise ApiValueError(f"Invalid host index {index}: must be between 0 and {len(servers) - 1}")
        url = servers[index]["url"]
        for name, spec in servers[index].get("variables", {}).items():
            value = (variables or {}).get(name, spec["default_value"])
            allowed = spec.get("enum_values")
            if allowed and value not in allowed:
                raise ApiValueError(f"The server variable `{name}` is {value!r}; it must be one of {allowed}")
            url = url.replace("{" + name + "}", value)
        return url

    # -- credentials -------------------------------------------------------------------------------------

    def get_api_key_with_prefix(self, identifier: str, alias: Optional[str] = None) -> Optional[str]:
        """The API key stored under `identifier` (or `alias`), with its prefix if one is set."""
        if self.refresh_api_key_hook is not None:
            self.refresh_api_key_hook(self)
        key = self.api_key.get(identifier, self.api_key.get(alias) if alias is not None else None)
        if key is None:
            return None
        prefix = self.api_key_prefix.get(identifier)
        return f"{prefix} {key}" if prefix else key

    def get_basic_auth_token(self) -> Optional[str]:
        """The `Authorization` value for `username`/`password`, or None when neither is set."""
        if self.username is None and self.password is None:
            return None
        pair = f"{self.username or ''}:{self.password or ''}".encode()
        return "Basic " + base64.b64encode(pair).decode("ascii")

    def current_access_token(self) -> Optional[str]:
        """`access_token` (called first when it is a callable that returns the current token), without surrounding
        whitespace; bytes are decoded as UTF-8."""
        token = self.access_token
        if token is None:
            return None
        return token_text(token() if callable(token) else token, "access_token")

    def auth_settings(self) -> Dict[str, Dict[str, Any]]:
        """The authentication schemes that have credentials configured, in the generator's format."""
        settings: Dict[str, Dict[str, Any]] = {}
        token = self.current_access_token()
        if token is not None:
            settings["bearerAuth"] = bearer_setting(token)
        basic = self.get_basic_auth_token()
        if basic is not None:
            settings["basicAuth"] = basic_setting(basic)
        return settings

    # -- logging -----------------------------------------------------------------------------------------

    @property
    def logger_file(self) -> Optional[str]:
        """A file that the client's log records are also written to."""
        return self._logger_file

    @logger_file.setter
    def logger_file(self, value: Optional[str]) -> None:
        self._logger_file = value
        if self.logger_file_handler is not None:
            for logger in self.logger.values():
                logger.removeHandler(self.logger_file_handler)
            self.logger_file_handler.close()
            self.logger_file_handler = None
        if value:
            self.logger_file_handler = logging.FileHandler(value)
            self.logger_file_handler.setFormatter(self.logger_formatter)
            for logger in self.logger.values():
                logger.addHandler(self.logger_file_handler)

    @property
    def logger_format(self) -> str:
        """The format of the records our handlers write (`logger_file`, and the one `debug` may add); setting it
        also sets `logger_formatter`."""
        return self._logger_format

    @logger_format.setter
    def logger_format(self, value: str) -> None:
        self._logger_format = value
        self.logger_formatter = logging.Formatter(value)
        if self.logger_file_handler is not None:
            self.logger_file_handler.setFormatter(self.logger_formatter)
        if self._debug:
            DEBUG_LOGGING.set_format(value)

    @property
    def debug(self) -> bool:
        """Log every request and response (secrets redacted) at DEBUG level through `logging`.

        True sets the `openapi_client` and `urllib3` loggers to DEBUG and, when their records would reach no handler
        (as in a notebook where logging was never set up), adds one that writes to stderr; False gives the loggers
        back their levels and removes that handler (once no configuration has debug on)."""
        return self._debug

    @debug.setter
    def debug(self, value: bool) -> None:
        if value and not self._debug:
            DEBUG_LOGGING.turn_on(self, self._logger_format)
        elif self._debug and not value:
            DEBUG_LOGGING.turn_off(self)
        self._debug = bool(value)

    def to_debug_report(self) -> str:
        """The versions a bug report should name."""
        from openapi_client import __version__

        return (
            "Python SDK Debug Report:\n"
            f"OS: {sys.platform}\n"
            f"Python Version: {sys.version.split()[0]}\n"
            "Version of the API: 1.0.0\n"
            f"SDK Package Version: {__version__}"
        )


def environment_proxy(proxies: Dict[str, str], host: str) -> Optional[str]:
    """The proxy that `proxies` (as `urllib.request.getproxies()` reads them) name for `host`'s scheme, if any."""
    return proxies.get(urlsplit(host).scheme.lower()) or proxies.get("all")

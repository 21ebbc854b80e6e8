"""The HTTP transport: urllib3 pool managers built from the configuration (and built again when a setting of theirs
changes); one attempt per request.

urllib3 retries nothing here (the client's own loop in `ApiClient.call_api` decides, knowing the operation), and
follows no redirect itself: a request follows one only within its origin (scheme, host and port), so that no
credential, cookie or body ever reaches another; any other redirect is an error naming its `Location`.
"""

from __future__ import annotations

import importlib
import io
import ipaddress
import re
import ssl
import threading
from typing import Any, Dict, Mapping, Optional, Tuple, Union
from urllib.parse import unquote, urljoin, urlsplit

import urllib3

from openapi_client.bodies import BodyTooLarge, discard, read_body
from openapi_client.configuration import Configuration, TimeoutValue
from openapi_client.connections import bounded
from openapi_client.deadlines import TimeLimits
from openapi_client.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiTimeoutError,
    ApiTLSError,
    ApiValueError,
    ResponseTooLargeError,
)
from openapi_client.hosts import is_loopback
from openapi_client.redaction import redact_url

__all__ = [
    "ApiException",
    "RESTClientObject",
    "RESTResponse",
    "RESTResponseType",
    "to_urllib3_timeout",
    "transport_error",
]

# What the `_without_preload_content` variant of an operation returns.
RESTResponseType = urllib3.HTTPResponse
RequestBody = Union[None, bytes, str]
SUPPORTED_SOCKS_PROXIES = {"socks5", "socks5h", "socks4", "socks4a"}
MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
DEFAULT_PORTS = {"http": 80, "https": 443}
# The methods whose headers `PoolManager.request` passes on as they are (it encodes their fields in the URL).
URL_ENCODED_METHODS = frozenset({"DELETE", "GET", "HEAD", "OPTIONS"})
NO_RETRIES = urllib3.Retry(total=0, redirect=False, raise_on_status=False, respect_retry_after_header=False)


class RESTResponse(io.IOBase):
    """A response whose body is read on demand; `response` is the urllib3 response itself."""

    __slots__ = ("data", "limit", "operation", "reason", "response", "status", "url")

    def __init__(
        self,
        resp: urllib3.BaseHTTPResponse,
        url: str = "",
        operation: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> None:
        self.response = resp
        self.url = url
        self.operation = operation
        self.status = resp.status
        self.reason = resp.reason
        self.limit = limit
        self.data: Optional[bytes] = None

    def read(self) -> bytes:
        """The whole body (read once, then kept), at most `limit` bytes of it decoded."""
        if self.data is None:
            try:
                self.data = read_body(self.response, self.limit)
            except urllib3.exceptions.HTTPError as error:
                raise transport_error(error, self.url, self.operation) from error
            except BodyTooLarge as error:
                raise _too_large(self, error) from None
        return self.data

    @property
    def headers(self) -> urllib3.HTTPHeaderDict:
        return self.response.headers

    def getheaders(self) -> urllib3.HTTPHeaderDict:
        """The response headers."""
        return self.response.headers

    def getheader(self, name: str, default: Optional[str] = None) -> Optional[str]:
        """One response header."""
        return self.response.headers.get(name, default)


class RESTClientObject:
    """Sends requests over the connection pools of one configuration."""

    def __init__(self, configuration: Configuration) -> None:
        self.configuration = configuration
        self._lock = threading.Lock()
        self._generation, self.pool_manager, self.proxy_manager = self._managers()

    def _managers(self) -> Tuple[int, urllib3.PoolManager, Optional[urllib3.PoolManager]]:
        """New pool managers from the configuration's transport settings, and the generation of those settings."""
        configuration = self.configuration
        # Read first: a setting changed while the managers are built is taken at the next request.
        generation = configuration.transport_generation
        pool_args = _pool_arguments(configuration)
        proxy_manager = None
        if configuration.proxy:
            proxy_manager = bounded(
                _proxy_manager(
                    configuration.proxy, configuration.proxy_headers, configuration.proxy_ssl_context, pool_args
                )
            )
        return generation, bounded(urllib3.PoolManager(**pool_args)), proxy_manager

    def manager_for(self, url: str) -> urllib3.PoolManager:
        """The proxy manager, unless there is no proxy, `no_proxy` names the URL's host, or the proxy came from the
        environment and the host is this machine (rebuilt first when the configuration's TLS, proxy or pool settings
        changed)."""
        configuration = self.configuration
        if configuration.transport_generation != self._generation:
            self._rebuild()
        if self.proxy_manager is None or should_bypass_proxies(url, configuration.no_proxy or ""):
            return self.pool_manager
        if configuration.proxy_from_environment and is_loopback(urlsplit(url).hostname or ""):
            return self.pool_manager
        return self.proxy_manager

    def _rebuild(self) -> None:
        with self._lock:
            if self.configuration.transport_generation == self._generation:
                return
            old = (self.pool_manager, self.proxy_manager)
            self._generation, self.pool_manager, self.proxy_manager = self._managers()
        # Connections in use finish their exchange and are closed when they come back.
        for manager in old:
            if manager is not None:
                manager.clear()

    def request(
        self,
        method: str,
        url: str,
        headers: Optional[Mapping[str, str]] = None,
        body: Any = None,
        post_params: Any = None,
        _request_timeout: TimeoutValue = None,
        *,
        operation: Optional[str] = None,
        redirects: bool = True,
    ) -> RESTResponse:
        """Send one request, following redirects within its origin (unless `redirects` is false); the body is left
        unread in the returned response. A redirect to another origin raises an `ApiException` naming it."""
        timeout = _request_timeout
        if not isinstance(timeout, urllib3.Timeout):
            timeout = to_urllib3_timeout(self.configuration.timeout if timeout is None else timeout)
        method = method.upper()
        response = self._open(method, url, headers, body, timeout, operation)
        hops = 0
        while redirects and response.status in REDIRECT_STATUSES and response.headers.get("Location"):
            target = urljoin(url, response.headers["Location"])
            hops += 1
            refusal = _redirect_refusal(url, target)
            if refusal is None and hops > MAX_REDIRECTS:
                refusal = f"more than {MAX_REDIRECTS} redirects"
            discard(response)
            if refusal:
                raise ApiException(
                    status=response.status,
                    reason=f"{response.reason}: not following the redirect to {redact_url(target)} ({refusal})",
                    headers=dict(response.headers),
                    operation=operation,
                    url=redact_url(url),
                )
            if response.status == 303:  # "see other": fetch it, do not send the body again
                method, body = "GET", None
            response = self._open(method, target, headers, body, timeout, operation)
        return RESTResponse(response, url, operation, self.configuration.max_response_bytes)

    def _open(
        self,
        method: str,
        url: str,
        headers: Optional[Mapping[str, str]],
        body: Any,
        timeout: Optional[urllib3.Timeout],
        operation: Optional[str],
    ) -> urllib3.BaseHTTPResponse:
        try:
            return self.manager_for(url).urlopen(
                method,
                url,
                body=body,
                headers=_for_urlopen(method, headers),
                timeout=timeout,
                retries=NO_RETRIES,
                redirect=False,
                preload_content=False,
            )
        except urllib3.exceptions.LocationValueError as error:
            raise ApiValueError(f"Cannot call {_doing(url, operation)}: invalid URL ({error})") from error
        except urllib3.exceptions.HTTPError as error:
            raise transport_error(error, url, operation) from error

    def close(self) -> None:
        """Close every pooled connection."""
        self.pool_manager.clear()
        if self.proxy_manager is not None:
            self.proxy_manager.clear()


def to_urllib3_timeout(value: TimeoutValue) -> Optional[urllib3.Timeout]:
    """A per-call or configured timeout as urllib3 takes it, for one attempt with all the time it allows (see
    `openapi_client.deadlines`): a number as both connect and read timeout, a pair as (connect, read)."""
    return value if isinstance(value, urllib3.Timeout) else TimeLimits.of(value).timeout


def _origin(url: str) -> Tuple[str, str, Optional[int]]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or DEFAULT_PORTS.get(scheme)


def _redirect_refusal(url: str, target: str) -> Optional[str]:
    """Why a redirect from `url` to `target` is not followed, or None when it is (same scheme, host and port)."""
    try:
        same = _origin(url) == _origin(target)
    except ValueError:
        return "an invalid URL"
    return None if same else "another origin"


def _too_large(response: RESTResponse, error: BodyTooLarge) -> ResponseTooLargeError:
    size = f"announces {error.announced:,} bytes" if error.announced is not None else "is larger"
    return ResponseTooLargeError(
        f"the body {size}, over Configuration.max_response_bytes ({error.limit:,} bytes); it was not read",
        http_resp=response,
        body="",
        operation=response.operation,
        url=redact_url(response.url),
    )


def _for_urlopen(method: str, headers: Optional[Mapping[str, str]]) -> Optional[Mapping[str, str]]:
    """The headers as `PoolManager.request` would pass them on, where it matters.

    `urlopen` is called directly because `request` copies the headers of a POST into an `HTTPHeaderDict`, which
    urllib3 then reads slowly: a twentieth of a small call to a local server (14 us of 220). The copy only
    changes headers whose names differ just in case (it sends them all under the first spelling); such headers
    still get it, so the request on the wire is the same.
    """
    if headers is None or method in URL_ENCODED_METHODS or len({name.lower() for name in headers}) == len(headers):
        return headers
    return urllib3.HTTPHeaderDict(headers)


def transport_error(error: Exception, url: str, operation: Optional[str] = None) -> ApiConnectionError:
    """The library's exception for a urllib3 failure, naming what was being done."""
    cause = error.reason if isinstance(error, urllib3.exceptions.MaxRetryError) and error.reason else error
    doing = _doing(url, operation)
    context: Dict[str, Any] = {"operation": operation, "url": redact_url(url), "request_sent": _may_have_sent(cause)}
    if isinstance(cause, urllib3.exceptions.SSLError):
        return ApiTLSError(f"TLS handshake failed calling {doing}: {cause}", **context)
    # urllib3 files a refused connection under its connect-timeout class; it is not a timeout.
    timed_out = isinstance(cause, (urllib3.exceptions.TimeoutError, TimeoutError))
    if timed_out and not isinstance(cause, urllib3.exceptions.NewConnectionError):
        return ApiTimeoutError(f"Timed out calling {doing}: {cause}", **context)
    return ApiConnectionError(f"Could not call {doing}: {cause}", **context)


def _may_have_sent(cause: BaseException) -> bool:
    """False when no connection was opened (to the server or its proxy), so the request surely never left."""
    if isinstance(cause, urllib3.exceptions.ProxyError) and cause.original_error is not None:
        cause = cause.original_error
    return not isinstance(cause, urllib3.exceptions.ConnectTimeoutError)


def _doing(url: str, operation: Optional[str]) -> str:
    shown = redact_url(url)
    return f"{operation} ({shown})" if operation else str(shown)


def should_bypass_proxies(url: str, no_proxy: str) -> bool:
    """Whether `no_proxy` (comma-separated hosts, domains, `host:port`s, IP networks, or `*`) names `url`'s host."""
    parts = urlsplit(url)
    if not parts.hostname:
        return True
    host, host_and_port = parts.hostname.lower(), parts.netloc.lower().rpartition("@")[2]
    try:
        address: Optional[ipaddress._BaseAddress] = ipaddress.ip_address(host)
    except ValueError:
        address = None
    for entry in (entry.strip().lower() for entry in no_proxy.split(",")):
        if entry == "*" or (address is not None and _in_network(address, entry)):
            return True
        domain = entry.lstrip(".")
        if domain and any(name == domain or name.endswith("." + domain) for name in (host, host_and_port)):
            return True
    return False


def _in_network(address: ipaddress._BaseAddress, entry: str) -> bool:
    try:
        return address in ipaddress.ip_network(entry, strict=False)
    except ValueError:
        return False


def is_socks_proxy_url(url: Optional[str]) -> bool:
    """Whether `url` is a SOCKS proxy's (`socks5://`, `socks5h://`, `socks4://`, `socks4a://`)."""
    scheme, separator, _ = (url or "").partition("://")
    return bool(separator) and scheme.lower() in SUPPORTED_SOCKS_PROXIES


def contenttype_matches(contenttype: str, maintype: str, subtype: str) -> bool:
    """Whether a `Content-Type` is `maintype/subtype` (or `maintype/x+subtype`), whatever its parameters."""
    pattern = rf"{re.escape(maintype)}/(?:[^+;]+\+)?{re.escape(subtype)}(?:[ \t]*;.*)?"
    return re.fullmatch(pattern, contenttype, re.IGNORECASE) is not None


def _proxy_manager(
    url: str, headers: Optional[Dict[str, str]], ssl_context: Optional[ssl.SSLContext], pool_args: Dict[str, Any]
) -> urllib3.PoolManager:
    """A proxy manager; credentials in the proxy URL (`http://user:password@proxy:3128`) become its
    `Proxy-Authorization`, unless `proxy_headers` has one. `ssl_context` is for the TLS to an HTTPS proxy."""
    try:
        parsed = urllib3.util.parse_url(url)
    except urllib3.exceptions.LocationParseError:
        raise ApiValueError(f"Invalid proxy URL {redact_url(url)}") from None
    if is_socks_proxy_url(url):
        return _socks_proxy_manager(url, pool_args)
    headers = dict(headers or {})
    if parsed.auth and not any(name.lower() == "proxy-authorization" for name in headers):
        headers["Proxy-Authorization"] = urllib3.make_headers(proxy_basic_auth=unquote(parsed.auth))[
            "proxy-authorization"
        ]
    try:
        return urllib3.ProxyManager(proxy_url=url, proxy_headers=headers, proxy_ssl_context=ssl_context, **pool_args)
    except urllib3.exceptions.HTTPError as error:
        raise ApiValueError(f"Invalid proxy {redact_url(url)}: {error}") from None


def _socks_proxy_manager(url: str, pool_args: Dict[str, Any]) -> urllib3.PoolManager:
    """A SOCKS proxy's manager (credentials in its URL go to the proxy; `proxy_headers` have no use there)."""
    try:
        importlib.import_module("socks")  # first: without PySocks, urllib3's module warns before it fails
    except ImportError:
        raise ApiValueError(
            f"The SOCKS proxy {redact_url(url)} needs PySocks, which is not installed: pip install PySocks"
        ) from None
    from urllib3.contrib.socks import SOCKSProxyManager

    try:
        return SOCKSProxyManager(url, **pool_args)
    except ValueError as error:
        raise ApiValueError(f"Invalid proxy {redact_url(url)}: {error}") from None


def _pool_arguments(configuration: Configuration) -> Dict[str, Any]:
    args: Dict[str, Any] = {
        "num_pools": 4,
        "maxsize": configuration.connection_pool_maxsize,
        "cert_reqs": ssl.CERT_REQUIRED if configuration.verify_ssl else ssl.CERT_NONE,
        "ca_certs": configuration.ssl_ca_cert,
        "cert_file": configuration.cert_file,
        "key_file": configuration.key_file,
    }
    if configuration.ca_cert_data is not None:
        args["ca_cert_data"] = _ca_data(configuration.ca_cert_data)
    if configuration.assert_hostname is not None:
        args["assert_hostname"] = configuration.assert_hostname
    if configuration.tls_server_name:
        args["server_hostname"] = configuration.tls_server_name
    if configuration.socket_options is not None:
        args["socket_options"] = configuration.socket_options
    return args


def _ca_data(data: Union[str, bytes]) -> Union[str, bytes]:
    """ssl reads bytes as DER: PEM given as bytes is decoded, so that both forms of PEM work."""
    if isinstance(data, bytes) and data.lstrip().startswith(b"-----BEGIN"):
        return data.decode("ascii")
    return data

"""What a host URL may be: checked and normalised once, when it is configured, so that every request path appended to
it lands where it should; and whether a host is this machine."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit, urlunsplit

from openapi_client.exceptions import ApiValueError
from openapi_client.redaction import redact_url

SCHEMES = ("http", "https")


def normalized_host(url: str) -> str:
    """`url` as operation paths are appended to it: scheme and host in lower case, no trailing slash.

    Refused with `ApiValueError`: a scheme other than http(s), no host, an invalid port or IPv6 address, a query or a
    fragment (the path would land inside them), spaces and control characters, and credentials (`user:password@`:
    give them as `username` and `password`, which are never shown, where a URL is shown in every error message)."""
    if not isinstance(url, str):
        raise ApiValueError(f"The host is a URL string, not {type(url).__name__}")
    shown = redact_url(url)
    url = url.strip()
    if not url.isprintable() or " " in url:
        raise ApiValueError(f"Invalid host URL {shown!r}: it holds spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise ApiValueError(f"Invalid host URL {shown!r}: {error}") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise ApiValueError(f"Invalid host URL {shown!r}: the scheme must be http or https")
    if not parts.hostname:
        raise ApiValueError(f"Invalid host URL {shown!r}: it names no host")
    if "?" in url or "#" in url:
        raise ApiValueError(f"Invalid host URL {shown!r}: a host URL has no query (?) or fragment (#)")
    if "@" in parts.netloc:
        raise ApiValueError(f"The host URL {shown!r} holds credentials: give them as `username` and `password` instead")
    netloc = parts.netloc.lower() if port is None else f"{parts.netloc.rsplit(':', 1)[0].lower()}:{port}"
    return urlunsplit((scheme, netloc, parts.path.rstrip("/"), "", ""))


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or an address) is this machine."""
    host = host.lower().strip("[]")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


__all__ = ["SCHEMES", "is_loopback", "normalized_host"]

"""Keeping credentials out of logs, reprs and exception messages."""

from __future__ import annotations

from typing import Any, Dict, Iterable, Mapping, Optional
from urllib.parse import urlsplit, urlunsplit

REDACTED = "<redacted>"
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"})


def redact_headers(headers: Mapping[str, Any]) -> Dict[str, Any]:
    """Headers fit for a log: credentials replaced."""
    return {name: (REDACTED if name.lower() in SECRET_HEADERS else value) for name, value in headers.items()}


def redact_url(url: Optional[str]) -> Optional[str]:
    """`url` without the password a `user:password@` part may carry."""
    if not url or "@" not in url:
        return url
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:{REDACTED}@{host}"))


def redact_text(text: str, secrets: Iterable[Optional[str]]) -> str:
    """`text` with every occurrence of each secret replaced (for bodies a server may echo credentials in)."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text

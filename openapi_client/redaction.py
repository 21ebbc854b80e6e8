"""Keeping credentials out of logs, reprs and exception messages."""

from __future__ import annotations

import logging
import re
from typing import Any, Dict, Iterable, Mapping, Optional
from urllib.parse import urlsplit, urlunsplit

REDACTED = "<redacted>"
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"})


def redact_headers(headers: Mapping[str, Any]) -> Dict[str, Any]:
    """Headers fit for a log: credentials replaced."""
    return {name: (REDACTED if name.lower() in SECRET_HEADERS else value) for name, value in headers.items()}


def redact_url(url: Optional[str]) -> Optional[str]:
    """`url` without the password a `user:password@` part may carry, nor the values of its query: this API takes no
    query parameters, so a query carries credentials (`_request_auth` with `"in": "query"`)."""
    if not url or ("@" not in url and "?" not in url):
        return url
    parts = urlsplit(url)
    if parts.query:
        parts = parts._replace(query=_redact_query(parts.query))
    if parts.password is not None:
        host = parts.netloc.rsplit("@", 1)[1]
        parts = parts._replace(netloc=f"{parts.username}:{REDACTED}@{host}")
    return urlunsplit(parts)


def _redact_query(query: str) -> str:
    """`name=value&...` with every value replaced (a field without a name is a value)."""
    fields = (field.partition("=") for field in query.split("&"))
    return "&".join(f"{name}={REDACTED}" if equals else REDACTED for name, equals, _ in fields)


# A query in a line urllib3 logs: from the `?` to the end of the URL.
_LOGGED_QUERY = re.compile(r"\?([^\s'\"]*)")
# The loggers of urllib3 whose records name a request's URL, with its query.
URLLIB3_URL_LOGGERS = ("urllib3.connectionpool", "urllib3.poolmanager", "urllib3.util.retry")


class QueryRedactingFilter(logging.Filter):
    """Replaces the values of the queries that urllib3's records name (`"POST /path?token=... HTTP/1.1"`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "?" in message:
            record.msg, record.args = _LOGGED_QUERY.sub(lambda m: "?" + _redact_query(m.group(1)), message), None
        return True


_QUERY_FILTER = QueryRedactingFilter()


def redact_logged_queries() -> None:
    """Keep the queries of the URLs urllib3 logs out of its records, from now on (idempotent: a logger keeps one
    instance of a filter). Called when a credential is first put in a query."""
    for name in URLLIB3_URL_LOGGERS:
        logging.getLogger(name).addFilter(_QUERY_FILTER)


def redact_text(text: str, secrets: Iterable[Optional[str]]) -> str:
    """`text` with every occurrence of each secret replaced (for bodies a server may echo credentials in)."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text

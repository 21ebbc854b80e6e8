"""Keeping credentials out of logs, reprs and exception messages."""

from __future__ import annotations

from typing import Any, Dict, Mapping

REDACTED = "<redacted>"
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"})


def redact_headers(headers: Mapping[str, Any]) -> Dict[str, Any]:
    """Headers fit for a log: credentials replaced."""
    return {name: (REDACTED if name.lower() in SECRET_HEADERS else value) for name, value in headers.items()}

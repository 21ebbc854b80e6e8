"""Airbyte applications: client credentials traded for short-lived access tokens at `/v1/applications/token`.

The local web backend hands out tokens shaped like Airbyte's (a JWT whose `exp` claim says when it expires)
but does not check the `Authorization` of the operations: it records it, for tests to look at.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from typing import Dict, List, Tuple

TOKEN_PATH = "/v1/applications/token"
TOKEN_LIFETIME_SECONDS = 180


class Applications:
    """The applications the server knows, and the tokens it issued."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._secrets: Dict[str, str] = {}
        self.issued: List[str] = []

    def add(self, client_id: str = "", client_secret: str = "") -> Tuple[str, str]:
        """An application: its client id and secret (made up unless given)."""
        client_id = client_id or f"local-{secrets.token_hex(8)}"
        client_secret = client_secret or secrets.token_urlsafe(24)
        with self._lock:
            self._secrets[client_id] = client_secret
        return client_id, client_secret

    def token(self, raw_body: bytes) -> Tuple[int, bytes]:
        """The answer to a token request: 200 with `access_token`, 400 for a bad body, 401 for bad credentials."""
        try:
            request = json.loads(raw_body)
            client_id, client_secret = request["client_id"], request["client_secret"]
        except (ValueError, TypeError, KeyError):
            return 400, _json({"message": "A token request is a JSON object with client_id and client_secret"})
        with self._lock:
            known = isinstance(client_id, str) and self._secrets.get(client_id)
            if not known or not secrets.compare_digest(str(known), str(client_secret)):
                return 401, _json({"message": "Unknown client_id or wrong client_secret"})
            token = _jwt({"sub": client_id, "exp": int(time.time()) + TOKEN_LIFETIME_SECONDS})
            self.issued.append(token)
        return 200, _json({"access_token": token, "token_type": "Bearer", "expires_in": TOKEN_LIFETIME_SECONDS})


def _jwt(claims: Dict[str, object]) -> str:
    header = _base64({"alg": "none", "typ": "JWT"})
    return f"{header}.{_base64(claims)}.{secrets.token_urlsafe(16)}"


def _base64(document: Dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(document).encode("utf-8")).decode("ascii").rstrip("=")


def _json(document: Dict[str, object]) -> bytes:
    return json.dumps(document).encode("utf-8")

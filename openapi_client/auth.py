"""The credentials a client sends: which `Authorization` header each request carries, and Airbyte application tokens.

An Airbyte application (`client_id` + `client_secret`) trades its credentials for a short-lived access token at
`POST {host}/v1/applications/token`. The token is cached per client and replaced ahead of its expiry, which its JWT
`exp` claim gives (read without verifying the signature: the server verifies, the client only schedules). One
thread fetches at a time; the others that need a token meanwhile wait for that fetch, each no longer than its own
call's deadline, and share its outcome: its token, or its failure (so that a failing token endpoint is asked once,
not once per waiting thread in turn).
"""

from __future__ import annotations

import base64
import collections
import copy
import json
import math
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Deque, Dict, Optional, Tuple

from openapi_client.deadlines import CURRENT
from openapi_client.exceptions import ApiConnectionError, ApiException, ApiValueError, UnauthorizedException
from openapi_client.headers import checked
from openapi_client.redaction import redact_text, redact_url

if TYPE_CHECKING:
    from openapi_client.configuration import Configuration
    from openapi_client.rest import RESTResponse

TOKEN_PATH = "/v1/applications/token"
TOKEN_REQUEST = "application token request"
# A token is replaced when this share of its lifetime is left, but never earlier than MAX_MARGIN before it expires.
MARGIN_SHARE = 0.2
MAX_MARGIN = 60.0
# A token whose expiry cannot be read is replaced this often (Airbyte's tokens live 3 minutes or more).
FALLBACK_LIFETIME = 120.0

PostToken = Callable[[str, bytes], "RESTResponse"]


def bearer_setting(token: str) -> Dict[str, Any]:
    """The generator's description of a bearer credential."""
    return {"type": "bearer", "in": "header", "format": "JWT", "key": "Authorization", "value": f"Bearer {token}"}


def basic_setting(value: str) -> Dict[str, Any]:
    """The generator's description of a basic credential (`value` is the whole header value)."""
    return {"type": "basic", "in": "header", "key": "Authorization", "value": value}


def token_text(token: Any, name: str) -> Optional[str]:
    """A token as a header takes it: without surrounding whitespace (a token file's newline), bytes decoded."""
    if token is None:
        return None
    if isinstance(token, bytes):
        try:
            token = token.decode("utf-8")
        except UnicodeDecodeError:
            raise ApiValueError(f"`{name}` is bytes that are not UTF-8 text") from None
    if not isinstance(token, str):
        raise ApiValueError(f"`{name}` is a string (or a callable returning one), not {type(token).__name__}")
    return token.strip()


def token_expiry(token: str) -> Optional[float]:
    """The `exp` claim of a JWT (seconds since the epoch), or None when `token` has no readable one."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    encoded = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims = json.loads(base64.urlsafe_b64decode(encoded.encode("ascii")))
    except ValueError:  # bad base64, bad UTF-8 and bad JSON are all ValueErrors
        return None
    expiry = claims.get("exp") if isinstance(claims, dict) else None
    if isinstance(expiry, bool) or not isinstance(expiry, (int, float)) or not math.isfinite(expiry):
        return None
    return float(expiry)


@dataclass(frozen=True)
class _Token:
    value: str
    renew_at: float


class _Fetch:
    """A token request in progress, that the threads which need its token wait for."""

    __slots__ = ("done", "error", "token")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.token: Optional[str] = None
        self.error: Optional[BaseException] = None


class ApplicationTokens:
    """The access token of one Airbyte application, fetched on first use and renewed ahead of its expiry."""

    def __init__(
        self, url: str, client_id: str, client_secret: str, post: PostToken, clock: Callable[[], float]
    ) -> None:
        self.url = url
        self.client_id = client_id
        self._client_secret = client_secret
        self._post = post
        self._clock = clock
        self._lock = threading.Lock()
        self._current: Optional[_Token] = None
        self._fetching: Optional[_Fetch] = None
        # Tokens handed out recently: a 401 to any of them means "renew", whichever thread got it first.
        self._issued: Deque[str] = collections.deque(maxlen=8)
        self.fetches = 0

    def __repr__(self) -> str:
        return f"ApplicationTokens(url={self.url!r}, client_id={self.client_id!r}, fetches={self.fetches})"

    def serves(self, url: str, client_id: str, client_secret: str) -> bool:
        """Whether these are the token URL and credentials of this cache (the configuration may have changed)."""
        return (url, client_id, client_secret) == (self.url, self.client_id, self._client_secret)

    def get(self) -> str:
        """A token that is not about to expire: the cached one, or the one a fetch in progress brings (started here
        when none is)."""
        current = self._current
        if current is not None and self._clock() < current.renew_at:
            return current.value
        with self._lock:
            current = self._current
            if current is not None and self._clock() < current.renew_at:
                return current.value
            fetch = self._fetching
            leading = fetch is None
            if fetch is None:
                fetch = self._fetching = _Fetch()
        return self._lead(fetch) if leading else self._follow(fetch)

    def _lead(self, fetch: _Fetch) -> str:
        try:
            token = self._fetch()
        except BaseException as error:
            with self._lock:
                self._fetching = None
            fetch.error = error
            fetch.done.set()
            raise
        with self._lock:
            self._current = token
            self._issued.append(token.value)
            self._fetching = None
        fetch.token = token.value
        fetch.done.set()
        return token.value

    def _follow(self, fetch: _Fetch) -> str:
        deadline = CURRENT.deadline
        remaining = None if deadline is None else deadline.remaining()
        if not fetch.done.wait(None if remaining is None or remaining == math.inf else max(0.0, remaining)):
            raise self._failure("the call's timeout ran out while another thread was fetching the token")
        if fetch.error is not None:
            if not isinstance(fetch.error, Exception):  # the fetching thread was interrupted: fetch again
                return self.get()
            # A copy per thread: one exception raised in many threads at once would mix their tracebacks.
            raise copy.copy(fetch.error) from fetch.error.__cause__
        assert fetch.token is not None
        return fetch.token

    def handed_out(self, token: str) -> bool:
        """Whether `token` is one of the last tokens this cache handed out."""
        with self._lock:
            return token in self._issued

    def reject(self, token: str) -> None:
        """The server refused `token`: forget it, unless another thread already replaced it."""
        with self._lock:
            if self._current is not None and self._current.value == token:
                self._current = None

    def _fetch(self) -> _Token:
        body = json.dumps({"client_id": self.client_id, "client_secret": self._client_secret}).encode("utf-8")
        try:
            response = self._post(self.url, body)
        except (ApiConnectionError, ApiException) as error:
            raise self._failure(f"the request failed: {error}") from error
        raw = response.read()
        if not 200 <= response.status <= 299:
            text = redact_text(raw.decode("utf-8", errors="replace"), [self._client_secret])
            problem = f"it answered {response.status} {response.reason}"
            location = response.getheader("Location")
            if location:
                problem += f", a redirect to {redact_url(location)} (the token request follows no redirect)"
            raise self._failure(problem, response.status, text)
        value = _access_token(raw)
        if value is None:
            raise self._failure("its answer has no `access_token` string", response.status)
        try:
            checked({"Authorization": f"Bearer {value}"})
        except ApiValueError:
            raise self._failure("its `access_token` holds characters an HTTP header cannot carry") from None
        self.fetches += 1
        return _Token(value, self._renewal_time(value))

    def _renewal_time(self, token: str) -> float:
        now = self._clock()
        expiry = token_expiry(token)
        lifetime = FALLBACK_LIFETIME if expiry is None or expiry <= now else expiry - now
        return now + lifetime - min(MAX_MARGIN, lifetime * MARGIN_SHARE)

    def _failure(self, problem: str, status: Optional[int] = None, body: Optional[str] = None) -> UnauthorizedException:
        return UnauthorizedException(
            status=status,
            reason=f"Could not obtain an access token from {self.url}: {problem}",
            body=body,
            operation=TOKEN_REQUEST,
            url=self.url,
        )


def _access_token(raw: bytes) -> Optional[str]:
    try:
        answer = json.loads(raw)
    except ValueError:
        return None
    value = answer.get("access_token") if isinstance(answer, dict) else None
    value = value.strip() if isinstance(value, str) else None
    return value or None


class Authenticator:
    """The `Authorization` of each request of one `ApiClient`, read from its configuration at every request.

    Precedence: `access_token`, then the application's token (`client_id` + `client_secret`), then basic auth.
    """

    def __init__(self, configuration: Configuration, post: PostToken, clock: Callable[[], float] = time.time) -> None:
        self.configuration = configuration
        self.clock = clock
        self._post = post
        self._lock = threading.Lock()
        self._tokens: Optional[ApplicationTokens] = None

    def __repr__(self) -> str:
        return f"Authenticator(tokens={self._tokens!r})"

    def auth_settings(self) -> Dict[str, Dict[str, Any]]:
        """The configured schemes, in the generator's format, with the application's token as `bearerAuth`."""
        settings = self.configuration.auth_settings()
        if "bearerAuth" not in settings:
            tokens = self.application_tokens()
            if tokens is not None:
                settings["bearerAuth"] = bearer_setting(tokens.get())
        return settings

    def application_tokens(self) -> Optional[ApplicationTokens]:
        """The token cache of the configured application, or None when there is none."""
        key = self._application_key()
        if key is None:
            return None
        tokens = self._tokens
        if tokens is not None and tokens.serves(*key):
            return tokens
        with self._lock:
            tokens = self._tokens
            if tokens is None or not tokens.serves(*key):
                tokens = ApplicationTokens(*key, post=self._post, clock=self.clock)
                self._tokens = tokens
            return tokens

    def renewed_after_401(self, sent_authorization: Optional[str]) -> Optional[str]:
        """The `Authorization` to send again with after a 401, or None when a new token would not help."""
        tokens = self._tokens
        if tokens is None or not sent_authorization or not sent_authorization.startswith("Bearer "):
            return None
        refused = sent_authorization[len("Bearer ") :]
        if not tokens.handed_out(refused):
            return None  # someone else's credential (`_request_auth`, a changed `access_token`): not ours to renew
        tokens.reject(refused)
        return f"Bearer {tokens.get()}"

    def _application_key(self) -> Optional[Tuple[str, str, str]]:
        client_id = self.configuration.client_id
        client_secret = self.configuration.client_secret
        if not client_id and not client_secret:
            return None
        if not client_id or not client_secret:
            raise ApiValueError("An Airbyte application needs both `client_id` and `client_secret`")
        return self.configuration.host.rstrip("/") + TOKEN_PATH, client_id, client_secret

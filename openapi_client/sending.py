"""One call on the wire: the attempts its retry policy allows within its deadline, one replay with a renewed token
after a 401, and the log of each attempt (at DEBUG, credentials redacted; retries at INFO)."""

from __future__ import annotations

import logging
import sys
import time
import warnings
from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional, Set, Union
from urllib.parse import urlsplit

from openapi_client.bodies import discard
from openapi_client.deadlines import CURRENT, Deadline, TimeLimits
from openapi_client.exceptions import ApiConnectionError, ApiTimeoutError, InsecureCredentialsWarning
from openapi_client.hosts import is_loopback
from openapi_client.redaction import SECRET_HEADERS, redact_headers, redact_url
from openapi_client.rest import RESTClientObject, RESTResponse
from openapi_client.retries import RetryBudget, RetryPolicy

logger = logging.getLogger("openapi_client")

# Given the `Authorization` a refused request carried, the one to send it again with (None: do not).
RenewAuthorization = Callable[[Optional[str]], Optional[str]]
# What an attempt ends with: a response (whatever its status), or the connection's failure.
Outcome = Union[RESTResponse, ApiConnectionError]


@dataclass
class Call:
    """A request and what the sender needs to know about it."""

    method: str
    url: str
    headers: Dict[str, str]
    body: Any
    limits: TimeLimits
    # When the whole call must be over (None: never), set when the call started.
    deadline: Optional[Deadline]
    operation: Optional[str]
    # May be sent again after it reached the server (a read timeout, a dropped connection, a 502 or 504).
    read_only: bool
    # Read the body within the attempts, so that a body cut short counts as a failed attempt.
    preload: bool
    # Follow redirects within the origin (the token request follows none).
    redirects: bool = True
    # Its body holds credentials (the token request).
    carries_secret: bool = False

    @property
    def described(self) -> str:
        url = redact_url(self.url)
        return f"{self.operation} ({url})" if self.operation else str(url)


class Sender:
    """Sends calls over one `RESTClientObject`."""

    def __init__(self, rest_client: RESTClientObject, renew_authorization: RenewAuthorization) -> None:
        self.rest_client = rest_client
        self.renew_authorization = renew_authorization
        # The warning about credentials sent in clear to another machine is given once. Until then, the URLs that
        # need no look (https, or this machine) are remembered.
        self._warned = False
        self._safe_urls: Set[str] = set()

    def send(self, call: Call, policy: RetryPolicy) -> RESTResponse:
        """The final response of `call`: a success, or an error status that is not (or no longer) retried.
        Raises the last `ApiConnectionError` when the connection failed on every attempt allowed, or the deadline
        passed. Without `preload`, the deadline is lifted from the body of the response returned."""
        if not self._warned and call.url not in self._safe_urls:
            self._warn_if_in_clear(call)
        outer, CURRENT.deadline = CURRENT.deadline, call.deadline
        try:
            first = self._try(call, 1)
            # Most calls succeed at once: their retry budget would never be drawn on.
            if type(first) is RESTResponse and first.status != 401 and first.status not in policy.statuses:
                return first
            return self._send_again(call, policy, first)
        finally:
            CURRENT.deadline = outer
            if not call.preload and call.deadline is not None:
                call.deadline.lift()

    def _send_again(self, call: Call, policy: RetryPolicy, outcome: Outcome) -> RESTResponse:
        """After the first outcome of `call`, the attempts its policy allows and one replay after a 401."""
        budget = policy.start(call.read_only)
        renewed = False
        while True:
            if isinstance(outcome, ApiConnectionError):
                self._wait_or_raise(call, budget, outcome, policy)
            elif outcome.status == 401 and not renewed and self._renew(call, outcome):
                renewed = True
            else:
                wait = _within_deadline(call, budget.after_status(outcome.status, outcome.getheader("Retry-After")))
                if wait is None:
                    _log_outcome(call, budget, f"{outcome.status} {outcome.reason}")
                    return outcome
                discard(outcome.response)
                _log_retry(call, budget, wait, f"{outcome.status} {outcome.reason}")
                policy.sleep(wait)
            outcome = self._try(call, budget.attempts)

    def _try(self, call: Call, attempt: int) -> Outcome:
        try:
            return self._attempt(call, attempt)
        except ApiConnectionError as error:
            return error

    def _attempt(self, call: Call, attempt: int) -> RESTResponse:
        timeout = call.limits.for_attempt(call.deadline)
        if timeout is None:
            raise ApiTimeoutError(
                f"Timed out calling {call.described}: its timeout ran out before attempt {attempt}",
                operation=call.operation,
                url=redact_url(call.url),
                request_sent=attempt > 1,
            )
        debug = logger.isEnabledFor(logging.DEBUG)
        started = time.perf_counter() if debug else 0.0
        if debug:
            logger.debug(
                "%s %s (attempt %d) headers=%s body=%d bytes",
                call.method,
                redact_url(call.url),
                attempt,
                redact_headers(call.headers),
                len(call.body) if isinstance(call.body, (bytes, str)) else 0,
            )
        response = self.rest_client.request(
            call.method,
            call.url,
            headers=call.headers,
            body=call.body,
            _request_timeout=timeout,
            operation=call.operation,
            redirects=call.redirects,
        )
        if call.preload:
            response.read()
        if debug:
            elapsed = (time.perf_counter() - started) * 1000
            logger.debug(
                "%s %s -> %d %s in %.1f ms headers=%s",
                call.method,
                redact_url(call.url),
                response.status,
                response.reason,
                elapsed,
                redact_headers(response.headers),
            )
        return response

    def _wait_or_raise(self, call: Call, budget: RetryBudget, error: ApiConnectionError, policy: RetryPolicy) -> None:
        wait = _within_deadline(call, budget.after_error(error))
        if wait is None:
            error.attempts = budget.attempts
            _log_outcome(call, budget, type(error).__name__)
            raise error
        _log_retry(call, budget, wait, f"{type(error).__name__}: {error.__cause__ or error}")
        policy.sleep(wait)

    def _renew(self, call: Call, response: RESTResponse) -> bool:
        """After a 401 to a token the client obtained itself: a new token, and True to send the call again."""
        try:
            fresh = self.renew_authorization(call.headers.get("Authorization"))
        except Exception:
            discard(response.response)
            raise
        if fresh is None:
            return False
        discard(response.response)
        logger.info("%s was refused with 401: sending it again with a renewed access token", call.described)
        call.headers = {**call.headers, "Authorization": fresh}
        return True

    def _warn_if_in_clear(self, call: Call) -> None:
        """Warn (once) when credentials are about to go over plain http to another machine."""
        if not call.url.startswith("http:") or is_loopback(urlsplit(call.url).hostname or ""):
            if len(self._safe_urls) >= 256:
                self._safe_urls.clear()
            self._safe_urls.add(call.url)
            return
        if not call.carries_secret and not any(name.lower() in SECRET_HEADERS for name in call.headers):
            return
        self._warned = True
        netloc = call.url[len("http://") :].split("/", 1)[0]
        warnings.warn(
            f"Credentials are sent to {redact_url('http://' + netloc)} over plain http: anyone on the network between"
            " can read them. Use an https host. (This warning is given once per client.)",
            InsecureCredentialsWarning,
            stacklevel=_stack_level_outside_the_package(),
        )


def _stack_level_outside_the_package() -> int:
    """The `stacklevel` that points a warning at the first caller outside `openapi_client`."""
    frame, level = sys._getframe(1), 1
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith("openapi_client"):
        frame, level = frame.f_back, level + 1
    return level


def _within_deadline(call: Call, wait: Optional[float]) -> Optional[float]:
    """`wait`, or None (do not retry) when the next attempt would start after the call's deadline."""
    if wait is None or call.deadline is None:
        return wait
    return wait if wait < call.deadline.remaining() else None


def _log_retry(call: Call, budget: RetryBudget, wait: float, reason: str) -> None:
    logger.info(
        "Retrying %s in %.2f s (attempt %d of at most %d) after %s",
        call.described,
        wait,
        budget.attempts,
        budget.policy.total + 1,
        reason,
    )


def _log_outcome(call: Call, budget: RetryBudget, outcome: str) -> None:
    if budget.attempts > 1:
        logger.info("%s ended with %s after %d attempts", call.described, outcome, budget.attempts)

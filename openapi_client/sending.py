"""One call on the wire: the attempts its retry policy allows, one replay with a renewed token after a 401, and the
log of each attempt (at DEBUG, credentials redacted; retries at INFO)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, Optional, Union

from openapi_client.configuration import TimeoutValue
from openapi_client.exceptions import ApiConnectionError
from openapi_client.redaction import redact_headers, redact_url
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
    timeout: TimeoutValue
    operation: Optional[str]
    # May be sent again after it reached the server (a read timeout, a dropped connection, a 502 or 504).
    read_only: bool
    # Read the body within the attempts, so that a body cut short counts as a failed attempt.
    preload: bool

    @property
    def described(self) -> str:
        url = redact_url(self.url)
        return f"{self.operation} ({url})" if self.operation else str(url)


class Sender:
    """Sends calls over one `RESTClientObject`."""

    def __init__(self, rest_client: RESTClientObject, renew_authorization: RenewAuthorization) -> None:
        self.rest_client = rest_client
        self.renew_authorization = renew_authorization

    def send(self, call: Call, policy: RetryPolicy) -> RESTResponse:
        """The final response of `call`: a success, or an error status that is not (or no longer) retried.
        Raises the last `ApiConnectionError` when the connection failed on every attempt allowed."""
        first = self._try(call, 1)
        # Most calls succeed at once: their retry budget would never be drawn on.
        if type(first) is RESTResponse and first.status != 401 and first.status not in policy.statuses:
            return first
        return self._send_again(call, policy, first)

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
                wait = budget.after_status(outcome.status, outcome.getheader("Retry-After"))
                if wait is None:
                    _log_outcome(call, budget, f"{outcome.status} {outcome.reason}")
                    return outcome
                _discard(outcome)
                _log_retry(call, budget, wait, f"{outcome.status} {outcome.reason}")
                policy.sleep(wait)
            outcome = self._try(call, budget.attempts)

    def _try(self, call: Call, attempt: int) -> Outcome:
        try:
            return self._attempt(call, attempt)
        except ApiConnectionError as error:
            return error

    def _attempt(self, call: Call, attempt: int) -> RESTResponse:
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
            _request_timeout=call.timeout,
            operation=call.operation,
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
        wait = budget.after_error(error)
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
            _discard(response)
            raise
        if fresh is None:
            return False
        _discard(response)
        logger.info("%s was refused with 401: sending it again with a renewed access token", call.described)
        call.headers = {**call.headers, "Authorization": fresh}
        return True


def _discard(response: RESTResponse) -> None:
    """Let the connection of a response that will not be used go back to the pool."""
    response.response.drain_conn()
    response.response.release_conn()


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

"""Every connection of a workspace, whether the server pages its list or not; and the warning of a list call that got
one page of several.

Since 2025-07 (airbyte-platform #16836) `web_backend/connections/list` answers one page: the request takes `cursor`
(the last connection id of the previous page) and `pageSize` (20 unless given), the answer adds `page_size` and
`num_connections` (every connection that matches). Airbyte's web app asks for the page after the last connection it
got until a page is short or empty; `iter_connections` does the same. Older servers answer every connection at once:
from 2023 they ignore `cursor` and `pageSize` (Micronaut), before that they refuse them (Jersey answers 422,
`Unrecognized field "pageSize"`).
"""

from __future__ import annotations

import sys
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Set
from uuid import UUID

from openapi_client.api_client import ApiClient, coerce_body
from openapi_client.exceptions import (
    ApiValueError,
    IncompleteListWarning,
    PagingError,
    UnprocessableEntityException,
)
from openapi_client.models.web_backend_connection_list_request_body import WebBackendConnectionListRequestBody

if TYPE_CHECKING:
    from openapi_client.api_response import ApiResponse
    from openapi_client.models.web_backend_connection_list_item import WebBackendConnectionListItem
    from openapi_client.models.web_backend_connection_read_list import WebBackendConnectionReadList
    from openapi_client.operations import OperationSpec

HELPER = "iter_connections_for_workspace"
# The request fields of a page, which servers since 2025-07 take and our spec does not define.
PAGE_FIELDS = frozenset({"cursor", "pageSize"})


@dataclass(frozen=True)
class Paging:
    """What a paginating server says of its answer: the page size and how many connections match in all."""

    page_size: Optional[int]
    total: Optional[int]


def paging_of(answer: WebBackendConnectionReadList) -> Optional[Paging]:
    """The paging an answer reports (`page_size`, `num_connections`); None from a server that does not page."""
    extra = answer.model_extra or {}
    page_size, total = _count(extra.get("page_size")), _count(extra.get("num_connections"))
    if page_size is None and total is None:
        return None
    # A page size of 0 bounds nothing: the page size asked for tells where the list ends.
    return Paging(page_size or None, total)


def _count(value: Any) -> Optional[int]:
    return value if type(value) is int and value >= 0 else None


# -- the warning of the plain call -------------------------------------------------------------------------------


def warn_if_incomplete(request: Any, answer: WebBackendConnectionReadList) -> None:
    """Warn (`IncompleteListWarning`) when a list call that did not ask for a page got one, and the answer says that
    more connections match: more in all than came back, or (without a count) a full page."""
    if request is not None and not PAGE_FIELDS.isdisjoint(request.model_extra or ()):
        return
    paging = paging_of(answer)
    if paging is None:
        return
    got = len(answer.connections)
    if paging.total is not None:
        if paging.total <= got:
            return
        said = f"{got} of the {paging.total} connections that match"
    elif paging.page_size is not None and got >= paging.page_size:
        said = f"a full page of {got} connections; more may match"
    else:
        return
    size = f" of {paging.page_size}" if paging.page_size is not None else ""
    warnings.warn(
        IncompleteListWarning(
            f"web_backend_list_connections_for_workspace returned {said}: the server answers in pages{size}. "
            f"Use WebBackendApi.{HELPER}(body) to get every connection."
        ),
        stacklevel=_stacklevel_of_caller(),
    )


def _stacklevel_of_caller() -> int:
    """The `stacklevel` of the first frame outside this package, which made the call: a warning points at its line."""
    level = 2
    frame = sys._getframe(2)
    while frame.f_back is not None and frame.f_globals.get("__name__", "").partition(".")[0] == "openapi_client":
        frame = frame.f_back
        level += 1
    return level


# -- every connection ----------------------------------------------------------------------------------------------


def iter_connections(
    api_client: ApiClient,
    operation: OperationSpec[WebBackendConnectionReadList],
    body: Any,
    page_size: int,
    **options: Any,
) -> Iterator[WebBackendConnectionListItem]:
    """The connections `WebBackendApi.iter_connections_for_workspace` yields; the body and `page_size` are checked
    now, the calls made as the connections are taken."""
    if body is None:
        raise ApiValueError(f"Missing the required parameter `body` when calling `{HELPER}`")
    if not isinstance(body, WebBackendConnectionListRequestBody):
        body = coerce_body(f"`body` of `{HELPER}`", WebBackendConnectionListRequestBody, body)
    if type(page_size) is not int or page_size < 1:
        raise ApiValueError(f"`page_size` of `{HELPER}` must be a whole number of 1 or more, not {page_size!r}")
    own = sorted(PAGE_FIELDS.intersection(body.model_extra or ()))
    if own:
        raise ApiValueError(f"`{HELPER}` sets {' and '.join(own)} itself: leave them out of the body (use `page_size`)")
    return _connections(_Pages(api_client, operation, body, page_size, options))


@dataclass(frozen=True)
class _Pages:
    """The calls of one listing: each page is one call of the list operation with the caller's options."""

    api_client: ApiClient
    operation: OperationSpec[WebBackendConnectionReadList]
    body: WebBackendConnectionListRequestBody
    page_size: int
    options: Dict[str, Any]

    def after(self, cursor: Optional[UUID]) -> ApiResponse[WebBackendConnectionReadList]:
        """The page after the connection `cursor` (the first page: None)."""
        fields: Dict[str, Any] = {"pageSize": self.page_size}
        if cursor is not None:
            fields["cursor"] = cursor
        return self.call(self.body.with_extra_fields(**fields))

    def call(self, body: WebBackendConnectionListRequestBody) -> ApiResponse[WebBackendConnectionReadList]:
        return self.api_client.invoke(self.operation, body, "http_info", **self.options)


def _refuses_paging(error: UnprocessableEntityException) -> bool:
    """Whether a 422 is Jersey's refusal of `pageSize`, a property the server's list request does not have."""
    message = getattr(error.data, "message", None) or error.body or ""
    return "Unrecognized field" in message and "pageSize" in message


def _connections(pages: _Pages) -> Iterator[WebBackendConnectionListItem]:
    seen: Set[UUID] = set()
    try:
        response = pages.after(None)
    except UnprocessableEntityException as error:
        if not _refuses_paging(error):
            raise
        # A Jersey server (before 2023) refuses what its list request lacks, and answers every connection at once.
        yield from _unseen(pages.call(pages.body).data.connections, seen)
        return
    cursor: Optional[UUID] = None
    while True:
        page = response.data.connections
        new = _unseen(page, seen)
        yield from new
        paging = paging_of(response.data)
        if paging is None:
            return  # a server before 2025-07 ignores `cursor` and `pageSize`: it answered every connection
        if len(page) < (paging.page_size or pages.page_size):
            return  # a short or empty page is the last
        if not new:
            if paging.total is not None and len(seen) >= paging.total:
                return  # a server that ignores `cursor` but answered every connection at once
            raise _repeated_page(pages, response, cursor, len(seen), paging.total)
        cursor = page[-1].connection_id
        response = pages.after(cursor)


def _unseen(page: List[WebBackendConnectionListItem], seen: Set[UUID]) -> List[WebBackendConnectionListItem]:
    """The connections of `page` not listed before, in its order; `seen` takes them."""
    new = []
    for item in page:
        if item.connection_id not in seen:
            seen.add(item.connection_id)
            new.append(item)
    return new


def _repeated_page(
    pages: _Pages,
    response: ApiResponse[WebBackendConnectionReadList],
    cursor: Optional[UUID],
    listed: int,
    total: Optional[int],
) -> PagingError:
    of_total = f" of the {total} it counts" if total is not None else ""
    return PagingError(
        f"the page after connection {cursor} brought only connections already listed: the server does not page by "
        f"`cursor`. {HELPER} listed {listed} connections{of_total} and cannot list the rest",
        http_resp=None,
        body=response.raw_data.decode("utf-8", errors="replace"),
        status=response.status_code,
        headers=response.headers,
        operation=pages.operation.name,
        url=pages.api_client.configuration.host + pages.operation.path,
    )

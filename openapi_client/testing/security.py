"""Authentication as Airbyte OSS does it when it is on (`API_AUTHORIZATION_ENABLED=true`; off by default).

With it on (`AuthMode.SIMPLE` in the community edition), Micronaut Security accepts HTTP Basic with the default
organization's email and the instance admin's password (`CommunityAuthProvider`), and bearer JWTs signed with the
instance's secret (HS256) that have not expired (`micronaut.security.token.jwt`). `POST /api/v1/applications/token`
(anonymous) trades the instance admin's client id and secret for such a JWT, valid 24 hours, answering only
`{"access_token": ...}`; wrong credentials are a `BadRequestException` (400)
(`ApplicationServiceMicronautImpl.getToken`, `ApplicationsController`). Each operation needs a role
(`WebBackendApiController`'s `@Secured`): without credentials it accepts, 401; without the role, 403. With
authentication off, nothing is checked and the token endpoint does not exist (404).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Dict, FrozenSet, Iterable, List, Mapping, Optional, Tuple
from uuid import uuid4

from openapi_client.testing.errors import Answer, BadRequest, ServerCrash, Unauthenticated, json_answer

TOKEN_PATH = "/v1/applications/token"
TOKEN_LIFETIME_SECONDS = 24 * 3600
# `ApplicationServiceMicronautImpl.DEFAULT_AUTH_USER_ID`.
DEFAULT_USER_ID = "00000000-0000-0000-0000-000000000000"
# The roles of an instance admin: `AuthRole.ADMIN`, `WorkspaceAuthRole.WORKSPACE_ADMIN`,
# `OrganizationAuthRole.ORGANIZATION_ADMIN`, each with the roles below it.
ADMIN_ROLES = (
    "ADMIN", "EDITOR", "READER", "AUTHENTICATED_USER",
    "WORKSPACE_ADMIN", "WORKSPACE_EDITOR", "WORKSPACE_RUNNER", "WORKSPACE_READER",
    "ORGANIZATION_ADMIN", "ORGANIZATION_EDITOR", "ORGANIZATION_RUNNER", "ORGANIZATION_READER", "ORGANIZATION_MEMBER",
)  # fmt: skip
_READER = frozenset({"WORKSPACE_READER", "ORGANIZATION_READER"})
_EDITOR = frozenset({"WORKSPACE_EDITOR", "ORGANIZATION_EDITOR"})
# The roles each operation needs, any one of them (`@Secured` on `WebBackendApiController`).
REQUIRED_ROLES: Mapping[str, FrozenSet[str]] = {
    "get_state_type": _READER,
    "web_backend_check_updates": frozenset({"AUTHENTICATED_USER"}),
    "web_backend_create_connection": _EDITOR,
    "web_backend_get_connection": _READER,
    "web_backend_get_workspace_state": _READER,
    "web_backend_list_connections_for_workspace": _READER,
    "web_backend_list_geographies": frozenset({"AUTHENTICATED_USER"}),
    "web_backend_update_connection": _EDITOR,
}


@dataclass(frozen=True)
class InstanceAdmin:
    """The credentials of an instance with authentication on: the default organization's email and the instance
    admin's password (for Basic), client id and secret (for application tokens), and the JWT signing secret.
    Whatever is not given is made up."""

    email: str = "admin@example.com"
    password: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    client_id: str = field(default_factory=lambda: str(uuid4()))
    client_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    signing_secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    def __repr__(self) -> str:
        return f"InstanceAdmin(email={self.email!r}, client_id={self.client_id!r}, password=***, client_secret=***)"


class Applications:
    """The applications whose client credentials the token endpoint takes (the instance admin's, and any added),
    and the tokens it issued."""

    def __init__(self, admin: Optional[InstanceAdmin] = None) -> None:
        self.admin = admin or InstanceAdmin()
        self._lock = threading.Lock()
        self._secrets: Dict[str, str] = {self.admin.client_id: self.admin.client_secret}
        self.issued: List[str] = []

    def add(self, client_id: str = "", client_secret: str = "") -> Tuple[str, str]:
        """Another application, as Airbyte's editions with Keycloak have: its client id and secret (made up
        unless given)."""
        client_id = client_id or f"local-{secrets.token_hex(8)}"
        client_secret = client_secret or secrets.token_urlsafe(24)
        with self._lock:
            self._secrets[client_id] = client_secret
        return client_id, client_secret

    def issue(self, *, lifetime: float = TOKEN_LIFETIME_SECONDS, roles: Iterable[str] = ADMIN_ROLES) -> str:
        """A JWT the instance accepts until `lifetime` seconds from now (negative: already expired), with `roles`."""
        claims = {
            "iss": "airbyte-server",
            "sub": DEFAULT_USER_ID,
            "roles": list(roles),
            "exp": int(time.time() + lifetime),
        }
        token = _jwt(claims, self.admin.signing_secret)
        with self._lock:
            self.issued.append(token)
        return token

    def token(self, raw_body: bytes) -> Answer:
        """`ApplicationsController.applicationTokenRequest`."""
        try:
            request = json.loads(raw_body)
        except ValueError:
            return BadRequest("The body is not a JSON object").answer(TOKEN_PATH)
        client_id = request.get("client_id") if isinstance(request, dict) else None
        client_secret = request.get("client_secret") if isinstance(request, dict) else None
        if not isinstance(client_id, str):
            return ServerCrash.null("String.equals(Object)").answer(TOKEN_PATH)
        with self._lock:
            known = self._secrets.get(client_id)
        if known is None or not isinstance(client_secret, str) or not secrets.compare_digest(known, client_secret):
            return BadRequest("Invalid client id or token").answer(TOKEN_PATH)
        return json_answer(200, {"access_token": self.issue()})

    def roles_of(self, authorization: str) -> Optional[FrozenSet[str]]:
        """The roles the `Authorization` header authenticates, or None when it authenticates no one."""
        scheme, _, credentials = authorization.strip().partition(" ")
        if scheme.lower() == "basic":
            return self._basic(credentials.strip())
        if scheme.lower() == "bearer":
            claims = _verified_claims(credentials.strip(), self.admin.signing_secret)
            if claims is None:
                return None
            roles = claims.get("roles")
            return frozenset(r for r in roles if isinstance(r, str)) if isinstance(roles, list) else frozenset()
        return None

    def _basic(self, credentials: str) -> Optional[FrozenSet[str]]:
        try:
            user, _, password = base64.b64decode(credentials, validate=True).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        same_user = hmac.compare_digest(user.encode(), self.admin.email.encode())
        if same_user and hmac.compare_digest(password.encode(), self.admin.password.encode()):
            return frozenset(ADMIN_ROLES)
        return None


def check_access(
    applications: Applications, operation: str, authorization: Optional[str], refresh: bool = False
) -> None:
    """Raise the 401 or 403 Micronaut Security answers, unless a request with this `Authorization` header may
    run `operation`. A refreshed get also needs an editor role (`ApiAuthorizationHelper.checkWorkspacePermissions`)."""
    roles = applications.roles_of(authorization or "")
    if roles is None:
        raise Unauthenticated()
    needed = [REQUIRED_ROLES[operation]] + ([_EDITOR] if refresh else [])
    if not all(roles & any_of for any_of in needed):
        raise Unauthenticated(forbidden=True)


def _jwt(claims: Dict[str, Any], secret: bytes) -> str:
    signing_input = f"{_base64(json.dumps({'alg': 'HS256'}).encode())}.{_base64(json.dumps(claims).encode())}"
    signature = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{_base64(signature)}"


def _verified_claims(token: str, secret: bytes) -> Optional[Dict[str, Any]]:
    """The claims of a token signed with `secret` that has not expired (nor starts in the future), else None."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    expected = hmac.new(secret, f"{parts[0]}.{parts[1]}".encode("ascii"), hashlib.sha256).digest()
    try:
        header = json.loads(_unbase64(parts[0]))
        claims = json.loads(_unbase64(parts[1]))
        signature = _unbase64(parts[2])
    except (ValueError, binascii.Error):
        return None
    if not isinstance(header, dict) or header.get("alg") != "HS256" or not hmac.compare_digest(signature, expected):
        return None
    if not isinstance(claims, dict):
        return None
    # Micronaut's claim validators check `exp` and `nbf` when a token has them.
    now = time.time()
    expires, starts = claims.get("exp"), claims.get("nbf")
    if (isinstance(expires, (int, float)) and expires <= now) or (isinstance(starts, (int, float)) and starts > now):
        return None
    return claims


def _base64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unbase64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))

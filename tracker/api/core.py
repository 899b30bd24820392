"""What every endpoint of the JSON API shares: the blueprint, the OpenAPI builder, bearer-token
authentication, one transaction per call, paging links, and errors as JSON naming the fields.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import pydantic
from flask import Blueprint, Flask, current_app, g, jsonify, request, url_for
from flask.typing import ResponseReturnValue
from spectree import Response, SecurityScheme, SecuritySchemeData, SpecTree
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.exceptions import HTTPException

from tracker import __version__
from tracker.api.schemas import ErrorBody
from tracker.config import Settings
from tracker.db import unit_of_work, utcnow
from tracker.domain.errors import (
    Conflict,
    DomainError,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from tracker.domain.paging import Page
from tracker.domain.validation import NO_NUL, domain_errors, parse_model
from tracker.i18n import LANGUAGES
from tracker.models import User
from tracker.services.accounts import tokens

PREFIX = "/api/v1"
SECURITY = {"bearerAuth": []}


class ApiError(Exception):
    """An error of the API itself (authentication, unreadable request)."""

    def __init__(self, status: int, message: str, fields: dict[str, str] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message = status, message
        self.fields, self.headers = fields or {}, headers or {}


def _request_invalid(req: Any, resp: Any, error: Exception | None, instance: Any,
                     adapter: Any) -> None:
    """spectree's hook after checking a request: its errors become ours, naming each field."""
    if isinstance(error, pydantic.ValidationError):
        raise ValidationFailed(domain_errors(error))


spec = SpecTree(
    "flask",
    mode="strict",
    title="Posting tracker API",
    description="Postings, requirements, applications, interviews, fit and notifications of the "
                "posting tracker. "
                "Authenticate with a personal token: `Authorization: Bearer trk_...`.",
    version=__version__,
    page_templates={},
    annotations=False,  # bodies are read with body() and query(), not injected
    validation_error_status=422,
    validation_error_model=ErrorBody,
    before=_request_invalid,
    security_schemes=[SecurityScheme(
        name="bearerAuth",
        data=SecuritySchemeData(type="http", scheme="bearer",
                                description="A personal API token (tracker user token create)"),
    )],
    security=SECURITY,
    naming_strategy=lambda model: model.__name__,
    nested_naming_strategy=lambda _parent, child: child,
)


def operation(**kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """spectree's validate, the operation named after the view function."""
    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        return spec.validate(operation_id=func.__name__, **kwargs)(func)

    return decorate

bp = Blueprint("api_v1", __name__, url_prefix=PREFIX)


def responses(ok: int, model: type[pydantic.BaseModel] | None, *errors: int) -> Response:
    """The documented responses of an operation: its success, 400, 401, 422, and `errors`."""
    codes: dict[str, Any] = {f"HTTP_{ok}": model}
    for code in (400, 401, 422, *errors):
        codes[f"HTTP_{code}"] = ErrorBody
    return Response(**codes)


# -- one call, one transaction -------------------------------------------------------------------


@dataclass
class Call:
    session: Session
    actor: User
    clock: Callable[[], datetime]
    settings: Settings

    def now(self) -> datetime:
        return self.clock()


def _factory() -> sessionmaker[Session]:
    return current_app.config["TRACKER_SESSION_FACTORY"]


def _clock() -> Callable[[], datetime]:
    return current_app.config.get("TRACKER_CLOCK") or utcnow


READS = frozenset({"GET", "HEAD", "OPTIONS"})


@contextmanager
def call() -> Iterator[Call]:
    """A unit of work as the authenticated user: committed whole or not at all."""
    with unit_of_work(_factory(), write=request.method not in READS) as session:
        actor = session.get(User, g.api_user_id)
        if actor is None:  # deleted between authentication and now
            raise ApiError(401, "the token's user no longer exists", headers=_challenge())
        yield Call(session, actor, _clock(), current_app.config["TRACKER_SETTINGS"])


def _challenge(error: str | None = None) -> dict[str, str]:
    value = 'Bearer realm="tracker"' + (f', error="{error}"' if error else "")
    return {"WWW-Authenticate": value}


PUBLIC_ENDPOINTS = {"api_v1.openapi"}


@bp.before_request
def authenticate() -> None:
    """Every call but the OpenAPI document needs a live personal token."""
    if request.endpoint in PUBLIC_ENDPOINTS:
        return
    header = request.headers.get("Authorization", "")
    scheme, _, plain = header.partition(" ")
    if scheme.lower() != "bearer" or not plain.strip():
        raise ApiError(401, "authentication required: send 'Authorization: Bearer <token>'",
                       headers=_challenge())
    with unit_of_work(_factory(), write=True) as session:  # may note the token's last use
        user = tokens.user_for_token(session, plain.strip(), _clock())
        user_id = user.id if user else None
    if user_id is None:
        raise ApiError(401, "the token is unknown or revoked", headers=_challenge("invalid_token"))
    g.api_user_id = user_id
    _check_input()


def _check_input() -> None:
    """Text a database cannot store (NUL characters, lone surrogates) is refused up front, and
    a body that is not JSON is a 400."""
    for where, value in [("path", request.path), *request.args.items(multi=True)]:
        _check_text(where, value)
    for key in request.args:
        _check_text(key, key)
    if request.method in ("POST", "PUT", "PATCH") and request.get_data(cache=True):
        body = request.get_json(silent=True)
        if body is None:
            raise ApiError(400, "the request body must be JSON (Content-Type: application/json)",
                           {"body": "not valid JSON"})
        _check_tree("body", body)


def _check_tree(where: str, value: Any) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _check_text(f"{where}.{key}", key)
            _check_tree(key if where == "body" else f"{where}.{key}", item)
    elif isinstance(value, list):
        for position, item in enumerate(value):
            _check_tree(f"{where}[{position}]", item)
    elif isinstance(value, str):
        _check_text(where, value)


def document() -> dict[str, Any]:
    """The OpenAPI document: spectree's, stating the refusal of _check_input on every free
    text (a string without a pattern, format or enum of its own), so that what the document
    allows the API accepts."""

    def tighten(node: Any) -> Any:
        if isinstance(node, dict):
            found = {key: tighten(value) for key, value in node.items()}
            if found.get("type") == "string" and not {"pattern", "format", "enum",
                                                       "const"} & found.keys():
                found["pattern"] = NO_NUL
            return found
        if isinstance(node, list):
            return [tighten(item) for item in node]
        return node

    found = tighten(spec.spec)
    for operations in found.get("paths", {}).values():
        for described in operations.values():
            media = BINARY_ANSWERS.get(described.get("operationId", ""))
            if media and "200" in described.get("responses", {}):
                described["responses"]["200"]["content"] = {
                    media: {"schema": {"type": "string", "format": "binary"}}}
    return found


# Operations whose success is a file, not JSON (operation id -> media type): spectree describes
# JSON bodies only, so document() states theirs.
BINARY_ANSWERS: dict[str, str] = {}


def _check_text(where: str, value: str) -> None:
    where = where.replace("\x00", "\\u0000")  # the answer names the field, without the NUL
    if "\x00" in value:
        raise ApiError(400, f"{where}: NUL characters are not allowed", {where: "contains NUL"})
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ApiError(400, f"{where}: not valid Unicode text", {where: "invalid text"}) from exc


# -- errors as JSON ------------------------------------------------------------------------------

_STATUS: list[tuple[type[DomainError], int]] = [
    (NotFound, 404),
    (PermissionDenied, 403),
    (Conflict, 409),
    (InvalidTransition, 409),
]


def error_response(status: int, message: str, fields: dict[str, str] | None = None,
                   headers: dict[str, str] | None = None) -> ResponseReturnValue:
    body = jsonify({"error": {"message": message, "fields": fields or {}}})
    return body, status, headers or {}


def request_lang() -> str:
    """The language of the API's messages: the request's Accept-Language (fr or en), else
    English. Not the token user's locale: a script reads the same answers whoever runs it,
    and `code` and `params` are the same in every language."""
    return request.accept_languages.best_match(LANGUAGES) or "en"


@bp.errorhandler(DomainError)
def _domain_error(exc: DomainError) -> ResponseReturnValue:
    """A broken rule: the message and each field's problem in the request's language, with
    the code (the message's English template) and its parameters for programs to read."""
    status = next((code for cls, code in _STATUS if isinstance(exc, cls)), 422)
    lang = request_lang()
    errors = exc.errors if isinstance(exc, ValidationFailed) else [exc]
    fields = {e.field or "input": e.text(lang) for e in errors}
    message = "; ".join(f"{e.field}: {e.text(lang)}" if e.field else e.text(lang)
                        for e in errors)
    first = errors[0].as_dict(lang)
    body = jsonify({"error": {"message": message, "fields": fields, "code": first["code"],
                              "params": first["params"],
                              "errors": [e.as_dict(lang) for e in errors]}})
    return body, status, {"Content-Language": lang}


@bp.errorhandler(IntegrityError)
def _integrity_error(exc: IntegrityError) -> ResponseReturnValue:
    """A unique key taken by a concurrent request between our check and our write."""
    return error_response(409, "the change conflicts with data saved meanwhile; try again")


@bp.errorhandler(ApiError)
def _api_error(exc: ApiError) -> ResponseReturnValue:
    return error_response(exc.status, exc.message, exc.fields, exc.headers)


def http_error(exc: HTTPException) -> ResponseReturnValue:
    """Werkzeug's errors (unknown URL, method not allowed...) as JSON, keeping their headers
    (Allow on a 405)."""
    headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
    return error_response(exc.code or 500, exc.description or exc.name, headers=headers)


bp.register_error_handler(HTTPException, http_error)


def json_errors_for_api_paths(app: Flask) -> None:
    """Errors raised before a blueprint is known (an unknown URL, a method the URL does not
    take) are JSON under the API's prefix; elsewhere whatever handler the app had decides."""
    for code in (404, 405):
        previous = app.error_handler_spec[None][code].get(_exception_class(code))

        def handler(exc: HTTPException, previous: Any = previous) -> ResponseReturnValue:
            if is_api_path(request.path):
                return http_error(exc)
            return previous(exc) if previous else exc

        app.register_error_handler(code, handler)


# JSON is never a page: it loads nothing, is framed by nobody and is not kept by any cache.
# (On the web app these win over the pages' policy, which fills in the headers left unset.)
API_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def is_api_path(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


def api_headers(app: Flask) -> None:
    """The security headers of every answer under the API's prefix, errors included."""

    @app.after_request
    def _headers(response: Any) -> Any:
        if is_api_path(request.path):
            response.headers.update(API_HEADERS)
        return response


def _exception_class(code: int) -> type[HTTPException]:
    from werkzeug.exceptions import default_exceptions

    return default_exceptions[code]


# -- validated input ----------------------------------------------------------------------------

M = TypeVar("M", bound=pydantic.BaseModel)


def body(model: type[M]) -> M:
    """The request body as spectree validated it (or, without a JSON body, as `model` reads
    an empty object: its missing fields are named)."""
    # spectree reads a falsy JSON body ([], "", 0) as an empty object: it is no object
    sent = request.get_json(silent=True) if request.content_length else None
    if sent is not None and not isinstance(sent, dict):
        raise ValidationFailed([DomainError("body", "must be a JSON object")])
    found = getattr(getattr(request, "context", None), "json", None)
    if isinstance(found, model):
        return found
    return parse_model(model, {})


def raw_body() -> dict[str, Any]:
    found = request.get_json(silent=True)
    return found if isinstance(found, dict) else {}


def query(model: type[M]) -> M:
    found = getattr(getattr(request, "context", None), "query", None)
    if isinstance(found, model):
        return found
    return parse_model(model, request.args.to_dict())


# -- paging --------------------------------------------------------------------------------------


def paged(result: Page[Any], items: list[dict[str, Any]]) -> dict[str, Any]:
    """A page of items with links to itself and its neighbours (same filters)."""
    args = {k: v for k, v in request.args.items() if k not in ("page", "per_page")}

    def link(page: int) -> str:
        return url_for(request.endpoint or "", page=page, per_page=result.per_page,
                       **request.view_args or {}, **args)

    return {
        "items": items,
        "page": result.page,
        "per_page": result.per_page,
        "has_next": result.has_next,
        "links": {
            "self": link(result.page),
            "next": link(result.page + 1) if result.has_next else None,
            "prev": link(result.page - 1) if result.page > 1 else None,
        },
    }

"""`esrs-s3 serve`: a small local web app over `build_statement` (Starlette, Jinja2, uvicorn).

Routes:

    GET  /                        upload page
    POST /upload                  stream the workbook into a private folder, build it on a
                                  worker thread, then 303 to its result (or an error page:
                                  400 bad upload, 413 too large, 422 invalid workbook)
    GET  /results/{id}            the result page
    GET  /results/{id}/{name}     one output, `name` from a fixed list (store.OUTPUT_NAMES)
    GET  /template.xlsx           the blank input workbook (`write_template`)
    GET  /static/{name}           app.css and app.js (a fixed list)

The web adds no logic of its own: it calls `build_statement(..., pack=True)` and shows what
it returns. The thresholds are read as `--set` is, against the rulebook the build uses: the
form's optional `rulebook` field (as `--rulebook`), else the uploaded workbook's.
Every response carries a strict Content-Security-Policy (no inline script or style, nothing
from another origin) and `X-Content-Type-Options: nosniff`,
`Referrer-Policy: no-referrer`.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
import threading
from collections.abc import AsyncIterator
from functools import cache
from pathlib import Path

import anyio
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from esrs_s3 import __version__
from esrs_s3.assess.parameters import BadOverride
from esrs_s3.build import InvalidWorkbook, build_statement
from esrs_s3.errors import EsrsS3Error, UnreadableWorkbook
from esrs_s3.ingest.package import Limits
from esrs_s3.resources import templates_dir
from esrs_s3.rulebook import UnknownRulebook, available_rulebooks, check_rulebook, load_rulebook
from esrs_s3.template import write_template
from esrs_s3.web.store import DEFAULT_RETENTION_SECONDS, Entry, Store
from esrs_s3.web.upload import (
    RULEBOOK_FIELD,
    THRESHOLD_FIELDS,
    Upload,
    UploadRefused,
    receive_upload,
)
from esrs_s3.web.views import result_view

log = logging.getLogger("esrs_s3.web")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
STATIC = {"app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}
MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".xhtml": "application/xhtml+xml",
    ".zip": "application/zip",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".csv": "text/csv; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
TEMPLATE_NAME = "esrs-s3-template.xlsx"


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(templates_dir() / "web")),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page(name: str, status_code: int = 200, **context: object) -> HTMLResponse:
    html = environment().get_template(name).render(version=__version__, **context)
    return HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)


def message_page(status: int, title: str, message: str) -> HTMLResponse:
    return page("error.html.j2", status, title=title, message=message, status=status)


class SecurityHeaders:
    """Adds the security headers to every response; refuses unexpected Host headers (DNS
    rebinding) when `allowed_hosts` is given."""

    def __init__(self, app: ASGIApp, allowed_hosts: frozenset[str] | None = None) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                if "cache-control" not in headers:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        if self.allowed_hosts is not None:
            host = _hostname(dict(scope["headers"]).get(b"host", b"").decode("latin-1"))
            if host not in self.allowed_hosts:
                response = message_page(400, "Unknown host", "This server answers on localhost.")
                await response(scope, receive, send_with_headers)
                return
        await self.app(scope, receive, send_with_headers)


def _hostname(host: str) -> str:
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _settings(fields: dict[str, str]) -> list[str]:
    """The thresholds filled in, as `--set NAME=VALUE` texts (parsed by the build)."""
    return [f"{name}={fields[name]}" for name in THRESHOLD_FIELDS if fields.get(name)]


def _rulebook(fields: dict[str, str]) -> str | None:
    """The form's rulebook (as `--rulebook`), checked before the build; None: the workbook's."""
    rulebook = fields.get(RULEBOOK_FIELD) or None
    if rulebook:
        try:
            check_rulebook(rulebook)
        except UnknownRulebook as exc:
            raise UploadRefused(400, _sentence(str(exc))) from None
    return rulebook


class App:
    """The routes, with the store, the limits and the build lock they share."""

    def __init__(self, store: Store, limits: Limits) -> None:
        self.store = store
        self.limits = limits
        # matplotlib and WeasyPrint keep global state: one build at a time, on a worker
        # thread, while the event loop goes on serving pages and downloads. Uploads waiting
        # for their turn wait on the limiter, not in a thread of the shared pool.
        self.build_lock = threading.Lock()
        self.build_limiter: anyio.CapacityLimiter | None = None
        self.template_bytes: bytes | None = None
        static = templates_dir() / "web" / "static"
        self.static = {name: (static / name).read_bytes() for name in STATIC}

    async def index(self, request: Request) -> Response:
        return page(
            "upload.html.j2",
            max_bytes=self.limits.max_file_bytes,
            max_mb=f"{self.limits.max_file_bytes / (1024 * 1024):.3g}",
            retention_minutes=round(self.store.retention_seconds / 60),
            rulebooks=[load_rulebook(r) for r in available_rulebooks()],
        )

    def _build(self, entry: Entry, upload: Upload, rulebook: str | None) -> dict:
        assert upload.path is not None
        with self.build_lock:
            try:
                result = build_statement(
                    upload.path,
                    entry.output_dir,
                    None,
                    self.limits,
                    pack=True,
                    settings=_settings(upload.fields),
                    rulebook=rulebook,
                )
            except BadOverride as exc:  # read against the rulebook of the build
                message = str(exc).replace("--set ", "")
                raise UploadRefused(400, f"Check the thresholds: {message}.") from None
        return result_view(result, upload.path.name, entry.output_dir)

    async def upload(self, request: Request) -> Response:
        site = request.headers.get("sec-fetch-site")
        if site not in (None, "same-origin", "none"):
            return message_page(403, "Refused", "Uploads are accepted from this app's own page.")
        await run_in_threadpool(self.store.cleanup)
        entry = self.store.create()
        try:
            upload = await receive_upload(request, entry.input_dir, self.limits.max_file_bytes)
            rulebook = _rulebook(upload.fields)
            if self.build_limiter is None:
                self.build_limiter = anyio.CapacityLimiter(1)
            entry.result = await anyio.to_thread.run_sync(
                self._build, entry, upload, rulebook, limiter=self.build_limiter
            )
            entry.filename = upload.filename
        except UploadRefused as exc:
            self.store.discard(entry)
            title = "File too large" if exc.status == 413 else "Upload refused"
            return message_page(exc.status, title, exc.message)
        except ClientDisconnect:
            self.store.discard(entry)
            return message_page(400, "Upload interrupted", "The upload did not finish.")
        except InvalidWorkbook as exc:
            self.store.discard(entry)
            return page(
                "invalid.html.j2",
                422,
                reason=str(exc),
                issues=exc.result.issues,
                filename=upload.path.name if upload.path else "",
            )
        except UnreadableWorkbook as exc:
            self.store.discard(entry)
            return message_page(400, "Not a readable workbook", _sentence(exc.reason))
        except EsrsS3Error as exc:
            self.store.discard(entry)
            log.warning("build failed: %s", exc)
            return message_page(500, "The build failed", _sentence(str(exc)))
        except BaseException:
            self.store.discard(entry)
            raise
        return RedirectResponse(f"/results/{entry.id}", status_code=303)

    def _entry(self, request: Request) -> Entry:
        entry = self.store.get(request.path_params["rid"])
        if entry is None:
            raise HTTPException(404)
        return entry

    async def result(self, request: Request) -> Response:
        entry = self._entry(request)
        return page("result.html.j2", rid=entry.id, **entry.result)

    async def download(self, request: Request) -> Response:
        entry = self._entry(request)
        name = request.path_params["name"]
        path = self.store.file(entry, name)
        if path is None:
            raise HTTPException(404)
        return FileResponse(
            path,
            media_type=MEDIA_TYPES[Path(name).suffix],
            filename=name,
            content_disposition_type="attachment",
        )

    async def template(self, request: Request) -> Response:
        if self.template_bytes is None:
            self.template_bytes = await run_in_threadpool(self._template)
        return Response(
            self.template_bytes,
            media_type=MEDIA_TYPES[".xlsx"],
            headers={"Content-Disposition": f'attachment; filename="{TEMPLATE_NAME}"'},
        )

    def _template(self) -> bytes:
        folder = Path(tempfile.mkdtemp(prefix="template-", dir=self.store.root))
        try:
            return write_template(folder / TEMPLATE_NAME).read_bytes()
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    async def static_file(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            raise HTTPException(404)
        return Response(
            self.static[name], media_type=STATIC[name], headers={"Cache-Control": "no-cache"}
        )


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


async def not_found(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 404)
    if status == 405:
        return message_page(405, "Not allowed", "This address does not take that request.")
    return message_page(404, "Not found", "No such page, or the result has expired.")


async def server_error(request: Request, exc: Exception) -> Response:
    log.error("internal error: %s: %s", type(exc).__name__, exc)
    return message_page(500, "Internal error", "Something went wrong; please report it.")


def create_app(
    workdir: Path | None = None,
    retention_seconds: float = DEFAULT_RETENTION_SECONDS,
    limits: Limits | None = None,
    allowed_hosts: frozenset[str] | None = None,
) -> Starlette:
    """The web app. `workdir`: the private folder (default: `esrs-s3-web-<uid>` in the
    system's temporary folder); results are removed `retention_seconds` after upload."""
    store = Store.open(workdir, retention_seconds)
    app = App(store, limits or Limits())
    interval = min(60.0, max(0.5, retention_seconds / 4))

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        async with anyio.create_task_group() as tasks:

            async def sweep() -> None:
                while True:
                    await anyio.sleep(interval)
                    await run_in_threadpool(store.cleanup)

            tasks.start_soon(sweep)
            try:
                yield
            finally:
                tasks.cancel_scope.cancel()
                store.close()

    rid = "{rid}"
    starlette = Starlette(
        routes=[
            Route("/", app.index, methods=["GET"]),
            Route("/upload", app.upload, methods=["POST"]),
            Route(f"/results/{rid}", app.result, methods=["GET"]),
            Route(f"/results/{rid}/{{name}}", app.download, methods=["GET"]),
            Route("/template.xlsx", app.template, methods=["GET"]),
            Route("/static/{name}", app.static_file, methods=["GET"]),
        ],
        middleware=[Middleware(SecurityHeaders, allowed_hosts=allowed_hosts)],
        exception_handlers={HTTPException: not_found, Exception: server_error},
        lifespan=lifespan,
    )
    starlette.state.store = store
    starlette.state.web = app
    return starlette

"""`esrs-s3 serve`: the web app, through its HTTP API (Starlette's TestClient) and end to end
(the real server started with the CLI, driven by headless Chromium through Selenium).

Builds cost seconds (the PDF), so each sample is built once as the reference
(`build_statement(..., pack=True)`) and uploaded once; the tests share those results.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import importlib.util
import io
import os
import re
import secrets
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import anyio
import pytest
from markupsafe import escape
from openpyxl import load_workbook

with warnings.catch_warnings():  # Starlette 1.x prefers httpx2 to httpx; both work
    warnings.filterwarnings("ignore", message=".*httpx2")
    from starlette.testclient import TestClient

from conftest import BASE_FIELDS, BASE_ROWS, ROOT, SAMPLES, run_cli

from esrs_s3.build import build_statement
from esrs_s3.check.gaps_report import by_step
from esrs_s3.contract import load_contract
from esrs_s3.ingest.package import MB, Limits
from esrs_s3.web import create_app
from esrs_s3.web.app import CSP
from esrs_s3.web.store import OUTPUT_NAMES, RESULT_ID, WorkdirError


def _planted() -> list[tuple[str, str, str]]:
    """(cell, code, severity) of every problem planted in invalid_workbook.xlsx."""
    spec = importlib.util.spec_from_file_location("make_invalid", SAMPLES / "make_invalid.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PLANTED


PLANTED = _planted()

SAMPLE_NAMES = ("defence_manufacturer.xlsx", "telecom_equipment.xlsx", "mining_company.xlsx")
XSS = "<script>alert(1)</script>"
RESULT_URL = re.compile(r"/results/([A-Za-z0-9_-]{32})")
OUR_SCRIPT = '<script src="/static/app.js" defer></script>'


@dataclass
class Reference:
    """What `build_statement` writes for a sample, outside the web app."""

    folder: Path
    result: object

    def bytes(self, name: str) -> bytes:
        return (self.folder / name).read_bytes()


@dataclass
class Upload:
    status: int
    location: str
    seconds: float


@pytest.fixture(scope="module")
def references(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Reference]:
    out = {}
    for name in SAMPLE_NAMES:
        folder = tmp_path_factory.mktemp("reference") / Path(name).stem
        out[name] = Reference(folder, build_statement(SAMPLES / name, folder, pack=True))
    return out


@pytest.fixture(scope="module")
def private_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Stands in for the system's temporary folder while the module's app works."""
    return tmp_path_factory.mktemp("system-tmp")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("web") / "store"


@pytest.fixture(scope="module")
def client(workdir: Path) -> Iterator[TestClient]:
    with TestClient(create_app(workdir)) as test_client:  # runs the lifespan (sweeper)
        yield test_client


def post_workbook(
    client: TestClient, path: Path | None, name: str | None = None, **fields: str
) -> object:
    data = path.read_bytes() if path else b""
    return client.post(
        "/upload",
        files={"workbook": (name or (path.name if path else "book.xlsx"), data)},
        data=fields,
        follow_redirects=False,
    )


@dataclass
class Uploads:
    by_sample: dict[str, Upload]
    pings: list[tuple[float, int]]  # (seconds, status) of GET / while the builds ran
    system_tmp_after: list[str]


@pytest.fixture(scope="module")
def uploads(client: TestClient, private_tmp: Path) -> Uploads:
    """Every sample uploaded at the same time from its own thread, while another thread keeps
    asking for the upload page; the system's temporary folder is watched meanwhile."""
    barrier = threading.Barrier(len(SAMPLE_NAMES))

    def send(name: str) -> Upload:
        barrier.wait()
        started = time.monotonic()
        response = post_workbook(client, SAMPLES / name)
        return Upload(
            response.status_code, response.headers.get("location", ""), time.monotonic() - started
        )

    pings: list[tuple[float, int]] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(private_tmp))
        with concurrent.futures.ThreadPoolExecutor(len(SAMPLE_NAMES)) as pool:
            futures = {name: pool.submit(send, name) for name in SAMPLE_NAMES}
            time.sleep(0.5)
            while not all(f.done() for f in futures.values()):
                started = time.monotonic()
                status = client.get("/").status_code
                pings.append((time.monotonic() - started, status))
                time.sleep(0.2)
            by_sample = {name: f.result() for name, f in futures.items()}
    return Uploads(by_sample, pings, sorted(os.listdir(private_tmp)))


def result_url(uploads: Uploads, name: str) -> str:
    upload = uploads.by_sample[name]
    assert upload.status == 303, upload
    assert RESULT_URL.fullmatch(upload.location), upload.location
    return upload.location


def assert_security_headers(response) -> None:
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"


def assert_serving(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert 'name="workbook"' in response.text


def result_folders(workdir: Path) -> list[str]:
    return sorted(p.name for p in workdir.iterdir() if RESULT_ID.fullmatch(p.name))


# --- pages -------------------------------------------------------------------------------


def test_upload_page(client):
    response = client.get("/")
    assert response.status_code == 200
    assert_security_headers(response)
    html = response.text
    assert 'action="/upload"' in html and 'enctype="multipart/form-data"' in html
    assert 'type="file" id="workbook" name="workbook"' in html and 'accept=".xlsx' in html
    assert 'name="impact_threshold"' in html and 'name="financial_threshold"' in html
    # the rulebook to build under (as --rulebook), each with the years it may be applied to
    assert '<select name="rulebook" id="rulebook">' in html and '<option value="">' in html
    assert '<option value="esrs-2023">esrs-2023: ESRS Set 1 (financial years beginning' in html
    assert 'href="/template.xlsx"' in html
    assert f'data-max-bytes="{50 * MB}"' in html
    # nothing inline, nothing from elsewhere
    assert html.count("<script") == 1 and OUR_SCRIPT in html
    assert "<style" not in html and " style=" not in html
    assert "http://" not in html and "https://" not in html


def test_static_files(client):
    for name, media in (("app.css", "text/css"), ("app.js", "text/javascript")):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(media)
        assert_security_headers(response)
        assert "http" not in response.text  # no external resource
    for name in ("other.js", "..%2Fapp.py", "%2e%2e%2fstore.py", "app.css%00.js"):
        assert client.get(f"/static/{name}").status_code == 404


def test_template_download(client):
    response = client.get("/template.xlsx")
    assert response.status_code == 200
    assert 'filename="esrs-s3-template.xlsx"' in response.headers["content-disposition"]
    book = load_workbook(io.BytesIO(response.content))
    for sheet in ("README", "Undertaking", "Impacts", "Policies", "Channels", "Settings"):
        assert sheet in book.sheetnames


def test_blank_template_upload_says_what_is_missing(client, workdir):
    template = client.get("/template.xlsx").content
    before = result_folders(workdir)
    response = client.post(
        "/upload", files={"workbook": ("template.xlsx", template)}, follow_redirects=False
    )
    assert response.status_code == 422
    assert "the Undertaking sheet is empty; a statement needs it" in response.text
    assert "undertaking-empty" in response.text
    assert result_folders(workdir) == before


def test_wrong_method_is_405_with_headers(client):
    response = client.get("/upload")
    assert response.status_code == 405
    assert_security_headers(response)


# --- valid samples -----------------------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_result_page(client, uploads, references, name):
    url = result_url(uploads, name)
    response = client.get(url)
    assert response.status_code == 200
    assert_security_headers(response)
    assert response.headers["cache-control"] == "no-store"
    html = response.text
    reference = references[name].result
    # the matrix, with one hover/click point per IRO and its details
    assert f'<img id="matrix-img" src="{url}/matrix.svg"' in html
    iros = reference.assessment.iros
    assert html.count('<circle class="pt"') == len(iros)
    for item in iros:
        assert f"<code>{item.id}</code>" in html
    # the gap findings by OECD step, the roll-up and the coverage matrix
    assert 'id="gap-list"' in html
    for step, findings in by_step(reference.findings):
        assert f'<h3 class="step">{step} <span class="muted">({len(findings)})</span>' in html
    assert html.count('<li class="finding') == sum(len(f) for _, f in by_step(reference.findings))
    assert 'id="rollup"' in html
    assert html.count("<tr data-status=") == len(reference.coverage)
    for status in {row.status for row in reference.coverage}:
        assert f'<option value="{status}">' in html
    # a draft says so; each missing datapoint's row says what to fill
    state = reference.completeness
    if state.draft:
        assert f'<p class="draft" id="draft">Draft: {state.draft}.' in html
    else:
        assert '<p class="complete" id="draft">Complete:' in html
    for row in reference.coverage:
        if row.status == "missing":
            assert f"<td>{escape(row.note)}</td>" in html, row.id
    for output in OUTPUT_NAMES:
        assert f'href="{url}/{output}"' in html
    assert html.count("<script") == 1


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_downloads_are_byte_identical_to_build_statement(client, uploads, references, name):
    url = result_url(uploads, name)
    for output in OUTPUT_NAMES:
        response = client.get(f"{url}/{output}")
        assert response.status_code == 200, output
        assert_security_headers(response)
        assert response.headers["content-disposition"].startswith("attachment"), output
        assert response.content == references[name].bytes(output), output


def test_parallel_uploads_do_not_mix(client, uploads, references):
    ids = [RESULT_URL.fullmatch(result_url(uploads, n)).group(1) for n in SAMPLE_NAMES]
    assert len(set(ids)) == len(ids)
    for name in SAMPLE_NAMES:
        html = client.get(result_url(uploads, name)).text
        undertaking = references[name].result.statement.document.undertaking
        assert f"<h1>{undertaking} " in html.replace("&amp;", "&")
        others = [references[n].result.statement.document.undertaking for n in SAMPLE_NAMES]
        assert all(f"<h1>{o} " not in html for o in others if o != undertaking)
    # the server kept answering while the builds ran on worker threads
    assert uploads.pings, "no request was made while the builds ran"
    assert all(status == 200 for _, status in uploads.pings)
    assert max(seconds for seconds, _ in uploads.pings) < 2


def test_private_folder(workdir, uploads):
    """Uploads and outputs live only in the private folder (0700, one folder per upload);
    nothing was written to the system's temporary folder."""
    assert stat.S_IMODE(workdir.stat().st_mode) == 0o700
    folders = result_folders(workdir)
    assert len(folders) >= len(SAMPLE_NAMES)
    for rid in folders:
        folder = workdir / rid
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for upload in (folder / "input").iterdir():
            assert stat.S_IMODE(upload.stat().st_mode) == 0o600
    assert uploads.system_tmp_after == []


def test_thresholds_are_passed_as_overrides(client, uploads):
    response = post_workbook(client, SAMPLES / "mining_company.xlsx", impact_threshold="4.5")
    assert response.status_code == 303
    html = client.get(response.headers["location"]).text
    assert "impact threshold 4.5 (command line)" in html
    manifest = client.get(response.headers["location"] + "/manifest.json").json()
    used = {p["name"]: p for p in manifest["parameters"]}
    assert used["impact_threshold"]["value"] == 4.5
    assert used["impact_threshold"]["source"] == "command line"


@pytest.mark.parametrize("value", ["high", "9", "1e999", "3; rm -rf /"])
def test_bad_threshold_is_refused(client, workdir, value):
    before = result_folders(workdir)
    response = post_workbook(client, SAMPLES / "mining_company.xlsx", impact_threshold=value)
    assert response.status_code == 400
    assert "Check the thresholds" in response.text
    assert result_folders(workdir) == before


# --- invalid and hostile uploads ---------------------------------------------------------


def test_invalid_workbook_shows_every_error_with_its_cell(client, workdir):
    before = result_folders(workdir)
    response = post_workbook(client, SAMPLES / "invalid_workbook.xlsx")
    assert response.status_code == 422
    assert_security_headers(response)
    html = response.text
    cells = re.findall(r'<td class="cell"><code>(.*?)</code></td>', html)
    rows = re.findall(
        r'<td class="cell"><code>(.*?)</code></td><td class="sev">(\w+)</td>'
        r"<td class=\"nowrap\"><code>(.*?)</code></td>",
        html,
    )
    for location, code, severity in PLANTED:
        assert (location, severity, code) in rows, location
    assert len(cells) == len(PLANTED)
    # and nothing else: no matrix, no result, no download; nothing kept
    assert "/results/" not in html and "matrix" not in html
    assert result_folders(workdir) == before


@pytest.mark.parametrize(
    ("filename", "content", "phrase"),
    [
        ("notes.txt", b"hello", "Only Excel workbooks (.xlsx) are accepted."),
        ("book.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Only Excel workbooks"),
        ("data.xlsx", b"id,title\n1,Dust\n", "not an .xlsx workbook"),
        ("empty.xlsx", b"", "empty"),
        ("truncated.xlsx", (SAMPLES / "mining_company.xlsx").read_bytes()[:5000], "damaged"),
        ("", b"", "Choose a workbook"),
    ],
    ids=["text-file", "xls-name", "csv-renamed", "empty", "truncated", "no-file"],
)
def test_not_a_workbook(client, workdir, filename, content, phrase):
    before = result_folders(workdir)
    response = client.post(
        "/upload", files={"workbook": (filename, content)}, follow_redirects=False
    )
    assert response.status_code == 400, response.text
    assert_security_headers(response)
    assert phrase in response.text
    assert str(workdir) not in response.text  # the private folder is never shown
    assert result_folders(workdir) == before
    assert_serving(client)


def write_zip_bomb(path: Path, part_bytes: int) -> Path:
    """A workbook-shaped zip whose sheet1.xml expands to `part_bytes` spaces (as in
    tests/test_unreadable.py)."""
    from openpyxl import Workbook

    seed = path.with_name("seed.xlsx")
    Workbook().save(seed)
    chunk = b" " * (16 * MB)
    with zipfile.ZipFile(seed) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info.filename, src.read(info))
        out.compresslevel = 9
        with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as handle:
            written = 0
            while written < part_bytes:
                piece = chunk[: part_bytes - written]
                handle.write(piece)
                written += len(piece)
    return path


def test_zip_bomb(client, workdir, tmp_path):
    bomb = write_zip_bomb(tmp_path / "bomb.xlsx", 64 * MB)
    assert bomb.stat().st_size < MB
    before = result_folders(workdir)
    started = time.monotonic()
    response = post_workbook(client, bomb)
    assert time.monotonic() - started < 15
    assert response.status_code == 400
    assert "zip bomb" in response.text
    assert result_folders(workdir) == before
    assert_serving(client)


@pytest.fixture
def small_limit_client(tmp_path) -> Iterator[tuple[TestClient, Path]]:
    workdir = tmp_path / "store"
    app = create_app(workdir, limits=Limits(max_file_bytes=100_000))
    with TestClient(app) as test_client:
        yield test_client, workdir


def test_oversized_upload_declared_length(small_limit_client):
    client, workdir = small_limit_client
    response = client.post(
        "/upload", files={"workbook": ("big.xlsx", b"x" * 300_000)}, follow_redirects=False
    )
    assert response.status_code == 413
    assert_security_headers(response)
    assert "larger than the 0.0954 MB limit" in response.text
    assert result_folders(workdir) == []
    assert_serving(client)


def test_oversized_upload_streamed_without_length(small_limit_client):
    """No Content-Length (chunked): the limit is enforced while the body streams in."""
    client, workdir = small_limit_client
    boundary = "esrs-s3-test-boundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="workbook"; '
        'filename="big.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n'
    ).encode()
    sent = []

    def body() -> Iterator[bytes]:
        yield head
        for _ in range(40):  # 40 x 16 KB = 640 KB of file data
            sent.append(1)
            yield b"x" * 16384
        yield f"\r\n--{boundary}--\r\n".encode()

    response = client.post(
        "/upload",
        content=body(),
        headers={"content-type": f"multipart/form-data; boundary={boundary}"},
        follow_redirects=False,
    )
    assert response.status_code == 413
    assert result_folders(workdir) == []
    assert_serving(client)


def test_upload_just_under_the_limit_reaches_the_ingest_checks(small_limit_client):
    client, _ = small_limit_client
    response = client.post(
        "/upload", files={"workbook": ("ok.xlsx", b"y" * 90_000)}, follow_redirects=False
    )
    assert response.status_code == 400
    assert "not an .xlsx workbook" in response.text


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"workbook": "x"}'),
        ("multipart/form-data", b"no boundary"),
        ("multipart/form-data; boundary=abc", b"garbage without any boundary"),
        ("multipart/form-data; boundary=abc", b"--abc\r\nContent-Disposition: form-data"),
        (
            "multipart/form-data; boundary=abc",
            b'--abc\r\nContent-Disposition: form-data; name="workbook"; filename="a.xlsx"\r\n'
            b"\r\nPK\x03\x04 truncated",
        ),
        (
            "multipart/form-data; boundary=abc",
            b'--abc\r\nContent-Disposition: form-data; name="workbook"; filename="a.xlsx"\r\n\r\n'
            b'PK\r\n--abc\r\nContent-Disposition: form-data; name="workbook"; filename="b.xlsx"'
            b"\r\n\r\nPK\r\n--abc--\r\n",
        ),
        (
            "multipart/form-data; boundary=abc",
            b'--abc\r\nContent-Disposition: form-data; name="impact_threshold"\r\n\r\n'
            + b"9" * 5000
            + b"\r\n--abc--\r\n",
        ),
        (
            "multipart/form-data; boundary=abc",
            b'--abc\r\nContent-Disposition: form-data; name="impact_threshold"\r\n\r\n'
            b"3\r\n--abc--\r\n",
        ),
    ],
    ids=[
        "json",
        "no-boundary",
        "garbage",
        "cut-in-headers",
        "cut-in-file",
        "two-files",
        "long-field",
        "no-file-part",
    ],
)
def test_malformed_upload_never_crashes(client, workdir, content_type, body):
    before = result_folders(workdir)
    response = client.post(
        "/upload", content=body, headers={"content-type": content_type}, follow_redirects=False
    )
    assert response.status_code == 400, response.text
    assert_security_headers(response)
    assert 'id="message"' in response.text
    assert result_folders(workdir) == before
    assert_serving(client)


def contract_text_columns() -> dict[str, list[tuple[str, str]]]:
    contract = load_contract("esrs-2023")
    return {
        sheet.name: [(c.name, c.type) for c in sheet.columns if c.type in ("text", "id")]
        for sheet in contract.sheets
    }


def script_everywhere() -> tuple[dict, dict]:
    """The base workbook with `<script>` in every text and id cell (ids and references kept
    consistent), and every optional text column filled too."""
    columns = contract_text_columns()
    fields = {"Undertaking": {n: f"{XSS} {n}" for n, t in columns["Undertaking"] if t == "text"}}
    ids: dict[str, str] = {}
    for rows in BASE_ROWS.values():
        for row in rows:
            ids[row["id"]] = f"{row['id']}{XSS}"
    rows_out = {}
    for sheet, rows in BASE_ROWS.items():
        rows_out[sheet] = []
        for row in rows:
            new = dict(row)
            for name, kind in columns[sheet]:
                if kind == "id":
                    new[name] = ids[row[name]]
                else:
                    new[name] = f"{XSS} {row.get(name, name)}"
            for ref in ("impacts", "policies"):
                if ref in new:
                    new[ref] = "; ".join(ids[r.strip()] for r in str(new[ref]).split(";"))
            rows_out[sheet].append(new)
    fields["Undertaking"] |= {k: v for k, v in BASE_FIELDS["Undertaking"].items() if k != "name"}
    fields["Undertaking"]["name"] = f"{XSS} Quarry"
    return fields, rows_out


def assert_escaped(html: str) -> None:
    assert html.lower().count("<script") == 1, "user text reached the page unescaped"
    assert OUR_SCRIPT in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_script_in_every_text_cell_is_escaped(client, make_workbook):
    fields, rows = script_everywhere()
    path = make_workbook("script.xlsx", fields=fields, rows=rows)
    response = post_workbook(client, path, name="<script>alert(1).xlsx")
    assert response.status_code == 303, response.text[-2000:]
    url = response.headers["location"]
    html = client.get(url).text
    assert_escaped(html)
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert f"<h1>{escaped} Quarry " in html  # the undertaking
    for row in BASE_ROWS["Impacts"]:  # ids, titles and reasons of the IROs
        assert f"<code>{row['id']}{escaped}</code>" in html
        assert f"{escaped} {row['title']}" in html
    assert "_script_alert_1_.xlsx" in html  # the file name is reduced, not echoed
    assert client.get(f"{url}/matrix.svg").content.count(b"<script") == 0


def test_script_in_invalid_cells_is_escaped(client, make_workbook):
    path = make_workbook(
        "bad.xlsx",
        rows={"Impacts": [dict(BASE_ROWS["Impacts"][0], kind=XSS, scale=XSS)]},
    )
    response = post_workbook(client, path)
    assert response.status_code == 422
    assert_escaped(response.text)


# --- ids, traversal, headers -------------------------------------------------------------


def test_unknown_or_malformed_result_ids_are_404(client, uploads):
    url = result_url(uploads, SAMPLE_NAMES[0])
    unknown = secrets.token_urlsafe(24)
    for path in (
        f"/results/{unknown}",
        f"/results/{unknown}/statement.pdf",
        "/results/short",
        "/results/" + "a" * 33,
        f"{url}x",
        f"{url}/statement.exe",
        f"{url}/input",
        f"{url}/out",
        f"{url}/STATEMENT.PDF",
        "/results/",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert_security_headers(response)
        assert "No such page" in response.text


def asgi_get(app, raw_path: str) -> tuple[int, bytes]:
    """One GET straight into the ASGI app with the path exactly as given (no client-side
    normalisation of `..`); like uvicorn, `path` is the percent-decoded `raw_path`."""
    messages = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": unquote(raw_path),
        "raw_path": raw_path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
    }
    anyio.run(app, scope, receive, send)
    status = next(m["status"] for m in messages if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return status, body


def test_path_traversal_is_impossible(client, uploads, workdir):
    url = result_url(uploads, SAMPLE_NAMES[0])
    rid = RESULT_URL.fullmatch(url).group(1)
    attempts = [
        f"{url}/../../../../etc/passwd",
        f"{url}/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        f"{url}/%2e%2e%2f%2e%2e%2fpyproject.toml",
        f"{url}/..%2Finput%2Fdefence_manufacturer.xlsx",
        f"{url}/input%2Fdefence_manufacturer.xlsx",
        f"{url}/%2e%2e",
        "/results/..%2F..%2Fetc/passwd",
        f"/results/{rid}%2F..%2F{rid}/statement.pdf",
        "/static/../../pyproject.toml",
        "/static/..%2F..%2Fpyproject.toml",
        "/static/%2e%2e%2fapp.js",
        "/template.xlsx/../../etc/passwd",
        "/..%2F..%2Fetc%2Fpasswd",
    ]
    app = client.app
    for path in attempts:
        status, body = asgi_get(app, path)
        assert status == 404, path
        assert b"root:" not in body and b"[project]" not in body and not body.startswith(b"PK")
        response = client.get(path)  # and through the HTTP client (which may normalise `..`)
        assert response.status_code == 404, path
        assert b"root:" not in response.content and b"[project]" not in response.content


def test_security_headers_everywhere(client, uploads):
    url = result_url(uploads, SAMPLE_NAMES[1])
    responses = [
        client.get("/"),
        client.get("/static/app.js"),
        client.get("/template.xlsx"),
        client.get(url),
        client.get(f"{url}/statement.pdf"),
        client.get(f"{url}/matrix.svg"),
        client.get("/nowhere"),
        client.get("/upload"),
        client.post("/upload", content=b"x", headers={"content-type": "text/plain"}),
    ]
    for response in responses:
        assert_security_headers(response)


def test_cross_site_upload_is_refused(client):
    response = client.post(
        "/upload",
        files={"workbook": ("a.xlsx", b"x")},
        headers={"sec-fetch-site": "cross-site"},
    )
    assert response.status_code == 403
    assert_security_headers(response)


def test_unexpected_host_is_refused(tmp_path):
    app = create_app(tmp_path / "store", allowed_hosts=frozenset({"127.0.0.1", "localhost"}))
    with TestClient(app, base_url="http://evil.example:8000") as client:
        response = client.get("/")
        assert response.status_code == 400
        assert_security_headers(response)
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/").status_code == 200


# --- retention -----------------------------------------------------------------------------


def test_expired_result_is_404_and_removed(client, uploads):
    store = client.app.state.store
    rid = RESULT_URL.fullmatch(result_url(uploads, SAMPLE_NAMES[2])).group(1)
    copy = store.create()  # a second entry showing the same view, then made old
    copy.result = store.entries[rid].result
    shutil.copytree(store.entries[rid].output_dir, copy.output_dir)
    assert client.get(f"/results/{copy.id}").status_code == 200
    copy.created -= store.retention_seconds + 1
    assert client.get(f"/results/{copy.id}").status_code == 404
    assert client.get(f"/results/{copy.id}/statement.pdf").status_code == 404
    assert not copy.folder.exists()


def make_leftover(workdir: Path, age: float) -> Path:
    folder = workdir / secrets.token_urlsafe(24)
    (folder / "out").mkdir(parents=True)
    (folder / "out" / "statement.pdf").write_bytes(b"%PDF")
    old = time.time() - age
    os.utime(folder, (old, old))
    return folder


def test_startup_removes_results_older_than_retention(tmp_path):
    workdir = tmp_path / "store"
    workdir.mkdir()
    old = make_leftover(workdir, 7200)
    young = make_leftover(workdir, 60)
    other = workdir / "notes"
    other.mkdir()
    create_app(workdir, retention_seconds=3600)
    assert not old.exists()
    assert young.exists() and other.exists()  # not expired / not a result folder
    assert stat.S_IMODE(workdir.stat().st_mode) == 0o700


def test_periodic_cleanup_and_shutdown(tmp_path):
    workdir = tmp_path / "store"
    app = create_app(workdir, retention_seconds=1)
    with TestClient(app):
        leftover = make_leftover(workdir, 0)
        mine = app.state.store.create()
        mine.result = {}
        deadline = time.monotonic() + 10
        while (leftover.exists() or mine.folder.exists()) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not leftover.exists() and not mine.folder.exists()
        kept = app.state.store.create()
        kept.result = {}
        app.state.store.retention_seconds = 3600
    assert not kept.folder.exists()  # a server removes its own results when it stops


def test_refuses_a_symlinked_workdir(tmp_path):
    target = tmp_path / "elsewhere"
    target.mkdir()
    link = tmp_path / "store"
    link.symlink_to(target)
    with pytest.raises(WorkdirError, match="not a folder"):
        create_app(link)


def test_serve_command_help():
    result = run_cli("serve", "--help")
    assert result.returncode == 0, result.stderr
    assert "--host" in result.stdout and "127.0.0.1" in result.stdout
    assert "--port" in result.stdout and "8000" in result.stdout


# --- end to end: the real server and headless Chromium -----------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`esrs-s3 serve` in a subprocess, on 127.0.0.1 and a free port."""
    tmp = tmp_path_factory.mktemp("server-tmp")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "ESRS_S3_DEBUG"} | {"TMPDIR": str(tmp)}
    process = subprocess.Popen(
        [sys.executable, "-m", "esrs_s3.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=ROOT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            output = process.stdout.read().decode() if process.stdout else ""
            process.kill()
            pytest.fail(f"esrs-s3 serve did not start: {output}")
        time.sleep(0.2)
    try:
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    workdir = tmp / f"esrs-s3-web-{os.getuid()}"
    assert not workdir.exists() or result_folders(workdir) == [], "results left behind"


def browser_paths() -> None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if not missing:
        return
    reason = (
        f"{', '.join(missing)} missing: install the Debian packages chromium and "
        "chromium-driver (scripts/install-system-deps --test)"
    )
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@dataclass
class Browser:
    driver: object
    downloads: Path
    shots: Path

    def download_to(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)}
        )
        self.downloads = folder

    def shot(self, name: str) -> Path:
        path = self.shots / name
        self.driver.save_screenshot(str(path))
        return path


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    browser_paths()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    base = tmp_path_factory.mktemp("chromium")
    downloads = base / "downloads"
    downloads.mkdir()
    shots = Path(os.environ.get("ESRS_S3_WEB_SHOTS") or base / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={base / 'profile'}",
        "--window-size=1400,1000",
    ):
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "download.directory_upgrade": True,
            "plugins.always_open_pdf_externally": True,
            "safebrowsing.enabled": False,
        },
    )
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(120)
    try:
        state = Browser(driver, downloads, shots)
        state.download_to(downloads)
        yield state
    finally:
        driver.quit()


def wait_for(condition, timeout: float = 90, step: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            value = condition()
            if value:
                return value
        time.sleep(step)
    raise AssertionError("timed out waiting in the browser")


def downloaded(folder: Path, name: str) -> bytes:
    path = folder / name
    wait_for(lambda: path.is_file() and not list(folder.glob("*.crdownload")), timeout=30)
    return path.read_bytes()


def upload_in_browser(browser: Browser, server: str, path: Path) -> None:
    from selenium.webdriver.common.by import By

    driver = browser.driver
    driver.get(server + "/")
    driver.find_element(By.ID, "workbook").send_keys(str(path))
    driver.find_element(By.ID, "submit").click()


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_end_to_end_in_chromium(browser, server, references, name, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = browser.driver
    stem = Path(name).stem
    driver.get(server + "/")
    assert driver.find_element(By.ID, "upload-form").is_displayed()
    browser.shot("upload.png")
    upload_in_browser(browser, server, SAMPLES / name)
    wait_for(
        lambda: RESULT_URL.search(driver.current_url) and driver.find_elements(By.ID, "gap-list")
    )
    reference = references[name].result
    # the matrix image is loaded (same origin, allowed by the CSP) and has a point per IRO
    image = driver.find_element(By.ID, "matrix-img")
    assert wait_for(lambda: driver.execute_script("return arguments[0].naturalWidth", image))
    points = driver.find_elements(By.CSS_SELECTOR, "#matrix-overlay .pt")
    assert len(points) == len(reference.assessment.iros)
    # hovering a point shows that IRO's scores and reason
    top = points[-1]  # drawn last, so nothing covers it
    ActionChains(driver).move_to_element(top).perform()
    detail = driver.find_element(By.ID, "iro-detail")
    item = reference.assessment.iros[int(top.get_attribute("data-index"))]
    wait_for(lambda: item.id in detail.text)
    assert "Impact score" in detail.text and item.reason[:40] in detail.text
    # clicking a row of the table shows its details too
    driver.find_element(By.ID, "iro-row-0").click()
    wait_for(lambda: reference.assessment.iros[0].id in detail.text)
    # the gap list, grouped by OECD step
    gaps = driver.find_element(By.ID, "gap-list")
    steps = [h.text for h in gaps.find_elements(By.CSS_SELECTOR, "h3.step")]
    assert [s.rsplit(" (", 1)[0] for s in steps] == [s for s, _ in by_step(reference.findings)]
    assert len(gaps.find_elements(By.CSS_SELECTOR, "li.finding")) == sum(
        len(f) for _, f in by_step(reference.findings)
    )
    # sorting the IRO table by impact score (descending on the second click)
    header = driver.find_element(By.XPATH, "//table[@id='iro-table']//th[text()='Impact']")
    header.click()
    header.click()
    first = driver.find_element(By.CSS_SELECTOR, "#iro-table tbody tr td code").text
    best = max(reference.assessment.iros, key=lambda a: a.scores.impact_score or -1)
    assert first in {
        a.id
        for a in reference.assessment.iros
        if (a.scores.impact_score or -1) == (best.scores.impact_score or -1)
    }
    # filtering the coverage matrix by status
    coverage = driver.find_element(By.ID, "coverage")
    statuses = {row.status for row in reference.coverage}
    status = "missing" if "missing" in statuses else sorted(statuses)[0]
    Select(driver.find_element(By.ID, "status-filter")).select_by_value(status)
    shown = [r for r in coverage.find_elements(By.CSS_SELECTOR, "tbody tr") if r.is_displayed()]
    assert len(shown) == sum(1 for row in reference.coverage if row.status == status)
    assert {r.get_attribute("data-status") for r in shown} == {status}
    Select(driver.find_element(By.ID, "status-filter")).select_by_value("")
    driver.execute_script("window.scrollTo(0, 0)")
    browser.shot(f"result-{stem}.png")
    # the page ran under the Content-Security-Policy without a violation or a script error
    problems = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert problems == []
    # downloads: byte-identical to build_statement's
    browser.download_to(tmp_path / "downloads")
    for output in ("statement.pdf", "statement.xhtml"):
        link = driver.find_element(By.ID, "dl-" + output.replace(".", "-"))
        driver.execute_script("arguments[0].scrollIntoView()", link)
        link.click()
        assert downloaded(browser.downloads, output) == references[name].bytes(output), output


def test_end_to_end_invalid_workbook_and_server_still_answers(browser, server, tmp_path):
    from selenium.webdriver.common.by import By

    driver = browser.driver
    upload_in_browser(browser, server, SAMPLES / "invalid_workbook.xlsx")
    wait_for(lambda: driver.find_elements(By.ID, "issues"))
    cells = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "#issues td.cell")]
    assert sorted(cells) == sorted(location for location, _, _ in PLANTED)
    assert not driver.find_elements(By.ID, "matrix-img")
    browser.shot("invalid.png")
    # a file that is not a workbook: a clear message, and the server keeps serving
    driver.get(server + "/")
    bogus = tmp_path / "notes.xlsx"
    bogus.write_bytes(b"just text, not a workbook\n")
    upload_in_browser(browser, server, bogus)
    message = wait_for(lambda: driver.find_element(By.ID, "message").text)
    assert "not an .xlsx workbook" in message
    browser.shot("error.png")
    with urllib.request.urlopen(server + "/", timeout=5) as response:
        assert response.status == 200
        assert response.headers["Content-Security-Policy"] == CSP
    # a raw request with `..` segments never reaches the file system
    port = int(server.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
        raw.sendall(b"GET /static/../../../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        answer = raw.recv(65536)
    assert answer.startswith(b"HTTP/1.1 404") and b"root:" not in answer


# --- the rulebook: the workbook's, or the optional form field ----------------------------


def test_unknown_rulebook_field_is_refused(client, workdir):
    before = result_folders(workdir)
    response = post_workbook(client, SAMPLES / "mining_company.xlsx", rulebook="esrs-1999")
    assert response.status_code == 400
    assert "Unknown rulebook &#39;esrs-1999&#39;" in response.text
    assert "esrs-2023" in response.text  # the known ones are named
    assert result_folders(workdir) == before


@pytest.mark.parametrize("field", [None, "esrs-test"])
def test_thresholds_are_parsed_against_the_rulebook_of_the_build(
    client, workdir, monkeypatch, field
):
    """The form's rulebook if given, else the workbook's (patched to name a second one)."""
    import esrs_s3.build as build_module
    import esrs_s3.rulebook as rulebook_module
    from esrs_s3.assess.parameters import BadOverride
    from esrs_s3.ingest import read_workbook

    monkeypatch.setattr(rulebook_module, "available_rulebooks", lambda: ("esrs-2023", "esrs-test"))
    parsed: list[str] = []

    def spy(texts, rulebook_id):
        parsed.append(rulebook_id)
        raise BadOverride(f"--set {texts[0]!r}: parsed against {rulebook_id}")

    def read(path, limits=None, rulebook=None):
        # esrs-test has no data folder to read the sheets under: read under the workbook's
        result = read_workbook(path, limits)
        if rulebook is None:  # the workbook, as if it named esrs-test
            undertaking = result.workbook.undertaking.model_copy(update={"rulebook": "esrs-test"})
            result.workbook = result.workbook.model_copy(update={"undertaking": undertaking})
        return result

    monkeypatch.setattr(build_module, "parse_overrides", spy)
    monkeypatch.setattr(build_module, "read_workbook", read)
    before = result_folders(workdir)
    fields = {"impact_threshold": "4"} | ({"rulebook": field} if field else {})
    response = post_workbook(client, SAMPLES / "mining_company.xlsx", **fields)
    assert parsed == ["esrs-test"]
    assert response.status_code == 400
    assert "Check the thresholds" in response.text and "parsed against esrs-test" in response.text
    assert result_folders(workdir) == before

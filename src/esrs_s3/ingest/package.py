"""Check that a file is an .xlsx workbook that is safe to read, before any reader touches it.

Everything here runs on the zip's central directory and on decompressed bytes scanned with
size caps; XML parts we interpret are parsed with defusedxml (no DTDs, no entities).
Failures raise `UnreadableWorkbook` with one sentence a user can act on.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from esrs_s3.errors import UnreadableWorkbook

MB = 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL = re.compile(rb"<(?:\w+:)?c\b[^>]*?(?:/>|>.*?</(?:\w+:)?c>)", re.S)
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ROW = re.compile(rb"<(?:\w+:)?row[\s>]")
_ROW_NUMBER = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="(\d+)"')
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3}\d+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")
_ANY_VALUE = re.compile(rb"<(?:\w+:)?v[\s>/]")
_STRING_RESULT = re.compile(rb'\bt="str"')
_ROW_END = re.compile(rb"</(?:\w+:)?row>")
_ROOT = re.compile(rb"<(?:\w+:)?worksheet[\s>]")
_CHUNK = MB


@dataclass(frozen=True)
class Limits:
    """Input limits (documented in README.md, changeable on the command line)."""

    max_file_bytes: int = 50 * MB
    max_rows: int = 200_000
    max_uncompressed_bytes: int = 1024 * MB
    max_compression_ratio: int = 200


@dataclass
class SheetScan:
    """What a byte scan of one worksheet part found."""

    rows: int = 0
    formulas_without_value: list[str] = field(default_factory=list)


@dataclass
class Package:
    """A workbook that passed the file-level checks; `scan` runs the per-sheet ones."""

    path: Path
    sha256: str
    limits: Limits
    sheet_parts: dict[str, str]  # sheet name as written in the workbook -> zip part name
    part_sizes: dict[str, int]  # sheet name -> uncompressed size the zip directory declares
    scans: dict[str, SheetScan] = field(default_factory=dict)  # sheet name -> its scan

    def scan(self, name: str) -> SheetScan:
        """Scan one worksheet (DTDs, real size, rows, formulas); refuse it beyond the limits."""
        with zipfile.ZipFile(self.path) as archive:
            scan = scan_sheet(self.path, archive, self.sheet_parts[name], self.limits)
        if scan.rows - 1 > self.limits.max_rows:
            raise _refuse(
                self.path,
                f"sheet {name} has more than {self.limits.max_rows:,} data rows, the limit "
                "(raise it with --max-rows)",
            )
        self.scans[name] = scan
        return scan


def _refuse(path: Path, reason: str) -> UnreadableWorkbook:
    return UnreadableWorkbook(str(path), reason)


def _check_file(path: Path, limits: Limits) -> bytes:
    if not path.exists():
        raise _refuse(path, "no such file")
    if path.is_dir():
        raise _refuse(path, "this is a folder, not an .xlsx workbook")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise _refuse(path, f"cannot be opened ({exc.strerror})") from None
    if size == 0:
        raise _refuse(path, "the file is empty (0 bytes), not an .xlsx workbook")
    if size > limits.max_file_bytes:
        raise _refuse(
            path,
            f"the file is {size / MB:.3g} MB ({size:,} bytes), over the "
            f"{limits.max_file_bytes / MB:.3g} MB limit "
            "(raise it with --max-file-mb)",
        )
    return head


def _identify_non_zip(path: Path, head: bytes) -> UnreadableWorkbook:
    if head.startswith(_OLE_MAGIC):
        data = path.read_bytes()
        if _ENCRYPTION_STREAM in data:
            return _refuse(
                path, "the workbook is password-protected; save an unprotected copy and try again"
            )
        return _refuse(
            path, "this is a legacy Excel 97-2003 (.xls) file; open it and save it as .xlsx"
        )
    with path.open("rb") as handle:
        sample = handle.read(4096)
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    if text and all(ch.isprintable() or ch in "\r\n\t" for ch in text.rstrip("\x00")):
        hint = (
            "a CSV or text file" if ("," in text or ";" in text or "\t" in text) else "a text file"
        )
        return _refuse(path, f"this is {hint}, not an .xlsx workbook; save it from Excel as .xlsx")
    return _refuse(path, "this is not an .xlsx workbook (it is not a zip archive)")


def _open_zip(path: Path, limits: Limits) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise _refuse(
            path, "the zip archive is damaged or truncated; save the workbook again"
        ) from None
    except (OSError, ValueError, EOFError) as exc:
        raise _refuse(path, f"the zip archive cannot be read ({exc})") from None
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        raise _refuse(
            path,
            f"it would expand to {total / MB:.0f} MB, over the "
            f"{limits.max_uncompressed_bytes / MB:g} MB limit "
            "(a zip bomb or an oversized workbook)",
        )
    for info in infos:
        if info.file_size > MB and info.file_size > limits.max_compression_ratio * max(
            info.compress_size, 1
        ):
            raise _refuse(
                path,
                f"part {info.filename} is compressed "
                f"{info.file_size // max(info.compress_size, 1)}:1,"
                f" above the {limits.max_compression_ratio}:1 limit (a zip bomb)",
            )
        if info.flag_bits & 0x1:
            raise _refuse(path, "the zip archive is encrypted; save an unprotected copy")
    return archive


def _read_part(path: Path, archive: zipfile.ZipFile, name: str, cap: int) -> bytes:
    try:
        with archive.open(name) as handle:
            data = handle.read(cap + 1)
    except KeyError:
        raise _refuse(path, f"the workbook part {name} is missing") from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise _refuse(path, f"the workbook part {name} is damaged ({exc})") from None
    if len(data) > cap:
        raise _refuse(path, f"the workbook part {name} is larger than expected (a zip bomb?)")
    return data


def _parse_xml(path: Path, name: str, data: bytes):
    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise _refuse(
            path, f"{name} declares a DTD or XML entities, which are refused for safety (XML bomb)"
        ) from None
    except ParseError as exc:
        raise _refuse(path, f"{name} is not well-formed XML ({exc})") from None


def _sheet_parts(path: Path, archive: zipfile.ZipFile) -> dict[str, str]:
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names:
        raise _refuse(path, "this zip archive is not an Excel workbook (it has no xl/workbook.xml)")
    cap = 64 * MB
    workbook = _parse_xml(
        path, "xl/workbook.xml", _read_part(path, archive, "xl/workbook.xml", cap)
    )
    rels_name = "xl/_rels/workbook.xml.rels"
    rels = _parse_xml(path, rels_name, _read_part(path, archive, rels_name, cap))
    targets = {}
    for rel in rels.iter(f"{_PKG_REL_NS}Relationship"):
        target = rel.get("Target", "")
        target = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join("xl", target))
        )
        targets[rel.get("Id")] = target
    parts = {}
    for sheet in workbook.iter(f"{_MAIN_NS}sheet"):
        target = targets.get(sheet.get(f"{_REL_NS}id"))
        if sheet.get("name") is not None and target in names:
            parts[sheet.get("name")] = target
    return parts


def _scan_block(block: bytes, scan: SheetScan, plain: bool) -> None:
    """Count rows and note formula cells without a cached result in a run of whole rows.

    `plain`: the part uses no namespace prefix (as Excel, LibreOffice and openpyxl write it),
    so fixed byte searches replace the regular expressions, which cost ten times more.
    """
    if plain:
        last = block.rfind(b'<row r="')
        number = int(block[last + 8 : block.find(b'"', last + 8)]) if last >= 0 else 0
        # rows carry their number as writers do; count them only when they do not
        rows = 0 if last >= 0 else block.count(b"<row ") + block.count(b"<row>")
        has_formula = b"<f" in block and (b"<f>" in block or b"<f " in block)
    else:
        rows = len(_ROW.findall(block))
        numbers = _ROW_NUMBER.findall(block)
        number = int(numbers[-1]) if numbers else 0
        has_formula = _FORMULA.search(block) is not None
    scan.rows = max(scan.rows + rows, number)
    if not has_formula:
        return
    for cell in _CELL.finditer(block):
        xml = cell.group(0)
        if _FORMULA.search(xml) is None or _VALUE.search(xml):
            continue
        if _STRING_RESULT.search(xml) and _ANY_VALUE.search(xml):
            continue  # a formula whose cached result is the empty string
        ref = _CELL_REF.search(xml)
        scan.formulas_without_value.append(ref.group(1).decode() if ref else "?")


def _last_row_end(block: bytes, plain: bool) -> int:
    """Offset just after the last row end tag, or 0 when the block has none."""
    if plain:
        cut = block.rfind(b"</row>")
        return cut + 6 if cut >= 0 else 0
    cut = 0
    for match in _ROW_END.finditer(block):
        cut = match.end()
    return cut


def scan_sheet(path: Path, archive: zipfile.ZipFile, part: str, limits: Limits) -> SheetScan:
    """Stream a worksheet part: count rows and find formula cells that have no cached value."""
    scan = SheetScan()
    pending: list[bytes] = []  # bytes after the last row end, kept unjoined until a row ends
    plain: bool | None = None  # decided on the first chunk
    read = 0
    try:
        with archive.open(part) as handle:
            tail = b""  # end of the previous chunk, so that a marker cut in two is still found
            in_prolog = True  # a DTD can only come before the root element
            while chunk := handle.read(_CHUNK):
                read += len(chunk)
                if read > limits.max_uncompressed_bytes:
                    raise _refuse(path, f"{part} expands beyond the size limit (a zip bomb?)")
                window = tail + chunk
                if in_prolog:
                    # not only the first bytes: a long comment can push a DTD down
                    if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                        raise _refuse(
                            path,
                            f"{part} declares a DTD or XML entities, which are refused for safety",
                        )
                    in_prolog = _ROOT.search(window) is None
                tail = chunk[-16:]
                if plain is None:
                    plain = b"<sheetData" in chunk or b"<worksheet" in chunk
                if _last_row_end(window, plain) == 0:
                    pending.append(chunk)  # joining here every time would be quadratic
                    continue
                block = b"".join([*pending, chunk])
                cut = _last_row_end(block, plain)
                _scan_block(block[:cut], scan, plain)
                pending = [block[cut:]]
                if scan.rows > limits.max_rows + 1:
                    break
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise _refuse(path, f"the worksheet {part} is damaged ({exc})") from None
    _scan_block(b"".join(pending), scan, bool(plain))
    return scan


def open_package(path: Path, limits: Limits) -> Package:
    """The file-level checks: path, size, format, zip directory (bombs), workbook XML."""
    head = _check_file(path, limits)
    if not head.startswith(b"PK"):
        raise _identify_non_zip(path, head)
    with _open_zip(path, limits) as archive:
        parts = _sheet_parts(path, archive)
        sizes = {name: archive.getinfo(part).file_size for name, part in parts.items()}
    return Package(
        path=path, sha256=_sha256(path), limits=limits, sheet_parts=parts, part_sizes=sizes
    )


def inspect_package(path: Path, limits: Limits, wanted: set[str]) -> Package:
    """Every check: the file-level ones, then a scan of each sheet whose lower-cased name is
    in `wanted`."""
    package = open_package(path, limits)
    for name in package.sheet_parts:
        if name.strip().lower() in wanted:
            package.scan(name)
    return package


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(MB):
            digest.update(chunk)
    return digest.hexdigest()

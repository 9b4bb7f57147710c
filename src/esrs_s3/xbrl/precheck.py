"""Our own checks of Inline XBRL documents, merged into Arelle's report by `verify_files`.

Arelle never recognises an element whose name an HTML serialiser lower-cased (`ix:nonnumeric`,
a period's start date), so it never sees the facts, contexts or schemaRef such a document holds.
These checks match names case-insensitively, so they see them, and report (with line numbers):
mis-cased names, a schemaRef to anything but an accepted rulebook's taxonomy entry point (each
rulebook's `taxonomy_entry_point` in `datapoints/<rulebook>/rulebook.toml`), unknown concepts,
facts without a contextRef, periods that do not start before they end, and duplicate ids.
A finding Arelle already reports with the same meaning is not repeated.

Documents are parsed with lxml without DTDs, entity expansion, network access or huge trees.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path

from lxml import etree

from esrs_s3.rulebook import entry_points, load_rulebook
from esrs_s3.xbrl.verify import VerifyMessage

XHTML_ROOT = "{http://www.w3.org/1999/xhtml}html"
MAX_BYTES = 100_000_000  # per document; lxml's own limits (huge_tree=False) apply inside
SUFFIXES = (".xhtml", ".html", ".htm")
TAXONOMY_PREFIX = "esrs"  # the prefix the taxonomy's concepts have in `taxonomy_concepts`
NAMESPACES = {
    "http://www.xbrl.org/2013/inlineXBRL": "ix",
    "http://www.xbrl.org/2008/inlineXBRL": "ix",
    "http://www.xbrl.org/2003/instance": "xbrli",
    "http://www.xbrl.org/2003/linkbase": "link",
    "http://xbrl.org/2006/xbrldi": "xbrldi",
}
# Element names of Inline XBRL 1.1, XBRL 2.1 instances and XBRL Dimensions, as spelled there.
ELEMENTS: dict[str, tuple[str, ...]] = {
    "ix": (
        "continuation", "denominator", "exclude", "footnote", "fraction", "header", "hidden",
        "nonFraction", "nonNumeric", "numerator", "references", "relationship", "resources",
        "tuple",
    ),
    "xbrli": (
        "context", "divide", "endDate", "entity", "forever", "identifier", "instant", "measure",
        "period", "scenario", "segment", "startDate", "unit", "unitDenominator",
        "unitNumerator", "xbrl",
    ),
    "link": (
        "arcroleRef", "footnote", "footnoteArc", "footnoteLink", "linkbaseRef", "loc", "roleRef",
        "schemaRef",
    ),
    "xbrldi": ("explicitMember", "typedMember"),
}  # fmt: skip
# Unprefixed attributes those elements take (Inline XBRL 1.1 and XBRL 2.1 / Dimensions).
ATTRIBUTES = (
    "arcrole", "contextRef", "continuedAt", "decimals", "dimension", "escape", "footnoteRole",
    "format", "fromRefs", "id", "linkRole", "name", "order", "precision", "scale", "scheme",
    "sign", "target", "title", "toRefs", "tupleID", "tupleRef", "unitRef",
)  # fmt: skip
FACTS = ("nonnumeric", "nonfraction", "fraction")
MISSING_CONTEXT = "(?i)contextRef|must have a context"  # how Arelle words a missing contextRef
CORRECT = {(kind, name.lower()): name for kind, names in ELEMENTS.items() for name in names}
CORRECT_ATTRIBUTES = {name.lower(): name for name in ATTRIBUTES}

Concepts = Callable[[], Collection[str]]


def precheck(
    file: Path,
    concepts: Concepts,
    arelle: Sequence[VerifyMessage] = (),
    accepted: Mapping[str, str] | None = None,
) -> list[VerifyMessage]:
    """Our errors for an XHTML file, or for each XHTML document inside a report-package zip.

    `concepts` gives the taxonomy's concept QNames (`prefix:Name`); it is called only for a
    document with facts. `arelle` holds Arelle's findings on the same file, not to repeat them.
    `accepted` maps the taxonomy entry points a schemaRef may name to their rulebooks
    (default: every shipped rulebook's, `esrs_s3.rulebook.entry_points()`).
    """
    accepted = entry_points() if accepted is None else accepted
    found: list[VerifyMessage] = []
    try:
        for document, data in _documents(file):
            found += _check(data, document, concepts, arelle, accepted)
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:  # RuntimeError: encrypted
        found.append(_error("esrs-s3:unreadable", f"cannot read it: {exc}", file.name))
    return found


def _documents(file: Path) -> Iterable[tuple[str, bytes]]:
    """(name, up to MAX_BYTES + 1 bytes) of the file, or of each XHTML document in a zip."""
    if not zipfile.is_zipfile(file):
        with file.open("rb") as stream:
            yield file.name, stream.read(MAX_BYTES + 1)
        return
    with zipfile.ZipFile(file) as archive:
        for info in archive.infolist():
            if not info.is_dir() and info.filename.lower().endswith(SUFFIXES):
                with archive.open(info) as stream:
                    yield info.filename, stream.read(MAX_BYTES + 1)


def _parse(data: bytes) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    return etree.fromstring(data, parser)


def schema_refs(file: Path) -> list[str]:
    """The schemaRef hrefs of an XHTML file or of the documents in a report package, in
    order (names matched in any case); a document that cannot be read contributes none."""
    hrefs: list[str] = []
    try:
        for _, data in _documents(file):
            if len(data) > MAX_BYTES:
                continue
            try:
                root = _parse(data)
            except etree.XMLSyntaxError:
                continue
            for element in root.iter(etree.Element):
                href = _attribute(element, "href") if _is(element, "link", "schemaref") else None
                if href is not None:
                    hrefs.append(href.strip())
    except (zipfile.BadZipFile, OSError, RuntimeError):
        pass
    return hrefs


def _error(
    code: str, message: str, document: str, line: int | None = None, element: str | None = None
) -> VerifyMessage:
    return VerifyMessage(
        code=code, level="error", message=message, document=document, line=line, element=element
    )


def _check(
    data: bytes,
    document: str,
    concepts: Concepts,
    arelle: Sequence[VerifyMessage],
    accepted: Mapping[str, str],
) -> list[VerifyMessage]:
    if len(data) > MAX_BYTES:
        text = f"larger than {MAX_BYTES} bytes; not checked"
        return [_error("esrs-s3:not-xhtml", text, document)]
    try:
        root = _parse(data)
    except etree.XMLSyntaxError as exc:
        text = f"not well-formed XML, so not XHTML: {exc.msg}"
        return [_error("esrs-s3:not-xhtml", text, document, exc.lineno or None)]
    if root.tag != XHTML_ROOT:
        text = f"the root element is {_name(root)}, not the XHTML html element"
        return [_error("esrs-s3:not-xhtml", text, document, root.sourceline)]
    name = Path(document).name
    theirs = [
        m
        for m in arelle
        if m.level == "error" and (m.document is None or Path(m.document).name == name)
    ]
    elements = list(root.iter(etree.Element))
    findings = [
        *_names(elements),
        *_schema_refs(elements, accepted),
        *_facts(elements, concepts, theirs, accepted),
        *_periods(elements, theirs),
        *_duplicate_ids(elements, theirs),
    ]
    return [_error(code, text, document, line, at) for code, text, line, at in findings]


Finding = tuple[str, str, int | None, str | None]  # code, message, line, element


def _kind(element: etree._Element) -> str | None:
    """'ix', 'xbrli', 'link' or 'xbrldi' by namespace (else by prefix), or None."""
    kind = NAMESPACES.get(etree.QName(element).namespace or "")
    return kind or (element.prefix if element.prefix in ELEMENTS else None)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _name(element: etree._Element) -> str:
    local = _local(element)
    return f"{element.prefix}:{local}" if element.prefix else local


def _is(element: etree._Element, kind: str, *lower: str) -> bool:
    return _kind(element) == kind and _local(element).lower() in lower


def _attribute(element: etree._Element, lower: str) -> str | None:
    """The attribute whose local name is `lower` in any case (and any namespace), or None."""
    for key, value in element.attrib.items():
        if etree.QName(key).localname.lower() == lower:
            return str(value)
    return None


def _said(theirs: Iterable[VerifyMessage], pattern: str, line: int | None = None) -> bool:
    """Whether Arelle reported an error matching `pattern` (on `line`, if given)."""
    return any(
        re.search(pattern, f"{m.code} {m.message}") and (line is None or m.line == line)
        for m in theirs
    )


def _names(elements: list[etree._Element]) -> list[Finding]:
    """Mis-cased element and attribute names: one finding per wrong spelling."""
    seen: dict[tuple[str, str], list[int]] = {}
    for element in elements:
        kind = _kind(element)
        if kind is None:
            continue
        local = _local(element)
        right = CORRECT.get((kind, local.lower()))
        if right is not None and right != local:
            prefix = f"{element.prefix}:" if element.prefix else ""
            seen.setdefault((f"element {_name(element)}", prefix + right), []).append(
                element.sourceline or 0
            )
        for key in element.attrib:
            right = CORRECT_ATTRIBUTES.get(str(key).lower())
            if right is not None and right != key:
                seen.setdefault((f"attribute {key}", right), []).append(element.sourceline or 0)
    findings: list[Finding] = []
    for (wrong, right), lines in seen.items():
        name, distinct = wrong.split()[1], sorted(set(lines))
        times = "once" if len(lines) == 1 else f"{len(lines)} times"
        if len(distinct) > 1:
            times += ", on lines " + ", ".join(map(str, distinct[:5]))
            times += ", ..." if len(distinct) > 5 else ""
        why = " (lower-cased, as an HTML serialiser does)" if right.lower() == name else ""
        text = (
            f"{wrong} should be {right}: XML names are case-sensitive, so XBRL processors do not "
            f"recognise {name}{why}; {times}"
        )
        findings.append(("esrs-s3:lowercase-name", text, lines[0] or None, name))
    return findings


def _schema_refs(elements: list[etree._Element], accepted: Mapping[str, str]) -> list[Finding]:
    """A schemaRef must point at the taxonomy entry point of an accepted rulebook."""
    expected = " or ".join(f"{entry} (rulebook {r})" for entry, r in sorted(accepted.items()))
    findings: list[Finding] = []
    for element in elements:
        href = _attribute(element, "href") if _is(element, "link", "schemaref") else None
        if href is not None and href.strip() not in accepted:
            text = (
                f"schemaRef points to {href.strip()}, not to the taxonomy entry point of a "
                f"rulebook: {expected or 'none accepted'}"
            )
            findings.append(("esrs-s3:unexpected-schema-ref", text, element.sourceline, href))
    return findings


def _facts(
    elements: list[etree._Element],
    concepts: Concepts,
    theirs: Sequence[VerifyMessage],
    accepted: Mapping[str, str],
) -> list[Finding]:
    """Every fact needs a concept the taxonomy declares, and a contextRef."""
    namespaces = {load_rulebook(r).taxonomy_namespace for r in set(accepted.values())}
    known: Collection[str] | None = None
    findings: list[Finding] = []
    for element in elements:
        if not _is(element, "ix", *FACTS):
            continue
        line, fact = element.sourceline, _attribute(element, "id")
        name = _attribute(element, "name")
        label = f"fact {name or '(no name)'}" + (f" (id {fact})" if fact else "")
        if _attribute(element, "contextref") is None and not _said(theirs, MISSING_CONTEXT, line):
            text = f"{label} has no contextRef"
            findings.append(("esrs-s3:missing-context-ref", text, line, fact))
        if not name:
            continue
        known = concepts() if known is None else known
        prefix, _, local = name.strip().rpartition(":")
        namespace = element.nsmap.get(prefix or None)
        key = f"{TAXONOMY_PREFIX}:{local}" if namespace in namespaces else name.strip()
        if key not in known and not _said(theirs, rf"{re.escape(name.strip())}\b"):
            text = f"{label}: the ESRS taxonomy has no such concept"
            findings.append(("esrs-s3:unknown-concept", text, line, fact))
    return findings


def _date(text: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text or "")
    except ValueError:
        return None


def _periods(elements: list[etree._Element], theirs: Sequence[VerifyMessage]) -> list[Finding]:
    """Each context's startDate must be before its endDate (equal dates are reported too)."""
    findings: list[Finding] = []
    for context in elements:
        if not _is(context, "xbrli", "context"):
            continue
        dates = {_local(e).lower(): (e.text or "").strip() for e in context.iter(etree.Element)}
        start, end = _date(dates.get("startdate")), _date(dates.get("enddate"))
        if start is None or end is None:
            continue
        try:
            wrong = start >= end
        except TypeError:  # one date with a time zone, one without: leave it to Arelle
            continue
        cid = _attribute(context, "id") or "(no id)"
        if wrong and not _said(theirs, rf"periodStartBeforeEnd.*\b{re.escape(cid)}\b"):
            text = (
                f"context {cid}: the period starts {dates['startdate']} and ends "
                f"{dates['enddate']}; its startDate must be before its endDate"
            )
            findings.append(("esrs-s3:empty-period", text, context.sourceline, cid))
    return findings


def _duplicate_ids(
    elements: list[etree._Element], theirs: Sequence[VerifyMessage]
) -> list[Finding]:
    """Every id once only; ids Arelle already reported as duplicated are left to it."""
    first: dict[str, int] = {}
    findings: list[Finding] = []
    for element in elements:
        value, line = _attribute(element, "id"), element.sourceline or 0
        if value is None:
            continue
        if value not in first:
            first[value] = line
        elif not any(m.code.endswith("idMustBeUnique") and m.element == value for m in theirs):
            text = f"id {value} is used more than once: on line {first[value]} and on line {line}"
            findings.append(("esrs-s3:duplicate-id", text, line or None, value))
    return findings

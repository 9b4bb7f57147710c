"""Coverage matrix, reconciliation, manifest and assurer pack of real builds."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile

import pytest
from conftest import BASE_ROWS, SAMPLES
from openpyxl import load_workbook

import esrs_s3.build as build_module
from esrs_s3.build import build_statement
from esrs_s3.check.coverage import ReconciliationError, reconcile
from esrs_s3.disclose.catalogue import load_catalogue


@pytest.fixture(scope="module")
def defence(tmp_path_factory):
    out = tmp_path_factory.mktemp("defence")
    return build_statement(SAMPLES / "defence_manufacturer.xlsx", out, pack=True), out


def test_one_coverage_row_per_catalogue_datapoint(defence) -> None:
    result, out = defence
    ids = [dp.id for dp in load_catalogue()]
    assert [row.id for row in result.coverage] == ids
    assert len(ids) == 155 and sum(dp.standard == "S3" for dp in load_catalogue()) == 63
    with (out / "coverage.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ids
    sheet = load_workbook(out / "coverage.xlsx")["Coverage"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:K")
    assert [c.value for c in sheet["A"][1:]] == ids
    disclosed = [r for r in rows if r["status"] == "disclosed"]
    assert disclosed and all(r["fact_ids"] for r in disclosed)
    assert any("Impacts!" in r["source_cells"] for r in disclosed)
    html = (out / "coverage.html").read_text(encoding="utf-8")
    assert all(f"<td>{i}</td>" in html for i in ids)


def test_reconciliation_catches_a_stray_fact_and_a_missing_one(defence) -> None:
    result, out = defence
    xhtml = (out / "statement.xhtml").read_bytes()
    catalogue = load_catalogue()
    reconcile(result.coverage, xhtml, catalogue)  # the real build reconciles
    stray = xhtml.replace(
        b"</body>",
        b'<p><ix:nonNumeric id="f-stray" name="esrs:NameOfPolicy" contextRef="c">x'
        b"</ix:nonNumeric></p></body>",
    )
    with pytest.raises(ReconciliationError, match="f-stray"):
        reconcile(result.coverage, stray, catalogue)
    disclosed = next(r for r in result.coverage if r.status == "disclosed")
    first = disclosed.fact_ids[0].encode()
    renamed = xhtml.replace(b'id="' + first + b'"', b'id="renamed-fact"')
    with pytest.raises(ReconciliationError, match=disclosed.id):
        reconcile(result.coverage, renamed, catalogue)
    # 'disclosed' needs a fact of the datapoint's own concept: a name alone does not do
    row = next(r for r in result.coverage if r.id == "S3.MDR-P_01")
    contents = 'name="esrs:DescriptionOfKeyContentsOfPolicyExplanatory"'
    scope = 'name="esrs:DescriptionOfScopeOfPolicyOrOfItsExclusionsExplanatory"'
    own = [f for f in row.fact_ids if f'id="{f}" {contents}' in xhtml.decode()]
    assert own
    for fact in own:
        xhtml = xhtml.replace(f'id="{fact}" {contents}'.encode(), f'id="{fact}" {scope}'.encode())
    with pytest.raises(ReconciliationError, match=r"S3\.MDR-P_01 is 'disclosed' but no fact"):
        reconcile(result.coverage, xhtml, catalogue)


def test_a_broken_reconciliation_fails_the_build_and_writes_nothing(tmp_path, monkeypatch) -> None:
    real = build_module.render_xhtml

    def with_stray_fact(document):
        return real(document).replace(
            b"</body>",
            b'<p><ix:nonNumeric id="f-stray" name="esrs:NameOfPolicy" contextRef="c">x'
            b"</ix:nonNumeric></p></body>",
        )

    monkeypatch.setattr(build_module, "render_xhtml", with_stray_fact)
    out = tmp_path / "out"
    with pytest.raises(ReconciliationError):
        build_statement(SAMPLES / "mining_company.xlsx", out)
    assert not out.exists() or not any(out.iterdir())


def test_manifest_hashes_every_output(defence) -> None:
    result, out = defence
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["input"]["sha256"] == result.assessment.input_sha256
    assert manifest["tool"]["name"] == "esrs-s3" and manifest["rulebook"]["id"] == "esrs-2023"
    names = {p["name"] for p in manifest["parameters"]}
    assert {"impact_threshold", "financial_threshold"} <= names
    for name, entry in manifest["outputs"].items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == entry["sha256"], name
    assert set(manifest["outputs"]) == {p.name for p in result.files} - {
        "manifest.json",
        "assurer-pack.zip",
    }
    assert "manifest.json" in (out / "statement.xhtml").read_text(encoding="utf-8")


def test_same_workbook_same_coverage_gaps_and_manifest(defence, tmp_path) -> None:
    _, out = defence
    build_statement(SAMPLES / "defence_manufacturer.xlsx", tmp_path, pack=True)
    for name in (
        "coverage.xlsx",
        "coverage.csv",
        "coverage.html",
        "manifest.json",
        "assurer-pack.zip",
        "gaps.json",
        "gaps.xlsx",
        "gaps.html",
        "gaps.pdf",
    ):
        assert (out / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_assurer_pack_contents(defence) -> None:
    _, out = defence
    with zipfile.ZipFile(out / "assurer-pack.zip") as pack:
        names = pack.namelist()
        assert names == [
            "report-package.zip",
            "statement.pdf",
            "coverage.xlsx",
            "coverage.csv",
            "coverage.html",
            "gaps.xlsx",
            "gaps.json",
            "gaps.html",
            "gaps.pdf",
            "manifest.json",
        ]
        assert pack.read("statement.pdf") == (out / "statement.pdf").read_bytes()


def test_coverage_csv_is_safe_from_formulas(make_workbook, tmp_path) -> None:
    impact = {**BASE_ROWS["Impacts"][0], "scale": 5, "description": "=cmd|' /C calc'!A0"}
    path = make_workbook(rows={"Impacts": [impact, BASE_ROWS["Impacts"][1]]})
    build_statement(path, tmp_path / "out")
    text = (tmp_path / "out" / "coverage.csv").read_text(encoding="utf-8")
    values = [v for row in csv.reader(io.StringIO(text)) for v in row]
    assert not any(v.startswith("=") for v in values)
    assert any(v.startswith("'=cmd") for v in values)


def test_gap_reports_are_written_and_kept_out_of_the_statement(defence) -> None:
    result, out = defence
    assert result.findings
    document = json.loads((out / "gaps.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in document["findings"]] == [f.rule for f in result.findings]
    statement = (out / "statement.xhtml").read_text(encoding="utf-8")
    pdf_names = zipfile.ZipFile(out / "assurer-pack.zip").namelist()
    assert {"gaps.xlsx", "gaps.json", "gaps.html", "gaps.pdf"} <= set(pdf_names)
    for finding in result.findings:
        assert finding.message not in statement
    assert "G19" not in statement and "due diligence gap" not in statement.lower()
    html = (out / "gaps.html").read_text(encoding="utf-8")
    assert "not part of the published" in html and "SCR-02" in html
    touched = {row.id: row.gap_findings for row in result.coverage}
    assert any(touched.values())
    sheet = load_workbook(out / "gaps.xlsx")["Findings"]
    assert sheet.freeze_panes == "A2" and sheet.max_row == len(result.findings) + 1


def test_gaps_cli_groups_by_step_and_fails_on_request() -> None:
    from conftest import run_cli

    completed = run_cli("gaps", str(SAMPLES / "defence_manufacturer.xlsx"))
    assert completed.returncode == 1  # the defence sample has error findings
    assert "== 1 Embed" in completed.stdout and "SCR-02" in completed.stdout
    never = run_cli("gaps", str(SAMPLES / "defence_manufacturer.xlsx"), "--fail-on", "never")
    assert never.returncode == 0
    as_json = run_cli(
        "gaps", str(SAMPLES / "mining_company.xlsx"), "--format", "json", "--fail-on", "never"
    )
    document = json.loads(as_json.stdout)
    assert document["counts"]["warning"] > 0
    assert all(f["cells"] for f in document["findings"] if f["kind"] == "due diligence")
    invalid = run_cli("gaps", str(SAMPLES / "invalid_workbook.xlsx"))
    assert invalid.returncode == 1 and "Traceback" not in invalid.stderr


# --- coverage.html: the filter and the links to the statement -----------------------------

IX = "{http://www.xbrl.org/2013/inlineXBRL}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def _coverage_page(out):
    from lxml import html as lxml_html

    return lxml_html.fromstring((out / "coverage.html").read_bytes())


def _statement_ids(out) -> dict[str, str]:
    """id attribute -> element tag of every element of statement.xhtml that has one."""
    from lxml import etree

    root = etree.parse(str(out / "statement.xhtml"), etree.XMLParser(resolve_entities=False))
    ids = [(e.get("id"), e.tag) for e in root.iter() if isinstance(e.tag, str) and e.get("id")]
    assert len({i for i, _ in ids}) == len(ids), "ids in statement.xhtml are not unique"
    return dict(ids)


def _hidden_facts(out) -> set[str]:
    from lxml import etree

    root = etree.parse(str(out / "statement.xhtml"), etree.XMLParser(resolve_entities=False))
    return {e.get("id") for h in root.iter(f"{IX}hidden") for e in h}


def _follow(driver, anchor: str) -> dict:
    """Click coverage.html's link to `anchor` in the statement; what the browser landed on."""
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, f'a[href="statement.xhtml#{anchor}"]').click()
    return driver.execute_script(
        "const t = document.querySelector(':target');"
        "return t && {id: t.id, ns: t.namespaceURI, style: t.getAttribute('style'),"
        " text: t.textContent, top: t.getBoundingClientRect().top,"
        " height: t.getBoundingClientRect().height, view: window.innerHeight,"
        " scrolled: window.scrollY};"
    )


def _hidden_spans(out) -> dict[str, str]:
    """hidden fact id -> id of the visible span that stands for it (-ix-hidden)."""
    from lxml import etree

    root = etree.parse(str(out / "statement.xhtml"), etree.XMLParser(resolve_entities=False))
    spans = [e for e in root.iter(f"{XHTML}span") if "-ix-hidden:" in (e.get("style") or "")]
    pairs = [(e.get("style").split("-ix-hidden:", 1)[1].strip(), e.get("id")) for e in spans]
    assert len({f for f, _ in pairs}) == len(pairs), "a hidden fact is shown at two places"
    return dict(pairs)


def test_coverage_html_filter_markup_matches_the_rows(defence) -> None:
    result, out = defence
    page = _coverage_page(out)
    rows = page.xpath('//table[@id="coverage"]/tbody/tr')
    assert [r.xpath("string(td[1])") for r in rows] == [row.id for row in result.coverage]
    assert [r.get("data-status") for r in rows] == [row.status for row in result.coverage]
    # without JavaScript the page is the full matrix: every row shown, the inert form hidden
    assert not any(r.get("hidden") is not None for r in rows)
    (form,) = page.xpath('//form[@id="filter"]')
    assert form.get("hidden") is not None
    statuses = form.xpath('.//input[@type="checkbox"][@name="status"]')
    assert sorted(box.get("value") for box in statuses) == sorted(
        {row.status for row in result.coverage}
    )
    assert all(box.get("checked") is not None for box in statuses)
    options = form.xpath('.//select[@name="requirement"]/option/@value')
    in_order = list(dict.fromkeys(r.get("data-requirement") for r in rows))
    assert options == ["", *in_order]
    assert len(in_order) == len({(row.standard, row.requirement) for row in result.coverage})
    assert {"S3-1", "SBM-3", "S3 SBM-3"} <= set(in_order)  # S3 SBM-3 apart from ESRS 2 SBM-3
    for r, row in zip(rows, result.coverage, strict=True):
        assert r.xpath("string(td[2])").startswith(f"{r.get('data-requirement')} ¶")
        assert row.requirement in r.get("data-requirement")
    assert form.xpath('.//input[@name="text"][@type="search"]')
    assert form.xpath('.//button[@type="reset"]')
    assert form.xpath('string(.//output[@id="filter-count"])') == (
        f"{len(rows)} of {len(rows)} rows shown"
    )
    # self-contained: inline script and style only, nothing fetched from anywhere
    (script,) = page.xpath("//script")
    assert script.get("src") is None and 'getElementById("filter")' in script.text
    assert page.xpath("//style") and not page.xpath("//link | //img | //iframe | //*[@src]")
    code = script.text + "".join(s.text for s in page.xpath("//style"))
    assert "http:" not in code and "https:" not in code and "@import" not in code


def test_coverage_html_links_every_fact_id_to_where_it_is_read(defence) -> None:
    """A fact shown in the page is linked directly; a fact tagged in ix:hidden is linked to
    the visible words that stand for it (the span that names it in `-ix-hidden`)."""
    result, out = defence
    page = _coverage_page(out)
    statement = _statement_ids(out)
    facts = {i for i, tag in statement.items() if tag in (f"{IX}nonNumeric", f"{IX}nonFraction")}
    hidden = _hidden_facts(out)
    shown_at = _hidden_spans(out)
    assert hidden and set(shown_at) == hidden  # each hidden fact is read somewhere, once
    rows = page.xpath('//table[@id="coverage"]/tbody/tr')
    linked = []
    for r, row in zip(rows, result.coverage, strict=True):
        (cell,) = r.xpath('td[@class="facts"]')
        links = cell.xpath(".//a")
        assert [a.text for a in links] == list(row.fact_ids), row.id
        for a, fact in zip(links, row.fact_ids, strict=True):
            target = a.get("href").removeprefix("statement.xhtml#")
            assert target == (shown_at[fact] if fact in hidden else fact), (row.id, fact)
            assert statement[target] == (f"{XHTML}span" if fact in hidden else statement[fact])
            linked.append(fact)
    assert linked and set(linked) == facts  # every tagged fact is reachable from the matrix
    assert not page.xpath('//a[not(starts-with(@href, "statement.xhtml#"))]')


CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    import os
    import shutil

    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not shutil.which(p)]
    if missing:
        reason = f"{', '.join(missing)} missing (scripts/install-system-deps --test)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for argument in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1400,1000",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def test_coverage_html_filters_and_links_in_chromium(defence, chromium) -> None:
    """Opened from disk, as an assurer would: the filter hides rows, and a fact link lands on
    the fact's element in statement.xhtml (an ix: element, found by its id attribute)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    result, out = defence
    driver = chromium
    driver.get((out / "coverage.html").as_uri())
    form = driver.find_element(By.ID, "filter")
    assert form.is_displayed()
    count = driver.find_element(By.ID, "filter-count")
    total = len(result.coverage)

    def shown() -> list[str]:
        return driver.execute_script(
            "return Array.from(document.querySelectorAll('#coverage tbody tr'))"
            ".filter(r => r.offsetParent !== null).map(r => r.cells[0].textContent);"
        )

    assert len(shown()) == total and count.text == f"{total} of {total} rows shown"
    form.find_element(By.CSS_SELECTOR, 'input[name=status][value="disclosed"]').click()
    expected = [row.id for row in result.coverage if row.status != "disclosed"]
    assert shown() == expected and count.text == f"{len(expected)} of {total} rows shown"
    Select(driver.find_element(By.ID, "filter-requirement")).select_by_value("BP-2")
    expected = [
        row.id
        for row in result.coverage
        if row.status != "disclosed" and row.standard == "ESRS 2" and row.requirement == "BP-2"
    ]
    assert expected and shown() == expected
    form.find_element(By.CSS_SELECTOR, 'button[type="reset"]').click()
    assert len(shown()) == total
    # a row whose first fact is shown in the page (not tagged in ix:hidden, out of view)
    hidden = _hidden_facts(out)
    row = next(r for r in result.coverage if r.fact_ids and r.fact_ids[0] not in hidden)
    box = driver.find_element(By.ID, "filter-text")
    box.send_keys(f"{row.fact_ids[0]}  {row.name.split()[0].upper()}")
    assert row.id in shown() and len(shown()) < total
    box.clear()
    box.send_keys("no-such-word-anywhere")
    assert shown() == [] and driver.find_element(By.ID, "filter-none").is_displayed()
    form.find_element(By.CSS_SELECTOR, 'button[type="reset"]').click()

    fact = row.fact_ids[0]
    landed = _follow(driver, fact)
    assert driver.current_url == (out / "statement.xhtml").as_uri() + f"#{fact}"
    assert landed["id"] == fact and landed["ns"] == IX.strip("{}")
    assert landed["scrolled"] > 0 and landed["height"] > 0
    assert -1 <= landed["top"] < landed["view"]  # the fact is in view (sub-pixel above 0)

    # a fact tagged in ix:hidden: the link lands on the visible words that stand for it
    driver.get((out / "coverage.html").as_uri())
    fact = next(f for r in result.coverage for f in r.fact_ids if f in hidden)
    span = _hidden_spans(out)[fact]
    landed = _follow(driver, span)
    assert landed["id"] == span and landed["style"] == f"-ix-hidden:{fact}"
    assert landed["text"].strip() and landed["scrolled"] > 0 and landed["height"] > 0
    assert -1 <= landed["top"] < landed["view"]


def test_coverage_html_without_javascript_shows_every_row(defence, chromium) -> None:
    from selenium.webdriver.common.by import By

    result, out = defence
    driver = chromium
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get((out / "coverage.html").as_uri())
        assert not driver.find_element(By.ID, "filter").is_displayed()  # inert without a script
        rows = driver.find_elements(By.CSS_SELECTOR, "#coverage tbody tr")
        assert len(rows) == len(result.coverage) and all(r.is_displayed() for r in rows[:5])
        assert rows[-1].is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})

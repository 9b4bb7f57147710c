"""Check stage: the due-diligence gap engine.

`find_gaps(workbook, assessment, statement)` evaluates the gap rules of the rulebook
(`datapoints/<rulebook>/gap_rules.toml`, G01-G28 of the domain brief) and returns `Finding`
records: each names its rule (and variant), severity (error: a disclosure obligation is not met;
warning: weak due diligence; info: good practice), kind (a *disclosure* gap or a
*due-diligence* gap), OECD due-diligence steps, GOV-4 core element (ESRS 1 ¶61 a-e), ESRS
paragraphs, the workbook rows and cells that cause it, what would resolve it and the catalogue
datapoints it touches. Regulatory content lives in the TOML (datapoint ids included); the
`predicates` package, one module per OECD due-diligence step, only evaluates conditions. The
findings are for the reporting team and never enter the published statement.
"""

from esrs_s3.check.gaps import Finding, find_gaps, load_rules

__all__ = ["Finding", "find_gaps", "load_rules"]

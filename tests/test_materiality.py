"""Materiality decisions against hand-computed expectations (defaults of rulebook esrs-2023:
impact and financial thresholds 3, peak discount 1, human-rights floor 0.8, overrides at
severity 4 / irremediability 5 and magnitude 5 with likelihood >= 2)."""

from __future__ import annotations

import pytest

from esrs_s3.assess import assess, resolve_parameters
from esrs_s3.models import (
    CellRef,
    CountryRisk,
    Iro,
    RowSource,
    ScreeningRow,
    Settings,
    Workbook,
)

COLUMNS = {name: "A" for name in Iro.model_fields}


def iro(id_="IRO-01", **values) -> Iro:
    base = {
        "id": id_,
        "title": "t",
        "description": "d",
        "sub_topic": "civil and political rights",
        "sub_sub_topic": "freedom of assembly",
        "kind": "negative impact",
        "status": "potential",
        "value_chain": "downstream",
        "involvement": "contributes",
        "community_type": "along the value chain",
        "human_rights": False,
        "time_horizon": "short",
        "rationale": "r",
        "source": RowSource("Impacts", 2, COLUMNS),
    }
    return Iro.model_validate(base | values)


def book(*iros: Iro, countries=(), screening=(), settings=None) -> Workbook:
    return Workbook(
        path="x.xlsx",
        sha256="0" * 64,
        undertaking=None,
        impacts=iros,
        countries=tuple(countries),
        screening=tuple(screening),
        settings=settings or Settings(),
    )


def one(item: Iro, **kwargs):
    return assess(book(item, **kwargs)).iros[0]


def test_actual_negative_impact_exactly_at_the_threshold_is_material() -> None:
    result = one(iro(status="actual", scale=4, scope=3, irremediability=2))
    assert result.scores.severity == 3.0  # mean 3, peak 4 - 1 = 3
    assert result.scores.likelihood_factor == 1.0
    assert result.scores.impact_score == 3.0
    assert result.material and result.decision.rules == ("impact_threshold",)
    assert result.reason.startswith("material: impact score 3 ≥ threshold 3")
    assert "Actual impact: likelihood not applied" in result.reason


def test_potential_negative_impact_uses_likelihood() -> None:
    low = one(iro(scale=4, scope=3, irremediability=2, likelihood=4))
    assert low.scores.impact_score == pytest.approx(2.4)  # 3 x 4/5
    assert not low.material
    assert low.reason.startswith("not material: impact score 2.4 < threshold 3")
    high = one(iro(scale=4, scope=3, irremediability=2, likelihood=5))
    assert high.scores.impact_score == 3.0 and high.material


def test_one_extreme_criterion_is_not_averaged_away() -> None:
    result = one(iro(status="actual", scale=5, scope=1, irremediability=1))
    assert result.scores.severity == 4.0  # mean 2.33, but 5 - 1 = 4
    assert result.material


def test_human_rights_precedence_scale_5_irremediability_5_likelihood_1() -> None:
    result = one(iro(human_rights=True, scale=5, scope=1, irremediability=5, likelihood=1))
    assert result.scores.severity == 4.0  # mean 3.67, peak 4
    assert result.scores.likelihood_factor == 1.0  # severity alone, instead of 1/5
    assert result.scores.impact_score == pytest.approx(4.0)
    assert result.material
    assert result.decision.rules[0] == "human_rights_severity"
    assert "likelihood not applied (ESRS 1 ¶45)" in result.reason
    # the same impact without the human-rights flag: 4 x 1/5 = 0.8
    plain = one(iro(human_rights=False, scale=5, scope=1, irremediability=5, likelihood=1))
    assert plain.scores.impact_score == pytest.approx(0.8) and not plain.material


def test_human_rights_irremediability_override_alone() -> None:
    # severity max(mean(2,1,5)=2.67, 5-1=4) = 4 also holds; lower the severity override
    result = one(
        iro(human_rights=True, scale=1, scope=1, irremediability=5, likelihood=1),
        settings=Settings(values={"human_rights_severity_override": 5.0}),
    )
    assert result.decision.rules[0] == "human_rights_irremediability"
    assert "irremediability 5 ≥ 5" in result.reason


def test_potential_human_rights_impacts_are_judged_on_severity_by_default() -> None:
    """ESRS 1 ¶45 as written: severity takes precedence over likelihood, so by default a
    potential human-rights impact of severity 3 is material whatever its likelihood."""
    result = one(iro(human_rights=True, scale=3, scope=3, irremediability=3, likelihood=1))
    assert result.scores.impact_score == pytest.approx(3.0)  # 3 x 1, not 3 x 1/5
    assert result.material
    assert (
        "Likelihood factor raised to 1: for a potential human-rights impact severity takes "
        "precedence over likelihood (ESRS 1 ¶45)" in result.reason
    )
    # a team that lowers the floor lets likelihood lower the score again
    lowered = one(
        iro(human_rights=True, scale=3, scope=3, irremediability=3, likelihood=1),
        settings=Settings(values={"human_rights_likelihood_floor": 0.8}),
    )
    assert lowered.scores.impact_score == pytest.approx(2.4) and not lowered.material


def test_positive_impacts_use_scale_and_scope() -> None:
    actual = one(iro(kind="positive impact", status="actual", scale=4, scope=2))
    assert actual.scores.severity == 3.0 and actual.material
    potential = one(iro(kind="positive impact", scale=4, scope=2, likelihood=3))
    assert potential.scores.impact_score == pytest.approx(1.8) and not potential.material


def test_risks_and_opportunities() -> None:
    risk = one(iro(kind="risk", likelihood=5, financial_magnitude=3, involvement=None))
    assert risk.scores.financial_score == 3.0 and risk.material  # boundary
    assert risk.decision.rules == ("financial_threshold",)
    below = one(iro(kind="risk", likelihood=3, financial_magnitude=4))
    assert below.scores.financial_score == pytest.approx(2.4) and not below.material
    opportunity = one(iro(kind="opportunity", likelihood=4, financial_magnitude=4))
    assert opportunity.scores.financial_score == pytest.approx(3.2) and opportunity.material


def test_low_likelihood_high_magnitude_override() -> None:
    result = one(iro(kind="risk", likelihood=2, financial_magnitude=5))
    assert result.scores.financial_score == 2.0
    assert result.material and result.decision.rules == ("financial_override",)
    assert "S3 AR 8" in result.reason
    rare = one(iro(kind="risk", likelihood=1, financial_magnitude=5))
    assert not rare.material


def test_location_modifiers_each_and_capped() -> None:
    item = iro(scale=3, scope=3, irremediability=3, likelihood=2, countries=("CD",))
    cases = [
        (CountryRisk(source=RowSource("Countries", 2, {}), country="CD", cahra=True), 3),
        (CountryRisk(source=RowSource("Countries", 2, {}), country="CD", ituc_rating="5+"), 3),
        (CountryRisk(source=RowSource("Countries", 2, {}), country="CD", ituc_rating="4"), 2),
        (CountryRisk(source=RowSource("Countries", 2, {}), country="CD", wgi_percentile=10), 3),
        (CountryRisk(source=RowSource("Countries", 2, {}), country="CD", wgi_percentile=25), 2),
        (
            CountryRisk(
                source=RowSource("Countries", 2, {}),
                country="CD",
                cahra=True,
                ituc_rating="5",
                wgi_percentile=3,
            ),
            5,
        ),
    ]
    for country, expected in cases:
        assert one(item, countries=[country]).scores.likelihood_used == expected, country
    everything = cases[-1][0]
    capped = one(
        iro(scale=3, scope=3, irremediability=3, likelihood=4, countries=("CD",)),
        countries=[everything],
    )
    assert capped.scores.likelihood_used == 5
    assert "Likelihood 4 raised to 5 by CD conflict-affected or high-risk +1" in capped.reason
    off = one(item, countries=[everything], settings=Settings(values={"location_modifiers": False}))
    assert off.scores.likelihood_used == 2
    positive = one(
        iro(kind="positive impact", scale=3, scope=3, likelihood=2, countries=("CD",)),
        countries=[everything],
    )
    assert positive.scores.likelihood_used == 2  # lenses raise the likelihood of harm only


def test_partner_lens_from_screening() -> None:
    item = iro(scale=3, scope=3, irremediability=3, likelihood=2)
    sale = ScreeningRow(
        source=RowSource("Screening", 2, {"id": "A"}),
        id="SCR-01",
        description="sale",
        country="CD",
        product_risk=3,
        use_risk=3,
        client_risk=4,
        country_risk=3,
        impacts=("IRO-01",),
    )
    result = one(item, screening=[sale])
    assert result.scores.likelihood_used == 3
    assert "high-risk client in SCR-01 +1" in result.reason
    calm = sale.model_copy(update={"client_risk": 3})
    assert one(item, screening=[calm]).scores.likelihood_used == 2


def test_settings_and_command_line_overrides_are_recorded() -> None:
    item = iro(scale=4, scope=3, irremediability=2, likelihood=4)
    settings = Settings(
        values={"impact_threshold": 2.4},
        cells={"impact_threshold": CellRef(sheet="Settings", cell="B2")},
    )
    result = assess(book(item, settings=settings))
    assert result.iros[0].material
    assert result.parameters.used[0].source == "Settings!B2"
    overridden = assess(book(item, settings=settings), {"impact_threshold": 2.5})
    assert not overridden.iros[0].material
    assert overridden.parameters.used[0].source == "command line"
    defaults = resolve_parameters("esrs-2023", Settings())
    assert defaults["impact_threshold"] == 3.0 and defaults.used[0].source == "default"


def test_sensitivity_and_closest() -> None:
    items = [
        iro("IRO-01", status="actual", scale=4, scope=3, irremediability=2),  # 3.0: on the line
        iro("IRO-02", status="actual", scale=5, scope=5, irremediability=5),  # 5.0: far above
        iro("IRO-03", scale=4, scope=3, irremediability=2, likelihood=4),  # 2.4: below
    ]
    result = assess(book(*items))
    on_line, far, below = result.iros
    assert on_line.flips and not on_line.material_if_thresholds_higher
    assert not far.flips and not below.flips  # 2.4 < 3 - 0.5
    assert result.closest == ("IRO-01", "IRO-03", "IRO-02")
    assert on_line.margin == 0.0 and below.margin == pytest.approx(-0.6)


def test_roll_up() -> None:
    items = [
        iro("IRO-01", status="actual", scale=5, scope=5, irremediability=5),
        iro(
            "IRO-02",
            status="actual",
            scale=1,
            scope=1,
            irremediability=1,
            sub_sub_topic="freedom of expression",
        ),
        iro(
            "IRO-03",
            status="actual",
            scale=1,
            scope=1,
            irremediability=1,
            sub_topic="rights of indigenous peoples",
            sub_sub_topic="cultural rights",
        ),
    ]
    rollup = assess(book(*items)).rollup
    lines = {(t.sub_topic, t.sub_sub_topic): t for t in rollup.topics}
    assert lines[("civil and political rights", "freedom of assembly")].material
    assert not lines[("civil and political rights", "freedom of expression")].material
    assert lines[("civil and political rights", None)].material
    assert not lines[("rights of indigenous peoples", None)].material
    assert lines[("rights of indigenous peoples", "cultural rights")].iros == ("IRO-03",)
    assert rollup.s3_material
    none = assess(book(items[1], items[2])).rollup
    assert not none.s3_material and none.material_sub_topics == ()


def test_screening_threshold_and_uncovered_sales() -> None:
    def sale(id_, scores, impacts=()):
        return ScreeningRow(
            source=RowSource("Screening", 2, {"id": "A"}),
            id=id_,
            description="s",
            country="CD",
            product_risk=scores[0],
            use_risk=scores[1],
            client_risk=scores[2],
            country_risk=scores[3],
            impacts=impacts,
        )

    rows = [
        sale("S1", (3, 3, 3, 3)),
        sale("S2", (1, 1, 1, 5)),
        sale("S3", (2, 3, 3, 3)),
        sale("S4", (4, 4, 4, 4), ("IRO-01",)),
    ]
    result = assess(book(iro(status="actual", scale=1, scope=1, irremediability=1), screening=rows))
    review = {s.id: (s.needs_review, s.uncovered) for s in result.screening}
    assert review == {
        "S1": (True, True),
        "S2": (True, True),
        "S3": (False, False),
        "S4": (True, False),
    }

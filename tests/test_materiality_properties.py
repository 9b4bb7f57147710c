"""Properties of the method: more severity or likelihood never removes materiality, and the
register's row order does not matter."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_materiality import book, iro

from esrs_s3.assess import assess

scores = st.integers(min_value=1, max_value=5)


@st.composite
def impacts(draw):
    kind = draw(st.sampled_from(["negative impact", "positive impact", "risk", "opportunity"]))
    status = draw(st.sampled_from(["actual", "potential"]))
    values = {"kind": kind, "status": status, "human_rights": draw(st.booleans())}
    if kind in ("negative impact", "positive impact"):
        values |= {"scale": draw(scores), "scope": draw(scores)}
        if kind == "negative impact":
            values["irremediability"] = draw(scores)
        if status == "potential":
            values["likelihood"] = draw(scores)
        if draw(st.booleans()):
            values["financial_magnitude"] = draw(scores)
    else:
        values |= {"likelihood": draw(scores), "financial_magnitude": draw(scores)}
    return values


@settings(max_examples=300, deadline=None)
@given(
    impacts(),
    st.sampled_from(["scale", "scope", "irremediability", "likelihood", "financial_magnitude"]),
)
def test_raising_a_criterion_never_removes_materiality(values, criterion) -> None:
    if values.get(criterion) is None or values[criterion] == 5:
        return
    before = assess(book(iro(**values))).iros[0]
    after = assess(book(iro(**(values | {criterion: values[criterion] + 1})))).iros[0]
    if before.material:
        assert after.material, (values, criterion, before.reason, after.reason)
    for name in ("impact_score", "financial_score"):
        old, new = getattr(before.scores, name), getattr(after.scores, name)
        if old is not None:
            assert new >= old


@settings(max_examples=60, deadline=None)
@given(st.lists(impacts(), min_size=2, max_size=8), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_row_order(rows, rng) -> None:
    items = [iro(f"IRO-{i:02d}", **values) for i, values in enumerate(rows)]
    shuffled = list(items)
    rng.shuffle(shuffled)
    first, second = assess(book(*items)), assess(book(*shuffled))
    by_id = {a.id: a for a in second.iros}
    for result in first.iros:
        other = by_id[result.id]
        assert (result.scores, result.decision, result.reason) == (
            other.scores,
            other.decision,
            other.reason,
        )
    assert first.closest == second.closest
    assert {t.sub_sub_topic: t.material for t in first.rollup.topics} == {
        t.sub_sub_topic: t.material for t in second.rollup.topics
    }

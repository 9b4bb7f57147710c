"""The predicates of the gap rules: one small pure function per rule of
`datapoints/<rulebook>/gap_rules.toml`, found in PREDICATES (below) under the name the rule's
`predicate` gives.

Each takes a GapContext (the workbook, its assessment, the statement's datapoint results by id,
the regime, the statement's section anchors, and the rule being evaluated with its `params`)
and, as keyword arguments, the datapoint ids the rule names in its `roles` (no datapoint id is
written in this package: a rulebook that renames datapoints changes its gap_rules.toml only),
and returns the hits: one per problem, each naming the workbook rows and cells that cause it,
the fields its message template needs and, when the rule has variants, which variant it is.
Conditions are documented next to each rule in gap_rules.toml; keyword lists and other choices
come from the rule's `params` and the file's `[words]`, never from here.

One module per OECD due-diligence step, holding the rules whose first `oecd_steps` entry is
that step: `embed` (1), `identify` (2), `prevent` (3), `track` (4), `communicate` (5),
`remediate` (6), and `engage` for the cross-cutting engagement with affected stakeholders.
`context` defines what a predicate gets and returns; `cite`, `wording` and `common` hold the
helpers they share.
"""

from __future__ import annotations

from collections.abc import Mapping

from esrs_s3.check.predicates import communicate, embed, engage, identify, prevent, remediate, track
from esrs_s3.check.predicates.context import STATED, GapContext, Hit, Predicate

# The name a rule's `predicate` gives (the function's own name) -> the function, by step.
PREDICATES: Mapping[str, Predicate] = {
    function.__name__: function
    for function in (
        # 1 Embed
        embed.iros_without_policy,  # G01
        embed.policies_without_human_rights_reference,  # G02
        embed.policies_without_senior_owner,  # G03
        embed.policies_not_public,  # G04
        embed.indigenous_peoples_without_provisions,  # G05
        embed.policy_inside_broader_code,  # G28
        # 2 Identify and assess
        identify.no_insight_into_vulnerable_groups,  # G08
        identify.severe_incidents,  # G17
        identify.undisclosed_breaches,  # G18
        identify.misuse_risk_unassessed,  # G19
        identify.cahra_without_enhanced_due_diligence,  # G20
        identify.human_rights_impacts_dropped_for_likelihood,  # G21
        identify.dma_method_undocumented,  # G22
        identify.community_types_or_incident_class_missing,  # G24
        identify.not_material_without_explanation,  # G27
        identify.not_material_on_empty_register,  # G27 where no explanation is asked
        # 3 Prevent and mitigate
        prevent.iros_without_action,  # G12
        prevent.actions_without_scope_or_resources,  # G14
        prevent.linked_impacts_without_leverage,  # G26
        # 4 Track
        track.actions_without_effectiveness_tracking,  # G13
        track.no_targets_statement,  # G15
        track.targets_without_baseline_or_involvement,  # G16
        # 5 Communicate
        communicate.due_diligence_map_incomplete,  # G23
        communicate.phase_in_items_missing,  # G25
        communicate.mandatory_datapoints_missing,  # G29
        # 6 Remediate
        remediate.no_grievance_channel,  # G09
        remediate.channel_without_tracking_trust_or_protection,  # G10
        remediate.actual_impact_without_remedy,  # G11
        # cross-cutting: engagement
        engage.no_engagement_process,  # G06
        engage.engagement_without_effectiveness_check,  # G07
    )
}

__all__ = ["PREDICATES", "STATED", "GapContext", "Hit", "Predicate"]

"""Sample 2: a fictional network-equipment maker (telecom_equipment.xlsx).

Nordlys Networks AB sells radio access, core network and transport equipment to mobile
operators, including lawful-interception (LI) interfaces and deep packet inspection (DPI) in
its packet core, and runs managed services for some operators. It has R&D in Kista (SE) and
Oulu (FI), a factory in Tallinn (EE) and a radio test site in northern Sweden on land used
for Sami reindeer herding. Company, sites and events are invented.
"""

from __future__ import annotations

import datetime as dt

from .common import countries, iro, lei, refs, screening

FILENAME = "telecom_equipment.xlsx"

UNDERTAKING = {
    "name": "Nordlys Networks AB",
    "lei": lei("549300NRDLYSNETW01"),
    "period_start": dt.date(2025, 1, 1),
    "period_end": dt.date(2025, 12, 31),
    "currency": "SEK",
    "employees": 14200,
    "first_reporting_year": 2024,
    "language": "en",
    "rulebook": "esrs-2023",
    "sector": "C26.30 Manufacture of communication equipment",
    "products_with_misuse_risk": "yes",
}

# The thresholds equal the rulebook defaults; they are written out to show the sheet in use.
SETTINGS = {"impact_threshold": 3.0, "financial_threshold": 3.0}

# Compact IRO heads (see samples.common.iro); kept one head per line, so not reformatted.
# fmt: off
IMPACTS = [
    # ---- downstream: how operators and authorities use our equipment --------------------
    iro(
        "IRO-01", "expression", "negative potential", "downstream linked chain", "PK BD EG",
        "yes", "4 4 4 3 -", "medium",
        "Lawful-interception features used to watch journalists",
        "The LI interface in our core network lets authorities intercept calls and data. "
        "Where legal safeguards are weak it can be used to monitor journalists and their "
        "sources, leading to self-censorship and arrests.",
        "Scores from press-freedom indices, UN special rapporteur reports and our sensitive "
        "business reviews; gross of mitigation.",
    ),
    iro(
        "IRO-02", "defenders", "negative potential", "downstream linked chain", "EG ET", "yes",
        "5 2 5 2 -", "medium",
        "Interception data used to locate and detain human rights defenders",
        "Call records and interception data obtained through operators' LI systems can be used "
        "to locate activists and lawyers, followed by detention and ill-treatment.",
        "Scale and irremediability 5, scope 2. Documented cases in the destination countries, "
        "none so far linked to our equipment.",
    ),
    iro(
        "IRO-03", "assembly", "negative actual", "downstream linked chain", "ET PK", "yes",
        "4 5 3 - -", "short",
        "Network shutdowns during protests and elections",
        "Operators running our radio and core equipment were ordered by authorities to shut "
        "down mobile data during protests and elections in 2025, cutting people off from "
        "organising and from reporting on events.",
        "Scope 5: tens of millions of users. Directly linked: shutdowns are ordered by "
        "authorities and executed by operators. Evidence: shutdown trackers, INC-01.",
    ),
    iro(
        "IRO-04", "esc-other", "negative actual", "downstream linked chain", "ET PK", "yes",
        "4 4 3 - -", "short",
        "Shutdowns cutting access to emergency services and health care",
        "During shutdowns people cannot call ambulances, reach clinics, receive health "
        "information or use mobile money to pay for medicine.",
        "Reports by humanitarian organisations on the 2025 shutdowns.",
    ),
    iro(
        "IRO-05", "expression", "negative potential", "downstream contributes chain", "EG SA",
        "yes", "3 5 2 4 -", "medium",
        "DPI used to block and throttle news sites and messaging apps",
        "Deep packet inspection in our packet core can identify and slow down or block "
        "applications and websites, which authorities can use to censor independent media.",
        "Contributes: the DPI classification library is our product and we configure it for "
        "some operators. Scope 5: all subscribers of the operator.",
    ),
    iro(
        "IRO-06", "assembly", "negative potential", "downstream linked chain", "BD", "yes",
        "4 3 4 2 -", "medium",
        "Subscriber location data used to identify protesters",
        "Location data from the core network can be requested to list phones present at a "
        "protest, leading to arrests of participants.",
        "Likelihood 2: requests of this kind are reported in the country, no case linked to "
        "our equipment.",
    ),
    iro(
        "IRO-07", "civil-other", "negative potential", "downstream linked chain", "ET MM", "yes",
        "4 4 3 3 -", "medium",
        "Regional shutdowns targeting ethnic minority areas",
        "Authorities can order long regional shutdowns in areas where ethnic minorities live, "
        "hiding abuses during armed conflict and isolating the population.",
        "Installed base in both countries; documented regional shutdowns.",
    ),
    iro(
        "IRO-08", "esc-other", "negative actual", "downstream linked chain", "PK ET", "yes",
        "3 4 2 - -", "short",
        "Lost income for small traders during shutdowns",
        "Traders, drivers and farmers who sell through messaging apps and mobile money lose "
        "income for the length of a shutdown.",
        "Estimates by digital-rights organisations of the economic cost of 2025 shutdowns.",
    ),
    iro(
        "IRO-09", "civil-other", "negative potential", "own causes chain", "", "yes",
        "4 4 3 2 -", "medium",
        "Our managed-services staff asked to carry out shutdown or interception orders",
        "Where Nordlys operates networks for operators, authorities could instruct our own "
        "staff to execute shutdown, blocking or interception orders.",
        "Own operations because our engineers would carry out the order. Likelihood 2: orders "
        "go to operators, and our contracts say our staff act only on the operator's written "
        "instruction.",
    ),
    iro(
        "IRO-10", "expression", "negative potential", "downstream linked chain", "VN", "yes",
        "3 3 3 3 -", "medium",
        "Content filtering gateway for a state-owned operator",
        "A content filtering gateway bought by a state-owned operator could be used to block "
        "political content.",
        "Single tender in 2025; scope limited to one operator's fixed-broadband customers.",
    ),
    # ---- upstream ----------------------------------------------------------------------------
    iro(
        "IRO-11", "security", "negative potential", "upstream linked endpoints", "CD RW", "yes",
        "5 3 4 2 -", "medium",
        "3TG in components from mines controlled by armed groups",
        "Tin, tantalum, tungsten and gold in our boards and components may come from mines "
        "controlled or taxed by armed groups.",
        "Smelter list from supplier declarations; 5% of smelters not conformant.",
    ),
    iro(
        "IRO-12", "water", "negative potential", "upstream linked endpoints", "CD", "yes",
        "3 3 3 2 -", "long",
        "Water pollution around cobalt mines supplying backup batteries",
        "Cobalt in the lithium-ion batteries of base-station backup units may come from mines "
        "that pollute rivers and wells used by nearby villages.",
        "Battery suppliers' due-diligence reports; NGO research in the copper-cobalt belt.",
    ),
    # ---- own operations ----------------------------------------------------------------------
    iro(
        "IRO-13", "culture", "negative potential", "own causes indigenous", "SE", "yes",
        "3 2 3 2 -", "medium",
        "Radio test site disturbing Sami reindeer herding",
        "Masts, access roads and test traffic at our northern radio test site could disturb "
        "reindeer during calving and migration on land used by two Sami herding communities.",
        "Raised by the herding communities in 2024 (ENG-02).",
    ),
    iro(
        "IRO-14", "esc-other", "negative actual", "own causes sites", "EE", "no",
        "1 2 1 - -", "short",
        "Night-time truck traffic at the Tallinn factory",
        "Lorries arriving at night pass through a residential street next to the factory.",
        "Three complaints in 2025.",
    ),
    iro(
        "IRO-15", "esc-other", "negative potential", "downstream linked endpoints", "GH NG",
        "yes", "3 3 3 3 -", "long",
        "Informal recycling of discarded network equipment",
        "Old radio units and batteries sold for scrap can end up at informal recycling sites "
        "where burning and acid leaching expose nearby residents, including children, to "
        "toxic fumes and heavy metals.",
        "Operators sell decommissioned equipment to scrap dealers; no take-back yet in these "
        "countries.",
    ),
    # ---- positive impacts --------------------------------------------------------------------
    iro(
        "IRO-16", "esc-other", "positive actual", "downstream contributes chain", "IN NG BR",
        "no", "4 4 - - -", "short",
        "Rural connectivity",
        "Low-cost radio sites bring mobile broadband to villages without coverage, giving "
        "access to information, education, health services and markets.",
        "5.4 million people newly covered since 2023 (operator data).",
    ),
    iro(
        "IRO-17", "security", "positive actual", "downstream contributes chain", "SE FI EE",
        "no", "3 4 - - -", "short",
        "Public-safety and emergency networks",
        "Mission-critical networks built with our equipment let police, fire and ambulance "
        "services communicate during emergencies.",
        "Three national public-safety networks in operation.",
    ),
    iro(
        "IRO-18", "security", "positive potential", "downstream contributes chain", "", "no",
        "3 2 - 3 -", "medium",
        "Rapid-deployment network kits after disasters",
        "Portable network kits could restore communications quickly after floods or "
        "earthquakes.",
        "Pilot with a humanitarian organisation; not yet deployed in a real disaster.",
    ),
    iro(
        "IRO-19", "indigenous-other", "positive actual", "own contributes indigenous", "SE",
        "no", "2 2 - - -", "short",
        "Broadband for Sami villages near the test site",
        "Sites built for testing also give mobile broadband to herders' camps and villages "
        "around the test area.",
        "Coverage maps; feedback from the herding communities.",
    ),
    iro(
        "IRO-20", "expression", "positive potential", "downstream contributes chain", "", "no",
        "3 4 - 2 -", "long",
        "Encryption and privacy features protecting users",
        "Stronger default encryption and transparency logs in our products could protect "
        "users' communications against unlawful access.",
        "Feature on the product roadmap; depends on operator adoption.",
    ),
    # ---- risks -------------------------------------------------------------------------------
    iro(
        "IRO-21", "entity", "risk potential", "downstream", "", "no",
        "- - - 2 5", "medium",
        "Breach of sanctions or dual-use export rules",
        "Supplying interception or monitoring functions without the required dual-use "
        "licence, or to a sanctioned entity, would lead to fines and loss of export "
        "privileges.",
        "Magnitude 5: export privileges cover 80% of revenue.",
    ),
    iro(
        "IRO-22", "expression", "risk potential", "downstream", "", "no",
        "- - - 4 3", "short",
        "Reputational damage from association with shutdowns",
        "Media coverage linking our equipment to shutdowns and surveillance affects our "
        "reputation with European customers and job applicants.",
        "Media monitoring in 2025.",
    ),
    iro(
        "IRO-23", "entity", "risk potential", "own", "", "no",
        "- - - 3 3", "medium",
        "Investor exclusion and higher cost of capital",
        "Investors with human-rights screens could exclude us over surveillance risks.",
        "Engagement letters from two asset managers.",
    ),
    iro(
        "IRO-24", "defenders", "risk potential", "downstream", "", "no",
        "- - - 2 4", "long",
        "Litigation by people targeted through surveillance",
        "People who were surveilled or detained could sue us in European courts.",
        "Comparable cases against surveillance technology vendors.",
    ),
    iro(
        "IRO-25", "civil-other", "risk potential", "downstream", "ET PK", "no",
        "- - - 4 4", "short",
        "Revenue loss when shutdowns or sanctions hit operator customers",
        "Shutdowns cut operators' revenue and delay their payments to us; sanctions can force "
        "us to stop servicing networks.",
        "Receivables overdue from two operators after 2025 shutdowns.",
    ),
    # ---- opportunities -----------------------------------------------------------------------
    iro(
        "IRO-26", "esc-other", "opportunity potential", "downstream", "IN NG BR", "no",
        "- - - 4 4", "medium",
        "Universal-service and rural-coverage programmes",
        "Governments fund rural coverage through universal-service funds, a growing market "
        "for our low-cost radio sites.",
        "Tender pipeline for 2026-2028.",
    ),
    iro(
        "IRO-27", "security", "opportunity potential", "downstream", "", "no",
        "- - - 3 4", "medium",
        "Mission-critical public-safety broadband",
        "European countries are replacing legacy emergency radio with broadband networks.",
        "Four national programmes announced.",
    ),
    iro(
        "IRO-28", "expression", "opportunity potential", "downstream", "", "no",
        "- - - 3 3", "long",
        "Rights-respecting design as a differentiator",
        "Operators and governments in democracies increasingly ask vendors for privacy and "
        "transparency features.",
        "Requirements in three 2025 tenders.",
    ),
]
# fmt: on

POLICIES = [
    {
        "id": "POL-01",
        "name": "Human Rights Policy",
        "description": "Commits Nordlys to respect human rights in line with the UN Guiding "
        "Principles, the OECD Guidelines and the ILO core conventions across its own "
        "operations, its supply chain and the use of its products and services by customers, "
        "with particular attention to privacy and freedom of expression.",
        "impacts": refs(
            "IRO-01 IRO-02 IRO-03 IRO-04 IRO-05 IRO-06 IRO-07 IRO-08 IRO-09 IRO-10 IRO-11 "
            "IRO-12 IRO-13 IRO-14 IRO-15"
        ),
        "value_chain_scope": "Own operations, suppliers, and customers' use of our products "
        "and services",
        "communities_covered": "All affected communities, with specific provisions for users "
        "in high-risk markets and for Sami communities",
        "references_ungp": "yes",
        "references_oecd": "yes",
        "references_ilo": "yes",
        "indigenous_peoples_provisions": "Before building or testing on land used by Sami "
        "herding communities we consult them and plan around the herding calendar; we aim "
        "for their agreement but the policy does not commit to free, prior and informed "
        "consent.",
        "approved_by": "Board of Directors",
        "accountable_role": "Chief Executive Officer",
        "public": "yes",
        "url": "https://www.nordlys-networks.example/human-rights",
        "communication": "Website; training for all employees; included in customer and "
        "supplier contracts",
    },
    {
        "id": "POL-02",
        "name": "Sensitive Business Policy",
        "description": "Requires every deal involving lawful interception, DPI, location "
        "services or managed network operations, or a high-risk country, to be scored for "
        "product, intended use, customer and country risk, and escalated for approval, "
        "conditions or rejection.",
        "impacts": refs(
            "IRO-01 IRO-02 IRO-03 IRO-05 IRO-06 IRO-07 IRO-09 IRO-10 IRO-21 IRO-22 IRO-24"
        ),
        "value_chain_scope": "All sales and services worldwide",
        "communities_covered": "Users and communities in countries where our products are deployed",
        "references_ungp": "yes",
        "references_oecd": "yes",
        "references_ilo": "no",
        "indigenous_peoples_provisions": None,
        "approved_by": "Executive Leadership Team",
        "accountable_role": "General Counsel",
        "public": "yes",
        "url": "https://www.nordlys-networks.example/sensitive-business",
        "communication": "Public summary; mandatory training for sales and solution staff",
    },
    {
        "id": "POL-03",
        "name": "Supplier Code of Conduct and Responsible Minerals Standard",
        "description": "Requires suppliers to respect human rights and to source minerals "
        "responsibly, with smelter conformance for 3TG and due diligence for cobalt.",
        "impacts": refs("IRO-11 IRO-12"),
        "value_chain_scope": "Direct suppliers and their mineral supply chains",
        "communities_covered": "Communities around mines and smelters",
        "references_ungp": "yes",
        "references_oecd": "yes",
        "references_ilo": "yes",
        "indigenous_peoples_provisions": None,
        "approved_by": "Chief Procurement Officer",
        "accountable_role": "Chief Procurement Officer",
        "public": "yes",
        "url": "https://www.nordlys-networks.example/supplier-code",
        "communication": "Part of every supply contract; supplier portal",
    },
    {
        "id": "POL-04",
        "name": "Product Take-Back and End-of-Life Policy",
        "description": "Offers take-back of decommissioned equipment and sets rules for "
        "certified recycling.",
        "impacts": refs("IRO-15"),
        "value_chain_scope": "Decommissioned equipment in markets with a take-back scheme",
        "communities_covered": "Communities near recycling and disposal sites",
        "references_ungp": "no",
        "references_oecd": "no",
        "references_ilo": "no",
        "indigenous_peoples_provisions": None,
        "approved_by": "Head of Sustainability",
        "accountable_role": "Head of Sustainability",
        "public": "yes",
        "url": "https://www.nordlys-networks.example/take-back",
        "communication": "Website and customer contracts",
    },
]

ENGAGEMENT = [
    {
        "id": "ENG-01",
        "description": "Consultation with digital-rights and press-freedom organisations on "
        "sensitive deals, shutdown responses and product design.",
        "impacts": refs("IRO-01 IRO-02 IRO-03 IRO-05 IRO-06 IRO-07"),
        "form": "credible proxies",
        "stage": "During sensitive business reviews and product design",
        "frequency": "Quarterly, and ad hoc for escalated deals",
        "responsible_role": "Head of Business and Human Rights, reporting to the General Counsel",
        "effectiveness_assessment": "Annual review of how stakeholder input changed decisions, "
        "shared with the organisations",
        "vulnerable_groups_insight": "Includes organisations of women journalists and of "
        "minority-language media in high-risk markets",
        "fpic": "not applicable",
    },
    {
        "id": "ENG-02",
        "description": "Meetings with the two Sami herding communities whose land includes "
        "the northern radio test site.",
        "impacts": refs("IRO-13 IRO-19"),
        "form": "legitimate representatives",
        "stage": "Site planning and before each test campaign",
        "frequency": "Before each campaign, at least once a year",
        "responsible_role": "Head of Radio Test Operations",
        "effectiveness_assessment": None,
        "vulnerable_groups_insight": None,
        "fpic": "no",
    },
    {
        "id": "ENG-03",
        "description": "Village meetings before and after rural sites are built, run with "
        "operators and local NGOs.",
        "impacts": refs("IRO-16"),
        "form": "direct",
        "stage": "Planning and after roll-out",
        "frequency": "Quarterly in each programme district",
        "responsible_role": "Director Rural Connectivity Programme",
        "effectiveness_assessment": "Post-roll-out survey of users and non-users",
        "vulnerable_groups_insight": "Separate focus groups for women, who own fewer phones",
        "fpic": "not applicable",
    },
]

CHANNELS = [
    {
        "id": "CH-01",
        "name": "Nordlys Speak Up",
        "type": "own",
        "description": "Web portal and telephone line in 30 languages for concerns about "
        "Nordlys or the use of its products; cases handled by the Business and Human Rights "
        "team.",
        "available_to": "Anyone: employees, suppliers, customers, users and civil society",
        "tracks_issues": "yes",
        "trust_assessed": "no",
        "anti_retaliation": "yes",
        "anonymous": "yes",
        "confidential": "yes",
        "remedy_approach": "Investigation, then corrective action with the customer or "
        "supplier; Nordlys contributes to remedy where it caused or contributed to harm",
    },
    {
        "id": "CH-02",
        "name": "Rural programme community feedback line",
        "type": "third-party",
        "description": "Free SMS and voice line run by a local NGO partner in each rural "
        "connectivity district, in local languages.",
        "available_to": "Residents of rural programme districts",
        "tracks_issues": "yes",
        "trust_assessed": "yes",
        "anti_retaliation": "no",
        "anonymous": "no",
        "confidential": "yes",
        "remedy_approach": "NGO partner refers cases to the operator or Nordlys and follows up "
        "with the person",
    },
]

ACTIONS = [
    {
        "id": "ACT-01",
        "title": "Sensitive business reviews",
        "description": "Every deal involving LI, DPI, location services, managed services or a "
        "high-risk country is scored and reviewed before the bid; conditions can include "
        "removing features or refusing the deal.",
        "impacts": refs("IRO-01 IRO-02 IRO-05 IRO-06 IRO-07 IRO-10"),
        "policies": refs("POL-02"),
        "action_type": "prevent",
        "status": "in progress",
        "start": dt.date(2023, 1, 1),
        "end": dt.date(2026, 12, 31),
        "time_horizon": "medium",
        "value_chain_scope": "Downstream: all sensitive deals worldwide",
        "capex": None,
        "opex": 9500000,
        "effectiveness_tracking": "Share of sensitive deals reviewed before bid (TGT-01); "
        "sample audit of conditions set",
        "leverage_used": "Contract conditions on LI configuration and audit rights",
    },
    {
        "id": "ACT-02",
        "title": "DPI content-filtering module withdrawn from standard offer",
        "description": "The DPI module that classifies and blocks web content is no longer "
        "offered by default and needs separate approval.",
        "impacts": refs("IRO-05 IRO-10"),
        "policies": refs("POL-02"),
        "action_type": "prevent",
        "status": "completed",
        "start": dt.date(2025, 2, 1),
        "end": dt.date(2025, 6, 30),
        "time_horizon": "short",
        "value_chain_scope": "Downstream: new packet-core deals",
        "capex": None,
        "opex": 2000000,
        "effectiveness_tracking": "Number of DPI filtering approvals requested and refused",
        "leverage_used": None,
    },
    {
        "id": "ACT-03",
        "title": "Shutdown response protocol with operator customers",
        "description": "Operators agree to notify us of shutdown orders, to ask authorities for "
        "written orders and to limit their scope and duration; we raise each shutdown with "
        "the authorities and publish our response.",
        "impacts": refs("IRO-03 IRO-04 IRO-07 IRO-08 IRO-09"),
        "policies": refs("POL-01 POL-02"),
        "action_type": "mitigate",
        "status": "in progress",
        "start": dt.date(2024, 6, 1),
        "end": dt.date(2026, 6, 30),
        "time_horizon": "medium",
        "value_chain_scope": "Downstream: operators in countries with shutdown history",
        "capex": None,
        "opex": 1200000,
        "effectiveness_tracking": "Shutdown orders notified to us and challenged; days to "
        "public statement",
        "leverage_used": "Clauses in managed-services and support contracts; joint statements "
        "with other vendors",
    },
    {
        "id": "ACT-04",
        "title": "Tamper-proof audit logging in the LI management system",
        "description": "Adds logging of every interception request so operators and oversight "
        "bodies can check that requests were lawful.",
        "impacts": refs("IRO-01 IRO-02 IRO-06"),
        "policies": refs("POL-02"),
        "action_type": "mitigate",
        "status": "in progress",
        "start": dt.date(2025, 1, 1),
        "end": dt.date(2026, 12, 31),
        "time_horizon": "medium",
        "value_chain_scope": "Downstream: all LI deployments from software release 2026",
        "capex": 14000000,
        "opex": None,
        "effectiveness_tracking": None,
        "leverage_used": None,
    },
    {
        "id": "ACT-05",
        "title": "Smelter and cobalt due diligence",
        "description": "Smelter conformance follow-up and cobalt refiner audits through an "
        "industry initiative.",
        "impacts": refs("IRO-11 IRO-12"),
        "policies": refs("POL-03"),
        "action_type": "prevent",
        "status": "in progress",
        "start": dt.date(2022, 1, 1),
        "end": dt.date(2026, 12, 31),
        "time_horizon": "medium",
        "value_chain_scope": "Upstream: 3TG smelters and cobalt refiners",
        "capex": None,
        "opex": 2500000,
        "effectiveness_tracking": "Share of conformant smelters (TGT-03)",
        "leverage_used": "Joint supplier engagement through the industry initiative",
    },
    {
        "id": "ACT-06",
        "title": "Take-back scheme in West Africa",
        "description": "Collects decommissioned equipment from operators in two countries and "
        "sends it to certified recyclers.",
        "impacts": refs("IRO-15"),
        "policies": refs("POL-04"),
        "action_type": "mitigate",
        "status": "planned",
        "start": dt.date(2026, 1, 1),
        "end": dt.date(2028, 12, 31),
        "time_horizon": "long",
        "value_chain_scope": "Downstream: end of life in Ghana and Nigeria",
        "capex": 3000000,
        "opex": 1800000,
        "effectiveness_tracking": None,
        "leverage_used": "Take-back included in new supply contracts",
    },
    {
        "id": "ACT-07",
        "title": "Rural connectivity programme",
        "description": "Low-power radio sites and financing support for operators to cover "
        "unconnected villages.",
        "impacts": refs("IRO-16 IRO-26"),
        "policies": None,
        "action_type": "positive impact",
        "status": "in progress",
        "start": dt.date(2023, 1, 1),
        "end": dt.date(2028, 12, 31),
        "time_horizon": "long",
        "value_chain_scope": "Downstream: rural districts in India, Nigeria and Brazil",
        "capex": 45000000,
        "opex": 6000000,
        "effectiveness_tracking": "People newly covered (TGT-02); user survey (ENG-03)",
        "leverage_used": None,
    },
    {
        "id": "ACT-08",
        "title": "Herding calendar in test planning",
        "description": "No test campaigns or construction at the northern test site during "
        "calving and migration periods agreed with the herding communities.",
        "impacts": refs("IRO-13"),
        "policies": refs("POL-01"),
        "action_type": "prevent",
        "status": "completed",
        "start": dt.date(2025, 1, 1),
        "end": dt.date(2025, 3, 31),
        "time_horizon": "short",
        "value_chain_scope": "Own operations: northern radio test site",
        "capex": None,
        "opex": 150000,
        "effectiveness_tracking": None,
        "leverage_used": None,
    },
    {
        "id": "ACT-09",
        "title": "Export-control and sanctions screening tool",
        "description": "Automated screening of customers, end users and product "
        "classifications against dual-use and sanctions lists.",
        "impacts": refs("IRO-21"),
        "policies": refs("POL-02"),
        "action_type": "manage risk",
        "status": "in progress",
        "start": dt.date(2025, 4, 1),
        "end": dt.date(2026, 3, 31),
        "time_horizon": "short",
        "value_chain_scope": "Downstream: all orders",
        "capex": 2500000,
        "opex": 4000000,
        "effectiveness_tracking": "Screening hits and false positives per quarter",
        "leverage_used": None,
    },
]

TARGETS = [
    {
        "id": "TGT-01",
        "title": "Sensitive deals reviewed before bid",
        "impacts": refs("IRO-01 IRO-02 IRO-05 IRO-06 IRO-07 IRO-10"),
        "policies": refs("POL-02"),
        "metric": "Share of sensitive deals reviewed before the bid",
        "unit": "%",
        "target_type": "absolute",
        "baseline_value": 72,
        "baseline_year": 2023,
        "target_value": 100,
        "target_year": 2026,
        "current_value": 94,
        "communities_involved": "no",
        "methodology": "Deals flagged by the screening rules in the CRM, checked against "
        "review records",
    },
    {
        "id": "TGT-02",
        "title": "People newly connected in rural areas",
        "impacts": refs("IRO-16"),
        "policies": None,
        "metric": "People living in newly covered areas",
        "unit": "million people",
        "target_type": "absolute",
        "baseline_value": 0,
        "baseline_year": 2023,
        "target_value": 12,
        "target_year": 2028,
        "current_value": 5.4,
        "communities_involved": "no",
        "methodology": "Population in coverage polygons from operator planning tools and "
        "census data",
    },
    {
        "id": "TGT-03",
        "title": "Conformant smelters",
        "impacts": refs("IRO-11"),
        "policies": refs("POL-03"),
        "metric": "Share of identified 3TG smelters conformant with an independent audit programme",
        "unit": "%",
        "target_type": "absolute",
        "baseline_value": 88,
        "baseline_year": 2022,
        "target_value": 100,
        "target_year": 2026,
        "current_value": 95,
        "communities_involved": "no",
        "methodology": "Supplier declarations at 31 December",
    },
    {
        "id": "TGT-04",
        "title": "Equipment collected for certified recycling in West Africa",
        "impacts": refs("IRO-15"),
        "policies": refs("POL-04"),
        "metric": "Decommissioned equipment collected by the take-back scheme",
        "unit": "tonnes",
        "target_type": "absolute",
        "baseline_value": None,
        "baseline_year": None,
        "target_value": 500,
        "target_year": 2028,
        "current_value": None,
        "communities_involved": "no",
        "methodology": "Weighbridge records of certified recyclers",
    },
]

INCIDENTS = [
    {
        "id": "INC-01",
        "date": dt.date(2025, 5, 12),
        "country": "ET",
        "description": "Authorities ordered operators to shut down mobile data in two regions "
        "for 23 days during unrest. The networks concerned use Nordlys radio and core "
        "equipment; Nordlys managed-services engineers were asked to help and declined, and "
        "the operator carried out the order.",
        "impacts": refs("IRO-03 IRO-04 IRO-07 IRO-08 IRO-09"),
        "severe": "yes",
        "breach_of_ungp_oecd_ilo": "no",
        "remedy_provided": "no",
        "status": "Closed: shutdown lifted; public statement issued (ACT-03)",
    },
    {
        "id": "INC-02",
        "date": dt.date(2025, 10, 3),
        "country": "EG",
        "description": "A media investigation alleged that interception data from a system "
        "with a Nordlys mediation component were used to locate a blogger who was later "
        "detained.",
        "impacts": refs("IRO-01 IRO-02"),
        "severe": "yes",
        "breach_of_ungp_oecd_ilo": "no",
        "remedy_provided": "no",
        "status": "Under investigation",
    },
]

COUNTRIES = countries(
    [
        ("SE", "no", 1, 80),
        ("FI", "no", 1, 85),
        ("EE", "no", 1, 70),
        ("IN", "no", 5, 22),
        ("PK", "yes", 5, 8),
        ("BD", "no", 5, 12),
        ("EG", "no", 5, 15),
        ("SA", "no", 5, 33),
        ("ET", "yes", 5, 4),
        ("MM", "yes", "5+", 2),
        ("VN", "no", 4, 45),
        ("KZ", "no", 5, 38),
        ("TR", "no", 5, 12),
        ("TZ", "no", 4, 35),
        ("NG", "yes", 5, 5),
        ("BR", "no", 4, 30),
        ("GH", "no", 3, 45),
        ("CD", "yes", 4, 2),
        ("RW", "no", 3, 42),
    ]
)

# fmt: off
SCREENING = screening(
    [
        ("SCR-01", "EG", "5 5 4 4", "IRO-01 IRO-02",
         "Lawful-interception mediation upgrade for a state-owned operator"),
        ("SCR-02", "SA", "4 4 3 3", "IRO-05",
         "DPI-based traffic management for a mobile operator"),
        ("SCR-03", "PK", "3 3 3 4", "IRO-01 IRO-03",
         "5G radio and core network for a mobile operator"),
        ("SCR-04", "ET", "4 4 4 5", "IRO-02 IRO-03 IRO-07",
         "Core network expansion with LI interface"),
        ("SCR-05", "BD", "4 4 3 4", "IRO-06",
         "Location-based services platform for an operator"),
        ("SCR-06", "NG", "2 1 2 4", "",
         "Microwave backhaul for rural sites"),
        ("SCR-07", "VN", "5 4 4 3", "IRO-10",
         "Content filtering gateway for a state-owned operator"),
        ("SCR-08", "KZ", "4 3 4 4", "",
         "Core network software upgrade including LI"),
        ("SCR-09", "TR", "4 4 3 3", "",
         "Packet core and policy control with DPI for a mobile operator"),
        ("SCR-10", "IN", "2 1 2 3", "",
         "Rural 4G coverage programme"),
        ("SCR-11", "SE", "2 2 1 1", "",
         "Public-safety broadband network for police and rescue services"),
        ("SCR-12", "MM", "3 4 5 5", "IRO-07",
         "Radio access network refresh for an operator"),
        ("SCR-13", "TZ", "3 3 3 3", "",
         "Managed services contract including the network operations centre"),
        ("SCR-14", "CD", "2 2 2 4", "",
         "Private LTE network for a mining company"),
    ]
)
# fmt: on

FIELDS = {"Undertaking": UNDERTAKING, "Settings": SETTINGS}
ROWS = {
    "Impacts": IMPACTS,
    "Policies": POLICIES,
    "Engagement": ENGAGEMENT,
    "Channels": CHANNELS,
    "Actions": ACTIONS,
    "Targets": TARGETS,
    "Incidents": INCIDENTS,
    "Countries": COUNTRIES,
    "Screening": SCREENING,
}

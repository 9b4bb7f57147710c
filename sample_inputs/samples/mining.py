"""Sample 3: a fictional mining company (mining_company.xlsx).

Kestrel Ridge Mining plc, incorporated in Ireland and listed in Dublin, runs the Cerro Kallpa
open-pit copper mine in the southern Peruvian Andes, on land claimed by Quechua comunidades
campesinas, and is developing the Salar de Yaretani lithium brine project in the Argentine
Puna, where Kolla communities hold ancestral claims. Concentrate is trucked along a mining
corridor road to a Pacific port. Company, mine, project, places and events are invented.
No downstream screening: copper concentrate and lithium carbonate carry no misuse risk, so
the Screening sheet is left empty.
"""

from __future__ import annotations

import datetime as dt

from .common import countries, iro, lei, refs

FILENAME = "mining_company.xlsx"

UNDERTAKING = {
    "name": "Kestrel Ridge Mining plc",
    "lei": lei("635400KSTRLRIDGE7X"),
    "period_start": dt.date(2025, 1, 1),
    "period_end": dt.date(2025, 12, 31),
    "currency": "USD",
    "employees": 6800,
    "first_reporting_year": 2025,
    "language": "en",
    "rulebook": "esrs-2023",
    "sector": "B07.29 Mining of other non-ferrous metal ores (copper, lithium)",
    "products_with_misuse_risk": "no",
}

# Compact IRO heads (see samples.common.iro); kept one head per line, so not reformatted.
# fmt: off
IMPACTS = [
    # ---- rights of indigenous peoples ------------------------------------------------------
    iro(
        "IRO-01", "fpic", "negative actual", "own causes indigenous", "PE", "yes",
        "4 3 5 - -", "short",
        "Pit expansion onto communal land without consent",
        "The Kallpa pit expansion approved in 2025 takes 310 ha of communal grazing land of "
        "two Quechua comunidades. The state's prior consultation covered the permit only; "
        "one community's assembly voted against the expansion and consent was not obtained.",
        "Irremediability 5: the land will be excavated. Evidence: assembly minutes, "
        "consultation record, independent facilitator's report (ENG-01).",
    ),
    iro(
        "IRO-02", "fpic", "negative potential", "own causes indigenous", "AR", "yes",
        "4 4 4 3 -", "medium",
        "Lithium permits granted before communities give their consent",
        "Provincial permits for the Yaretani project could be issued before the Kolla "
        "communities around the salt flat have completed their own decision process.",
        "Likelihood 3: the permit timeline runs ahead of the consultation protocol agreed with "
        "the communities (ENG-02).",
    ),
    iro(
        "IRO-03", "self-determination", "negative actual", "own contributes indigenous", "PE",
        "yes", "3 3 3 - -", "short",
        "Company payments dividing communal assemblies",
        "Individual land payments and job offers to some families split communal assemblies "
        "and weakened the communities' own decision-making over their territory.",
        "Anthropologist's review commissioned in 2025; grievance records.",
    ),
    iro(
        "IRO-04", "culture", "negative actual", "own causes indigenous", "PE", "yes",
        "4 2 5 - -", "short",
        "Damage to a ceremonial site under the waste-rock dump",
        "A contractor's bulldozer damaged part of a ceremonial site used for offerings to the "
        "mountain spirits (apus) at the edge of the waste-rock dump.",
        "Irremediability 5: part of the site was destroyed. See INC-03.",
    ),
    iro(
        "IRO-05", "culture", "negative potential", "own causes indigenous", "AR", "yes",
        "3 3 4 3 -", "long",
        "Loss of llama herding as high-altitude wetlands dry out",
        "If brine pumping dries the wetlands (vegas) around the salt flat, Kolla families lose "
        "the pasture on which their herding and the culture built around it depend.",
        "Linked to IRO-10; likelihood from the hydrogeological model's range.",
    ),
    iro(
        "IRO-06", "self-determination", "negative potential", "own contributes indigenous",
        "AR", "yes", "3 3 3 3 -", "medium",
        "Benefit sharing agreed with the province instead of the communities",
        "Royalty and benefit arrangements negotiated with the provincial government could "
        "leave communities without a say in how benefits from their territory are used.",
        "Community representatives raised it at the 2025 assemblies.",
    ),
    # ---- land, housing, water, food -------------------------------------------------------
    iro(
        "IRO-07", "housing", "negative actual", "own causes sites", "PE", "yes",
        "4 3 4 - -", "short",
        "Resettled families living in poor-quality houses",
        "Houses built in 2022 for 212 resettled families have cracked walls, no insulation at "
        "4,100 m altitude and too little land for animals.",
        "Engineering survey of 2025; resettlement committee minutes (ENG-04).",
    ),
    iro(
        "IRO-08", "land", "negative actual", "own causes indigenous", "PE", "yes",
        "3 3 4 - -", "short",
        "Loss of grazing land after land acquisition",
        "Land bought for the tailings facility reduced the grazing area of herding families, "
        "who now rent pasture or sold animals.",
        "Livelihood restoration survey 2025.",
    ),
    iro(
        "IRO-09", "land", "negative potential", "own contributes sites", "PE", "yes",
        "3 2 2 3 -", "medium",
        "Disputes between communities over compensation",
        "Unclear communal boundaries and different compensation rates can set neighbouring "
        "communities against each other.",
        "Two boundary disputes pending before the regional authority.",
    ),
    iro(
        "IRO-10", "water", "negative potential", "own causes indigenous", "AR", "yes",
        "4 3 5 3 -", "long",
        "Brine pumping lowering groundwater for wetlands and wells",
        "Pumping brine from the salt flat could draw down fresh groundwater that feeds "
        "wetlands and the wells of nearby communities.",
        "Irremediability 5: aquifer recovery could take decades. Independent hydrogeological "
        "review; uncertainty in the model is high.",
    ),
    iro(
        "IRO-11", "water", "negative potential", "own causes sites", "PE", "yes",
        "4 4 4 2 -", "long",
        "Acid drainage reaching the river used for irrigation",
        "Acid rock drainage from the waste-rock dump could reach the river that irrigates "
        "fields and waters livestock for about 30 communities downstream.",
        "Geochemical testing of waste rock; likelihood 2 with the current water treatment.",
    ),
    iro(
        "IRO-12", "water", "negative actual", "own causes sites", "PE", "yes",
        "3 3 2 - -", "short",
        "Turbid drinking water after heavy rain",
        "Sediment from a haul road washed into a stream feeding the drinking-water intake of "
        "three villages in February 2025.",
        "See INC-02.",
    ),
    iro(
        "IRO-13", "housing", "negative potential", "own contributes sites", "PE", "yes",
        "2 3 2 4 -", "medium",
        "Rising rents and informal settlements in the mine town",
        "Contractor workers moving into the district town raise rents and add to informal "
        "settlements without water and sanitation.",
        "Municipal housing data.",
    ),
    iro(
        "IRO-14", "food", "negative actual", "downstream contributes chain", "PE", "yes",
        "3 4 2 - -", "short",
        "Dust from concentrate trucks on crops and pasture",
        "About 300 trucks a day carry concentrate along the unpaved corridor road; dust covers "
        "crops and pasture and families along the road report lower yields.",
        "Dust gauges along the corridor; household survey 2025.",
    ),
    # ---- security and civic space ------------------------------------------------------------
    iro(
        "IRO-15", "security", "negative actual", "own contributes sites", "PE", "yes",
        "5 3 5 - -", "short",
        "Police under a service agreement using force at road blockades",
        "National police provide security to the mine under a paid service agreement. In 2025 "
        "they dispersed a community road blockade with tear gas and firearms; one person was "
        "killed and others injured.",
        "Contributes through the service agreement and logistics support to the police. "
        "See INC-01.",
    ),
    iro(
        "IRO-16", "security", "negative potential", "upstream linked sites", "PE", "yes",
        "4 2 4 2 -", "medium",
        "Private security staff mistreating community members",
        "Guards employed by the private security contractor could use excessive force against "
        "herders crossing the concession or informal miners.",
        "Contractor guards are trained on the Voluntary Principles; no substantiated case in "
        "2025.",
    ),
    iro(
        "IRO-17", "defenders", "negative actual", "own contributes indigenous", "PE", "yes",
        "4 2 4 - -", "short",
        "Criminal complaints against community leaders",
        "The company filed criminal complaints against leaders of the 2025 blockades; they now "
        "face prosecution for disturbing public order, which deters others from speaking "
        "for the communities.",
        "Court records; statements by human-rights organisations.",
    ),
    iro(
        "IRO-18", "assembly", "negative actual", "own contributes sites", "PE", "yes",
        "3 4 2 - -", "short",
        "State of emergency restricting assembly along the corridor",
        "After the blockades the government declared a state of emergency along the corridor, "
        "suspending freedom of assembly for 60 days; the company had asked for police support.",
        "Official gazette; community testimonies.",
    ),
    iro(
        "IRO-19", "expression", "negative potential", "own causes sites", "PE", "yes",
        "3 1 3 2 -", "medium",
        "Defamation claim against a local radio journalist",
        "A contractor manager threatened a defamation suit against a radio journalist who "
        "reported on the dust, which could silence local reporting.",
        "Single case; legal department has advised against the suit.",
    ),
    iro(
        "IRO-20", "esc-other", "negative potential", "own causes sites", "PE", "yes",
        "4 3 4 2 -", "long",
        "Heavy metals in dust and community health",
        "Dust from the pit, dumps and road may carry copper, arsenic and lead, raising health "
        "risks for children in nearby villages.",
        "Community health baseline 2023; blood-lead testing not yet done.",
    ),
    iro(
        "IRO-21", "land", "negative potential", "upstream linked indigenous", "AR", "yes",
        "3 2 3 3 -", "medium",
        "Exploration tracks crossing communal pasture",
        "Drilling contractors could open tracks and camps on communal pasture without the "
        "community's permission.",
        "Complaint received in 2024 about one track.",
    ),
    # ---- positive impacts --------------------------------------------------------------------
    iro(
        "IRO-22", "esc-other", "positive actual", "own causes sites", "PE AR", "no",
        "4 3 - - -", "short",
        "Local jobs and purchases",
        "The mine employs 2,900 people from the region directly and buys USD 180 million a "
        "year from local businesses.",
        "Payroll and procurement data (TGT-01).",
    ),
    iro(
        "IRO-23", "esc-other", "positive actual", "own contributes indigenous", "PE", "no",
        "3 3 - - -", "short",
        "Projects of the community development fund",
        "A fund governed jointly with the communities finances irrigation, schools, health "
        "posts and alpaca-fibre cooperatives.",
        "Fund reports; community evaluation (TGT-02).",
    ),
    iro(
        "IRO-24", "water", "positive actual", "own contributes sites", "PE", "no",
        "3 2 - - -", "short",
        "Drinking-water systems for villages",
        "Water treatment and piped supply built with six villages that had no safe water.",
        "Water-quality tests by the municipality.",
    ),
    iro(
        "IRO-25", "esc-other", "positive actual", "own contributes sites", "PE", "no",
        "2 3 - - -", "short",
        "Upgraded access road",
        "The upgraded access road shortens travel to the district hospital and markets.",
        "Travel-time survey.",
    ),
    iro(
        "IRO-26", "culture", "positive actual", "own contributes indigenous", "PE AR", "no",
        "2 2 - - -", "short",
        "Scholarships and indigenous-language programmes",
        "Scholarships for young people from the communities and support for Quechua-language "
        "radio and school materials.",
        "Programme records.",
    ),
    iro(
        "IRO-27", "esc-other", "positive potential", "own contributes indigenous", "AR", "no",
        "3 3 - 3 -", "medium",
        "Community-owned suppliers for the lithium project",
        "Community enterprises could supply transport, catering and camp services if the "
        "Yaretani project goes ahead.",
        "Supplier mapping with the communities.",
    ),
    # ---- risks -------------------------------------------------------------------------------
    iro(
        "IRO-28", "land", "risk actual", "own", "PE", "no",
        "- - - 5 4", "short",
        "Road blockades halting concentrate shipments",
        "Community blockades of the corridor road stopped shipments for 38 days in 2025.",
        "Lost sales and demurrage costs recorded in 2025.",
    ),
    iro(
        "IRO-29", "fpic", "risk potential", "own", "AR", "no",
        "- - - 3 5", "medium",
        "Court challenges suspending lithium permits",
        "Communities can challenge permits in court for lack of free, prior and informed "
        "consent, as has happened to other lithium projects in the region.",
        "Magnitude 5: the project is the company's main growth asset.",
    ),
    iro(
        "IRO-30", "water", "risk potential", "own", "AR", "no",
        "- - - 3 4", "medium",
        "Water-use permits capped",
        "Authorities could cap brine and freshwater extraction in response to community "
        "concerns, reducing the project's output.",
        "Draft provincial water rules.",
    ),
    iro(
        "IRO-31", "entity", "risk potential", "downstream", "", "no",
        "- - - 3 3", "medium",
        "Battery customers' sourcing requirements",
        "Battery makers subject to EU battery due-diligence rules may drop suppliers that "
        "cannot show responsible practices towards communities.",
        "Offtake negotiations in 2025.",
    ),
    iro(
        "IRO-32", "security", "risk potential", "own", "PE", "no",
        "- - - 2 4", "long",
        "Litigation over police violence",
        "Victims' families could sue the company in Peru or in Ireland over its role in the "
        "police operation.",
        "Legal opinion.",
    ),
    # ---- opportunities -----------------------------------------------------------------------
    iro(
        "IRO-33", "entity", "opportunity potential", "downstream", "", "no",
        "- - - 3 4", "medium",
        "Better offtake terms for an independently audited mine",
        "An independent audit against a responsible-mining standard could earn better terms "
        "from battery and cable makers.",
        "Customer inquiries.",
    ),
    iro(
        "IRO-34", "water", "opportunity potential", "own", "PE", "no",
        "- - - 3 2", "medium",
        "Shared water infrastructure reducing conflict",
        "A reservoir shared with farmers could secure mine water and reduce conflict over "
        "water.",
        "Pre-feasibility study.",
    ),
    iro(
        "IRO-35", "fpic", "opportunity potential", "own", "AR", "no",
        "- - - 2 3", "long",
        "Community equity stake lowering the cost of capital",
        "An equity stake for the Kolla communities in Yaretani could lower the project's risk "
        "premium with lenders.",
        "Discussions with two development banks.",
    ),
]
# fmt: on

IP_PROVISIONS = (
    "Recognises the rights set out in the UN Declaration on the Rights of Indigenous Peoples "
    "and ILO Convention 169; seeks free, prior and informed consent for new projects and major "
    "changes on indigenous lands, through processes agreed with the communities' own "
    "institutions; respects sacred and cultural sites"
)

POLICIES = [
    {
        "id": "POL-01",
        "name": "Human Rights Policy",
        "description": "Commits the group to respect human rights in line with the UN Guiding "
        "Principles, the OECD Guidelines and the ILO core conventions, with due diligence "
        "covering land, water, security, health, civic freedoms and indigenous peoples' rights "
        "at all sites and in our contractors' work.",
        "impacts": refs(
            "IRO-01 IRO-02 IRO-03 IRO-04 IRO-05 IRO-06 IRO-07 IRO-08 IRO-09 IRO-10 IRO-11 "
            "IRO-12 IRO-13 IRO-14 IRO-15 IRO-16 IRO-17 IRO-18 IRO-19 IRO-20 IRO-21"
        ),
        "value_chain_scope": "Own operations, contractors, and transport to port",
        "communities_covered": "All communities around our sites and along the corridor, "
        "including indigenous peoples",
        "references_ungp": "yes",
        "references_oecd": "yes",
        "references_ilo": "yes",
        "indigenous_peoples_provisions": IP_PROVISIONS,
        "approved_by": "Board of Directors",
        "accountable_role": "Chief Executive Officer",
        "public": "yes",
        "url": "https://www.kestrelridge.example/human-rights",
        "communication": "Website in English and Spanish; Quechua summary read on local radio; "
        "contractor induction",
    },
    {
        "id": "POL-02",
        "name": "Indigenous Peoples Policy",
        "description": "Sets how we identify indigenous peoples, agree engagement protocols "
        "with them, seek their consent, share benefits and protect cultural heritage.",
        "impacts": refs("IRO-01 IRO-02 IRO-03 IRO-04 IRO-05 IRO-06 IRO-08 IRO-21 IRO-29"),
        "value_chain_scope": "Own operations and exploration contractors",
        "communities_covered": "Quechua communities in Peru and Kolla communities in Argentina",
        "references_ungp": "yes",
        "references_oecd": "yes",
        "references_ilo": "yes",
        "indigenous_peoples_provisions": IP_PROVISIONS
        + "; engagement protocols are co-written with each community before any field work",
        "approved_by": "Board of Directors",
        "accountable_role": "Vice-President Social Performance",
        "public": "yes",
        "url": "https://www.kestrelridge.example/indigenous-peoples",
        "communication": "Presented at community assemblies in Quechua and Spanish",
    },
    {
        "id": "POL-03",
        "name": "Security and Human Rights Policy",
        "description": "Applies the Voluntary Principles on Security and Human Rights to our "
        "security staff, contractors and agreements with public security forces.",
        "impacts": refs("IRO-15 IRO-16 IRO-17 IRO-18 IRO-32"),
        "value_chain_scope": "Own security, private security contractors, public security "
        "forces at our sites",
        "communities_covered": "Communities around the mine and along the corridor",
        "references_ungp": "yes",
        "references_oecd": "no",
        "references_ilo": "no",
        "indigenous_peoples_provisions": None,
        "approved_by": "Executive Committee",
        "accountable_role": "Chief Operating Officer",
        "public": "yes",
        "url": "https://www.kestrelridge.example/security-human-rights",
        "communication": "Training for guards and managers; shared with police commanders",
    },
    {
        "id": "POL-04",
        "name": "Land Acquisition and Resettlement Standard",
        "description": "Requires resettlement to improve or at least restore living standards "
        "and livelihoods, with replacement housing, land for land, and independent monitoring.",
        "impacts": refs("IRO-07 IRO-08 IRO-09 IRO-13"),
        "value_chain_scope": "Own operations",
        "communities_covered": "Households and communities whose land or homes are acquired",
        "references_ungp": "no",
        "references_oecd": "no",
        "references_ilo": "no",
        "indigenous_peoples_provisions": "Where land of indigenous peoples is affected, the "
        "Indigenous Peoples Policy applies as well",
        "approved_by": "Executive Committee",
        "accountable_role": "Vice-President Social Performance",
        "public": "no",
        "url": None,
        "communication": "Explained to affected households by the resettlement team",
    },
    {
        "id": "POL-05",
        "name": "Water Stewardship Policy",
        "description": "Commits to protect the quality and quantity of water other users "
        "depend on, to monitor water with communities and to publish results.",
        "impacts": refs("IRO-10 IRO-11 IRO-12 IRO-30"),
        "value_chain_scope": "Own operations in Peru and Argentina",
        "communities_covered": "Water users in the catchments of our sites",
        "references_ungp": "no",
        "references_oecd": "no",
        "references_ilo": "no",
        "indigenous_peoples_provisions": None,
        "approved_by": "Board of Directors",
        "accountable_role": "Chief Operating Officer",
        "public": "yes",
        "url": "https://www.kestrelridge.example/water",
        "communication": "Website; monthly water results shared at community meetings",
    },
]

ENGAGEMENT = [
    {
        "id": "ENG-01",
        "description": "Dialogue tables with the assemblies and elected boards of the Quechua "
        "communities affected by the Kallpa pit expansion, run by an independent facilitator.",
        "impacts": refs("IRO-01 IRO-03 IRO-08"),
        "form": "legitimate representatives",
        "stage": "Project design of the pit expansion (2023-2025)",
        "frequency": "Monthly",
        "responsible_role": "Vice-President Social Performance",
        "effectiveness_assessment": "Facilitator's quarterly reports; follow-up of agreements "
        "in a public register",
        "vulnerable_groups_insight": "Separate meetings with women's committees and with "
        "widows who lost grazing rights",
        "fpic": "no",
    },
    {
        "id": "ENG-02",
        "description": "Consultation and consent process with the Kolla communities around "
        "the salt flat, following a protocol the communities wrote.",
        "impacts": refs("IRO-02 IRO-05 IRO-06 IRO-10 IRO-21"),
        "form": "legitimate representatives",
        "stage": "Pre-feasibility, before permit applications",
        "frequency": "Quarterly community assemblies",
        "responsible_role": "Country Manager Argentina",
        "effectiveness_assessment": "Independent monitor chosen by the communities reviews the "
        "process each year",
        "vulnerable_groups_insight": "Sessions for women and elders in Spanish and with "
        "interpreters",
        "fpic": "yes",
    },
    {
        "id": "ENG-03",
        "description": "Participatory water monitoring: community monitors take samples with "
        "our staff and a university laboratory.",
        "impacts": refs("IRO-10 IRO-11 IRO-12"),
        "form": "direct",
        "stage": "Operation",
        "frequency": "Monthly sampling; results meeting every quarter",
        "responsible_role": "Environmental Manager Kallpa",
        "effectiveness_assessment": "Share of sampling rounds with community monitors present",
        "vulnerable_groups_insight": "Half of the trained monitors are women",
        "fpic": "not applicable",
    },
    {
        "id": "ENG-04",
        "description": "Resettlement committee with representatives of the resettled families.",
        "impacts": refs("IRO-07 IRO-08"),
        "form": "direct",
        "stage": "Resettlement and livelihood restoration",
        "frequency": "Monthly",
        "responsible_role": "Resettlement Manager",
        "effectiveness_assessment": None,
        "vulnerable_groups_insight": "Home visits to elderly and single-headed households",
        "fpic": "no",
    },
]

CHANNELS = [
    {
        "id": "CH-01",
        "name": "Community grievance mechanism",
        "type": "own",
        "description": "Grievance offices in six villages, a free phone line and messaging in "
        "Quechua and Spanish; every case gets a reference number and an answer within 30 "
        "days.",
        "available_to": "Anyone in the communities around Kallpa, along the corridor and around "
        "Yaretani",
        "tracks_issues": "yes",
        "trust_assessed": "yes",
        "anti_retaliation": "yes",
        "anonymous": "yes",
        "confidential": "yes",
        "remedy_approach": "Agreed solutions, compensation or repairs; people can appeal to "
        "the independent mediation panel (CH-02)",
    },
    {
        "id": "CH-02",
        "name": "Independent mediation panel",
        "type": "third-party",
        "description": "Three mediators chosen jointly by the communities and the company hear "
        "cases the grievance mechanism did not resolve.",
        "available_to": "Complainants of CH-01 and community organisations",
        "tracks_issues": "yes",
        "trust_assessed": "no",
        "anti_retaliation": "yes",
        "anonymous": "no",
        "confidential": "yes",
        "remedy_approach": "Mediated agreements; the company commits to implement them",
    },
]

ACTIONS = [
    {
        "id": "ACT-01",
        "title": "New consent process for the pit expansion",
        "description": "Pauses work on the contested 120 ha and reopens talks with both "
        "communities under the Indigenous Peoples Policy, with an independent facilitator and "
        "legal advice of the communities' choice paid by the company.",
        "impacts": refs("IRO-01 IRO-03"),
        "policies": refs("POL-02"),
        "action_type": "remediate",
        "status": "in progress",
        "start": dt.date(2025, 7, 1),
        "end": dt.date(2026, 12, 31),
        "time_horizon": "medium",
        "value_chain_scope": "Own operations: Kallpa expansion area",
        "capex": None,
        "opex": 1200000,
        "effectiveness_tracking": "Agreements reached and registered; assembly decisions",
        "leverage_used": None,
    },
    {
        "id": "ACT-02",
        "title": "Consent protocol for Yaretani",
        "description": "Funds the communities' own consultation process and commits not to "
        "apply for the exploitation permit before the assemblies have decided.",
        "impacts": refs("IRO-02 IRO-06 IRO-29"),
        "policies": refs("POL-02"),
        "action_type": "prevent",
        "status": "in progress",
        "start": dt.date(2024, 3, 1),
        "end": dt.date(2027, 6, 30),
        "time_horizon": "medium",
        "value_chain_scope": "Own operations: Yaretani project area",
        "capex": None,
        "opex": 900000,
        "effectiveness_tracking": "Independent monitor's annual report (ENG-02)",
        "leverage_used": None,
    },
    {
        "id": "ACT-03",
        "title": "Repair and rebuild of resettlement houses",
        "description": "Repairs or rebuilds the resettlement houses to a design agreed with the "
        "families, with insulation and additional grazing land.",
        "impacts": refs("IRO-07 IRO-08"),
        "policies": refs("POL-04"),
        "action_type": "remediate",
        "status": "in progress",
        "start": dt.date(2025, 4, 1),
        "end": dt.date(2026, 12, 31),
        "time_horizon": "medium",
        "value_chain_scope": "Own operations: resettlement village",
        "capex": 6500000,
        "opex": 400000,
        "effectiveness_tracking": "Houses accepted by families (TGT-04); livelihood survey",
        "leverage_used": None,
    },
    {
        "id": "ACT-04",
        "title": "Ceremonial site restoration and buffer zone",
        "description": "Stopped work, moved the dump toe 80 m back, funded the restoration "
        "ceremony chosen by the community and mapped all cultural sites with elders.",
        "impacts": refs("IRO-04"),
        "policies": refs("POL-02"),
        "action_type": "remediate",
        "status": "completed",
        "start": dt.date(2025, 7, 16),
        "end": dt.date(2025, 11, 30),
        "time_horizon": "short",
        "value_chain_scope": "Own operations and earthworks contractor",
        "capex": 2100000,
        "opex": 150000,
        "effectiveness_tracking": "Community confirmation of restoration; no further damage "
        "in site inspections",
        "leverage_used": "Contractor's contract amended with cultural-heritage clauses and "
        "penalties",
    },
    {
        "id": "ACT-05",
        "title": "Groundwater trigger levels at Yaretani",
        "description": "Monitoring wells in the wetlands with trigger levels that reduce "
        "pumping automatically, agreed with the communities.",
        "impacts": refs("IRO-05 IRO-10 IRO-30"),
        "policies": refs("POL-05"),
        "action_type": "prevent",
        "status": "in progress",
        "start": dt.date(2025, 1, 15),
        "end": dt.date(2026, 6, 30),
        "time_horizon": "medium",
        "value_chain_scope": "Own operations: Yaretani salt flat and wetlands",
        "capex": 3400000,
        "opex": 600000,
        "effectiveness_tracking": "Water levels at sentinel wells (TGT-05)",
        "leverage_used": None,
    },
    {
        "id": "ACT-06",
        "title": "Water treatment and sediment control at Kallpa",
        "description": "Upgrades the water treatment plant for acid drainage and adds sediment "
        "ponds along haul roads.",
        "impacts": refs("IRO-11 IRO-12"),
        "policies": refs("POL-05"),
        "action_type": "prevent",
        "status": "in progress",
        "start": dt.date(2025, 3, 1),
        "end": dt.date(2027, 3, 31),
        "time_horizon": "medium",
        "value_chain_scope": "Own operations: Kallpa mine",
        "capex": 18000000,
        "opex": 1100000,
        "effectiveness_tracking": "Monthly discharge quality results published (ENG-03)",
        "leverage_used": None,
    },
    {
        "id": "ACT-07",
        "title": "Review of the police service agreement and security training",
        "description": "Ends payments per police deployment, adds a rules-of-engagement "
        "annex based on the Voluntary Principles and trains contractor guards.",
        "impacts": refs("IRO-15 IRO-16 IRO-18"),
        "policies": refs("POL-03"),
        "action_type": "mitigate",
        "status": "in progress",
        "start": dt.date(2025, 6, 1),
        "end": dt.date(2026, 5, 31),
        "time_horizon": "short",
        "value_chain_scope": "Public security forces and private security contractor at Kallpa",
        "capex": None,
        "opex": 350000,
        "effectiveness_tracking": None,
        "leverage_used": "Renewal of the agreement made conditional on the annex",
    },
    {
        "id": "ACT-08",
        "title": "Covered trucks and paving of the corridor road",
        "description": "Requires covered trailers and speed limits for concentrate trucks and "
        "co-funds paving of the 60 km of road closest to villages.",
        "impacts": refs("IRO-14 IRO-20 IRO-28"),
        "policies": refs("POL-01"),
        "action_type": "mitigate",
        "status": "in progress",
        "start": dt.date(2025, 1, 1),
        "end": dt.date(2027, 12, 31),
        "time_horizon": "medium",
        "value_chain_scope": "Downstream: transport contractors on the corridor road",
        "capex": 12000000,
        "opex": 1500000,
        "effectiveness_tracking": "Dust deposition at 20 gauges along the road",
        "leverage_used": "Transport contracts with dust and speed clauses",
    },
    {
        "id": "ACT-09",
        "title": "Community development fund",
        "description": "Funds projects chosen by the communities' own committees.",
        "impacts": refs("IRO-23 IRO-24"),
        "policies": None,
        "action_type": "positive impact",
        "status": "in progress",
        "start": dt.date(2023, 1, 1),
        "end": dt.date(2028, 12, 31),
        "time_horizon": "long",
        "value_chain_scope": "Communities around Kallpa",
        "capex": None,
        "opex": 7500000,
        "effectiveness_tracking": "Disbursement (TGT-02) and community evaluation of each project",
        "leverage_used": None,
    },
    {
        "id": "ACT-10",
        "title": "Local procurement programme",
        "description": "Splits contracts into packages local firms can bid for and trains "
        "community enterprises.",
        "impacts": refs("IRO-22 IRO-27"),
        "policies": None,
        "action_type": "positive impact",
        "status": "in progress",
        "start": dt.date(2023, 1, 1),
        "end": dt.date(2028, 12, 31),
        "time_horizon": "long",
        "value_chain_scope": "Suppliers in the regions around Kallpa and Yaretani",
        "capex": None,
        "opex": 800000,
        "effectiveness_tracking": "Local share of procurement (TGT-01)",
        "leverage_used": None,
    },
    {
        "id": "ACT-11",
        "title": "Withdrawal of criminal complaints against community leaders",
        "description": "Asks the prosecutor to drop the company's complaints against leaders "
        "of the 2025 blockades and commits not to file complaints over peaceful protest.",
        "impacts": refs("IRO-17"),
        "policies": refs("POL-03"),
        "action_type": "remediate",
        "status": "planned",
        "start": dt.date(2026, 1, 15),
        "end": dt.date(2026, 6, 30),
        "time_horizon": "short",
        "value_chain_scope": "Own operations: Kallpa",
        "capex": None,
        "opex": None,
        "effectiveness_tracking": None,
        "leverage_used": None,
    },
]

TARGETS = [
    {
        "id": "TGT-01",
        "title": "Local share of procurement",
        "impacts": refs("IRO-22"),
        "policies": None,
        "metric": "Share of procurement spend with firms registered in the host regions",
        "unit": "%",
        "baseline_value": 18,
        "baseline_year": 2022,
        "target_value": 30,
        "target_year": 2028,
        "current_value": 23,
        "communities_involved": "yes",
        "methodology": "Spend by supplier address of registration; target agreed at the "
        "2023 dialogue table",
    },
    {
        "id": "TGT-02",
        "title": "Community development fund disbursed",
        "impacts": refs("IRO-23 IRO-24"),
        "policies": None,
        "metric": "Cumulative disbursement to projects chosen by community committees",
        "unit": "USD million",
        "baseline_value": 0,
        "baseline_year": 2023,
        "target_value": 40,
        "target_year": 2028,
        "current_value": 14.5,
        "communities_involved": "yes",
        "methodology": "Disbursements recorded by the fund's trustee",
    },
    {
        "id": "TGT-03",
        "title": "Grievances closed within 30 days",
        "impacts": refs("IRO-07 IRO-12 IRO-14"),
        "policies": refs("POL-01"),
        "metric": "Share of grievances closed with the complainant's agreement within 30 days",
        "unit": "%",
        "baseline_value": 54,
        "baseline_year": 2023,
        "target_value": 90,
        "target_year": 2026,
        "current_value": 71,
        "communities_involved": "no",
        "methodology": "Grievance register (CH-01); closure needs the complainant's sign-off",
    },
    {
        "id": "TGT-04",
        "title": "Resettlement houses accepted by families",
        "impacts": refs("IRO-07"),
        "policies": refs("POL-04"),
        "metric": "Repaired or rebuilt houses formally accepted by the family",
        "unit": "houses",
        "baseline_value": 0,
        "baseline_year": 2024,
        "target_value": 212,
        "target_year": 2026,
        "current_value": 96,
        "communities_involved": "yes",
        "methodology": "Acceptance form signed by the household and witnessed by the "
        "resettlement committee",
    },
    {
        "id": "TGT-05",
        "title": "Wetland groundwater levels protected",
        "impacts": refs("IRO-05 IRO-10"),
        "policies": refs("POL-05"),
        "metric": "Largest drawdown at sentinel wells in the wetlands",
        "unit": "m",
        "baseline_value": 0,
        "baseline_year": 2024,
        "target_value": 0.3,
        "target_year": 2030,
        "current_value": 0.05,
        "communities_involved": "yes",
        "methodology": "Maximum drawdown relative to the 2024 seasonal baseline; trigger "
        "levels agreed with the communities",
    },
]

INCIDENTS = [
    {
        "id": "INC-01",
        "date": dt.date(2025, 4, 22),
        "country": "PE",
        "description": "Police deployed under the company's service agreement cleared a "
        "community blockade of the corridor road with tear gas and firearms; one community "
        "member was killed and 12 were injured.",
        "impacts": refs("IRO-15 IRO-18 IRO-28"),
        "severe": "yes",
        "breach_of_ungp_oecd_ilo": "yes",
        "remedy_provided": "no",
        "status": "Prosecutor's investigation ongoing; the company offered to pay medical "
        "costs, families have not accepted",
    },
    {
        "id": "INC-02",
        "date": dt.date(2025, 2, 10),
        "country": "PE",
        "description": "After heavy rain, sediment from a haul road made the drinking water "
        "of three villages turbid for four days.",
        "impacts": refs("IRO-12"),
        "severe": "no",
        "breach_of_ungp_oecd_ilo": "no",
        "remedy_provided": "yes",
        "status": "Closed: water trucked in; sediment ponds built (ACT-06)",
    },
    {
        "id": "INC-03",
        "date": dt.date(2025, 7, 15),
        "country": "PE",
        "description": "An earthworks contractor damaged part of a ceremonial site at the "
        "edge of the waste-rock dump.",
        "impacts": refs("IRO-04"),
        "severe": "yes",
        "breach_of_ungp_oecd_ilo": "yes",
        "remedy_provided": "yes",
        "status": "Closed: restoration and ceremony agreed with the community (ACT-04)",
    },
]

COUNTRIES = countries(
    [
        ("IE", "no", 1, 80),
        ("PE", "no", 4, 24),
        ("AR", "no", 3, 40),
        ("CL", "no", 4, 45),
        ("CN", "no", 5, 30),
        ("KR", "no", 5, 60),
        ("JP", "no", 2, 85),
        ("DE", "no", 1, 64),
    ]
)

FIELDS = {"Undertaking": UNDERTAKING}
ROWS = {
    "Impacts": IMPACTS,
    "Policies": POLICIES,
    "Engagement": ENGAGEMENT,
    "Channels": CHANNELS,
    "Actions": ACTIONS,
    "Targets": TARGETS,
    "Incidents": INCIDENTS,
    "Countries": COUNTRIES,
    "Screening": [],
}

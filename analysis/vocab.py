"""Controlled vocabularies shared by the schemas, the data dictionary and the narrative.

Each vocabulary maps a value to its meaning; the data dictionary prints these meanings, so
they are the documentation of record.
"""

RELIABILITY = {
    "A": "Completely reliable: no doubt of authenticity, trustworthiness or competency",
    "B": "Usually reliable: minor doubt; valid information most of the time",
    "C": "Fairly reliable: doubt, but has provided valid information in the past",
    "D": "Not usually reliable: significant doubt, but has provided valid information in the past",
    "E": "Unreliable: lacking authenticity, trustworthiness and competency",
    "F": "Reliability cannot be judged: no basis for evaluating the source",
}
"""Admiralty (NATO) source reliability, MISP admiralty-scale taxonomy (CC0). MISP's extra
grade G is not NATO and is not accepted."""

CREDIBILITY = {
    1: "Confirmed by other independent sources",
    2: "Probably true: not confirmed; consistent with other information",
    3: "Possibly true: not confirmed; agrees with some other information",
    4: "Doubtful: not confirmed; possible but not logical",
    5: "Improbable: contradicted by other information",
    6: "Truth cannot be judged",
}
"""Admiralty (NATO) information credibility, per claim row."""

SOURCE_KINDS = {
    "news": "news report by a news organisation or wire service",
    "analysis": "analysis, opinion or feature article",
    "blog": "blog post",
    "repost": "copy of another outlet's text on a third-party site",
    "state_media": "state-owned or state-directed media",
    "dataset": "structured dataset or database export",
    "official": "official document or statement",
}

SOURCE_LEVELS = {
    "primary": "official document or dataset",
    "secondary": "news report of a primary source",
    "tertiary": "blog, repost or relay of a secondary source",
}

ACTOR_KINDS = {
    "state": "sovereign state",
    "armed_group": "non-state armed group",
    "organisation": "government body, international or other organisation",
    "person": "named individual",
}

QUALIFIERS = {
    "exact": "the stated number (low = high)",
    "about": "approximately the stated number: 'about', 'around', 'some' (low = high)",
    "nearly": "just under the stated number: 'nearly' (low = high)",
    "as_many_as": "'as many as': an upper figure the source stresses (high only)",
    "up_to": "'up to', 'not over': an upper bound (high only)",
    "at_least": "'at least': a lower bound (low only)",
    "less_than": "'less than': an exclusive upper bound (high only)",
    "between": "a stated range (low < high)",
    "several": "'several': no number given; read as 3 to 9",
    "several_hundred": "'several hundred': no number given; read as 300 to 900",
    "unknown": "no number given (low and high empty)",
}

VAGUE_RANGES = {"several": (3, 9), "several_hundred": (300, 900)}
"""The documented reading of vague quantities; the loader fills low/high from it, so the CSV
leaves those cells empty and the reading is stated in one place."""

QUALIFIER_SHAPES = {
    "exact": "equal",
    "about": "equal",
    "nearly": "equal",
    "as_many_as": "high",
    "up_to": "high",
    "less_than": "high",
    "at_least": "low",
    "between": "range",
    "several": "none",
    "several_hundred": "none",
    "unknown": "none",
}
"""Which of low/high each qualifier requires: equal (both, low = high), high (high only),
low (low only), range (both, low < high), none (neither)."""

ARMS_STATUSES = {
    "alleged": "claimed by someone, unconfirmed",
    "denied": "a party denies a reported transfer",
    "intended": "the buyer states an intention to buy",
    "offered": "the supplier states willingness to supply",
    "negotiating": "talks or a draft contract under way",
    "agreed": "agreed in principle or politically approved; no contract",
    "ordered": "contract signed",
    "delivered": "handed over",
}

ARMS_CATEGORIES = {
    "helicopter": "helicopters",
    "aircraft": "fixed-wing aircraft",
    "air_defence": "surface-to-air missiles and air-defence systems",
    "armoured_vehicle": "tanks, APCs, IFVs and other armoured vehicles",
    "artillery": "guns, howitzers, rocket launchers",
    "small_arms": "rifles and pistols",
    "light_weapons": "machine guns, RPGs and other crew-served light weapons",
    "ammunition": "ammunition",
    "sensor": "radars and other sensors",
    "unspecified": "not specified by the source",
}

TERMS = {
    "commercial": "sold on a commercial basis",
    "gift": "given free of charge",
    "aid": "military aid",
}

MEASURES = {
    "fighters": "fighters or militants (count)",
    "operatives": "operatives sent in (count)",
    "auxiliaries": "auxiliary helpers (count)",
    "supporters": "less active supporters (count)",
    "adherents": "adherents (count)",
    "troops": "troops of a state or coalition (count)",
    "provinces_with_presence": "provinces where the group has a presence (count)",
    "districts_held": "districts held (count)",
    "training_camps": "training camps (count)",
    "beachheads": "staging areas or 'beachheads' (count)",
    "losses": "fighters killed, captured or wounded (count)",
    "share_sympathetic_pct": "share of a force sympathetic to the group (percent)",
    "share_removed_pct": "share of the group's members removed (percent)",
}

MEASURE_UNITS = {m: ("percent" if m.endswith("_pct") else "count") for m in MEASURES}

CONTACT_KINDS = {
    "meeting": "a meeting in person",
    "talks": "talks or consultations, bilateral or multilateral",
    "negotiation": "a negotiation over a specific matter (e.g. hostages)",
    "channel": "a standing channel of communication or liaison",
    "statement": "a public statement about the relationship",
    "exercise": "a joint military exercise",
    "agreement": "a signed or concluded agreement",
    "training": "one party training the other's fighters",
}

CONTACT_STATUSES = {
    "occurred": "took place",
    "planned": "announced or planned",
    "cancelled": "planned, then called off or postponed",
}

DATE_PRECISIONS = {
    "day": "YYYY-MM-DD",
    "month": "YYYY-MM",
    "year": "YYYY",
    "unknown": "empty: the source gives no date",
}

LIKELIHOOD = {
    "almost no chance": (1, 5),
    "very unlikely": (5, 20),
    "unlikely": (20, 45),
    "roughly even chance": (45, 55),
    "likely": (55, 80),
    "very likely": (80, 95),
    "almost certain": (95, 99),
}
"""ICD 203 estimative language: the seven likelihood terms and their ranges in percent, from
ODNI ICD 203 Analytic Standards (2 Jan 2015; technical amendment 21 Dec 2022), section
D.6.e(2)(a) (US Government work, public domain; via wesinator/ICD203-intel-analysis
README.md at 1ea9147). A judgment uses exactly one of these terms; `analysis.judgments` says
how it is chosen."""

"""Controlled vocabularies shared by the schemas, the data dictionary, the evidence, the
charts and the narrative.

Each vocabulary maps a value to its meaning; the data dictionary prints these meanings, so
they are the documentation of record. Where several layers say something about a value
(an arms status's words, colour and stage; a qualifier's words and shape), the vocabulary
holds a record with all of it, so a new value is one entry here.
"""

from dataclasses import dataclass

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

GRADES = tuple(RELIABILITY)
"""The grades, best first."""
STRONG_GRADES = ("A", "B")
"""Grades whose sources count as strong evidence (the likelihood rule's "graded A or B")."""
GRADE_SCALE = "A (completely reliable) to F (cannot be judged)"
"""The scale in a phrase, as a brief explains its grades."""

CREDIBILITY = {
    1: "Confirmed by other independent sources",
    2: "Probably true: not confirmed; consistent with other information",
    3: "Possibly true: not confirmed; agrees with some other information",
    4: "Doubtful: not confirmed; possible but not logical",
    5: "Improbable: contradicted by other information",
    6: "Truth cannot be judged",
}
"""Admiralty (NATO) information credibility, per claim row."""

UNATTRIBUTED = "Unattributed"
"""The side of a claim its source attributes to no one (what charts colour it by)."""

DOUBTFUL_CREDIBILITY = (4, 5)
DOUBTFUL_GRADES = ("E",)


def _scale_words(codes, scale: dict) -> str:
    return " or ".join(f"{c} ({scale[c].split(':')[0].lower()})" for c in codes)


DOUBTFUL = (f"A claim of credibility {_scale_words(DOUBTFUL_CREDIBILITY, CREDIBILITY)}, or "
            f"from a source graded {_scale_words(DOUBTFUL_GRADES, RELIABILITY)}, is doubtful: "
            "a brief shows it, marked as such, but it never counts towards an indicator's "
            "sighting or a judgment's confidence, and sets no chart's scale and no "
            "summary's span or latest figure while other claims are on record.")
"""Which claims are doubtful, in the Admiralty scale's own words, and what that means: the
one definition the code, the data dictionary, `data/CURATION.md` and the brief all print."""

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

PLACE_KINDS = {
    "country": "a sovereign state's territory",
    "province": "a country's first-level division (a province, a state, an oblast)",
    "district": "a division of a province",
    "city": "a city or town",
    "region": "part of a country, or an area across borders, without a set boundary "
              "('the north of the country')",
    "border_area": "land along a border",
    "site": "a building, base or other single site",
}
"""Kinds of place: what a figure of a place can be compared with (like with like)."""
PROVINCE = "province"
"""The kind of place a map of provinces can draw."""
UNBOUNDED = ("region", "border_area")
"""Kinds of place no boundary outlines: a map says them, never draws them."""

ACTOR_KINDS = {
    "state": "sovereign state",
    "armed_group": "non-state armed group",
    "organisation": "government body, international or other organisation",
    "person": "named individual",
}


@dataclass(frozen=True)
class Qualifier:
    """How a source states a quantity."""

    meaning: str
    shape: str
    """Which of low/high it requires: equal (both, low = high), high (high only), low (low
    only), range (both, low < high), none (neither)."""
    words: str = ""
    """How a figure says it, before the number ('as many as 3,000'); a vague quantity's
    whole figure ('several hundred')."""
    reading: tuple[int, int] | None = None
    """A vague quantity's documented reading (low, high); the loader fills low/high from it,
    so the CSV leaves those cells empty and the reading is stated in one place."""
    share: tuple[float, float] | None = None
    """A vague share of a whole, read as these fractions of the row's `out_of` (rounded
    up): the loader fills low/high from it where the row gives the whole, and leaves them
    empty (a figure in words only) where it does not."""


QUALIFIERS = {
    "exact": Qualifier("the stated number (low = high)", "equal"),
    "about": Qualifier("approximately the stated number: 'about', 'around', 'some' "
                       "(low = high)", "equal", "about"),
    "nearly": Qualifier("just under the stated number: 'nearly' (low = high)", "equal",
                        "nearly"),
    "as_many_as": Qualifier("'as many as': an upper figure the source stresses (high only)",
                            "high", "as many as"),
    "up_to": Qualifier("'up to', 'not over': an upper bound (high only)", "high", "up to"),
    "at_least": Qualifier("'at least': a lower bound (low only)", "low", "at least"),
    "less_than": Qualifier("'less than': an exclusive upper bound (high only)", "high",
                           "less than"),
    "between": Qualifier("a stated range (low < high)", "range"),
    "several": Qualifier("'several': no number given; read as 3 to 9", "none", "several",
                         (3, 9)),
    "several_hundred": Qualifier("'several hundred': no number given; read as 300 to 900",
                                 "none", "several hundred", (300, 900)),
    "a_few": Qualifier("'a few', 'a handful': no number given; read as 2 to 5", "none",
                       "a few", (2, 5)),
    "most": Qualifier("'most', 'the majority': no number given; read as more than half of "
                      "the whole (out_of) to all of it", "none", "most", share=(0.51, 1.0)),
    "nearly_all": Qualifier("'nearly all', 'almost all': no number given; read as 90 % of "
                            "the whole (out_of) to all of it", "none", "nearly all",
                            share=(0.9, 1.0)),
    "unknown": Qualifier("no number given (low and high empty)", "none"),
}

VAGUE_RANGES = {q: r.reading for q, r in QUALIFIERS.items() if r.reading}
SHARES = {q: r.share for q, r in QUALIFIERS.items() if r.share}
COUNT_QUALIFIERS = {q: r for q, r in QUALIFIERS.items() if not r.share}
"""The qualifiers of quantities that are no part of a stated whole (arms sales)."""
QUALIFIER_SHAPES = {q: r.shape for q, r in QUALIFIERS.items()}


@dataclass(frozen=True)
class ArmsStatus:
    """A stage an arms report places a transfer at, in order from allegation to delivery."""

    meaning: str
    words: str
    """How the narrative names the stage a route reached ('contracted')."""
    label: str
    """How a chart's key names it ('contract signed')."""
    colour: str
    """Its colour in charts: a name from the Okabe-Ito palette (charts.theme.OKABE_ITO)."""
    proposition: str | None = None
    """A key judgment that a deal reached the stage, with {s} supplier, {r} recipient and
    {what} the items; None: no judgment is made of it. Only a confirmed stage reads as
    done: an allegation says it is alleged, an offer that it was offered."""
    confirmed: bool = False
    """Backed by a contract or a delivery: drawn filled, and a deal the bottom line may call
    firm; every other stage is drawn hollow."""


ARMS_STATUSES = {
    "alleged": ArmsStatus("claimed by someone, unconfirmed", "alleged", "alleged",
                          "vermillion", "{s} is alleged to have supplied {what} to {r}"),
    "denied": ArmsStatus("a party denies a reported transfer", "denied", "denied", "grey"),
    "intended": ArmsStatus("the buyer states an intention to buy", "intended by the buyer",
                           "intended", "yellow", "{r} intends to buy {what} from {s}"),
    "offered": ArmsStatus("the supplier states willingness to supply",
                          "offered by the supplier", "offered", "sky",
                          "{s} has offered to supply {what} to {r}"),
    "negotiating": ArmsStatus("talks or a draft contract under way", "under negotiation",
                              "negotiating", "orange", "{s} and {r} have negotiated over {what}"),
    "agreed": ArmsStatus("agreed in principle or politically approved; no contract",
                         "agreed in principle", "agreed", "purple",
                         "{s} and {r} have agreed in principle on {what}"),
    "ordered": ArmsStatus("contract signed", "contracted", "contract signed", "blue",
                          "{s} and {r} have signed a contract for {what}", confirmed=True),
    "delivered": ArmsStatus("handed over", "delivered", "delivered", "green",
                            "{s} has delivered {what} to {r}", confirmed=True),
}

STAGES = {status: i for i, status in enumerate(ARMS_STATUSES)}
"""Each arms status's stage: its place in the order above."""
CONFIRMED = tuple(s for s, record in ARMS_STATUSES.items() if record.confirmed)
"""The confirmed stages, in order."""

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
    "fighters_and_family": "fighters together with their family members (count)",
    "members": "members of the group, fighters or not (count)",
}

PRESENCE = "provinces_with_presence"
"""The measure of where a group is present (the presence judgment and waffle draw it)."""

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
    "recognition": "formal recognition of a government, or acceptance of its envoy",
    "delisting": "removal of a party from a list of terrorist or banned organisations",
    "security": "a security arrangement or understanding between the parties",
}

NOT_CONTACT = ("statement",)
"""Kinds about a relationship that are no contact between its parties: one party's public
statement about another does not put them in contact."""

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
README.md at 1ea9147). A judgment uses exactly one of these terms; `analysis.evidence.judgments`
says how it is chosen."""

LIKELIHOOD_ROW = {
    "almost no chance": "remote",
    "very unlikely": "highly improbable",
    "unlikely": "improbable",
    "roughly even chance": "roughly even odds",
    "likely": "probable",
    "very likely": "highly probable",
    "almost certain": "nearly certain",
}
"""Each term's counterpart in ICD 203's second row. A brief uses the first row only (ICD 203
advises against mixing rows): a judgment whose words use a second-row term is an error."""

CONFIDENCE = {
    "low": "the evidence is too fragmented or poorly corroborated to carry more",
    "moderate": "credibly sourced and plausible, but not of sufficient quality or "
                "corroboration to warrant a higher level",
    "high": "high-quality, consistent reporting from several independent origins",
}
"""Analytic confidence, lowest first: the basis of a judgment, never its probability (the
National Intelligence Council's and the IC's 2023 wording). A brief computes it
(`analysis.evidence.confidence`); it never shares a sentence with a likelihood term."""

EVIDENCE_TAGS = {
    "consistent": (1, "the evidence fits the hypothesis"),
    "neutral": (0, "the evidence neither fits nor contradicts the hypothesis"),
    "inconsistent": (-1, "the evidence contradicts the hypothesis"),
}
"""How the analyst rates a piece of evidence against a hypothesis (Heuer's analysis of
competing hypotheses), and the rating's value in the matrix's arithmetic. A hypothesis the
analyst did not rate an item against counts it neutral."""

OTHER_CLAIM_KINDS = {
    "assessment": "a judgment or estimate by the claimant (testimony, an analyst's view)",
    "intent": "a stated intention, warning or aim",
    "event": "something that happened",
    "background": "a standing fact: a membership, a career, a route, a force in place",
}

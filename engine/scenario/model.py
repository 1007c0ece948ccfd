"""The scenario format, as typed and immutable definitions.

Every construct a scenario file may hold is a pydantic model here; this module *is* the format
(``python main.py schema`` exports it as JSON Schema, docs/scenario-format.md explains it).
Models are strict (a quoted number or a YAML ``no`` is an error, not a silent conversion),
forbid unknown keys (a typo is an error), and are frozen. Sequences are tuples: the YAML reader
(``engine.scenario.yamlio``) builds tuples, so definitions cannot be changed after loading.

Conditions and effects are a closed vocabulary of single-key mappings, for example
``{owner: {place: zhongdu, state: mongol}}``. There are no expression strings and no eval.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    WithJsonSchema,
    model_validator,
)

from engine.calendar import MONTH_PATTERN, parse_month

FORMAT_VERSION = 1


class Frozen(BaseModel):
    """Base of every definition: strict, closed, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def _month(value: Any) -> Any:
    if isinstance(value, str):
        return parse_month(value)
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError("write months as text, YYYY-MM (a bare number is not a month)")
    return value


#: A month, written ``YYYY-MM`` (or ``YYYY-MM-DD``) and held as a month index.
Month = Annotated[
    int,
    BeforeValidator(_month),
    WithJsonSchema({"type": "string", "pattern": MONTH_PATTERN}),
]

#: A stable ASCII identifier: lower case letters, digits and underscores.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]

Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]

Fraction = Annotated[float, Field(ge=0.0, le=1.0)]
NonNeg = Annotated[int, Field(ge=0)]


class Text(Frozen):
    """Text shown to players, in simplified Chinese, traditional Chinese and English.

    ``zh_hant`` may be left out; the simplified text is shown in its place.
    """

    zh: Annotated[str, StringConstraints(min_length=1)]
    en: Annotated[str, StringConstraints(min_length=1)]
    zh_hant: Annotated[str, StringConstraints(min_length=1)] | None = None

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``zh``, ``zh_hant`` or ``en``)."""
        if lang == "en":
            return self.en
        if lang == "zh_hant":
            return self.zh_hant or self.zh
        return self.zh


class Span(Frozen):
    """A range of months, both ends included; either end may be open."""

    from_: Month | None = Field(default=None, alias="from")
    to: Month | None = None

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, populate_by_name=True)

    def contains(self, month: int) -> bool:
        return (self.from_ is None or month >= self.from_) and (self.to is None or month <= self.to)


# --------------------------------------------------------------------------- troops


TroopKind = Literal["steppe_cavalry", "heavy_cavalry", "infantry", "siege"]


TROOP_KINDS: tuple[str, ...] = ("steppe_cavalry", "heavy_cavalry", "infantry", "siege")


class Troops(Frozen):
    """Men by kind. Steppe cavalry rules the open field; infantry holds walls and passes;
    siege engineers are what make assaults on walls possible."""

    steppe_cavalry: NonNeg = 0
    heavy_cavalry: NonNeg = 0
    infantry: NonNeg = 0
    siege: NonNeg = 0

    def as_tuple(self) -> tuple[int, int, int, int]:
        return (self.steppe_cavalry, self.heavy_cavalry, self.infantry, self.siege)


# --------------------------------------------------------------------------- conditions


class StatePlace(Frozen):
    place: Id
    state: Id


class StatePair(Frozen):
    a: Id
    b: Id


class TreatyQuery(Frozen):
    """A treaty of ``type`` in force; ``parties`` (role -> state) narrows it."""

    type: Id
    parties: dict[Id, Id] = Field(default_factory=dict)


class DateRange(Frozen):
    from_: Month | None = Field(default=None, alias="from")
    to: Month | None = None

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, populate_by_name=True)


class StateCount(Frozen):
    """A number belonging to ``state`` compared with ``min`` and/or ``max`` (inclusive)."""

    state: Id
    min: int | None = None
    max: int | None = None


class StateRuler(Frozen):
    state: Id
    ruler: Id


class StateCapital(Frozen):
    state: Id
    place: Id


class AllCond(Frozen):
    all: tuple["Condition", ...]


class AnyCond(Frozen):
    any: tuple["Condition", ...]


class NotCond(Frozen):
    not_: "Condition" = Field(alias="not")

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, populate_by_name=True)


class OwnerCond(Frozen):
    """The place is held by the state."""

    owner: StatePlace


class AtWarCond(Frozen):
    at_war: StatePair


class TreatyCond(Frozen):
    treaty: TreatyQuery


class DateCond(Frozen):
    date: DateRange


class PlacesHeldCond(Frozen):
    """The number of places the state holds lies within min..max."""

    places_held: StateCount


class TroopsCond(Frozen):
    """The state's men under arms (armies and garrisons) lie within min..max."""

    troops: StateCount


class TreasuryCond(Frozen):
    treasury: StateCount


class LegitimacyCond(Frozen):
    legitimacy: StateCount


class RulerCond(Frozen):
    ruler: StateRuler


class CapitalCond(Frozen):
    capital: StateCapital


class FlagCond(Frozen):
    """A scenario flag is set (flags are set and cleared by effects)."""

    flag: Id


class AliveCond(Frozen):
    """The state still holds at least one place."""

    alive: Id


class BesiegedCond(Frozen):
    besieged: Id


class CommanderCond(Frozen):
    """The commander is alive and serving."""

    commander_active: Id


class EventFiredCond(Frozen):
    """The event has fired (optionally with that choice taken)."""

    event_fired: "EventFiredArgs"


class EventFiredArgs(Frozen):
    event: Id
    choice: Id | None = None


def _single_key(value: Any) -> str | None:
    if isinstance(value, dict) and len(value) == 1:
        return next(iter(value))
    if isinstance(value, BaseModel):
        fields = [k for k in type(value).model_fields]
        return (type(value).model_fields[fields[0]].alias or fields[0]) if fields else None
    return None


CONDITION_KINDS = (
    "all any not owner at_war treaty date places_held troops treasury legitimacy ruler capital "
    "flag alive besieged commander_active event_fired"
).split()

Condition = Annotated[
    Union[
        Annotated[AllCond, Tag("all")],
        Annotated[AnyCond, Tag("any")],
        Annotated[NotCond, Tag("not")],
        Annotated[OwnerCond, Tag("owner")],
        Annotated[AtWarCond, Tag("at_war")],
        Annotated[TreatyCond, Tag("treaty")],
        Annotated[DateCond, Tag("date")],
        Annotated[PlacesHeldCond, Tag("places_held")],
        Annotated[TroopsCond, Tag("troops")],
        Annotated[TreasuryCond, Tag("treasury")],
        Annotated[LegitimacyCond, Tag("legitimacy")],
        Annotated[RulerCond, Tag("ruler")],
        Annotated[CapitalCond, Tag("capital")],
        Annotated[FlagCond, Tag("flag")],
        Annotated[AliveCond, Tag("alive")],
        Annotated[BesiegedCond, Tag("besieged")],
        Annotated[CommanderCond, Tag("commander_active")],
        Annotated[EventFiredCond, Tag("event_fired")],
    ],
    Discriminator(
        _single_key,
        custom_error_type="condition_kind",
        custom_error_message="a condition is a mapping with one key, one of: "
        + ", ".join(CONDITION_KINDS),
    ),
]

# --------------------------------------------------------------------------- effects


class StateAmount(Frozen):
    state: Id
    amount: int


class PlaceAmount(Frozen):
    place: Id
    amount: int


class PlacePercent(Frozen):
    place: Id
    percent: Annotated[int, Field(ge=-100, le=1000)]


class TreatySpec(Frozen):
    """A treaty to start: its type, who fills each role, and optional terms."""

    id: Id | None = None
    type: Id
    parties: dict[Id, Id]
    months: Annotated[int, Field(ge=1)] | None = None
    terms: "Terms | None" = None


class TreatyEnd(Frozen):
    """End the treaty with this id, or every treaty of ``type`` (narrowed by ``parties``)."""

    id: Id | None = None
    type: Id | None = None
    parties: dict[Id, Id] = Field(default_factory=dict)


class ArmySpec(Frozen):
    id: Id
    state: Id
    place: Id
    troops: Troops
    commander: Id | None = None
    morale: Annotated[int, Field(ge=0, le=100)] = 80


class ArmyTroops(Frozen):
    army: Id
    troops: Troops


class ArmyRef(Frozen):
    army: Id


class CommanderActive(Frozen):
    commander: Id
    active: bool


class LogSpec(Frozen):
    """A record written to the game log, so the chronology check can match narrative events
    that change nothing else (a ruler fleeing, an insult, a marriage)."""

    kind: Id
    actors: tuple[Id, ...] = ()
    place: Id | None = None
    note: Id | None = None


class SetOwnerEff(Frozen):
    set_owner: StatePlace


class CedeAll(Frozen):
    """Every place ``state`` still holds passes to ``to`` (the last towns of a fallen realm
    submitting), each as by ``set_owner``."""

    state: Id
    to: Id


class CedeAllEff(Frozen):
    cede_all: CedeAll


class SetRulerEff(Frozen):
    set_ruler: StateRuler


class SetHeirEff(Frozen):
    set_heir: StateRuler


class MoveCapitalEff(Frozen):
    move_capital: StateCapital


class TreasuryEff(Frozen):
    treasury: StateAmount


class GrainEff(Frozen):
    grain: StateAmount


class ManpowerEff(Frozen):
    manpower: StateAmount


class LegitimacyEff(Frozen):
    legitimacy: StateAmount


class SiegeSkillEff(Frozen):
    """Siege craft learned (or lost): 0 none, 3 the best engineers of the age."""

    siege_skill: StateAmount


class GarrisonEff(Frozen):
    garrison: PlaceAmount


class WallsEff(Frozen):
    walls: PlaceAmount


class PopulationEff(Frozen):
    population: PlacePercent


class StartTreatyEff(Frozen):
    start_treaty: TreatySpec


class EndTreatyEff(Frozen):
    end_treaty: TreatyEnd


class WarEff(Frozen):
    war: StatePair


class PeaceEff(Frozen):
    peace: StatePair


class SpawnArmyEff(Frozen):
    spawn_army: ArmySpec


class RemoveArmyEff(Frozen):
    remove_army: ArmyRef


class ReinforceEff(Frozen):
    reinforce: ArmyTroops


class SetFlagEff(Frozen):
    set_flag: Id


class ClearFlagEff(Frozen):
    clear_flag: Id


class CommanderEff(Frozen):
    commander: CommanderActive


class LogEff(Frozen):
    log: LogSpec


EFFECT_KINDS = (
    "set_owner cede_all set_ruler set_heir move_capital treasury grain manpower legitimacy siege_skill "
    "garrison walls population start_treaty end_treaty war peace spawn_army remove_army "
    "reinforce set_flag clear_flag commander log"
).split()

Effect = Annotated[
    Union[
        Annotated[SetOwnerEff, Tag("set_owner")],
        Annotated[CedeAllEff, Tag("cede_all")],
        Annotated[SetRulerEff, Tag("set_ruler")],
        Annotated[SetHeirEff, Tag("set_heir")],
        Annotated[MoveCapitalEff, Tag("move_capital")],
        Annotated[TreasuryEff, Tag("treasury")],
        Annotated[GrainEff, Tag("grain")],
        Annotated[ManpowerEff, Tag("manpower")],
        Annotated[LegitimacyEff, Tag("legitimacy")],
        Annotated[SiegeSkillEff, Tag("siege_skill")],
        Annotated[GarrisonEff, Tag("garrison")],
        Annotated[WallsEff, Tag("walls")],
        Annotated[PopulationEff, Tag("population")],
        Annotated[StartTreatyEff, Tag("start_treaty")],
        Annotated[EndTreatyEff, Tag("end_treaty")],
        Annotated[WarEff, Tag("war")],
        Annotated[PeaceEff, Tag("peace")],
        Annotated[SpawnArmyEff, Tag("spawn_army")],
        Annotated[RemoveArmyEff, Tag("remove_army")],
        Annotated[ReinforceEff, Tag("reinforce")],
        Annotated[SetFlagEff, Tag("set_flag")],
        Annotated[ClearFlagEff, Tag("clear_flag")],
        Annotated[CommanderEff, Tag("commander")],
        Annotated[LogEff, Tag("log")],
    ],
    Discriminator(
        _single_key,
        custom_error_type="effect_kind",
        custom_error_message="an effect is a mapping with one key, one of: "
        + ", ".join(EFFECT_KINDS),
    ),
]

# --------------------------------------------------------------------------- states


class Ruler(Frozen):
    id: Id
    name: Text
    #: Reign as history records it (informational; succession happens through history and events).
    reign: Span = Span()
    title: Text | None = None


class Commander(Frozen):
    """A general. ``field`` and ``siege`` are skills 1..5; ``active`` is when he can serve."""

    id: Id
    name: Text
    field: Annotated[int, Field(ge=1, le=5)] = 2
    siege: Annotated[int, Field(ge=1, le=5)] = 2
    active: Span = Span()


class Personality(Frozen):
    """How an AI plays this state; each trait is 0..1."""

    aggression: Fraction = 0.5
    caution: Fraction = 0.5
    treaty_loyalty: Fraction = 0.5
    plunder: Fraction = 0.5
    siege_patience: Fraction = 0.5
    submission: Fraction = 0.3


#: Territory fill pattern, so owners differ by more than colour.
Pattern = Literal["solid", "stripes", "dots", "cross", "waves"]


class PolityDef(Frozen):
    """A state (polity): 金, 西夏, 蒙古, 南宋, or a minor actor."""

    id: Id
    name: Text
    colour: Colour
    pattern: Pattern = "solid"
    playable: bool = True
    capital: Id | None = None
    treasury: NonNeg = 0
    grain: NonNeg = 0
    manpower: NonNeg = 0
    legitimacy: Annotated[int, Field(ge=0, le=100)] = 50
    siege_skill: Annotated[int, Field(ge=0, le=3)] = 1
    ruler: Id | None = None
    heir: Id | None = None
    rulers: tuple[Ruler, ...] = ()
    commanders: tuple[Commander, ...] = ()
    personality: Personality = Personality()


# --------------------------------------------------------------------------- map


#: capital; secondary_capital; prefecture 府; subprefecture 州/军; county 县/城; fort 堡/寨; pass 关; camp (ordo, no walls).
Rank = Literal["capital", "secondary_capital", "prefecture", "subprefecture", "county", "fort", "pass", "camp"]


Terrain = Literal["plain", "hills", "mountains", "steppe", "desert", "marsh"]


PlaceFlag = Literal["capital", "border_market", "pasture", "crossing", "port"]


class PlaceDef(Frozen):
    """A city, prefecture, fort, pass or camp at its real coordinates."""

    id: Id
    name: Text
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]
    owner: Id
    rank: Rank
    terrain: Terrain = "plain"
    walls: Annotated[int, Field(ge=0, le=5)] = 1
    population: NonNeg = 0
    prosperity: Annotated[int, Field(ge=0, le=100)] = 50
    #: Months the place can feed itself under siege.
    food: Annotated[int, Field(ge=0, le=60)] = 6
    garrison: NonNeg = 0
    flags: tuple[PlaceFlag, ...] = ()
    region: Id | None = None


RouteKind = Literal["road", "steppe", "pass", "river_crossing", "ferry"]


class RouteDef(Frozen):
    """A way between two places, usable both ways, with its travel time in days."""

    id: Id | None = None
    from_: Id = Field(alias="from")
    to: Id
    days: Annotated[int, Field(ge=1, le=120)]
    kind: RouteKind = "road"
    #: The river this route crosses (e.g. ``yellow``), if any.
    river: Id | None = None
    #: In deep winter (Dec-Feb) the river freezes: the crossing's ferry delay
    #: (``rules.crossing_delay_days``) is saved, and a bare crossing takes
    #: ``rules.frozen_crossing_days`` (the Yellow River froze along its northern course).
    freezes: bool = False

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, populate_by_name=True)

    @property
    def key(self) -> str:
        """The route's id: the given one, or ``from__to``."""
        return self.id or f"{self.from_}__{self.to}"


class ArmyDef(Frozen):
    id: Id
    owner: Id
    place: Id
    troops: Troops
    commander: Id | None = None
    morale: Annotated[int, Field(ge=0, le=100)] = 80


# --------------------------------------------------------------------------- treaties


class Terms(Frozen):
    """Numbers of a particular treaty that override its type's defaults."""

    silver: NonNeg | None = None
    grain: NonNeg | None = None
    max_troops: NonNeg | None = None
    income: NonNeg | None = None
    legitimacy: int | None = None
    target: Id | None = None


class Flow(Frozen):
    """Goods owed by one role to another, every ``every`` months."""

    from_: Id = Field(alias="from")
    to: Id
    silver: NonNeg = 0
    grain: NonNeg = 0
    every: Annotated[int, Field(ge=1, le=120)] = 12

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, populate_by_name=True)


class LevyArgs(Frozen):
    """The ``by`` role may demand up to ``max_troops`` men from the ``from`` role."""

    by: Id
    from_: Id = Field(alias="from")
    max_troops: NonNeg = 10000

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, populate_by_name=True)


class InvestitureArgs(Frozen):
    """The ``by`` role invests the ``to`` role's ruler: legitimacy on signing and succession."""

    by: Id
    to: Id
    legitimacy: int = 5


class MarketArgs(Frozen):
    """Border markets (互市): each party earns ``income`` silver a month while at peace."""

    income: NonNeg = 10


class DefenceArgs(Frozen):
    """The ``by`` role is expected to help the ``of`` role when attacked (``any`` = each other)."""

    by: Id | Literal["any"] = "any"
    of: Id | Literal["any"] = "any"


class JointAttackArgs(Frozen):
    """The parties attack ``target`` together (the treaty's terms may name it)."""

    target: Id | None = None


class TributeOb(Frozen):
    tribute: Flow


class PaymentOb(Frozen):
    payment: Flow


class LevyOb(Frozen):
    levy: LevyArgs


class InvestitureOb(Frozen):
    investiture: InvestitureArgs


class MarketOb(Frozen):
    market: MarketArgs


class DefenceOb(Frozen):
    defence: DefenceArgs


class JointAttackOb(Frozen):
    joint_attack: JointAttackArgs


OBLIGATION_KINDS = "tribute payment levy investiture market defence joint_attack".split()

Obligation = Annotated[
    Union[
        Annotated[TributeOb, Tag("tribute")],
        Annotated[PaymentOb, Tag("payment")],
        Annotated[LevyOb, Tag("levy")],
        Annotated[InvestitureOb, Tag("investiture")],
        Annotated[MarketOb, Tag("market")],
        Annotated[DefenceOb, Tag("defence")],
        Annotated[JointAttackOb, Tag("joint_attack")],
    ],
    Discriminator(
        _single_key,
        custom_error_type="obligation_kind",
        custom_error_message="an obligation is a mapping with one key, one of: "
        + ", ".join(OBLIGATION_KINDS),
    ),
]


BreachOn = Literal["levy_refused", "tribute_withheld", "payment_withheld", "war_declared", "ally_abandoned"]


class BreachRule(Frozen):
    """What happens when a party breaks the treaty in the way ``when`` names.

    (The field is not called ``on``: YAML 1.1 reads a bare ``on`` as the boolean true.)"""

    when: BreachOn
    ends_treaty: bool = True
    #: The wronged party may declare war without losing legitimacy.
    casus_belli: bool = True
    #: Legitimacy change for the party that broke the treaty.
    legitimacy: int = 0


class TreatyTypeDef(Frozen):
    """A kind of treaty, with obligations and breach rules as data."""

    id: Id
    name: Text
    roles: Annotated[tuple[Id, ...], Field(min_length=2, max_length=2)]
    #: Both roles are equal (brother states, alliance, truce): proposing needs no role choice.
    symmetric: bool = False
    #: The parties are at peace while it holds; declaring war on the other party breaks it.
    peace: bool = True
    #: Ends by itself after so many months (a truce); none = until broken.
    months: Annotated[int, Field(ge=1)] | None = None
    #: Players and the AI may propose it.
    offerable: bool = True
    obligations: tuple[Obligation, ...] = ()
    breach: tuple[BreachRule, ...] = ()
    description: Text | None = None


class TreatyDef(Frozen):
    """A treaty in force at the scenario's start (1211-01 for the main scenario)."""

    id: Id
    type: Id
    parties: dict[Id, Id]
    since: Month | None = None
    until: Month | None = None
    terms: Terms | None = None


class WarDef(Frozen):
    between: Annotated[tuple[Id, ...], Field(min_length=2, max_length=2)]
    since: Month | None = None


# --------------------------------------------------------------------------- history and events


class HistoryDef(Frozen):
    """A dated change. Bookmarks apply every entry before their month; ``in_play`` entries
    (natural deaths, say) also happen during play, when their date comes."""

    date: Month
    effects: tuple[Effect, ...]
    in_play: bool = False
    #: In play, the entry applies only if this holds (building a bookmark ignores it: the
    #: bookmark is the real history).
    condition: Condition | None = None
    note: str | None = None
    source: str | None = None


class Choice(Frozen):
    id: Id
    text: Text
    #: The choice history took.
    historical: bool = False
    effects: tuple[Effect, ...] = ()
    #: Optional explanation shown with the choice.
    hint: Text | None = None


class EventDef(Frozen):
    """A historical event: fires once in its window when its condition holds (with ``chance``
    per month); if it has choices, ``actor`` decides."""

    id: Id
    title: Text
    text: Text | None = None
    window: Span
    actor: Id | None = None
    condition: Condition | None = None
    chance: Fraction = 1.0
    once: bool = True
    effects: tuple[Effect, ...] = ()
    choices: tuple[Choice, ...] = ()
    source: str | None = None


Confidence = Literal["H", "M", "L"]


ChronoKind = Literal["battle", "siege", "capture", "raid", "treaty", "treaty_broken", "levy", "tribute", "succession", "capital", "death", "diplomacy", "campaign", "other"]


class ChronicleEntryDef(Frozen):
    """A real dated event, for "this month in history" and for matching the game log."""

    id: Id
    date: Month
    kind: ChronoKind
    actors: tuple[Id, ...] = ()
    place: Id | None = None
    text: Text
    source: str
    confidence: Confidence = "H"


class MilestoneDef(Frozen):
    """A checkable predicate at a date: met if it holds within ``tolerance`` months."""

    id: Id
    date: Month
    condition: Condition
    tolerance: Annotated[int, Field(ge=0, le=36)] = 1
    weight: Annotated[float, Field(gt=0, le=10)] = 1.0
    certainty: Confidence = "H"
    text: Text
    source: str | None = None


class GoalDef(Frozen):
    """Points for a state if ``condition`` holds at ``by`` (default: the end of the game)."""

    id: Id
    state: Id
    name: Text
    points: Annotated[int, Field(ge=-1000, le=1000)]
    condition: Condition
    by: Month | None = None


class Rules(Frozen):
    """Numeric coefficients of the rules. Every one has a default, so a scenario sets only
    what it changes."""

    # economy (per place per month)
    silver_per_10k_people: float = 1.0
    grain_per_10k_people: float = 2.0
    prosperity_recovery: int = 2
    manpower_per_10k_people: float = 10.0
    upkeep_silver_per_1000: float = 0.5
    upkeep_grain_per_1000: float = 1.0
    garrison_upkeep_factor: float = 0.5
    recruit_silver_per_1000: int = 20
    #: steppe horsemen bring their own horses and live off their herds: they cost this share
    #: of the silver and grain other troops cost, to raise and to keep
    steppe_cost_factor: float = 0.25
    market_income_scale: float = 1.0
    # movement
    days_per_month: int = 30
    winter_north_slowdown: float = 1.5
    north_latitude: float = 37.0
    frozen_crossing_days: int = 2
    crossing_delay_days: int = 4
    # combat
    cavalry_open_bonus: float = 1.5
    cavalry_pass_penalty: float = 0.5
    skill_bonus_per_point: float = 0.08
    battle_loss_rate: float = 0.12
    rout_loss_rate: float = 0.30
    battle_noise: float = 0.2
    # sieges
    wall_strength_per_level: float = 1.0
    assault_loss_rate: float = 0.15
    siege_engine_bonus: float = 2.0
    winter_siege_attrition: float = 0.06
    starved_garrison_loss: float = 0.25
    # raids and supply
    raid_silver_per_10k: float = 5.0
    raid_prosperity_loss: int = 15
    attrition_enemy_land: float = 0.02
    #: extra monthly loss of every man but steppe horsemen in foreign steppe or desert
    attrition_steppe_foot: float = 0.10
    attrition_unsupplied: float = 0.08
    # diplomacy
    truce_break_legitimacy: int = -15
    war_without_cause_legitimacy: int = -5
    tribute_withheld_legitimacy: int = -3


# --------------------------------------------------------------------------- AI plans


#: How much a plan weights a target or a choice (0 = not at all, 5 = above all else).
PlanWeight = Annotated[float, Field(ge=0.0, le=5.0)]


class PlanTarget(Frozen):
    """Places a plan weights: one ``place``, every place of a ``region``, or every place a
    ``state`` holds at the time (exactly one of the three)."""

    place: Id | None = None
    region: Id | None = None
    state: Id | None = None
    weight: PlanWeight = 1.0

    @model_validator(mode="after")
    def _one_kind(self) -> "PlanTarget":
        if sum(x is not None for x in (self.place, self.region, self.state)) != 1:
            raise ValueError("a plan target names exactly one of place, region or state")
        return self


class TraitChange(Frozen):
    """Personality traits that differ while a plan holds (the others keep the state's own)."""

    aggression: Fraction | None = None
    caution: Fraction | None = None
    treaty_loyalty: Fraction | None = None
    plunder: Fraction | None = None
    siege_patience: Fraction | None = None
    submission: Fraction | None = None


class PlanChoice(Frozen):
    """An event choice the plan favours: its ``weight`` is added to the AI's own judgement of
    the choice, so a choice against the state's interest can still lose."""

    event: Id
    choice: Id
    weight: PlanWeight = 1.0


class PlanDef(Frozen):
    """A strategic plan of one state's AI for a range of months (while ``condition`` holds).

    A plan weights goals — whom to fight, whom to spare, which places to take or hold, which
    event choices suit it — and may change the state's personality while it holds. It never
    orders anything: the AI still judges every move by strength, supply, season and distance.
    """

    id: Id
    state: Id
    name: Text
    when: Span
    condition: Condition | None = None
    #: states the plan makes war on (declaring war and refusing peace count in its favour).
    enemies: tuple[Id, ...] = ()
    #: states the plan keeps at peace with, or allies with.
    friends: tuple[Id, ...] = ()
    attack: tuple[PlanTarget, ...] = ()
    defend: tuple[PlanTarget, ...] = ()
    #: enemy places that no `attack` target names count this share of their worth.
    elsewhere: Fraction = 1.0
    traits: TraitChange | None = None
    choices: tuple[PlanChoice, ...] = ()
    note: str | None = None
    source: str | None = None


# --------------------------------------------------------------------------- files


class Bookmark(Frozen):
    date: Month
    name: Text
    note: Text | None = None


class Calendar(Frozen):
    start: Month
    end: Month
    bookmarks: tuple[Bookmark, ...] = ()


class MapBounds(Frozen):
    west: float
    east: float
    south: float
    north: float


class ScenarioHeader(Frozen):
    """``scenario.yaml``: what the scenario is and which files it is made of."""

    format: Literal[1]
    id: Id
    name: Text
    description: Text | None = None
    calendar: Calendar
    map: MapBounds | None = None
    include: tuple[str, ...] = ()
    briefings: str = "briefings"
    whatifs: str = "whatifs"


class SectionsFile(Frozen):
    """An included file: any of the sections; lists from several files are joined."""

    states: tuple[PolityDef, ...] = ()
    places: tuple[PlaceDef, ...] = ()
    routes: tuple[RouteDef, ...] = ()
    armies: tuple[ArmyDef, ...] = ()
    treaty_types: tuple[TreatyTypeDef, ...] = ()
    treaties: tuple[TreatyDef, ...] = ()
    wars: tuple[WarDef, ...] = ()
    history: tuple[HistoryDef, ...] = ()
    events: tuple[EventDef, ...] = ()
    chronology: tuple[ChronicleEntryDef, ...] = ()
    milestones: tuple[MilestoneDef, ...] = ()
    goals: tuple[GoalDef, ...] = ()
    plans: tuple[PlanDef, ...] = ()
    rules: Rules | None = None


#: Sections whose entries carry an ``id`` (routes use ``from__to`` when they have none).
LIST_SECTIONS = (
    "states places routes armies treaty_types treaties wars history events chronology milestones goals plans"
).split()


class WhatIfDef(Frozen):
    """An alternate-history overlay: set fields of, add or remove entries by id."""

    format: Literal[1]
    id: Id
    title: Text
    #: The historical argument behind the change.
    note: Text
    scenario: Id | None = None
    #: section -> entry id -> fields to change (for `rules`: field -> value)
    set: dict[Id, dict[str, Any]] = Field(default_factory=dict)
    add: dict[Id, tuple[dict[str, Any], ...]] = Field(default_factory=dict)
    remove: dict[Id, tuple[str, ...]] = Field(default_factory=dict)


for _m in (AllCond, AnyCond, NotCond, EventFiredCond, TreatySpec):
    _m.model_rebuild()

"""Whether two claims' frames can be about one quantity, slot by slot.

A slot stated on one side only is no contradiction; a different value in the same slot is.
The slots are compared in a fixed order and the first that differs rules the pair out, with a
reason a reader can check ("different place: Jawa Tengah"):

- unit: the same unit class and units that convert (ha and m2; never two currencies);
- kind: level and realised are alike; change, target, share and previous are each their own kind;
- counted: the same class of counted thing ("peserta" and "orang" are people);
- time: one time contains the other ("2024" and "2024-05-01");
- basis: the same comparison ("yoy" is not "mtm");
- per: the same denominator ("per hari" is not "per bulan", "per kg" not "per liter");
- places: the two name the same most specific place (a city's figure is not its province's),
  or, where a clause names none, the places around it differ (``Frame.context_places``);
- entities: roles must be equal ("Presiden" is not "Wakil Presiden"); names that share a word
  or are each other's acronym ("BPS", "Badan Pusat Statistik") match; two sides that both name
  somebody and share no name are different ("BRI" and "BNI"); names on one side only rule
  nothing out (one outlet names the official, another the agency);
- measure: the two measures share a word root (Sastrawi stems; generic heads excluded) and name
  no exclusive alternatives ("perkotaan" and "perdesaan", "migas" and "nonmigas"; ``contrasts``).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from summarize.claims.contrasts import exclusive
from summarize.claims.frame_places import peers, same_places
from summarize.claims.frame_when import RELATIVE_TIMES
from summarize.claims.frame_words import CONVERSIONS, PLACE_NAMES, ROLES
from summarize.claims.frames import counted_class
from summarize.claims.local import TITLE_WORDS, stems
from summarize.claims.types import Claim, Frame, Quantity

SLOTS = ("unit", "kind", "counted", "time", "basis", "per", "places", "entities", "measure")
_ROLES = frozenset(r.lower() for r in ROLES)
_ALIKE_KINDS = {"realised": "level"}
#: Words of a name that say what kind of body or place it is, not which one ("PT Bank ... Tbk",
#: "Pemprov", "Gunung").
_NOT_OWNER = TITLE_WORDS | frozenset(w.lower() for p in PLACE_NAMES for w in p.split()) | frozenset(
    "pt tbk persero (persero) cv perum perumda bumn bumd grup group holding partai pemprov pemkot pemkab "
    "pemda dpr dprd mpr dpd kota kabupaten provinsi indonesia nasional republik dki dan & the of "
    "pemilu pilkada pilpres pileg pilgub gunung pulau sungai danau selat teluk pantai kawah bandara pelabuhan "
    "stasiun terminal jalan tol kecamatan desa kelurahan kampung nomor urut usia".split())


@dataclass(frozen=True)
class FrameMatch:
    """``matched``: the slots both sides state and agree on; ``ruled_out``: (slot, reason) of
    the first slot that differs, or None when the frames are compatible."""

    matched: tuple[str, ...]
    ruled_out: tuple[str, str] | None = None

    @property
    def compatible(self) -> bool:
        return self.ruled_out is None


def compare(claim: Claim, other: Claim, slots: tuple[str, ...] = SLOTS) -> FrameMatch:
    """Compare ``other`` (a stored statement) with ``claim`` on ``slots``."""
    matched: list[str] = []
    for slot in slots:
        verdict = _CHECKS[slot](claim, other)
        if verdict is False:
            return FrameMatch(tuple(matched), (slot, _reason(slot, other)))
        if verdict:
            matched.append(slot)
    return FrameMatch(tuple(matched))


def _unit(a: Claim, b: Claim) -> bool | None:
    if a.unit == b.unit:
        return True
    ca, cb = CONVERSIONS.get(a.unit), CONVERSIONS.get(b.unit)
    return bool(ca and cb and ca[0] == cb[0])


def _kind(a: Claim, b: Claim) -> bool | None:
    ka, kb = (_ALIKE_KINDS.get(f.kind, f.kind) for f in (a.frame, b.frame))
    return ka == kb


def _counted(a: Claim, b: Claim) -> bool | None:
    x, y = counted_class(a.noun), counted_class(b.noun)
    return None if x is None or y is None else x == y


def _time(a: Claim, b: Claim) -> bool | None:
    x, y = a.frame.time, b.frame.time
    if x is None or y is None:
        return None
    if x in RELATIVE_TIMES or y in RELATIVE_TIMES:
        # "tahun lalu" of an undated text meets only another year said so; else there is no telling
        same_unit = x in RELATIVE_TIMES and y in RELATIVE_TIMES and x.split("-")[1] == y.split("-")[1]
        return x == y if same_unit else None
    return x.startswith(y) or y.startswith(x)


def _equal_if_stated(slot: str) -> Callable[[Claim, Claim], bool | None]:
    """The check of a slot whose values either match or differ ("basis", "per")."""
    def check(a: Claim, b: Claim) -> bool | None:
        x, y = getattr(a.frame, slot), getattr(b.frame, slot)
        return None if x is None or y is None else x == y
    return check


def _places(a: Claim, b: Claim) -> bool | None:
    """A figure is its most specific place's: Bandung's rate is not Jawa Barat's, nor Bekasi's,
    nor Indonesia's, and Kabupaten Bogor's is not Kota Bogor's (``frame_places``). A clause
    naming no place is where its article was (``Frame.context_places``): places apart (``peers``)
    rule a pair out, but a shared context identifies nothing, since the sentence did not say it."""
    x, y = a.frame.places, b.frame.places
    if x and y:
        return same_places(x, y)
    return False if peers(x or a.frame.context_places, y or b.frame.context_places) else None


def _entities(a: Claim, b: Claim) -> bool | None:
    """Roles decide: two different roles are two holders. Names decide when both sides name
    somebody and share no name: "laba bersih BRI" and "laba bersih BNI", "Partai Golkar
    memperoleh 102 kursi DPR" and "Partai Gerindra ... 86 kursi DPR" are two quantities. One
    shared name is enough to match (one outlet adds the official, another names only the
    program), names on one side only rule nothing out, and names made only of titles,
    institution types and places ("Pemprov DKI Jakarta", "Kepala Dinas", "DPR") tell no owner
    apart."""
    (roles_a, names_a), (roles_b, names_b) = _split_entities(a.frame), _split_entities(b.frame)
    if roles_a and roles_b:
        return bool(roles_a & roles_b)
    owners_a, owners_b = _owners(names_a), _owners(names_b)
    if not owners_a or not owners_b:
        return None
    if _other_acronyms(owners_a, owners_b):
        return False
    return any(_same_name(m, t) for m in owners_a for t in owners_b)


def _split_entities(frame: Frame) -> tuple[frozenset[str], frozenset[str]]:
    roles = frozenset(e.lower() for e in frame.entities if e.lower() in _ROLES)
    names = frozenset(e for e in frame.entities if e.lower() not in _ROLES)
    return roles, names


def _other_acronyms(a: list[str], b: list[str]) -> bool:
    """Both sides spell out an acronym and the two differ, whatever words their long names share:
    "Nilai Tukar Petani (NTP)" is not "Nilai Tukar Nelayan (NTN)"."""
    x, y = {n for n in a if _is_acronym(n)}, {n for n in b if _is_acronym(n)}
    return bool(x and y and not x & y) and not any(_acronym(n).upper() in x for n in b) \
        and not any(_acronym(n).upper() in y for n in a)


def _is_acronym(name: str) -> bool:
    return name.isupper() and name.isalpha() and 2 <= len(name) <= 6


def _owners(names: frozenset[str]) -> list[str]:
    """The names that can tell an owner apart, in a stable order."""
    return sorted(n for n in names if _owner_words(n))


def _owner_words(name: str) -> frozenset[str]:
    return frozenset(w for w in name.lower().split() if w not in _NOT_OWNER and len(w) > 1)


def _same_name(a: str, b: str) -> bool:
    return bool(_owner_words(a) & _owner_words(b)) or _acronym(a) == b.lower() or _acronym(b) == a.lower()


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper()).lower()


def _measure(a: Claim, b: Claim) -> bool | None:
    x, y = a.frame.measure, b.frame.measure
    if not x or not y:
        return None
    return not exclusive(x, y) and bool(stems(x.split()) & stems(y.split()))


def _reason(slot: str, other: Claim) -> str:
    f = other.frame
    shown = {
        "unit": other.unit, "kind": f.kind, "counted": other.noun, "time": f.time, "basis": f.basis, "per": f.per,
        "places": ", ".join(f.places) or ", ".join(f.context_places) + " (named outside its clause)",
        "entities": ", ".join(f.entities), "measure": f.measure,
    }[slot]
    name = {"places": "place", "entities": "entity", "counted": "counted thing"}.get(slot, slot)
    return f"different {name}: {shown}"


_CHECKS = {"unit": _unit, "kind": _kind, "counted": _counted, "time": _time, "basis": _equal_if_stated("basis"),
           "per": _equal_if_stated("per"), "places": _places, "entities": _entities, "measure": _measure}


def convert(q: Quantity, unit: str) -> Quantity:
    """``q`` in ``unit`` when both are units of one convertible class ("2 ha" -> 20.000 m2),
    else ``q`` unchanged."""
    if q.unit == unit or q.unit not in CONVERSIONS or unit not in CONVERSIONS:
        return q
    (base, mine), (other_base, theirs) = CONVERSIONS[q.unit], CONVERSIONS[unit]
    if base != other_base:
        return q
    f = Decimal(mine) / Decimal(theirs)
    return Quantity(q.value * f, unit, q.noun, q.low * f, q.high * f, q.approx)

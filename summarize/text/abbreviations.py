"""Hand-kept Indonesian abbreviation lists that complement the trained Punkt parameters.

Punkt learns abbreviations from frequency, and IndoSum is too small for it to learn rare but
important ones (it learned ``hj`` and ``ir`` but not ``dr``, ``h``, ``jl`` or ``kab``), so these
are listed by hand from KBBI's abbreviation list and the styles of ANTARA, Kompas and detik.
Types are lower-case and without the final period, as Punkt stores them.
"""
from __future__ import annotations

# Words that stand before a name, number or place and therefore never end a sentence, whatever
# the next word looks like ("Dr. Agus" must not split although Punkt saw "Agus" start sentences).
TITLES: frozenset[str] = frozenset(
    """
    pj plt plh dr drs dra drg ir h hj kh k.h prof jl jln no kec kab kel ds prov kol
    letkol mayjen brigjen irjen kompol akbp ipda iptu aiptu bripka brigpol kapt serda sertu
    st sdr sdri bpk ny nn tn mr mrs ms gg a.n u.p yth ybs tel telp hlm alm almh dipl
    """.split()
)

# Abbreviations that usually sit mid-sentence but may also end one ("... dan lain-lain, dll.");
# Punkt decides those with its orthographic heuristic on the next word.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    dll dsb dst dkk tsb sbb spt tgl thn jan feb mar apr jun jul agu agt ags sep sept okt nov des
    tbk co corp inc ltd jr sr vs etc rp
    s.h m.h s.e m.m m.si s.si s.sos s.kom s.pd m.pd s.ag m.ag m.hum m.kes s.ked s.t m.t s.ip
    s.ikom m.sc ph.d s.psi s.farm s.kep m.ak ing
    """.split()
)

# Lower-case words that really do start sentences after a full stop (brands written that way).
LOWERCASE_STARTERS: frozenset[str] = frozenset({"kumparan", "detikcom", "detik.com", "kompas.com"})

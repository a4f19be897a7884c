"""Words around numbers and whether a statement can belong to an article's story."""
from __future__ import annotations

from summarize.claims.local import article_words, common_word, same_story, stems


def test_same_story_needs_one_name_of_the_statement_in_the_article() -> None:
    words = article_words("La Nyalla dituntut membayar denda Rp 500 juta oleh jaksa Kejati Jawa Timur.")
    assert not same_story(["Siti Fadilah"], words)
    assert same_story(["Siti Fadilah", "La Nyalla"], words)
    assert same_story(["Kejaksaan Tinggi Jawa Timur"], words)  # one shared word of a name is enough
    assert same_story([], words)  # a sentence naming nothing cannot be told apart


def test_stems_fold_indonesian_derivations() -> None:
    assert stems(["penurunan", "menurun"]) == {"turun"}


def test_titles_tie_no_statement_to_an_article() -> None:
    words = article_words("Kejaksaan menuntut La Nyalla; Jaksa Agung dan Direktur Jenderal hadir.")
    assert not same_story(["Direktur Jenderal Bina Pelayanan Medik Kemenkes Ratna Dewi Umar"], words)
    assert same_story(["Direktur Jenderal La Nyalla"], words)


def test_an_agency_spelled_out_is_the_story_of_its_acronym() -> None:
    words = article_words("Badan Pusat Statistik mencatat jumlah pengangguran sebanyak 7,2 juta orang.")
    assert same_story(["BPS"], words) and not same_story(["OJK"], words)


def test_common_words_are_dictionary_words_or_their_derivations_but_not_titles() -> None:
    assert common_word("Pendapatan") and common_word("laba") and not common_word("Telkomsel")
    assert not common_word("Badan")  # opens "Badan Pusat Statistik"

"""Summarizer end to end: the default pipeline on a real article, and its contract with a cheap
stand-in encoder (bag of hashed words) so length rules and batching are tested in milliseconds."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from summarize import Summarizer
from summarize.errors import InputError
from summarize.rankers.base import Document, Ranker
from tests.toys import HashedWords


SENTENCES = [
    "Pemerintah menaikkan harga BBM bersubsidi mulai Sabtu.",
    "Harga Pertalite naik menjadi Rp10.000 per liter.",
    "Kenaikan itu diumumkan Presiden di Istana Merdeka.",
    "Warga mengantre di sejumlah SPBU sejak malam.",
    "Polisi menjaga SPBU agar antrean tetap tertib.",
    "Ekonom memperkirakan inflasi naik 1,5 persen.",
]


@pytest.fixture
def toy() -> Summarizer:
    return Summarizer(encoder=HashedWords(), ranker="lead", diversity=0.0)


def test_k_ratio_and_max_words(toy):
    assert [s.index for s in toy.summarize(sentences=SENTENCES, k=2).sentences] == [0, 1]
    assert len(toy.summarize(sentences=SENTENCES, ratio=0.5).sentences) == 3
    words = toy.summarize(sentences=SENTENCES, max_words=15).sentences
    assert sum(len(s.text.split()) for s in words) <= 15 and [s.index for s in words] == [0, 1]


def test_fewer_sentences_than_k_returns_them_all(toy):
    summary = toy.summarize(sentences=SENTENCES[:2], k=5)
    assert [s.text for s in summary.sentences] == SENTENCES[:2] and summary.n_sentences == 2


def test_summarize_many_matches_one_by_one_and_embeds_each_text_once():
    enc = HashedWords()
    summ = Summarizer(encoder=enc, ranker="centrality")
    texts = [" ".join(SENTENCES), " ".join(SENTENCES[::-1]), " ".join(SENTENCES[:3])]
    many = summ.summarize_many(texts, k=2)
    assert sum(len(c) for c in enc.calls) == len(set(SENTENCES))
    assert [m.to_dict() for m in many] == [summ.summarize(t, k=2).to_dict() for t in texts]


class WindowsSeen(HashedWords):
    """A contextual toy: records the windows it is given, embeds their sentences alone."""

    contextual = True

    def __init__(self) -> None:
        super().__init__()
        self.windows: list[list[list[str]]] = []

    def encode_windows(self, windows):
        self.windows.append([list(w) for w in windows])
        return [self.encode(w) for w in windows]


def test_a_contextual_encoder_gets_each_articles_candidate_window(monkeypatch):
    import summarize.summarizer as module

    monkeypatch.setattr(module, "EMBED_CHUNK", 8)  # two 4-sentence windows a call
    enc = WindowsSeen()
    summ = Summarizer(encoder=enc, ranker="centrality", max_candidates=4)
    texts = [" ".join(SENTENCES), " ".join(SENTENCES[::-1]), " ".join(SENTENCES[:3])]
    many = summ.summarize_many(texts, k=2)
    assert enc.windows == [[SENTENCES[:4], SENTENCES[::-1][:4]], [SENTENCES[:3]]]
    assert [m.to_dict() for m in many] == [summ.summarize(t, k=2).to_dict() for t in texts]


def test_candidates_are_capped_before_embedding():
    enc = HashedWords()
    Summarizer(encoder=enc, ranker="lead", max_candidates=4).summarize(sentences=SENTENCES, k=2)
    assert sum(len(c) for c in enc.calls) == 4


def test_paragraph_ids_reach_the_ranker():
    seen = []

    class Spy(Ranker):
        def score(self, doc: Document) -> np.ndarray:
            seen.append(list(doc.paragraphs))
            return np.zeros(len(doc))

    summ = Summarizer(encoder=HashedWords(), ranker=Spy())
    summ.summarize(sentences=SENTENCES, paragraphs=[0, 0, 1, 1, 1, 2], k=2)
    summ.summarize(sentences=SENTENCES, k=2)
    assert seen == [[0, 0, 1, 1, 1, 2], list(range(6))]
    with pytest.raises(ValueError):
        summ.summarize(sentences=SENTENCES, paragraphs=[0, 1])


def test_input_errors(toy):
    with pytest.raises(InputError):
        toy.summarize("   ")
    with pytest.raises(ValueError):
        toy.summarize("teks", sentences=["teks"])


def test_foreign_encoder_with_learned_ranker_falls_back_and_says_so():
    summary = Summarizer(encoder=HashedWords(), ranker="learned").summarize(sentences=SENTENCES, k=2)
    assert summary.ranker == "centrality (fallback)" and len(summary.sentences) == 2


def test_adaptive_needs_a_ranker_that_learned_a_length(toy):
    with pytest.raises(ValueError, match="learned no summary length"):
        toy.summarize(sentences=SENTENCES, adaptive=True)
    with pytest.raises(ValueError, match="excludes"):
        Summarizer().summarize(sentences=SENTENCES, adaptive=True, k=2)


def test_adaptive_length_follows_the_shipped_heads_word_target():
    s = Summarizer()
    target = s.ranker.summary_words("e5-small-id-ft-ctx")
    assert target is not None and 20 < target < 150
    short = [f"Harga cabai naik {i} persen." for i in range(10)]  # 5 words each
    long = [" ".join(f"kata{j}" for j in range(40)) + f" nomor {i}." for i in range(10)]  # 42 words each
    n_short = len(s.summarize(sentences=short, adaptive=True).sentences)
    n_long = len(s.summarize(sentences=long, adaptive=True).sentences)
    assert n_short > n_long >= 1
    assert abs(5 * n_short - target) <= 5 / 2 + 1e-9 or n_short == len(short)


def test_default_pipeline_on_an_example_article(example_text: str):
    summ = Summarizer()
    summary = summ.summarize(example_text, k=3)
    assert summary.encoder == "e5-small-id-ft-ctx" and summary.ranker == "learned"
    assert len(summary.sentences) == 3
    assert [s.index for s in summary.sentences] == sorted(s.index for s in summary.sentences)
    for sent in summary.sentences:
        assert sent.text.split()[0] in example_text[sent.start : sent.end]
    assert summ.summarize(example_text, k=3).to_dict() == summary.to_dict()


def test_default_path_never_imports_torch(example_path: Path):
    code = (
        "import sys, summarize; from pathlib import Path\n"
        f"summarize.Summarizer().summarize(Path({str(example_path)!r}).read_text(encoding='utf-8'))\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert res.returncode == 0, res.stderr.decode()


def test_length_beyond_the_ranker_window_is_still_honoured():
    """The learned head scores 10 sentences; asking for more must not cut the summary short."""
    sents = [f"Kalimat nomor {i} membahas topik {i} di Jakarta." for i in range(20)]
    s = Summarizer()
    many = s.summarize(sentences=sents, k=15)
    assert [x.index for x in many.sentences] == sorted(x.index for x in many.sentences)
    assert len(many.sentences) == 15 and len({x.index for x in many.sentences}) == 15
    assert len(s.summarize(sentences=sents, ratio=0.8).sentences) == 16
    assert len(s.summarize(sentences=sents, ratio=0.1).sentences) == 2
    assert len(s.summarize(sentences=sents[:4], k=15).sentences) == 4


@pytest.mark.parametrize("call, needle", [
    (lambda s: s.summarize(b"Harga naik."), "text must be str, not bytes; decode it first"),
    (lambda s: s.summarize(123), "text must be str, not int"),
    (lambda s: s.summarize(["a"]), "text must be str, not list"),
    (lambda s: s.summarize(sentences="satu kalimat"), "sentences must be a list of str, not str"),
    (lambda s: s.summarize(sentences=["a", 2]), r"sentences\[1\] must be str, not int"),
    (lambda s: s.summarize(sentences=SENTENCES, paragraphs=[0, "1", 2, 3, 4, 5]), r"paragraphs\[1\] must be int"),
    (lambda s: s.summarize_many("satu teks"), "texts must be an iterable of str"),
    (lambda s: s.summarize_many(["Harga naik.", 7]), r"texts\[1\] must be str, not int"),
    (lambda s: s.summarize(sentences=SENTENCES, k=2.5), "k must be an int, not float"),
    (lambda s: s.summarize(sentences=SENTENCES, k=True), "k must be an int, not bool"),
    (lambda s: s.summarize(sentences=SENTENCES, max_words="9"), "max_words must be an int, not str"),
    (lambda s: s.summarize(sentences=SENTENCES, ratio=True), "ratio must be a number, not bool"),
    (lambda s: s.summarize(sentences=SENTENCES, adaptive="yes"), "adaptive must be a bool"),
    (lambda s: Summarizer(encoder=HashedWords(), ranker="lead", diversity="0.2"), "diversity must be a number"),
])
def test_wrong_types_name_the_argument(toy, call, needle):
    with pytest.raises(TypeError, match=needle):
        call(toy)


def test_diversity_defaults_to_the_rankers_choice_then_to_the_global_default():
    from summarize.summarizer import DEFAULT_DIVERSITY

    class Chooser(Ranker):
        def __init__(self, weight: float | None) -> None:
            self.weight = weight

        def score(self, doc: Document) -> np.ndarray:
            return -np.arange(len(doc), dtype=float)

        def diversity(self, encoder: str) -> float | None:
            return self.weight if encoder == "hashed-words" else None

    assert Summarizer(encoder=HashedWords(), ranker=Chooser(0.0)).diversity == 0.0
    assert Summarizer(encoder=HashedWords(), ranker=Chooser(0.0), diversity=0.3).diversity == 0.3
    assert Summarizer(encoder=HashedWords(), ranker=Chooser(None)).diversity == DEFAULT_DIVERSITY


@pytest.mark.parametrize("value", [-5, 1.5, float("nan"), float("inf")])
def test_diversity_outside_0_1_is_refused(value):
    with pytest.raises(ValueError, match="diversity must be between 0 and 1"):
        Summarizer(encoder=HashedWords(), ranker="lead", diversity=value)


def test_summarize_many_records_failures_in_place(toy):
    from summarize.types import Failure

    texts = [" ".join(SENTENCES), "   ", 42, " ".join(SENTENCES[:2])]
    out = toy.summarize_many(texts, k=1, errors="record")
    assert [type(x).__name__ for x in out] == ["Summary", "Failure", "Failure", "Summary"]
    assert out[1] == Failure(1, "empty text: nothing to summarize", "InputError")
    assert out[2].kind == "TypeError" and "texts[2] must be str" in out[2].error
    with pytest.raises(InputError, match=r"texts\[1\]: empty text"):
        toy.summarize_many(texts[:2], k=1)
    with pytest.raises(ValueError, match="errors must be"):
        toy.summarize_many(texts, errors="ignore")


def test_max_words_below_the_best_sentence_returns_it_with_a_warning(toy):
    from summarize.errors import LengthWarning

    with pytest.warns(LengthWarning, match="has 7 words, more than max_words=3"):
        summary = toy.summarize(sentences=SENTENCES, max_words=3)
    assert [s.index for s in summary.sentences] == [0]


def test_the_default_contextual_encoder_takes_long_and_odd_articles():
    """Hundreds of candidates (a ranker with no window) are read in pieces; control characters,
    empty-looking and very long sentences do not break a window."""
    odd = ["\x00\x01 kontrol.", "\u202e teks terbalik \ufeff.", "harga " * 400 + "naik.", "½ ☃ ."]
    many = [f"Kalimat nomor {i} tentang harga beras di pasar." for i in range(250)]
    summ = Summarizer(ranker="centrality", diversity=0.0)
    assert summ.encoder.contextual
    summaries = summ.summarize_many([" ".join(odd + SENTENCES), " ".join(many)], k=3)
    assert [len(s.sentences) for s in summaries] == [3, 3]
    learned = Summarizer().summarize(sentences=odd + SENTENCES, k=2)
    assert len(learned.sentences) == 2 and learned.encoder == "e5-small-id-ft-ctx"

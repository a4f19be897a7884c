"""Composes the three seams: text → sentences → vectors (encoder) → scores (ranker) → selection."""
from __future__ import annotations

import warnings
from typing import Iterable, Literal, Sequence, overload

import numpy as np

from summarize.encoders.base import DEFAULT_ENCODER, Encoder, get_encoder, split_rows
from summarize.errors import InputError, LengthWarning
from summarize.rankers.base import Document, Ranker, get_ranker
from summarize.select import Length, mmr_select
from summarize.text import article_sentences
from summarize.types import Failure, Sentence, Summary, SummarySentence
from summarize.validate import check_fraction, int_list, require_str, str_list

#: Sentences past this position are not embedded or scored. It bounds time and memory on huge
#: inputs (a 1 MB article has ~8,000 sentences); news puts what matters first. A ranker that can
#: only score fewer (the learned head knows ``max_positions``) lowers it further: embedding is
#: ~90 % of the run time, and a sentence the ranker cannot rank need not be embedded.
MAX_CANDIDATES = 200

#: Sentences are embedded on their first this-many words: attention cost grows with length and a
#: sentence's gist is in its opening; 99.9 % of IndoSum sentences are shorter, so training
#: (full sentences) and run time see the same vectors in practice.
MAX_EMBED_WORDS = 64

#: MMR's redundancy weight (see ``select.mmr_select``) for a ranker that chose none in training
#: (a learned head chooses its own: ``Ranker.diversity``). Cross-validated on IndoSum with the
#: learned ranker on e5-small: 0.0 and 0.2 score the same ROUGE (within 0.1); 0.2 guards against
#: near-duplicate sentences (re-posted paragraphs) that ROUGE does not punish but readers do.
DEFAULT_DIVERSITY = 0.2

#: Sentences per encoder call when embedding many articles: one call per chunk keeps the progress
#: bar moving without giving up the engine's batching.
EMBED_CHUNK = 256


def candidate_limit(ranker: Ranker, encoder: str) -> int | None:
    """How many leading sentences ``ranker`` can score on ``encoder``'s vectors (a learned head's
    window), or None when it scores any number."""
    limit = getattr(ranker, "max_candidates", None)
    return limit(encoder) if callable(limit) else None


def default_diversity(ranker: Ranker, encoder: str) -> float:
    """The MMR weight ``ranker`` chose for ``encoder`` in training, else ``DEFAULT_DIVERSITY``."""
    chosen = ranker.diversity(encoder)
    return DEFAULT_DIVERSITY if chosen is None else chosen


class Summarizer:
    """Extractive summarizer: picks the sentences that best represent an article, in article order.

    >>> s = Summarizer()                      # e5-small-id-ft-ctx encoder, learned ranker
    >>> summary = s.summarize(text, k=3)      # doctest: +SKIP
    """

    def __init__(
        self,
        encoder: str | Encoder = DEFAULT_ENCODER,
        ranker: str | Ranker | None = None,
        diversity: float | None = None,
        max_candidates: int = MAX_CANDIDATES,
    ) -> None:
        if diversity is not None:
            check_fraction("diversity", diversity)
        self.encoder = get_encoder(encoder)
        self.ranker = get_ranker(ranker)
        self.diversity = default_diversity(self.ranker, self.encoder.name) if diversity is None else float(diversity)
        limit = candidate_limit(self.ranker, self.encoder.name)
        self.max_candidates = min(max_candidates, limit) if limit else max_candidates

    def summarize(
        self,
        text: str | None = None,
        *,
        sentences: Sequence[str] | None = None,
        paragraphs: Sequence[int] | None = None,
        k: int | None = None,
        ratio: float | None = None,
        max_words: int | None = None,
        adaptive: bool = False,
    ) -> Summary:
        """Summarize raw ``text`` (cleaned and split here) or pre-split ``sentences``.

        With ``sentences``, ``paragraphs`` may give each sentence's paragraph id: paragraph
        starts are a cue the learned ranker uses (without them each sentence is its own paragraph).
        ``adaptive=True`` lets the length follow the article instead of a fixed k: see
        :meth:`length`.
        """
        if (text is None) == (sentences is None):
            raise ValueError("pass exactly one of text or sentences")
        item: str | tuple[list[str], list[int] | None]
        if text is not None:
            require_str("text", text)
            item = text
        else:
            item = (str_list("sentences", sentences), int_list("paragraphs", paragraphs))
        paras = None if isinstance(item, str) else item[1]
        if paragraphs is not None and (paras is None or len(paras) != len(item[0])):
            raise ValueError("paragraphs needs sentences, one paragraph id per sentence")
        result = self._run([item], self.length(k, ratio, max_words, adaptive), progress=False)[0]
        assert isinstance(result, Summary)  # raise mode: a failure raised instead
        return result

    @overload
    def summarize_many(self, texts: Iterable[str], *, k: int | None = ..., ratio: float | None = ...,
                       max_words: int | None = ..., adaptive: bool = ..., progress: bool = ...,
                       errors: Literal["raise"] = ...) -> list[Summary]: ...

    @overload
    def summarize_many(self, texts: Iterable[str], *, k: int | None = ..., ratio: float | None = ...,
                       max_words: int | None = ..., adaptive: bool = ..., progress: bool = ...,
                       errors: Literal["record"]) -> list[Summary | Failure]: ...

    def summarize_many(
        self,
        texts: Iterable[str],
        *,
        k: int | None = None,
        ratio: float | None = None,
        max_words: int | None = None,
        adaptive: bool = False,
        progress: bool = False,
        errors: str = "raise",
    ) -> list[Summary] | list[Summary | Failure]:
        """Summaries in input order; sentences of many articles are embedded in shared batches.

        ``errors="raise"`` (default): the first unusable text raises, its message naming its
        index (``texts[3]: ...``). ``errors="record"``: a :class:`~summarize.types.Failure` stands
        at that position instead and every other text is still summarized — what batch jobs
        want. Options that are wrong for every text (``k=0``) raise in both modes.
        """
        if errors not in ("raise", "record"):
            raise ValueError(f'errors must be "raise" or "record", not {errors!r}')
        if isinstance(texts, (str, bytes)) or not isinstance(texts, Iterable):
            raise TypeError(f"texts must be an iterable of str (e.g. a list), not {type(texts).__name__}")
        return self._run(list(texts), self.length(k, ratio, max_words, adaptive), progress, errors == "record")

    def length(self, k: int | None = None, ratio: float | None = None, max_words: int | None = None,
               adaptive: bool = False) -> Length:
        """The length rule for these options (k=3 when none is given).

        Adaptive: a word target learned with the ranker (the typical length of its training
        references); sentences are then taken in rank order while they bring the summary closer
        to it, so an article of short sentences gets more of them. Only a ranker that learned a
        length can do this; any other is a ``ValueError`` rather than a silent fixed k.
        """
        if not isinstance(adaptive, bool):
            raise TypeError(f"adaptive must be a bool, not {type(adaptive).__name__}")
        if not adaptive:
            return Length.of(k, ratio, max_words)
        if any(v is not None for v in (k, ratio, max_words)):
            raise ValueError("adaptive length excludes k, ratio and max_words")
        words = self.ranker.summary_words(self.encoder.name)
        if words is None:
            raise ValueError(f"ranker {self.ranker.name!r} with encoder {self.encoder.name!r} learned no summary "
                             "length; use k, ratio or max_words")
        return Length(k=None, target_words=words)

    def _run(self, items: list, length: Length, progress: bool, record: bool = False) -> list:
        """Summaries (or, when ``record``, Failures) for ``items`` in order. A text that cannot be
        split fails alone; if the shared encoder/ranker pass fails, each text is retried alone so
        the failure only hurts its own article."""
        many = len(items) > 1 or record
        out: list[Summary | Failure | None] = [None] * len(items)
        parsed: dict[int, list[Sentence]] = {}
        for i, item in enumerate(items):
            try:
                parsed[i] = self._sentences(item, f"texts[{i}]" if many else "text")
            except Exception as exc:
                if not record:
                    if many and isinstance(exc, InputError):
                        raise InputError(f"texts[{i}]: {exc}") from exc
                    raise
                out[i] = Failure.of(i, exc)
        try:
            for i, summary in zip(parsed, self._summaries(list(parsed.values()), length, progress)):
                out[i] = summary
        except Exception:
            if not record:
                raise
            for i, sents in parsed.items():
                try:
                    out[i] = self._summaries([sents], length, False)[0]
                except Exception as exc:
                    out[i] = Failure.of(i, exc)
        for i, sents in parsed.items():
            done = out[i]
            if isinstance(items[i], str) and isinstance(done, Summary):
                done.split = tuple(sents)
        return out

    def _summaries(self, parsed: list[list[Sentence]], length: Length, progress: bool) -> list[Summary]:
        candidates = [sents[: self.max_candidates] for sents in parsed]
        if self.encoder.contextual:
            windows = self._embed_windows([[s.text for s in sents] for sents in candidates], progress)
        else:
            vectors = self._embed([s.text for sents in candidates for s in sents], progress)
            windows = split_rows(vectors, [len(sents) for sents in candidates])
        return [self._pick(sents, emb, length, every) for sents, emb, every in zip(candidates, windows, parsed)]

    def _embed(self, texts: list[str], progress: bool) -> np.ndarray:
        """Vectors for ``texts``: each distinct (truncated) text is embedded once, across articles."""
        keys = [" ".join(t.split()[:MAX_EMBED_WORDS]) for t in texts]
        unique = list(dict.fromkeys(keys))
        if not unique:
            return np.zeros((0, 1), dtype=np.float32)
        from tqdm import tqdm

        parts = []
        with tqdm(total=len(unique), unit="sent", desc="embedding", disable=not progress) as bar:
            for i in range(0, len(unique), EMBED_CHUNK):
                parts.append(self.encoder.encode(unique[i : i + EMBED_CHUNK]))
                bar.update(len(parts[-1]))
        row = {key: i for i, key in enumerate(unique)}
        return np.concatenate(parts)[[row[k] for k in keys]]

    def _embed_windows(self, windows: list[list[str]], progress: bool) -> list[np.ndarray]:
        """Vectors of each article's candidate window, read as one piece (a ``contextual``
        encoder), about ``EMBED_CHUNK`` sentences a call."""
        from tqdm import tqdm

        out: list[np.ndarray] = []
        with tqdm(total=sum(map(len, windows)), unit="sent", desc="embedding", disable=not progress) as bar:
            start = 0
            while start < len(windows):
                stop, size = start + 1, len(windows[start])
                while stop < len(windows) and size + len(windows[stop]) <= EMBED_CHUNK:
                    size, stop = size + len(windows[stop]), stop + 1
                out += self.encoder.encode_windows(windows[start:stop])
                bar.update(size)
                start = stop
        return out

    @staticmethod
    def _sentences(item: str | tuple[list[str], Sequence[int] | None], name: str = "text") -> list[Sentence]:
        if not isinstance(item, (str, tuple)):
            require_str(name, item)
        if isinstance(item, str):
            if not item.strip():
                raise InputError("empty text: nothing to summarize")
            sents = article_sentences(item)
        else:
            texts, paras = item
            sents, pos = [], 0
            for i, t in enumerate(texts):
                sents.append(Sentence(t, pos, pos + len(t), paras[i] if paras is not None else i))
                pos += len(t) + 1
        sents = [s for s in sents if s.text.strip()]
        if not sents:
            raise InputError("no sentences found in the text")
        return sents

    def _pick(self, sents: list[Sentence], emb: np.ndarray, length: Length, every: list[Sentence]) -> Summary:
        """Rank and select among the candidates; when the requested length needs more sentences
        than the candidate window holds (k=15 with the learned head's 10), the sentences after the
        window follow in article order with the lowest candidate score, so an article is never
        cut shorter than asked."""
        doc = Document(
            sentences=[s.text for s in sents],
            embeddings=emb,
            paragraphs=[s.paragraph for s in sents],
            encoder=self.encoder.name,
        )
        scores = self.ranker.score(doc)
        words = [len(s.text.split()) for s in sents]
        chosen = mmr_select(scores, emb, length, words, self.diversity, n_total=len(every))
        picked = [(i, float(scores[i])) for i in chosen]
        over = sum(words[i] for i in chosen)
        if length.max_words is not None and over > length.max_words:
            warnings.warn(LengthWarning(f"the best sentence has {over} words, more than max_words={length.max_words}; "
                                        "it is returned anyway (a summary is never empty)"), stacklevel=5)
        fixed = length.max_words is None and length.target_words is None
        missing = length.sentence_cap(len(every)) - len(chosen) if fixed else 0
        if missing > 0 and len(chosen) == len(sents):
            floor = float(np.min(scores))
            picked += [(i, floor) for i in range(len(sents), len(sents) + missing)]
        return Summary(
            sentences=[SummarySentence(i, every[i].text, sc, every[i].start, every[i].end) for i, sc in picked],
            encoder=self.encoder.name,
            ranker=self.ranker.name,
            n_sentences=len(every),
        )


"""Training the learned ranker on IndoSum articles and their sentence embeddings.

    python -m eval.train_ranker                 # (the checkout's script) → models/ranker-e5-small/head.npz

``train`` is what the harness calls once per CV fold; the script that trains the shipped head
and runs the CV experiments is ``eval/train_ranker.py``.

The loss is listwise over whole summaries: every 3-sentence subset of the first positions
(``subset_scores``; C(10, 3) = 120) is scored by the sum of its sentences' logits, and the target
distribution is softmax(ROUGE-1 F1 / 0.02) over those subsets, so near-best summaries also earn
credit and sentences are trained for how well they combine (5-fold CV: +3.08 R1 over LEAD-3
against +2.74 for the earlier per-sentence listwise loss on the best subset's 0/1 labels mixed
with token overlap, which ``--subset-weight`` below 1 mixes back in).
Each ensemble member keeps a different 10 % of its training articles aside (by a seeded hash of
the id) and stops at the epoch with the best ROUGE-1 there, so members differ in data as well as
seed and, together, see every article. Training is deterministic: fixed seeds, deterministic
torch kernels, one thread.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

import numpy as np

from summarize.evaluation.indosum import Article
from summarize.evaluation.ranker_diversity import choose_diversity, held_out_r1
from summarize.evaluation.ranker_net import NetConfig, config_dict
from summarize.evaluation.ranker_targets import reference_overlap, rouge1_f, subset_scores
from summarize.rankers.features import sentence_features
from summarize.rankers.learned import Head, LearnedRanker


@dataclass(frozen=True)
class TrainConfig:
    net: NetConfig = field(default_factory=NetConfig)
    members: int = 5  # CV ΔR1 +2.73 (ranker_cv_m5.json) vs +2.56 with one (ranker_cv_or3.json)
    epochs: int = 10
    batch: int = 32
    lr: float = 1e-3
    weight_decay: float = 0.01
    val_share: float = 0.1
    label_smoothing: float = 0.0
    soft_weight: float = 0.5  # share of the target taken from reference_overlap instead of gold
    target: str = "oracle3"  # "gold": the corpus's labels; "oracle3": the best-ROUGE 3-sentence subset
    center: bool = False  # feed embeddings minus the article's mean: what sets a sentence apart
    loss: str = "listwise"  # "bce" per sentence, or "listwise": softmax cross-entropy over the article
    subset_weight: float = 1.0  # share of the loss from the subset-level term (CV: 0 → +2.73 at diversity 0, 0.5 → +3.14, 1 → +3.08)
    subset_temp: float = 0.02  # temperature of that term's target: softmax(ROUGE-1 F1 / temp) over 3-subsets
    seed: int = 13


@dataclass
class Example:
    """One article cut to the head's positions: inputs, gold labels, and what ROUGE needs."""

    emb: np.ndarray
    feats: np.ndarray
    labels: np.ndarray
    soft: np.ndarray
    subsets: np.ndarray  # (S, 3) every 3-sentence subset of the cut article ...
    subset_f1: np.ndarray  # ... and its ROUGE-1 F1 against the reference
    sentences: list[str]
    reference: str
    id: str


def make_examples(articles: Sequence[Article], embeddings: Sequence[np.ndarray], max_positions: int,
                  center: bool = False, target: str = "gold") -> list[Example]:
    """Articles cut to ``max_positions`` with the inputs ``Head.score`` will compute at run time."""
    out = []
    for art, emb in zip(articles, embeddings):
        m = min(len(art.sentences), max_positions)
        sents, emb = art.sentences[:m], np.asarray(emb[:m], dtype=np.float32)
        feats = sentence_features(sents, art.paragraphs[:m], emb)
        subsets, f1 = subset_scores(sents, art.reference)
        if target == "oracle3":  # the best-ROUGE-1 3-subset: what a fixed-k evaluation rewards
            labels = np.isin(np.arange(m), subsets[int(np.argmax(f1))]).astype(np.float32)
        else:
            labels = np.asarray(art.labels[:m], np.float32)
        out.append(Example(emb - emb.mean(axis=0) if center else emb, feats, labels, reference_overlap(sents, art.reference),
                           subsets, f1, sents, art.reference, art.id))
    return out


def _in_val(article_id: str, seed: int, share: float) -> bool:
    digest = hashlib.sha1(f"{seed}:{article_id}".encode("utf-8")).hexdigest()
    return int(digest[:8], 16) / 0xFFFFFFFF < share


def _member_seed(cfg: TrainConfig, member: int) -> int:
    return cfg.seed + 1000 * member


def _held_out(exs: list[Example], cfg: TrainConfig, member: int) -> list[Example]:
    """The articles ``member`` keeps aside for early stopping (and for choosing the diversity)."""
    return [e for e in exs if _in_val(e.id, _member_seed(cfg, member), cfg.val_share)]


def _batch(exs: list[Example], mean: np.ndarray, std: np.ndarray, soft_weight: float = 0.0):
    """Padded tensors: embeddings, scaled features, targets (gold mixed with soft), padding mask."""
    import torch

    n = max(len(e.labels) for e in exs)
    b, d, f = len(exs), exs[0].emb.shape[1], exs[0].feats.shape[1]
    emb, feats = np.zeros((b, n, d), np.float32), np.zeros((b, n, f), np.float32)
    labels, pad = np.zeros((b, n), np.float32), np.ones((b, n), bool)
    for i, e in enumerate(exs):
        m = len(e.labels)
        emb[i, :m], feats[i, :m], pad[i, :m] = e.emb, (e.feats - mean) / std, False
        labels[i, :m] = (1 - soft_weight) * e.labels + soft_weight * e.soft
    return torch.from_numpy(emb), torch.from_numpy(feats), torch.from_numpy(labels), torch.from_numpy(pad)


def _subset_batch(exs: list[Example], n: int, temp: float):
    """Padded subset tensors: member indices (b, S, 3), padded with ``n`` (a zero logit column),
    the target distribution softmax(F1 / temp) over each article's subsets, and a padding mask."""
    import torch

    s_max = max(len(e.subset_f1) for e in exs)
    idx, target, pad = np.full((len(exs), s_max, 3), n, np.int64), np.zeros((len(exs), s_max), np.float32), np.ones((len(exs), s_max), bool)
    for i, e in enumerate(exs):
        s, k = e.subsets.shape
        idx[i, :s, :k], pad[i, :s] = e.subsets, False
        z = (e.subset_f1 - e.subset_f1.max()) / temp
        target[i, :s] = np.exp(z) / np.exp(z).sum()
    return torch.from_numpy(idx), torch.from_numpy(target), torch.from_numpy(pad)


def _subset_loss(logits, pad, idx, target, subset_pad):
    """Listwise over whole 3-sentence summaries: a summary's score is the sum of its sentences'
    logits, its target share grows with its ROUGE-1, so near-best summaries also earn credit and
    the sentences are trained for how well they combine rather than one by one."""
    import torch

    b, s_max, k = idx.shape
    ext = torch.cat([logits.masked_fill(pad, 0.0), logits.new_zeros(b, 1)], dim=1)
    scores = ext.gather(1, idx.view(b, -1)).view(b, s_max, k).sum(dim=-1).masked_fill(subset_pad, -1e4)
    return -(target * torch.log_softmax(scores, dim=1)).sum(dim=1).mean()


def _top3_r1(net, exs: list[Example], mean: np.ndarray, std: np.ndarray) -> float:
    import torch

    net.eval()
    with torch.no_grad():
        scores = []
        for i in range(0, len(exs), 256):
            emb, feats, _, pad = _batch(exs[i : i + 256], mean, std)
            scores.extend(net(emb, feats, pad).numpy())
    picks = [sorted(np.argsort(-s[: len(e.labels)], kind="stable")[:3]) for s, e in zip(scores, exs)]
    return float(np.mean([rouge1_f(e.reference, "\n".join(e.sentences[j] for j in p)) for p, e in zip(picks, exs)]))


def _loss(logits, labels, pad, cfg: TrainConfig):
    """Masked BCE per sentence, or listwise: cross-entropy between the article's softmax and its
    targets normalised to a distribution (ListNet top-1), which only cares about relative order."""
    import torch

    if cfg.loss == "listwise":
        target = labels.masked_fill(pad, 0.0)
        target = target / target.sum(dim=1, keepdim=True).clamp_min(1e-6)
        logp = torch.log_softmax(logits.masked_fill(pad, -1e4), dim=1)
        return -(target * logp).sum(dim=1).mean()
    target = labels * (1 - cfg.label_smoothing) + 0.5 * cfg.label_smoothing
    loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, target, reduction="none")
    return loss.masked_fill(pad, 0.0).sum() / (~pad).sum()


def fit_member(exs: list[Example], cfg: TrainConfig, member: int, mean: np.ndarray, std: np.ndarray, log=None) -> dict:
    """Train one member; returns its exported weights at the best inner-validation epoch."""
    import torch

    from summarize.evaluation.ranker_net import HeadNet, export_member

    seed = _member_seed(cfg, member)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    val = _held_out(exs, cfg, member)
    train = [e for e in exs if not _in_val(e.id, seed, cfg.val_share)]
    net = HeadNet(exs[0].emb.shape[1], exs[0].feats.shape[1], cfg.net)
    opt = torch.optim.AdamW(net.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    steps = cfg.epochs * ((len(train) + cfg.batch - 1) // cfg.batch)
    if not train:
        raise ValueError(f"no training articles ({len(exs)} given, all held out for validation)")
    # OneCycleLR's warm-up ends at step pct * total - 1 and divides by it, so it must lie strictly
    # between 0 and the last step: 10 % of the steps as always, but at least 1.5 steps' worth when
    # a tiny training set (one batch an epoch, ``summarize-eval --limit 20``) has few steps in all
    total = max(steps, 2)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg.lr, total_steps=total, pct_start=max(0.1, 1.5 / total))
    best, best_state = -1.0, None
    for epoch in range(cfg.epochs):
        net.train()
        order = rng.permutation(len(train))
        for i in range(0, len(order), cfg.batch):
            part = [train[j] for j in order[i : i + cfg.batch]]
            emb, feats, labels, pad = _batch(part, mean, std, cfg.soft_weight)
            logits = net(emb, feats, pad)
            loss: Any = 0.0  # a tensor once a term is added (subset_weight is in [0, 1])
            if cfg.subset_weight < 1:
                loss = (1 - cfg.subset_weight) * _loss(logits, labels, pad, cfg)
            if cfg.subset_weight > 0:
                sub = _subset_batch(part, pad.shape[1], cfg.subset_temp)
                loss = loss + cfg.subset_weight * _subset_loss(logits, pad, *sub)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        score = _top3_r1(net, val, mean, std) if val else float(epoch)  # no val set: keep the last epoch
        if log:
            log(f"  member {member} epoch {epoch + 1:2d} val R1 {100 * score:.2f}")
        if score > best:
            best, best_state = score, export_member(net)
    if best_state is None:  # scores are >= 0 > the initial best, so the first epoch always sets it
        raise RuntimeError("no epoch was scored")
    return best_state


def summary_words(articles: Sequence[Article]) -> float:
    """The word target of ``Summarizer(adaptive=True)``: the geometric mean length of the training
    references. A ridge regression of each reference's log length on article features (sentence
    and word counts, the head's score spread) explained 2 % of its variance in 5-fold CV, so one
    number per head is what the data supports; the sentence count still adapts to the article."""
    return float(np.exp(np.mean([np.log(max(len(a.reference.split()), 1)) for a in articles])))


def train(articles: list[Article], embeddings: list[np.ndarray], encoder_name: str,
          config: TrainConfig | None = None, log=None) -> LearnedRanker:
    """Fit the ensemble on ``articles`` (embeddings aligned with their sentences) → a ranker.

    This is the entry point the evaluation harness calls once per CV fold.
    """
    import torch

    cfg = config or TrainConfig()
    exs = make_examples(articles, embeddings, cfg.net.max_positions, cfg.center, cfg.target)
    allf = np.concatenate([e.feats for e in exs])
    mean, std = allf.mean(axis=0), allf.std(axis=0) + 1e-6
    threads, deterministic = torch.get_num_threads(), torch.are_deterministic_algorithms_enabled()
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)  # reductions in a fixed order: the same weights on every run
    try:
        members = [fit_member(exs, cfg, m, mean, std, log) for m in range(cfg.members)]
    finally:
        torch.set_num_threads(threads)
        torch.use_deterministic_algorithms(deterministic)
    meta = {"net": config_dict(cfg.net), "members": cfg.members, "epochs": cfg.epochs, "lr": cfg.lr,
            "weight_decay": cfg.weight_decay, "label_smoothing": cfg.label_smoothing, "soft_weight": cfg.soft_weight, "loss": cfg.loss,
            "subset_weight": cfg.subset_weight, "subset_temp": cfg.subset_temp, "center": cfg.center, "target": cfg.target, "seed": cfg.seed,
            "n_articles": len(articles), "summary_words": summary_words(articles)}
    head = Head(encoder=encoder_name, members=members, feat_mean=mean.astype(np.float64), feat_std=std.astype(np.float64),
                n_layers=cfg.net.n_layers, n_heads=cfg.net.n_heads, max_positions=cfg.net.max_positions, meta=meta)
    held = [held_out_r1(replace(head, members=[member]), _held_out(exs, cfg, m)) for m, member in enumerate(members)]
    if sum(h.shape[1] for h in held) >= 2:  # a tiny run (``--limit 5``) keeps Summarizer's default
        meta["diversity"] = choose_diversity(np.concatenate(held, axis=1))
    return LearnedRanker(head=head)

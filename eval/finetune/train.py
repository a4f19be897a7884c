"""Fine-tune the sentence encoder jointly with the learned ranker's head, on IndoSum.

    python -m eval.finetune.train --out eval/cache/ft/e5-6l-f0 --layers 6 --fold 0
    python -m eval.finetune.train --out eval/cache/ft/short --layers 6 --fold 0 --train-limit 200
    python -m eval.finetune.train --out eval/cache/ft/indobert --encoder indobenchmark/indobert-base-p1

Each step embeds the first ``max_positions`` sentences of a few articles with gradients, feeds
them to a fresh ``HeadNet`` with the run-time features, and takes the subset-level listwise loss
of ``summarize.evaluation.train_ranker`` (every 3-sentence summary scored by its ROUGE-1), so
encoder and head learn the ranking together. ``--fold F`` trains on the other folds only
(``fold_of``), so ``eval.finetune.evaluate`` can score fold F honestly. e5-small trains with
Q4_0 fake-quant (``--no-qat`` to switch off) and is exported as the engine's file plus a small
delta; a Hugging Face encoder is exported with ``save_pretrained``. Deterministic (seeded,
deterministic kernels, fixed thread count); a checkpoint in OUT is written every
``--checkpoint-every`` steps and a rerun with the same arguments resumes from it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

from summarize.evaluation.folds import fold_of
from summarize.evaluation.indosum import Article, load_articles
from summarize.evaluation.ranker_net import HeadNet, NetConfig, config_dict, export_member
from summarize.evaluation.train_ranker import _batch, _subset_batch, _subset_loss, make_examples, summary_words

CHECKPOINT = "checkpoint.pt"


@dataclass(frozen=True)
class FTConfig:
    encoder: str = "e5-small"  # or a Hugging Face id / directory
    layers: int = 6  # keep the first N layers (0: all)
    qat: bool = True  # Q4_0 fake-quant (e5-small only)
    freeze_encoder: bool = False  # train the head alone on the (cut) encoder: the same-budget baseline
    fold: int = 0  # train on the other folds; -1: all articles
    train_limit: int = 0  # 0: every training article; else the first N in a seeded order
    epochs: int = 1
    batch_articles: int = 4
    lr_encoder: float = 2e-5
    lr_head: float = 1e-3
    weight_decay: float = 0.01
    warmup: float = 0.1  # share of the steps with a linearly rising learning rate
    max_length: int = 128  # tokens per sentence (IndoSum sentences: 99.9 % shorter)
    context: bool = False  # read each article's window as one sequence (``E5Tokenizer.window``)
    subset_temp: float = 0.02
    scale_articles: int = 100  # articles whose features set the scaling (before training)
    checkpoint_every: int = 25
    threads: int = 2
    seed: int = 13


def training_articles(cfg: FTConfig) -> list[Article]:
    arts = [a for a in load_articles() if cfg.fold < 0 or fold_of(a.id) != cfg.fold]
    key = lambda a: hashlib.sha1(f"{cfg.seed}:{a.id}".encode()).hexdigest()  # noqa: E731
    arts = sorted(arts, key=key)
    return arts[: cfg.train_limit] if cfg.train_limit else arts


class Trainer:
    def __init__(self, cfg: FTConfig, out: Path) -> None:
        from eval.finetune.backends import make_backend

        self.cfg, self.out = cfg, out
        torch.manual_seed(cfg.seed)
        torch.set_num_threads(cfg.threads)
        torch.use_deterministic_algorithms(True)
        self.net_cfg = NetConfig()
        self.backend = make_backend(cfg.encoder, cfg.layers or None, cfg.qat, cfg.max_length)
        self.articles = training_articles(cfg)
        self.mean, self.std = self._feature_scaling()
        if cfg.freeze_encoder:
            self.backend.module.requires_grad_(False)
        self.head = HeadNet(self.backend.dim, self.mean.shape[0], self.net_cfg)
        groups = [{"params": self.head.parameters(), "lr": cfg.lr_head}]
        if not cfg.freeze_encoder:
            groups.append({"params": self.backend.trainable(), "lr": cfg.lr_encoder})
        self.opt = torch.optim.AdamW(groups, weight_decay=cfg.weight_decay)
        self.steps_per_epoch = -(-len(self.articles) // cfg.batch_articles)
        total, warm = cfg.epochs * self.steps_per_epoch, max(1, int(cfg.warmup * cfg.epochs * self.steps_per_epoch))
        self.sched = torch.optim.lr_scheduler.LambdaLR(
            self.opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
        self.step, self.losses = 0, []

    def _cut(self, art: Article) -> list[str]:
        return art.sentences[: self.net_cfg.max_positions]

    def _feature_scaling(self) -> tuple[np.ndarray, np.ndarray]:
        """Feature mean/std from the untrained encoder on a fixed sample (the head's inputs must be
        scaled before training starts; the scaling is then kept, as the shipped head keeps it)."""
        sample = self.articles[: self.cfg.scale_articles]
        with torch.inference_mode():
            embs = [self.backend.embed_articles([self._cut(a)], self.cfg.context)[0].numpy() for a in sample]
        feats = np.concatenate([e.feats for e in make_examples(sample, embs, self.net_cfg.max_positions)])
        return feats.mean(axis=0), feats.std(axis=0) + 1e-6

    def loss(self, arts: list[Article]) -> torch.Tensor:
        cuts = [self._cut(a) for a in arts]
        with torch.set_grad_enabled(not self.cfg.freeze_encoder):
            per_article = self.backend.embed_articles(cuts, self.cfg.context)
        exs = make_examples(arts, [v.detach().numpy() for v in per_article], self.net_cfg.max_positions, target="oracle3")
        _, feats, _, pad = _batch(exs, self.mean, self.std)
        emb = torch.nn.utils.rnn.pad_sequence(per_article, batch_first=True)
        logits = self.head(emb, feats, pad)
        return _subset_loss(logits, pad, *_subset_batch(exs, pad.shape[1], self.cfg.subset_temp))

    def state(self) -> dict:
        return {"config": asdict(self.cfg), "step": self.step, "losses": self.losses, "mean": self.mean, "std": self.std,
                "encoder": {k: v for k, v in self.backend.module.state_dict().items() if "word_embeddings" not in k},
                "head": self.head.state_dict(), "opt": self.opt.state_dict(), "sched": self.sched.state_dict(),
                "torch_rng": torch.get_rng_state()}

    def save_checkpoint(self) -> None:
        tmp = self.out / (CHECKPOINT + ".tmp")
        torch.save(self.state(), tmp)
        tmp.replace(self.out / CHECKPOINT)

    def resume(self) -> bool:
        path = self.out / CHECKPOINT
        if not path.exists():
            return False
        state = torch.load(path, weights_only=False)
        if state["config"] != asdict(self.cfg):
            raise SystemExit(f"{path} was written with other settings; use another --out or delete it")
        self.backend.module.load_state_dict(state["encoder"], strict=False)
        self.head.load_state_dict(state["head"])
        self.opt.load_state_dict(state["opt"])
        self.sched.load_state_dict(state["sched"])
        self.mean, self.std, self.step, self.losses = state["mean"], state["std"], state["step"], state["losses"]
        torch.set_rng_state(state["torch_rng"])
        return True

    def run(self, until: int | None = None) -> None:
        """Train to the end (or to step ``until``: tests interrupt a run this way)."""
        total = self.cfg.epochs * self.steps_per_epoch
        stop = min(total, until) if until else total
        bar = tqdm(total=total, initial=self.step, desc="fine-tuning", unit="step")
        self.backend.module.train(not self.cfg.freeze_encoder)
        self.head.train()
        while self.step < stop:
            epoch, i = divmod(self.step, self.steps_per_epoch)
            order = np.random.default_rng(self.cfg.seed + epoch).permutation(len(self.articles))
            part = [self.articles[j] for j in order[i * self.cfg.batch_articles : (i + 1) * self.cfg.batch_articles]]
            loss = self.loss(part)
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()
            self.sched.step()
            self.step += 1
            self.losses.append(round(float(loss.detach()), 5))
            bar.set_postfix(loss=f"{np.mean(self.losses[-25:]):.4f}", epoch=epoch + 1)
            bar.update(1)
            if self.step % self.cfg.checkpoint_every == 0 or self.step == total:
                self.save_checkpoint()
        bar.close()

    def export(self) -> dict:
        from summarize.rankers.learned import Head

        self.backend.module.eval()
        written = self.backend.export(self.out)
        meta = {"net": config_dict(self.net_cfg), "members": 1, "finetune": asdict(self.cfg), "target": "oracle3",
                "subset_weight": 1.0, "n_articles": len(self.articles), "summary_words": summary_words(self.articles)}
        head = Head(encoder=self.backend.name, members=[export_member(self.head.eval())], feat_mean=self.mean.astype(np.float64),
                    feat_std=self.std.astype(np.float64), n_layers=self.net_cfg.n_layers, n_heads=self.net_cfg.n_heads,
                    max_positions=self.net_cfg.max_positions, meta=meta)
        head.save(self.out / "head.npz")
        return {**written, "head_file": str(self.out / "head.npz")}


def parse_config(argv: list[str] | None) -> tuple[FTConfig, Path]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="run directory (checkpoint, exported encoder and head)")
    for f in fields(FTConfig):
        default, flag = getattr(FTConfig(), f.name), "--" + f.name.replace("_", "-")
        if isinstance(default, bool):
            ap.add_argument(flag, action=argparse.BooleanOptionalAction, default=default)
        else:
            ap.add_argument(flag, type=type(default), default=default)
    args = ap.parse_args(argv)
    return FTConfig(**{f.name: getattr(args, f.name) for f in fields(FTConfig)}), args.out


def main(argv: list[str] | None = None) -> int:
    cfg, out = parse_config(argv)
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    trainer = Trainer(cfg, out)
    resumed = trainer.resume()
    print(f"{len(trainer.articles)} training articles, {trainer.steps_per_epoch} steps/epoch"
          f"{f', resumed at step {trainer.step}' if resumed else ''}", flush=True)
    trainer.run()
    written = trainer.export()
    record = {"command": "python -m eval.finetune.train " + " ".join(sys.argv[1:] if argv is None else argv),
              "config": asdict(cfg), "steps": trainer.step, "loss_first_25": float(np.mean(trainer.losses[:25])),
              "loss_last_25": float(np.mean(trainer.losses[-25:])), "seconds_this_process": round(time.perf_counter() - start, 1),
              "resumed": resumed, **written}
    (out / "run.json").write_text(json.dumps(record, indent=1))
    print(json.dumps(record, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

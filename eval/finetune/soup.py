"""Average the encoder weights of several fine-tuning runs into one encoder (a "model soup").

    python -m eval.finetune.soup --runs eval/cache/ft/e5-6l-f0-all-lr1e-4 eval/cache/ft/e5-6l-f0-all-lr1e-4-s14 \
        --out eval/cache/ft/e5-6l-f0-soup2

Runs fine-tuned from the same weights with different seeds usually land in one basin, where the
mean of their weights scores like an ensemble of them at the cost of one model (Wortsman et al.,
"Model soups", ICML 2022). Each run's checkpoint holds its latent float weights (before Q4
rounding); their mean is exported as ``eval.finetune.train`` exports one run: an engine file,
Q4 matrices quantized with the converter's math, and the delta. Runs must share their layer
count and fake-quant setting. Writes ``OUT/engine.bin``, ``OUT/delta.npz`` and ``OUT/run.json``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import torch

from eval.finetune.train import CHECKPOINT


def average_states(states: list[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
    """The element-wise mean of state dicts with the same keys (integer buffers from the first)."""
    keys = set(states[0])
    if any(set(s) != keys for s in states):
        raise SystemExit("the runs' encoders hold different tensors; soup only runs of one recipe")
    return {k: (torch.stack([s[k] for s in states]).mean(0) if states[0][k].is_floating_point() else states[0][k])
            for k in states[0]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=Path, nargs="+", required=True, help="run directories (each holds checkpoint.pt)")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    missing = [str(run / CHECKPOINT) for run in args.runs if not (run / CHECKPOINT).is_file()]
    if missing:
        raise SystemExit(f"no checkpoint at {', '.join(missing)} (run eval.finetune.train with --out there first)")
    ckpts = [torch.load(run / CHECKPOINT, weights_only=False) for run in args.runs]
    configs = [c["config"] for c in ckpts]
    if len({(c["encoder"], c["layers"], c["qat"]) for c in configs}) != 1:
        raise SystemExit("the runs differ in encoder, layer count or fake-quant; soup only runs of one recipe")
    from eval.finetune.backends import make_backend

    cfg = configs[0]
    backend = make_backend(cfg["encoder"], cfg["layers"] or None, cfg["qat"], cfg["max_length"])
    backend.module.load_state_dict(average_states([c["encoder"] for c in ckpts]), strict=False)
    backend.module.eval()
    args.out.mkdir(parents=True, exist_ok=True)
    written = backend.export(args.out)
    record = {"command": "python -m eval.finetune.soup " + " ".join(sys.argv[1:] if argv is None else argv),
              "runs": [str(r) for r in args.runs], "seeds": [c["seed"] for c in configs],
              "folds": [c["fold"] for c in configs], **written}
    (args.out / "run.json").write_text(json.dumps(record, indent=1))
    print(json.dumps(record, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

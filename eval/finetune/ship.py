"""Install a fine-tuning run as a registered encoder and, optionally, the head it trained with.

    python -m eval.finetune.ship --run eval/cache/ft/e5-6l-all-lr1e-4-ctx --encoder e5-small-id-ft-ctx
    python -m eval.finetune.ship --run RUN --encoder NAME --head joint   # the head trained with it, too

Copies the run's delta to ``models/encoder-<name>/delta.npz``. With ``--head joint`` the one-member
head trained together with the encoder becomes ``models/ranker-<name>/head.npz``, keyed to the
encoder's name and at diversity 0 (``learned_ft_cv.joint_head``, the same head the harness scores
with ``--ft-head joint``). With ``--head full`` the head is left to ``python -m eval.train_ranker
--encoder <name>``. Only a run trained on every article (``--fold -1``) ships: a fold run was
held out from its fold, so it is for scoring.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from summarize.encoders.finetuned import delta_path
from summarize.evaluation.learned_ft_cv import HEADS, joint_head
from summarize.paths import models_dir
from summarize.rankers.learned import HEAD_FILE, head_dir


def ship(run: Path, encoder: str, head: str, root: Path | None = None) -> list[Path]:
    """Copy the run's delta (and its joint head) under ``root``; returns the files written."""
    lacking = [name for name in ("run.json", "delta.npz", *(["head.npz"] if head == "joint" else []))
               if not (run / name).is_file()]
    if lacking:
        raise SystemExit(f"{run} is no finished run of eval.finetune.train: it lacks {', '.join(lacking)}")
    record = json.loads((run / "run.json").read_text())
    if record["config"]["fold"] != -1:
        raise SystemExit(f"{run} held out fold {record['config']['fold']}; ship a run trained with --fold -1")
    target = delta_path(encoder, root)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(run / "delta.npz", target)
    written = [target]
    if head == "joint":
        path = head_dir(encoder, root) / HEAD_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        joint = joint_head(run, encoder)
        joint.meta = {**joint.meta, "head": "joint", "trained_by": record["command"]}
        joint.save(path)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", type=Path, required=True, help="a directory written by eval.finetune.train --fold -1")
    ap.add_argument("--encoder", required=True, help="the registered encoder name it becomes")
    ap.add_argument("--head", choices=HEADS, default="full", help="ship the joint head too ('joint'), or not")
    ap.add_argument("--models-dir", type=Path, default=None, help=f"default: {models_dir()}")
    args = ap.parse_args(argv)
    for path in ship(args.run, args.encoder, args.head, args.models_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

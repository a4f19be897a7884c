"""``python -m summarize.evaluation``: the evaluation harness (see ``summarize.evaluation.cli``)."""
from summarize.evaluation.cli import main

raise SystemExit(main())

"""``python -m eval`` from a checkout: the evaluation harness, now ``summarize.evaluation``."""
from summarize.evaluation.cli import main

raise SystemExit(main())

"""``python -m eval`` from a checkout: the evaluation harness, now ``summarize.evaluation``."""
from summarize.evaluation.harness import main

raise SystemExit(main())

"""``python -m summarize.evaluation``: the evaluation harness (see ``summarize.evaluation.harness``)."""
from summarize.evaluation.harness import main

raise SystemExit(main())

"""``python -m eval``: the evaluation harness (see ``eval.harness``)."""
from eval.harness import main

raise SystemExit(main())

"""``python -m summarize`` is the ``summarize`` command."""
import sys

from summarize.cli import main

sys.exit(main())

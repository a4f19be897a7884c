"""The evaluation harness (``summarize-eval``): ROUGE of our summarizer and its peers on IndoSum,
sentence-splitting and claim-checking scores, reports and plots.

Installed with the package; needs the ``eval`` extra (rouge-score, sumy, matplotlib). Training
scripts, benchmarks, hand-built gold data and committed results stay in the checkout's ``eval/``
folder, which is not installed (see ``locations``).
"""

"""Extractive summaries and numeric claim checks for Indonesian news.

The public API is deliberately small and flat (KeyBERT's habit); heavy backends load lazily.
"""
from summarize.summarizer import Summarizer
from summarize.text import split_sentences
from summarize.types import Sentence, Summary, SummarySentence

__version__ = "0.1.0"

__all__ = ["Sentence", "Summarizer", "Summary", "SummarySentence", "split_sentences"]

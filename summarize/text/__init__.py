"""Indonesian text: cleaning news boilerplate and splitting sentences, with offsets kept."""
from summarize.text.pipeline import article_sentences
from summarize.text.split import split_sentences

__all__ = ["article_sentences", "split_sentences"]

"""Fine-tuning the sentence encoder jointly with the learned ranker's head (training time only:
torch and transformers are imported here, never by the installed summarizer's hot path)."""

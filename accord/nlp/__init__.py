"""The spaCy model, loaded once per process."""

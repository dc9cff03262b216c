"""Text stage: page furniture, metadata read from the text, language."""

"""The sources of a project: where its files are, reading them, decoding them into the model."""

"""pressgen: one YAML file in, French and English press releases out."""

__version__ = "0.1.0"

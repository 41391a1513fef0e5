"""Bringing ``out/`` (or a publish folder) in line with rendered bytes, without losing anything."""

"""From the checked model to output bytes, in memory: environments, formats, releases, index."""

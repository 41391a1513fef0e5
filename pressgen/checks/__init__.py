"""What a reviewer must know beyond "it builds": translation drift, figures audit, stale out/."""

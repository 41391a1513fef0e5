"""``python -m pressgen``."""

from pressgen.cli import run

if __name__ == "__main__":  # not when a worker process of --jobs imports it (spawn)
    run()

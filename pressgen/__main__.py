"""``python -m pressgen``."""

import sys

from pressgen.cli import main

if __name__ == "__main__":  # not when a worker process of --jobs imports it (spawn)
    sys.exit(main())

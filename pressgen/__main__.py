"""``python -m pressgen``."""

import sys

from pressgen.cli import main

sys.exit(main())

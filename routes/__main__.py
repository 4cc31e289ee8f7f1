"""``python -m routes`` is the ``routes`` command."""

import sys

from .cli import main

sys.exit(main())

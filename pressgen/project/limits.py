"""How much pressgen reads: limits far above any newsroom's file, checked before the work they bound.

Each one keeps a hostile or broken file from crashing pressgen or keeping it busy for minutes:
libyaml's composer recurses once per nesting level (30,000 nested ``[`` crash the interpreter),
Python refuses to turn more than 4,300 digits into a number, and the Markdown and typography
passes grow with the length of a text. A file that goes past one gets a located error, like any
other mistake. The README lists them ("Limits").
"""

from __future__ import annotations

MAX_FILE_BYTES = 5_000_000  # milestones.yaml; the example is 11 kB, 200 milestones about 700 kB
MAX_DEPTH = 64  # nested mappings and lists; the model's deepest value is 6 levels down
MAX_TEXT_CHARS = 20_000  # one value: about 3,000 words, ten times a long press release
MAX_KEY_CHARS = 200  # one key
MAX_COUNT_DIGITS = 15  # a count: up to 999 999 999 999 999
# Markdown marks in one text: the Markdown parser behind the typography (tree-sitter) slows down
# with the square of a run of them (20,000 "_" took 5 s); a text with links and emphasis has tens.
MARKUP_MARKS = "*_~`[]<>"
MAX_MARKUP_MARKS = 1_000
MAX_SHOWN_CHARS = 60  # how much of a long value an error message quotes

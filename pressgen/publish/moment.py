"""Reading the moment given on the command line (``--at 2017-04-11T09:00+02:00``)."""

from __future__ import annotations

import datetime as dt

EXAMPLE = "2017-04-11T09:00+02:00"


def parse_moment(text: str) -> dt.datetime:
    """An ISO 8601 date and time with its offset (``Z`` for UTC); ValueError saying what is wrong.

    A moment without a time zone is refused rather than read in the machine's zone: the same
    command must publish the same releases on a laptop in Paris and on a CI runner in UTC.
    """
    raw = text.strip()
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"'{text}' is not a date and time; for example: {EXAMPLE}") from None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"'{text}' has no time zone; add the offset, for example: {EXAMPLE} (or Z for UTC)")
    return value

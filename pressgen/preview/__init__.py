"""``pressgen serve``'s parts: one module per concept.

- :mod:`.rebuild` renders the project into the preview's own output folder, re-rendering only
  the milestones whose data or templates changed, and keeps the state pages poll;
- :mod:`.watch` turns file-system events (watchfiles) into rebuild requests;
- :mod:`.server` is the HTTP side: Host check, path confinement, script injection;
- :mod:`.pages` builds the preview-only pages (overview, side by side) and the injected script.

:mod:`pressgen.preview.command` puts them together. Nothing here imports click.
"""

"""``pressgen publish``: the site to deploy, holding only what the public may read at a moment.

``out/`` is the review copy and keeps every release. The publish folder is deployed as it is,
so what reaches it is decided once, before rendering (:mod:`pressgen.publish.visibility`):
every page, list or feed rendered from that project sees only the public releases.
"""

"""One module per output format, each with ``render(release, context) -> bytes``.

They all start from the same rendered release (:class:`pressgen.render.release.Release`: the
same words, figures and typography), so an e-mail, a wire text or a PDF cannot drift from the
page. The registry that lists them is :mod:`pressgen.render.formats`.
"""

"""The e-mail: a complete message (RFC 5322, MIME) to open in a mail client and send as it is.

``Subject:`` is the headline, ``Content-Language:`` the release's language, ``From:`` and
``Reply-To:`` the first press contact with an address. The body is ``multipart/alternative``:
the wire text (``txt``) and an HTML part from ``templates/email.html`` whose CSS is inlined
(css-inline) so that Outlook and Gmail keep it; the release's image travels inside the message
as a ``cid:`` part, so opening it fetches nothing. No ``Date:``, no ``Message-ID:`` and
boundaries derived from the content: the same sources give the same bytes. Headers are
RFC 2047-encoded where needed, so « » and accents arrive intact.
"""

from __future__ import annotations

import hashlib
import html
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP

import markupsafe

from pressgen.render.formats import OutputContext, output_path
from pressgen.render.release import Release

EMAIL_TEMPLATE = "email.html"


def render(release: Release, context: OutputContext) -> bytes:
    import css_inline

    m = release.m
    body = release.body
    image = None
    if release.milestone.image is not None:
        checked = context.project_file(release.milestone, release.milestone.image.file)
        cid = f"{release.milestone_id}.{checked.name}@pressgen"
        body = body.replace(f'src="{html.escape(checked.name)}"', f'src="cid:{html.escape(cid)}"')
        image = (cid, checked)
    page = context.template(release.locale, EMAIL_TEMPLATE, m=m, locale=release.locale, title=release.title,
                            body=markupsafe.Markup(body), here=output_path("eml", release.milestone_id, release.locale))
    inlined = css_inline.inline(page)

    message = EmailMessage(policy=SMTP)
    message.set_raw("Subject", _encoded(release.title))
    sender = next((c for c in m.contacts if c.email), None)
    if sender is not None:
        username, domain = str(sender.email).rsplit("@", 1)
        address = Address(display_name=str(sender.name), username=username, domain=domain)
        message["From"] = address
        message["Reply-To"] = address
    message.set_content(context.render_format("txt", release).decode("utf-8"), subtype="plain",
                        charset="utf-8", cte="8bit")
    message.add_alternative(inlined, subtype="html", charset="utf-8", cte="quoted-printable")
    if image is not None:
        cid, checked = image
        maintype, subtype = checked.kind.media_type.split("/", 1)
        html_part = message.get_payload()[1]
        html_part.add_related(checked.data, maintype=maintype, subtype=subtype, cid=f"<{cid}>",
                              filename=checked.name, disposition="inline")
    # After the content: setting it clears every Content-* header.
    message["Content-Language"] = release.locale.replace("_", "-")
    _fix_boundaries(message)
    return message.as_bytes(policy=SMTP)


def _encoded(text: str) -> str:
    """``text`` as RFC 2047 encoded words, folded at 76 columns.

    Encoded here rather than by the policy: Python's header folding splits the text at no-break
    spaces and drops them (« Twitter : » would lose its U+00A0)."""
    if text.isascii():
        return text
    return Header(text, "utf-8", header_name="Subject").encode(linesep="\r\n", maxlinelen=76)


def _fix_boundaries(message: EmailMessage) -> None:
    """One MIME-Version, and boundaries from a digest of the message's own content, not random ones: deterministic,
    and a digest of the parts cannot occur inside them."""
    for part in message.walk():
        if part is not message:
            del part["MIME-Version"]  # Python's email adds it to every part; it belongs at the top
    leaves = b"".join(part.as_bytes(policy=SMTP) for part in message.walk() if not part.is_multipart())
    digest = hashlib.sha256(leaves).hexdigest()[:24]
    for number, part in enumerate(p for p in message.walk() if p.is_multipart()):
        part.set_boundary(f"=_pressgen_{number}_{digest}")

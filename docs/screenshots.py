"""``make screenshots``: the preview as the guide shows it, taken with headless Chromium.

Runs the preview of a copy of the example project on a free port, then lets Debian's Chromium
(``/usr/bin/chromium --headless``) photograph the overview, the side-by-side view, a release, and
the overlay shown over the last good page when a file is broken; then the e-mail (its HTML part
in Chromium) and the PDF's first page (pdftoppm). The PNGs go to docs/images/,
where they are committed. Nothing of the repository is touched but those files.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pressgen.authoring.new import new_release  # noqa: E402
from pressgen.authoring.skeleton import Answers  # noqa: E402
from pressgen.preview.command import Preview  # noqa: E402
from pressgen.project.layout import Layout  # noqa: E402

IMAGES = REPO / "docs" / "images"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SHOTS = [  # (file, path in the preview, window size)
    ("preview-overview.png", "/", "1100,900"),
    ("preview-side-by-side.png", "/side-by-side/paris-2-millions.html", "1400,900"),
    ("preview-release.png", "/paris-instagram-150000/fr.html", "1000,1000"),
]


def shoot(url: str, target: Path, size: str, profile: Path) -> None:
    """One screenshot; the virtual time lets the page's script run (the overlay, the frames)."""
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--force-device-scale-factor=1", f"--user-data-dir={profile}", f"--window-size={size}",
                    "--virtual-time-budget=4000", f"--screenshot={target}", url],
                   check=True, capture_output=True, timeout=120)
    print(f"  wrote {target.relative_to(REPO)}")


def main() -> int:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pressgen-shots-") as temp:
        project = Path(temp) / "project"
        project.mkdir()
        for name in ("milestones.yaml", "templates", "images"):
            source = REPO / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
        profile = Path(temp) / "chromium"
        # A release being written, so that the overview shows what is left to do.
        new_release(Layout(project), Answers("paris-3-millions", dt.date(2018, 5, 1), 3_000_000, "follower"))
        with Preview(Layout(project), "127.0.0.1", 0, echo=lambda _text: None) as preview:
            for name, path, size in SHOTS:
                shoot(preview.url.rstrip("/") + path, IMAGES / name, size, profile)
            # A mistake: the overlay over the last good page, as a writer sees it on saving.
            source = project / "milestones.yaml"
            source.write_text(source.read_text(encoding="utf-8").replace("status: embargoed", "status: embargo", 1),
                              encoding="utf-8")
            deadline = time.monotonic() + 10
            while not preview.rebuilder.state.problems and time.monotonic() < deadline:
                time.sleep(0.05)
            shoot(preview.url + "paris-instagram-150000/en.html", IMAGES / "preview-error.png", "1000,700", profile)
        channels(Path(temp), profile)
    return 0


def channels(temp: Path, profile: Path) -> None:
    """The e-mail as a mail client shows it (its HTML part, images inside, in Chromium) and the
    PDF's first page (pdftoppm), from the committed out/: what the README shows."""
    import email
    import email.policy

    message = email.message_from_bytes((REPO / "out" / "paris-2-millions" / "fr.eml").read_bytes(),
                                       policy=email.policy.default)
    page = message.get_body(("html",)).get_content()
    for part in message.walk():  # the cid: images, as files beside the page
        if part.get("Content-ID"):
            cid, name = part["Content-ID"].strip("<>"), part.get_filename()
            (temp / name).write_bytes(part.get_content())
            page = page.replace(f"cid:{cid}", name)
    (temp / "email.html").write_text(page, encoding="utf-8")
    shoot((temp / "email.html").as_uri(), IMAGES / "email.png", "760,1400", profile)
    first_page = temp / "pdf-page"
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile",
                    str(REPO / "out" / "paris-2-millions" / "fr.pdf"), str(first_page)],
                   check=True, capture_output=True, timeout=120)
    shutil.copyfile(first_page.with_suffix(".png"), IMAGES / "pdf-first-page.png")
    print(f"  wrote {(IMAGES / 'pdf-first-page.png').relative_to(REPO)}")


if __name__ == "__main__":
    sys.exit(main())

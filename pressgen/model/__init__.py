"""The shape of the project files (``milestones.yaml``, or ``pressgen.yaml`` and ``releases/<id>.yaml``): one set of dataclasses for validation, rendering and schema.

Decoding (``pressgen.project.decode``, through ``pressgen.model.walk``) follows these type hints to check the YAML; rendering receives
the same objects, narrowed to one language. Field docstrings live in ``metadata["doc"]`` so an
editor schema can be generated from here too. Everything that would be a free string in a
looser tool has a type that says what it must look like.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from pressgen.language import NounForms, StyleSettings
from pressgen.model.text import Text
from pressgen.model.urls import Refusal, address_refusal

if TYPE_CHECKING:
    from pressgen.project.files import VerifiedFile
    from pressgen.project.sources import SourceMap


def doc(text: str, **kwargs) -> dict:
    """Field metadata: the human description used in error messages and the schema."""
    return {"doc": text, **kwargs}


T = TypeVar("T")


class Checked(Text):
    """A string with a required form. Subclasses give ``pattern`` and what to tell the user."""

    pattern: re.Pattern[str]
    expected: str
    example: str


class Slug(Checked):
    pattern = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
    expected = "a slug: lower-case letters, digits and single hyphens"
    example = "paris-2-millions"


class Url(Checked):
    """An address given on its own; the templates write it into Markdown (``[label](url)``)."""

    pattern = re.compile(r"(?:https?://|mailto:|tel:)\S+")
    expected = "a full web address starting with https://"
    example = "https://twitter.com/Paris"

    @staticmethod
    def refusal(raw: str) -> Refusal | None:
        """Only the schemes of :mod:`pressgen.model.urls`, and nothing that would end the link."""
        return address_refusal(raw)


class Handle(Checked):
    pattern = re.compile(r"@[A-Za-z0-9_]{1,30}")
    expected = "an account handle starting with @"
    example = "@Paris"


class Hashtag(Checked):
    pattern = re.compile(r"#\w+")
    expected = "a hashtag starting with #"
    example = "#2MillionsParis"


class SiteUrl(Checked):
    """The address the published site is served from: every absolute link of a page, a feed,
    the sitemap and the posts starts with it."""

    pattern = re.compile(r"https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?")
    expected = "an absolute https:// address, without ?query or #fragment"
    example = "https://presse.example.org/"

    @property
    def root(self) -> str:
        """The address with exactly one final slash: what output paths are joined to."""
        return self.rstrip("/") + "/"

    def absolute(self, path: str) -> str:
        """The absolute address of the output at ``path`` (from ``output_path()``)."""
        return self.root + path


class Email(Checked):
    pattern = re.compile(r"[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}")
    expected = "an e-mail address"
    example = "presse@example.org"


class Phone(Checked):
    pattern = re.compile(r"\+[0-9][0-9 ]{6,20}[0-9]")
    expected = "an international phone number starting with +"
    example = "+33 1 23 45 67 89"


class LanguageCode(Checked):
    pattern = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")
    expected = "a language code such as fr, en or fr_CA"
    example = "en"


class NounRef(Checked):
    """The name of an entry under ``nouns``; checked against that table after the walk."""

    pattern = re.compile(r"[a-z][a-z0-9_]*")
    expected = "the name of a noun defined under 'nouns'"
    example = "follower"


class FormatName(Checked):
    """The name of an output format; checked against the registry after the walk."""

    pattern = re.compile(r"[a-z][a-z0-9_]*")
    expected = "the name of an output format"
    example = "html"


class TimeZoneName(Checked):
    """An IANA time zone name; whether zoneinfo knows it is a project rule (rules.py)."""

    pattern = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*")
    expected = "an IANA time zone name such as Europe/Paris"
    example = "Europe/Paris"


class ProjectFile(Checked):
    """A file of the project that a release publishes (an image), by its path from the folder of
    ``milestones.yaml``. Only the form of the path is checked here; whether the file may be
    published is :mod:`pressgen.project.files`, for every field of this type."""

    pattern = re.compile(r"[^\x00-\x1f\x7f]+")
    expected = "the path of a file, from the folder of milestones.yaml"
    example = "images/photo.jpg"


class PerLocale(dict[str, T], Generic[T]):
    """One value per language of the project: ``{fr: …, en: …}``. Every language is required."""


Translated = PerLocale[Text]


class AwareDateTime(dt.datetime):
    """Marker for a date-time that must carry its time zone offset."""


Status = Literal["draft", "embargoed", "published"]
Approximation = Literal["exactly", "more_than", "about", "nearly"]
Period = Literal["day", "week", "month", "year"]
Gender = Literal["masculine", "feminine"]
GrammaticalNumber = Literal["singular", "plural"]
SubjectKind = Literal["service", "programme", "place", "event", "organisation"]
FigureKind = Literal["count", "anniversary", "ordinal"]
# The lead's verb, one word per choice; each language's template says it (fr: dépasser, passer
# le cap, franchir la barre, atteindre, fêter, accueillir; en: pass, pass the mark, top, reach,
# mark, welcome).
Verb = Literal["pass", "pass_the_mark", "top", "reach", "mark", "welcome"]
PeerKind = Literal["city", "earlier", "target"]


@dataclass(frozen=True)
class Organisation:
    name: Translated = field(metadata=doc("The organisation's name in each language"))
    short_name: Translated = field(
        metadata=doc("How running text names it, with its article (« la Ville », “the City”)")
    )
    logo: ProjectFile | None = field(
        default=None, metadata=doc("Its logo, for the letterhead of the PDF: an image file in the project")
    )
    time_zone: TimeZoneName | None = field(
        default=None, metadata=doc("Its time zone (Europe/Paris), to name the zone of an embargo: CET, « heure de Paris »")
    )


@dataclass(frozen=True)
class FirstPost:
    date: dt.date = field(metadata=doc("When the account published its first post"))
    text: Text = field(metadata=doc("The first post's text, as published"))
    lang: LanguageCode = field(metadata=doc("The language the first post was written in"))


@dataclass(frozen=True)
class Account:
    network: Text | Translated = field(metadata=doc(
        "The social network, as it names itself (Twitter, Instagram); one per language where the names differ"))
    handle: Handle = field(metadata=doc("The account's handle"))
    url: Url = field(metadata=doc("The account's page"))
    first_post: FirstPost | None = field(default=None, metadata=doc("The account's first post"))


@dataclass(frozen=True)
class Subject:
    """What reached the milestone when it is not a social account: a service, a programme, a
    place, an event, the organisation itself."""

    kind: SubjectKind = field(metadata=doc("What it is: service, programme, place, event or organisation"))
    name: Translated = field(metadata=doc(
        "How running text names it, with its article (« le Vélib’ », « la Ville », « les Berges », “the Centquatre”)"))
    gender: Gender | None = field(default=None, metadata=doc(
        "French agreement: masculine or feminine; left out, the article decides (« la » is feminine, « l’ » masculine)"))
    number: GrammaticalNumber | None = field(default=None, metadata=doc(
        "singular or plural (« les Berges ont accueilli »); left out, the French article decides (« les » is plural)"))


@dataclass(frozen=True)
class Figure:
    count: int = field(metadata=doc("The number reached (for an anniversary: the years; for an ordinal: the rank)"))
    noun: NounRef | None = field(default=None, metadata=doc(
        "What is counted: a name from 'nouns' (« trajets »); for an anniversary, leave out"))
    kind: FigureKind = field(default="count", metadata=doc(
        "count (« 100 millions de trajets »), anniversary (« 15 ans ») or ordinal (« la 500e école »)"))
    unit: NounRef | None = field(default=None, metadata=doc(
        "A unit before the noun, from 'nouns' (« 1 000 km de pistes cyclables »)"))


@dataclass(frozen=True)
class Activity:
    count: int = field(metadata=doc("How many in each period"))
    noun: NounRef = field(metadata=doc("What is counted: a name from 'nouns'"))
    approx: Approximation = field(
        default="exactly", metadata=doc("How exact the figure is: exactly, more_than, about, nearly")
    )


@dataclass(frozen=True)
class PlatformFigure:
    network: Text | Translated = field(metadata=doc(
        "Another network the organisation is on; one per language where the names differ"))
    count: int | None = field(default=None, metadata=doc("Its audience there, when known"))
    noun: NounRef | None = field(default=None, metadata=doc("What the audience counts"))


@dataclass(frozen=True)
class Peer:
    name: Translated = field(metadata=doc(
        "The peer's name in each language (Londres / London; « En 2023 » / “In 2023”; « Objectif » / “Target”)"))
    count: int = field(metadata=doc("The peer's figure"))
    handle: Handle | None = field(default=None, metadata=doc("The peer's account"))
    kind: PeerKind = field(default="city", metadata=doc(
        "city (another city, on the same date), earlier (an earlier figure: last year's) or target (the goal set)"))


@dataclass(frozen=True)
class Quote:
    text: Translated = field(metadata=doc("What was said, in each language"))
    role: Translated = field(metadata=doc("The speaker's role, or the speaking body, in each language"))
    speaker: Text | Translated | None = field(default=None, metadata=doc(
        "The speaker's name (several: « Anne Dupont et Marc Petit »); leave out for a body"))
    gender: Gender = field(
        default="masculine", metadata=doc("Grammatical gender for agreement (masculine, feminine)")
    )
    number: GrammaticalNumber = field(default="singular", metadata=doc(
        "plural when several people speak together (« ajoutent-ils », “they added”)"))
    person: bool | None = field(default=None, metadata=doc(
        "true for a person named by role alone (“she added”, not “the spokeswoman added”); "
        "left out, a person when 'speaker' is given, else a body"))


@dataclass(frozen=True)
class Link:
    label: Translated = field(metadata=doc("The link text in each language"))
    url: Url = field(metadata=doc("Where it goes"))


@dataclass(frozen=True)
class Image:
    file: ProjectFile = field(metadata=doc("An image inside the project folder (images/photo.jpg), copied next to the release"))
    alt: Translated = field(metadata=doc("What the image shows, for people who cannot see it"))
    credit: Text | Translated = field(metadata=doc("Who took or made it (one text, or one per language)"))
    caption: Translated | None = field(default=None, metadata=doc("A caption under the image"))


@dataclass(frozen=True)
class Contact:
    name: Text | Translated = field(metadata=doc(
        "A person or a desk; a desk's name may be given in each language ({fr: Service de presse, en: Press office})"))
    email: Email | None = field(default=None, metadata=doc("E-mail address"))
    phone: Phone | None = field(default=None, metadata=doc("Phone number"))
    role: Translated | None = field(default=None, metadata=doc("What they answer for"))


@dataclass(frozen=True)
class Site:
    base_url: SiteUrl = field(metadata=doc(
        "Where the published site is served from (https://…/): pages get absolute alternates and a canonical "
        "link, sharing cards and structured data; feeds and the sitemap are written; posts link to the release"))


@dataclass(frozen=True, kw_only=True)
class Defaults:
    """What every milestone shares unless it says otherwise: the fields a milestone inherits."""

    organisation: Organisation | None = field(default=None, metadata=doc("Who announces"))
    account: Account | None = field(default=None, metadata=doc("The account that reached the milestone"))
    city: Translated | None = field(default=None, metadata=doc("The dateline's city in each language"))
    about: Translated | None = field(default=None, metadata=doc("The 'About' boilerplate, Markdown"))
    contacts: list[Contact] | None = field(default=None, metadata=doc("Press contacts"))


@dataclass(frozen=True, kw_only=True)
class Milestone(Defaults):
    """One announcement. The fields of :class:`Defaults` fall back to ``defaults`` when left out."""

    id: Slug = field(metadata=doc("The milestone's folder under out/"))
    status: Status = field(metadata=doc("draft, embargoed or published"))
    date: dt.date = field(metadata=doc("The day the milestone was reached"))
    figure: Figure = field(metadata=doc("The milestone's figure"))
    subject: Subject | None = field(default=None, metadata=doc(
        "What reached the milestone when it is not a social account (then leave 'account' out)"))
    verb: Verb = field(default="pass", metadata=doc(
        "The lead's verb: pass, pass_the_mark, top, reach, mark or welcome "
        "(« a dépassé », « a passé le cap des », « a franchi la barre des », « a atteint », « fête », « a accueilli »)"))
    period: Translated | None = field(default=None, metadata=doc(
        "When, after the figure in the lead (« depuis 2020 », “this summer”)"))
    template: Slug | None = field(default=None, metadata=doc(
        "A template of the project's own for this release (anniversary: templates/<language>/kinds/anniversary.md)"))
    embargo_until: AwareDateTime | None = field(
        default=None, metadata=doc("For an embargoed release: when it may be published, with its time zone")
    )
    headline: Translated | None = field(default=None, metadata=doc("Replaces the generated headline"))
    subhead: Translated | None = field(
        default=None, metadata=doc("A sentence under the headline (the chapô) that sums the release up, Markdown")
    )
    record: Translated | None = field(default=None, metadata=doc("A sentence on what the figure means"))
    highlights: list[Translated] = field(
        default_factory=list, metadata=doc("Paragraphs specific to this milestone, Markdown")
    )
    activity_period: Period = field(default="month", metadata=doc("The period of the activity figures"))
    activity: list[Activity] = field(default_factory=list, metadata=doc("What the account does per period"))
    platforms: list[PlatformFigure] = field(
        default_factory=list, metadata=doc("The organisation's other networks")
    )
    peers: list[Peer] = field(default_factory=list, metadata=doc("Comparable accounts, for comparison"))
    quotes: list[Quote] = field(default_factory=list, metadata=doc("Quotes, in each language"))
    hashtag: Hashtag | None = field(default=None, metadata=doc("The campaign hashtag"))
    image: Image | None = field(default=None, metadata=doc("An image for the release"))
    links: list[Link] = field(default_factory=list, metadata=doc("Further reading"))


SHARED_FIELDS = {f.name: f.metadata["doc"] for f in fields(Defaults)}  # name -> description


# Shared fields a milestone cannot do without, once defaults are applied.
REQUIRED_SHARED = ("organisation", "account", "city", "about")


@dataclass(frozen=True, kw_only=True)
class ReleaseFile(Milestone):
    """One release in a file of its own, ``releases/<id>.yaml``: the file name is its id."""

    id: Slug | None = field(
        default=None, metadata=doc("Leave out: the file name is the id (if given, it must be the file name without .yaml)")
    )


@dataclass(frozen=True, kw_only=True)
class Settings:
    """The top level of ``pressgen.yaml``: what every release of the project shares."""

    locales: list[LanguageCode] = field(metadata=doc("The languages of every release, e.g. [fr, en]"))
    nouns: dict[NounRef, PerLocale[NounForms]] = field(
        default_factory=dict, metadata=doc("Counted nouns: their singular and plural in each language")
    )
    defaults: Defaults = field(default_factory=Defaults, metadata=doc("Shared by every milestone"))
    outputs: list[FormatName] | None = field(
        default=None, metadata=doc("The output formats to write (md, html, …); all of them when left out")
    )
    site: Site | None = field(default=None, metadata=doc("The published site: its address"))
    style: dict[LanguageCode, StyleSettings] = field(
        default_factory=dict, metadata=doc("Changes to each language's house style (see README, House style)")
    )


@dataclass(frozen=True, kw_only=True)
class SourceFile(Settings):
    """The top level of ``milestones.yaml``: the settings of :class:`Settings` and every release."""

    milestones: list[Milestone] = field(metadata=doc("The releases"))


@dataclass(frozen=True)
class Project:
    """Everything ``milestones.yaml`` says, checked and with defaults applied."""

    locales: list[str]
    nouns: dict[str, PerLocale[NounForms]]
    milestones: list[Milestone]
    outputs: tuple[str, ...] = ()  # the output formats to write, in registry order
    # Where each value came from, by key path ("paris-2-millions.quotes[1].text.fr").
    sources: SourceMap = field(default_factory=lambda: _empty_source_map(), compare=False, repr=False)
    # The checked bytes of every file the milestones name, by path as written: the renderer
    # publishes these, never the file as it is on disk later (it may have been swapped since).
    files: dict[str, VerifiedFile] = field(default_factory=dict, compare=False, repr=False)
    site: Site | None = None  # where the published site is served from; None: relative links only
    style: dict[str, StyleSettings] = field(default_factory=dict)  # language -> house style changes


def _empty_source_map() -> SourceMap:
    from pressgen.project.sources import SourceMap

    return SourceMap()

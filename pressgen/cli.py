"""The command line: thin on top of ``pressgen.pipeline``; the one place errors become exit codes.

Exit status: 0 success, 1 a problem in the user's files (or a stale ``out/``), 2 wrong usage,
a bug or an environment failure, 130 (how a shell reports a death by SIGINT) after Ctrl-C.
Heavy modules are imported inside the commands, so ``pressgen --help`` stays instant and
``build`` never loads what only the authoring commands need (ruamel.yaml).
Each command's logic lives in its own module (``pressgen.authoring`` for the writers' commands).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import Sequence

import click

from pressgen import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_FAILURE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT: what a shell reports for a command that Ctrl-C stopped


class _Failed(Exception):
    """Raised inside a command to end it with an exit status, after its message was printed."""

    def __init__(self, status: int):
        self.status = status


def main(argv: Sequence[str] | None = None, keep: list | None = None) -> int:
    """Run pressgen with ``argv`` (default: the process arguments); return the exit status.
    ``keep``: a list that receives what a build loaded, for a process that ends right after
    (:func:`run`): freeing it took 0.4 s of an edit at 10,000 releases."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="pressgen", standalone_mode=False,
                 terminal_width=_help_width(), obj={"keep": keep})
    except _Failed as failed:
        return failed.status
    except click.exceptions.Abort as abort:
        if isinstance(abort.__cause__, KeyboardInterrupt):  # click's own word for a Ctrl-C outside a command
            click.echo("Interrupted; out/ is as it was before this run or fully updated.", err=True)
            return EXIT_INTERRUPTED
        click.echo("Aborted.", err=True)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        # A Ctrl-C held back while a build moved its files into place arrives once they are all
        # moved, possibly after the command's own report: the work is done, the run interrupted.
        click.echo("Interrupted; out/ is as it was before this run or fully updated.", err=True)
        return EXIT_INTERRUPTED
    except click.ClickException as error:
        error.show()
        return EXIT_FAILURE if error.exit_code != 2 else 2
    except click.exceptions.Exit as done:
        return done.exit_code
    return EXIT_OK


def _help_width() -> int:
    """The width click gives the help, found as ``shutil.get_terminal_size`` finds it but without
    importing ``shutil`` (its archive modules are a tenth of ``--help``): ``COLUMNS``, else the
    terminal's columns, else 80; at most 80, less a margin of 2, and never under 50."""
    try:
        columns = int(os.environ.get("COLUMNS", 0))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):  # no terminal: a pipe, a file, a closed stream
            columns = 80
    return max(min(columns, 80) - 2, 50)


def run() -> None:
    """The program's entry point: exit with :func:`main`'s status.

    A run that Ctrl-C stopped ends the way a shell expects of one, by SIGINT itself (a script
    looping over pressgen stops too), after its message and its clean-up. Python would do so on
    its own after some interrupts (one that lands while a module is being imported) and not after
    others: ending by the signal every time keeps the status the same whenever the Ctrl-C came.
    A build leaves what it loaded to the end of the process, which then ends without freeing it
    (``os._exit``, its output flushed), as mypy does."""
    loaded: list = []
    status = main(keep=loaded)
    if status == EXIT_INTERRUPTED and sys.platform != "win32":
        import signal

        sys.stdout.flush()
        sys.stderr.flush()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    if loaded:  # every file is written and closed, every worker gone: only memory is left
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass  # a reader gone (a closed pipe): what it did not read is lost either way
        os._exit(status)
    sys.exit(status)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pressgen")
@click.option("--project", "project_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder holding milestones.yaml or pressgen.yaml (default: this folder or the nearest parent with one).")
@click.option("--debug", is_flag=True, help="Show the Python traceback of an unexpected error.")
@click.pass_context
def cli(ctx: click.Context, project_dir: Path | None, debug: bool) -> None:
    """Build French and English press releases from milestones.yaml (or pressgen.yaml and releases/).

    Exit status: 0 done, 1 a problem in your files (each one shown with its file and line),
    2 wrong usage or an unexpected failure, 130 stopped by Ctrl-C. Set NO_COLOR to turn
    colours off. Shell completion:
    eval "$(_PRESSGEN_COMPLETE=bash_source pressgen)" (zsh_source, fish_source).

    \b
    Examples:
      pressgen init newsroom
      pressgen new paris-3-millions --count 3000000
      pressgen build
      pressgen --project ../newsroom status
    """
    ctx.ensure_object(dict)
    ctx.obj["project_dir"] = project_dir
    ctx.obj["debug"] = debug


def _layout(ctx: click.Context):
    from pressgen.pipeline import find_root
    from pressgen.project.layout import Layout

    folder = ctx.obj["project_dir"]
    return Layout(folder.resolve() if folder is not None else find_root(Path.cwd()))


def _run(ctx: click.Context, action, folder: str = "out/"):
    """Run ``action``; turn bad input and unexpected failures into messages and exit statuses.
    ``folder`` is the one the action writes, for the messages."""
    from pressgen.errors import PressgenError
    from pressgen.output.errors import OutputError

    try:
        return action()
    except PressgenError as error:
        click.echo(error.format(), err=True)
        raise _Failed(EXIT_PROBLEMS) from None
    except KeyboardInterrupt:
        click.echo(f"Interrupted; {folder} is as it was before this run or fully updated.", err=True)
        raise _Failed(EXIT_INTERRUPTED) from None
    except OutputError as error:  # the machine: a full disk, a read-only or locked out/
        if ctx.obj["debug"]:
            raise
        click.echo(f"pressgen: {error}", err=True)
        raise _Failed(EXIT_FAILURE) from None
    except Exception as error:  # a bug
        if ctx.obj["debug"]:
            raise
        click.echo(f"pressgen: unexpected error: {type(error).__name__}: {error}", err=True)
        click.echo(f"{folder} is as it was before this command or fully updated, never half-written. "
                   "Run again with --debug to see the details.", err=True)
        raise _Failed(EXIT_FAILURE) from None


class _Moment(click.ParamType):
    """``--at``: an ISO 8601 date and time with its time zone."""

    name = "DATETIME"

    def convert(self, value, param, ctx) -> dt.datetime:
        if isinstance(value, dt.datetime):
            return value
        from pressgen.publish.moment import parse_moment

        try:
            return parse_moment(value)
        except ValueError as error:
            self.fail(str(error), param, ctx)


def _moment(at: dt.datetime | None) -> dt.datetime:
    """``--at``, or now: the one place pressgen reads the clock, in UTC, to the second."""
    return at if at is not None else dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _warn(problems: list) -> None:
    """Problems that do not fail the command, shown as warnings."""
    for problem in problems:
        click.echo(problem.format().replace(": error: ", ": warning: ", 1), err=True)


def _recover(ctx: click.Context, layout) -> None:
    """Finish or undo a build that was interrupted in out/, and say so, before the command runs
    (even when it then fails on bad input): no staged file outlives the next command."""
    from pressgen.output.recovery import recover

    out = layout.display(layout.output)
    recovered = _run(ctx, lambda: recover(layout.output, out))
    if recovered is not None:
        click.echo(f"pressgen: {recovered.describe(out)}", err=True)


def _cores() -> int:
    """The cores this process may use: the default of --jobs."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class _Progress:
    """Prints progress only once a build has run for more than a second."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.shown = False

    def __call__(self, number: int, total: int, name: str) -> None:
        if time.monotonic() - self.start > 1.0:
            self.shown = True
            click.echo(f"\r  rendering {number}/{total}: {name}\033[K", nl=False, err=True)

    def done(self) -> None:
        if self.shown:
            click.echo("\r\033[K", nl=False, err=True)


@cli.command()
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 with a diff of every file of out/ that is not what the sources produce.")
@click.option("--no-cache", "no_cache", is_flag=True,
              help="Render every milestone, even those whose sources did not change since the last build.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="How many processes render at once (default: one per core of this machine).")
@click.pass_context
def build(ctx: click.Context, check_only: bool, no_cache: bool, jobs: int | None) -> None:
    """Render every milestone into out/ (only changed files are written).

    A milestone whose sources, templates and images did not change since the last build is not
    rendered again (out/.pressgen-cache remembers them), and the release files decoded and the
    templates compiled last time are kept in your own cache folder ($XDG_CACHE_HOME/pressgen,
    else ~/.cache/pressgen); --no-cache uses neither, and --check always renders everything.

    \b
    Examples:
      pressgen build
      pressgen build --check
      pressgen build --no-cache
    """
    from pressgen import pipeline

    layout = _layout(ctx)
    if check_only:
        _build_check(ctx, layout, jobs or _cores())
        return
    _recover(ctx, layout)
    progress = _Progress()

    def run() -> "pipeline.BuildReport":
        try:
            return pipeline.build(layout, progress, use_cache=not no_cache, jobs=jobs or _cores(),
                                  user_cache=None if no_cache else _user_cache(), keep=ctx.obj.get("keep"))
        finally:
            progress.done()  # before any message: it must not run on after the progress line

    report = _run(ctx, run)
    out = layout.display(layout.output)
    click.echo(f"Built {len(report.milestones)} milestone{'s' if len(report.milestones) != 1 else ''} into {out}/: "
               f"{len(report.written)} written, {len(report.unchanged)} unchanged, {len(report.removed)} removed.")
    for rel in report.written:
        click.echo(f"  wrote   {out}/{rel}")
    for rel in report.removed:
        click.echo(f"  removed {out}/{rel}")
    if report.lock_written:
        click.echo("  updated translations.lock")
    _warn(report.warnings)
    _warn(report.translation_flags)
    if report.translation_flags:
        count = len(report.translation_flags)
        click.echo(f"{count} translated field{'s' if count != 1 else ''} need{'s' if count == 1 else ''} "
                   "translation review (recorded in translations.lock; `pressgen check` fails until then).", err=True)


def _user_cache() -> Path | None:
    """The user's cache folder (the XDG rule: ``$XDG_CACHE_HOME/pressgen``, else
    ``~/.cache/pressgen``), outside every project; None when there is no home to find it in."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        try:
            base = os.path.join(Path.home(), ".cache")
        except RuntimeError:
            return None
    return Path(base, "pressgen")


def _build_check(ctx: click.Context, layout, jobs: int) -> None:
    """``build --check``: like ``black --check --diff``; diffs on stdout, the verdict on stderr."""
    from pressgen import pipeline

    report = _run(ctx, lambda: pipeline.stale(layout, jobs=jobs))
    for item in report.diffs:
        click.echo(item.diff, nl=False)
    for item in report.diffs:
        click.echo(item.message, err=True)
    if report.stale:
        count = sum(item.action in ("create", "rewrite", "remove") for item in report.diffs)
        other = len(report.diffs) - count
        what = [f"{count} file{'s' if count != 1 else ''} would be changed, {report.unchanged} unchanged"]
        if other:
            what.append(f"{other} other difference{'s' if other != 1 else ''} (above)")
        click.echo(f"{'; '.join(what)}: out/ is not what the sources produce; run `pressgen build` "
                   "and commit the result.", err=True)
        raise _Failed(EXIT_PROBLEMS)
    click.echo(f"OK: out/ is exactly what the sources produce ({report.unchanged} files).", err=True)


@cli.command("translation-reviewed")
@click.argument("fields", nargs=-1, required=True)
@click.pass_context
def translation_reviewed(ctx: click.Context, fields: tuple[str, ...]) -> None:
    """Mark flagged translated FIELDS reviewed: their texts now agree as they are.

    For an edit that needs no translation (a typo fix). FIELDS are the names `pressgen check`
    shows, e.g. paris-2-millions/quotes[0]/text.

    \b
    Example:
      pressgen translation-reviewed 'paris-2-millions/quotes[0]/text'
    """
    from pressgen import pipeline

    layout = _layout(ctx)
    unknown = _run(ctx, lambda: pipeline.mark_translation_reviewed(layout, list(fields)))
    if unknown:
        for key in unknown:
            click.echo(f"pressgen: {key} does not need translation review (see `pressgen check`); "
                       "nothing was written.", err=True)
        raise _Failed(EXIT_PROBLEMS)
    for key in fields:
        click.echo(f"Marked reviewed: {key}")


@cli.command()
@click.option("--at", type=_Moment(), default=None,
              help="Warn about embargoes ended by this moment, e.g. 2017-04-11T09:00+02:00 (default: now).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="How many processes render at once (default: one per core of this machine).")
@click.pass_context
def check(ctx: click.Context, at: dt.datetime | None, jobs: int | None) -> None:
    """Validate and render everything in memory; write nothing. Exit 1 on any problem.

    Problems: the files, translations waiting for review, figures that differ between the
    languages, placeholders (TODO) left.

    \b
    Examples:
      pressgen check
      pressgen check --at 2017-04-11T09:00+02:00
    """
    from pressgen import pipeline

    layout = _layout(ctx)
    _recover(ctx, layout)
    moment = _moment(at)

    def run():
        try:
            return pipeline.check(layout, at=moment, jobs=jobs or _cores())
        except pipeline.CheckFailed as failed:
            _warn(failed.warnings)
            raise

    report = _run(ctx, run)
    _warn(report.warnings)
    count = len(report.milestones)
    click.echo(f"OK: {count} milestone{'s' if count != 1 else ''}, {len(report.unchanged)} files render without problems.")


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--at", type=_Moment(), default=None,
              help="Publish what is public at this moment, e.g. 2017-04-11T09:00+02:00 (default: now).")
@click.pass_context
def publish(ctx: click.Context, directory: Path, at: dt.datetime | None) -> None:
    """Write into DIRECTORY the site to deploy: only the releases public at --at.

    Published releases, and embargoed ones whose embargo has ended (shown as published);
    never drafts. HTML pages, the index and images; the Markdown stays in out/ for review.

    \b
    Examples:
      pressgen publish site
      pressgen publish site --at 2016-11-15T09:00+01:00
    """
    from pressgen import pipeline

    layout = _layout(ctx)
    moment = _moment(at)
    click.echo(f"Publishing releases public at {moment.isoformat()}")
    shown = layout.display(directory.absolute())
    progress = _Progress()
    try:
        report = _run(ctx, lambda: pipeline.publish(layout, directory.absolute(), moment, progress), f"{shown}/")
    finally:
        progress.done()
    count = len(report.milestones)
    click.echo(f"Published {count} release{'s' if count != 1 else ''} into {shown}/: {len(report.written)} written, "
               f"{len(report.unchanged)} unchanged, {len(report.removed)} removed.")
    for milestone in report.lifted:
        click.echo(f"  embargo lifted: {milestone}")
    for rel in report.written:
        click.echo(f"  wrote   {shown}/{rel}")
    for rel in report.removed:
        click.echo(f"  removed {shown}/{rel}")
    _warn(report.warnings)
    if report.withheld:
        click.echo(f"  not public at this moment: {report.withheld} release{'s' if report.withheld != 1 else ''} "
                   "(drafts, embargoes not yet ended)")


def _moved(ctx: click.Context, action: str) -> None:
    """``split`` and ``join``: the move, then what it wrote and removed."""
    from pressgen.authoring import split as moving

    layout = _layout(ctx)
    moved = _run(ctx, lambda: getattr(moving, action)(layout), "the project")
    for rel in moved.written:
        click.echo(f"  wrote   {rel}")
    for rel in moved.removed:
        click.echo(f"  removed {rel}")
    click.echo(f"Done: {len(moved.written)} file{'s' if len(moved.written) != 1 else ''} written; "
               "the output is unchanged (run `pressgen build --check` to see it).")


@cli.command()
@click.pass_context
def split(ctx: click.Context) -> None:
    """Move milestones.yaml to one file per release: pressgen.yaml and releases/<id>.yaml.

    Comments and formatting are kept; the output does not change. `pressgen join` undoes it.

    \b
    Example:
      pressgen split
    """
    _moved(ctx, "split")


@cli.command()
@click.pass_context
def join(ctx: click.Context) -> None:
    """Move pressgen.yaml and releases/<id>.yaml back into one milestones.yaml.

    Comments and formatting are kept; the output does not change. `pressgen split` undoes it.

    \b
    Example:
      pressgen join
    """
    _moved(ctx, "join")


@cli.command()
@click.argument("file", type=click.Choice(["milestones", "pressgen", "release"]), default="milestones")
@click.option("--write", "folder", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write all three schemas into this folder instead of printing one.")
@click.option("--locales", default=None, metavar="fr,en",
              help="The languages of the translated fields (default: the project's own).")
@click.pass_context
def schema(ctx: click.Context, file: str, folder: Path | None, locales: str | None) -> None:
    """Print the JSON Schema of milestones.yaml, pressgen.yaml or a release file.

    Editors use it for completion, descriptions and red underlines (see the README). It is
    generated from the same model the checks use; the translated fields are keyed by the
    project's languages.

    \b
    Examples:
      pressgen schema > schema/milestones.schema.json
      pressgen schema release
      pressgen schema --write schema
    """
    from pressgen.authoring import schema as schemas

    languages = [tag.strip() for tag in locales.split(",") if tag.strip()] if locales else None
    if languages is None:
        languages = schemas.project_locales(_layout(ctx))
    if folder is None:
        click.echo(schemas.schema_text(file, languages), nl=False)
        return
    changed = schemas.write_schemas(folder, languages)
    for name in schemas.FILES:
        path = folder / schemas.schema_file_name(name)
        click.echo(f"  {'wrote  ' if path in changed else 'kept   '} {path}")


@cli.command()
@click.option("--at", type=_Moment(), default=None,
              help="The moment to tell draft, embargoed and public apart, e.g. 2017-04-11T09:00+02:00 (default: now).")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON, for scripts.")
@click.pass_context
def status(ctx: click.Context, at: dt.datetime | None, as_json: bool) -> None:
    """Show where every release stands: status, translations to review, figures, placeholders.

    A release with nothing left to do is marked OK. The preview's overview page shows the
    same notes. Exit 0 whatever it shows (use `pressgen check` to fail on them).

    \b
    Examples:
      pressgen status
      pressgen status --at 2016-11-15T09:00+01:00
      pressgen status --json
    """
    from pressgen.authoring.status import status as release_status, text

    layout = _layout(ctx)
    report = _run(ctx, lambda: release_status(layout, _moment(at)), "nothing")
    if as_json:
        import json

        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
        return
    for line, style in text(report):
        click.echo(_style(line, style))


def _style(line: str, style: str) -> str:
    """Colour on a terminal only, and never with NO_COLOR (https://no-color.org)."""
    if not style or os.environ.get("NO_COLOR") or not sys.stdout.isatty():
        return line
    return click.style(line, fg={"ok": "green", "todo": "yellow"}[style])


@cli.command()
@click.argument("milestone_id", metavar="ID")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The day the figure was reached, YYYY-MM-DD (default: today).")
@click.option("--count", type=click.IntRange(min=0), default=None, help="The figure reached, e.g. 3000000.")
@click.option("--noun", default=None, help="What is counted: a name under 'nouns' (default: the first one).")
@click.option("--network", default=None, help="The release's own network (e.g. Instagram), if not the default account's.")
@click.option("--account", "handle", default=None, metavar="@HANDLE",
              help="The release's own account handle, if not the default account's.")
@click.option("--kind", default="account", show_default=True,
              type=click.Choice(["account", "service", "programme", "place", "event", "organisation",
                                 "anniversary", "ordinal"]),
              help="What kind of milestone: a social account's, a subject's count, an anniversary, a rank.")
@click.pass_context
def new(ctx: click.Context, milestone_id: str, day: dt.datetime | None, count: int | None, noun: str | None,
        network: str | None, handle: str | None, kind: str) -> None:
    """Add a release ID to fill in: a file in releases/, or an entry at the end of milestones.yaml.

    Every other line of milestones.yaml is kept as it is. The texts to write are placeholders
    (TODO): `pressgen status` lists them, `pressgen check` fails until they are replaced. In a
    terminal, it asks for what the options do not give.

    \b
    Examples:
      pressgen new paris-3-millions --date 2018-05-01 --count 3000000 --noun follower
      pressgen new paris-tiktok-10000 --count 10000 --network TikTok --account @paris
      pressgen new velib-200-millions --kind service --count 200000000 --noun trip
      pressgen new centquatre-20-ans --kind anniversary --count 20
    """
    from pressgen.authoring.new import Refused, check_id, check_noun, context, new_release
    from pressgen.authoring.skeleton import Answers

    try:
        check_id(milestone_id)
    except Refused as refused:
        raise click.BadParameter(str(refused), param_hint="ID") from None
    layout = _layout(ctx)
    found = _run(ctx, lambda: context(layout), "nothing")
    asking = sys.stdin.isatty()
    today = dt.date.today()
    if day is None:
        day = click.prompt("Date reached (YYYY-MM-DD)", default=today.isoformat(),
                           type=click.DateTime(formats=["%Y-%m-%d"])) if asking else dt.datetime.combine(today, dt.time())
    if count is None:
        if not asking:
            raise click.UsageError("--count is needed (there is no terminal to ask for it)", ctx)
        count = click.prompt("Figure reached", type=click.IntRange(min=0))
    if noun is None and kind == "anniversary":
        noun = found.default_noun  # an anniversary counts years: the noun is not written
    if noun is None:
        noun = click.prompt("What is counted", default=found.default_noun,
                            type=click.Choice(found.nouns) if found.nouns else str) if asking else found.default_noun
    try:
        check_noun(found, noun)
    except Refused as refused:
        raise click.BadParameter(str(refused), param_hint="'--noun'") from None
    answers = Answers(milestone_id, day.date(), count, noun, network, handle, kind)
    written = _run(ctx, lambda: new_release(layout, answers), "nothing")
    click.echo(f"Wrote {written}: release {milestone_id}, a draft. Replace every TODO, then run `pressgen check`.")


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--locales", default="fr,en", show_default=True, metavar="fr,en",
              help="The languages of the releases, comma-separated (fr, en and their regions: fr_CA, en_GB …).")
@click.option("--layout", type=click.Choice(["one-file", "folder"]), default="one-file", show_default=True,
              help="One milestones.yaml, or pressgen.yaml with one file per release in releases/.")
@click.pass_context
def init(ctx: click.Context, directory: Path, locales: str, layout: str) -> None:
    """Create a new project in DIRECTORY that `pressgen build` builds at once.

    A commented milestones.yaml with one example release, templates/<locale>/ for each
    language, the editor schema, a .gitignore, the CI workflow and a CODEOWNERS template.
    A file that exists is never overwritten: it is skipped, and named.

    \b
    Examples:
      pressgen init newsroom
      pressgen init newsroom --locales fr,en_GB --layout folder
    """
    from pressgen.authoring.init import Refused, check_locales, init as create

    languages = [tag.strip() for tag in locales.split(",") if tag.strip()]
    try:
        check_locales(languages)
    except Refused as refused:
        raise click.BadParameter(str(refused), param_hint="'--locales'") from None
    shown = str(directory).rstrip("/") or "."
    created = _run(ctx, lambda: create(directory, languages, layout), f"{shown}/")
    for rel in created.written:
        click.echo(f"  wrote   {shown}/{rel}")
    for rel in created.skipped:
        click.echo(f"  skipped {shown}/{rel} (it exists; left as it is)")
    click.echo(f"Created the project in {shown}/: {len(created.written)} written, {len(created.skipped)} skipped. "
               f"Next: cd {shown} && pressgen build")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on. Anything but loopback exposes drafts to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Preview both languages in the browser; rebuild and reload on every save (Ctrl-C stops).

    \b
    Examples:
      pressgen serve
      pressgen serve --port 8080
    """
    from pressgen.preview.command import serve as run_preview

    layout = _layout(ctx)
    try:
        run_preview(layout, host, port, echo=lambda text: click.echo(text, err=True))
    except OSError as error:  # the port is taken, or the host is not an address of this machine
        if ctx.obj["debug"]:
            raise
        click.echo(f"pressgen serve: cannot listen on {host}:{port}: {error.strerror or error}", err=True)
        raise _Failed(EXIT_FAILURE) from None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

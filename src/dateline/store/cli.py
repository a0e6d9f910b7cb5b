"""The store's commands: ``dateline ingest``, ``dateline events`` and ``dateline runs``.

Thin click layers over ``store.ingest``, ``store.query`` and ``export``; ``cli.py`` adds them
to the ``dateline`` group. Data goes to stdout (or ``-o FILE``), progress and messages to
stderr.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import click

from ..config import Config, load_config
from ..errors import DatelineError
from ..options import (
    config_option,
    input_options,
    progress_option,
    show_progress,
    verbose_option,
    workers_option,
)
from ..output import check_output_path, open_binary_output, open_output
from ..progress import Progress

EVENT_FORMATS = ("table", "json", "jsonl", "csv", "parquet", "geojson")
CERTAINTIES = (
    "asserted",
    "claimed",
    "reported",
    "unconfirmed",
    "disputed",
    "denied",
    "unsupported",
    "hypothetical",
    "negated",
)

db_option = click.option(
    "--db",
    metavar="PATH|URL",
    envvar="DATELINE_DB",
    default=None,
    help="The store: a SQLite file or a postgresql:// URL "
    "[default: $DATELINE_DB, else [store] url, dateline.db].",
)


def _config(path: str | None) -> Config:
    try:
        return load_config(path)
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from exc


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def _open(db: str | None, config: Config, *, create: bool = True) -> Any:
    from .base import Store

    try:
        return Store(db, config=config, create=create)
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from exc


# -- ingest -----------------------------------------------------------------------------------
class _Reporter:
    """The ingest's listener: the shared progress bar (count, rate, time left) on stderr,
    each document's problems and each unreadable input printed above it."""

    def __init__(self, enabled: bool | None) -> None:
        self.progress = Progress(show_progress(enabled), "ingesting")

    def total(self, n: int | None) -> None:
        self.progress.total(n)

    def advance(self, n: int) -> None:
        self.progress.advance(n)

    def problem(self, source: str, code: str, message: str) -> None:
        self.progress.echo(f"dateline: warning: {source}: {message}")

    def failure(self, source: str, message: str) -> None:
        self.progress.echo(f"dateline: error: {message}")

    def stop(self) -> None:
        self.progress.stop()


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@workers_option
@input_options
@config_option
@progress_option
@verbose_option
def ingest(
    paths: tuple[str, ...],
    db: str | None,
    workers: int,
    published: str | None,
    no_clean: bool,
    config_path: str | None,
    progress: bool | None,
) -> None:
    """Extract articles into a store: a rerun adds nothing, a killed run resumes.

    PATHS are text, HTML or JSON Lines files, directories, globs, or - for standard input.
    Documents already stored under the same configuration and version are skipped; the
    events of several articles about one incident are merged as they arrive.
    """
    from concurrent.futures.process import BrokenProcessPool

    from .ingest import ingest as run_ingest

    config = _config(config_path)
    store = _open(db, config)
    reporter = _Reporter(progress)
    try:
        report = run_ingest(
            list(paths),
            store=store,
            config=config,
            workers=workers,
            published=published,
            clean=not no_clean,
            listener=reporter,
        )
    except BrokenProcessPool as exc:
        raise click.ClickException(
            f"a worker process failed ({exc or 'it could not start'}); "
            "run with --workers 1 to see why"
        ) from exc
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        reporter.stop()
        store.close()
    c = report.counts
    if report.remerged:
        click.echo("dateline: the merge settings changed: merged events were rebuilt", err=True)
    click.echo(
        f"dateline: {store.name}: {c['documents_read']} read, {c['documents_added']} added, "
        f"{c['documents_replaced']} replaced, {c['documents_skipped']} already stored, "
        f"{c['documents_failed']} could not be read; {c['events_added']} events, "
        f"{c['problems']} problems (run {report.run_id})",
        err=True,
    )
    if report.failures:
        click.echo(
            f"dateline: error: {len(report.failures)} input(s) could not be read; "
            "the others were stored",
            err=True,
        )
        sys.exit(1)


# -- events -----------------------------------------------------------------------------------
@click.command()
@db_option
@click.option("--country", multiple=True, metavar="CC", help="ISO 3166-1 alpha-2 (repeatable).")
@click.option("--since", callback=_day, metavar="YYYY-MM-DD", help="Events on or after this day.")
@click.option("--until", callback=_day, metavar="YYYY-MM-DD", help="Events on or before this day.")
@click.option(
    "--type",
    "types",
    multiple=True,
    metavar="TYPE",
    help="ACLED event or sub-event type, or PLOVER type (repeatable).",
)
@click.option(
    "--actor", multiple=True, metavar="TEXT", help="Part of an actor's name (repeatable)."
)
@click.option(
    "--certainty",
    multiple=True,
    type=click.Choice(CERTAINTIES),
    help="Only events with this certainty (repeatable).",
)
@click.option(
    "--unmerged",
    is_flag=True,
    help="One row per article's event instead of one per merged event.",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, metavar="N")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EVENT_FORMATS),
    default=None,
    help="Output format [default: table on a terminal, json otherwise]. csv, parquet and "
    "geojson have ACLED's columns and codes.",
)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of standard output.")
@config_option
@verbose_option
def events(
    db: str | None,
    country: tuple[str, ...],
    since: dt.date | None,
    until: dt.date | None,
    types: tuple[str, ...],
    actor: tuple[str, ...],
    certainty: tuple[str, ...],
    unmerged: bool,
    limit: int | None,
    fmt: str | None,
    output: str | None,
    config_path: str | None,
) -> None:
    """List the stored events, merged across articles, filtered; export them.

    An event's date is its first possible day (ACLED's event_date); casualty figures are
    the range the sources report, never their sum.
    """
    from ..export.writers import write_events
    from .query import EventFilter, iter_events

    config = _config(config_path)
    if output not in (None, "-"):
        check_output_path(output)  # a bad path fails before the store is read
    store = _open(db, config, create=False)
    where = EventFilter(
        country=country,
        since=since,
        until=until,
        type=types,
        actor=actor,
        certainty=certainty,
        limit=limit,
    )
    if fmt is None:
        fmt = "table" if (output is None and sys.stdout.isatty()) else "json"
    try:
        records = iter_events(store, where, merged=not unmerged)
        if fmt == "table":
            _table(list(records), store.name, output)
        else:
            with open_binary_output(output) as out:
                write_events(records, fmt, out)
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


def _figure(low: int | None, high: int | None) -> str:
    if low is None:
        return ""
    return str(low) if low == high else f"{low}-{high}"


def _table(records: list[dict[str, Any]], name: str, output: str | None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(records)} event(s) in {name}", title_justify="left")
    for column in ("date", "type", "actors", "location", "killed", "injured", "certainty", "src"):
        table.add_column(column, overflow="fold")
    for r in records:
        when = r["event_date"] or ""
        if r["date_latest"] and r["date_latest"] != r["event_date"]:
            when += f" to {r['date_latest']}"
        kind = r["acled_sub_event_type"] or r["acled_event_type"] or r["plover"] or ""
        # Who acted / who was acted on; "?" where the report names no one who acted.
        actors = f"{r['actor1'] or '?'} / {r['actor2']}" if r["actor2"] else r["actor1"] or ""
        place = ", ".join(p for p in (r["location"], r["country"]) if p)
        table.add_row(
            when,
            kind,
            actors,
            place,
            _figure(r["fatalities_low"], r["fatalities_high"]),
            _figure(r["injured_low"], r["injured_high"]),
            r["certainty"],
            str(r["n_documents"]),
        )
    if output not in (None, "-"):
        with open_output(output) as handle:
            Console(file=handle, width=160).print(table)
        return
    console = Console(width=None if sys.stdout.isatty() else 160)
    console.print(table)
    if not records:
        console.print(
            "No events: none matches the filters, or the event stage has extracted none yet "
            "(`dateline runs` shows what the store holds).",
            markup=False,
        )


# -- runs -------------------------------------------------------------------------------------
@click.command()
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@config_option
@verbose_option
def runs(db: str | None, fmt: str, config_path: str | None) -> None:
    """List the ingest runs of a store: when, what, counts, inputs that failed."""
    import json

    store = _open(db, _config(config_path), create=False)
    try:
        found = store.runs()
        counts = store.counts()
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(found, default=str, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    title = (
        f"{store.name}: {counts['documents']} documents, {counts['events']} article events, "
        f"{counts['canonical_events']} merged events"
    )
    table = Table(title=title, title_justify="left")
    for column in ("run", "started", "status", "read", "added", "replaced", "skipped", "failed"):
        table.add_column(column)
    table.add_column("events")
    table.add_column("problems")
    for run in found:
        table.add_row(
            str(run["id"]),
            str(run["started_at"])[:19],
            run["status"],
            *(
                str(run[k])
                for k in (
                    "documents_read",
                    "documents_added",
                    "documents_replaced",
                    "documents_skipped",
                    "documents_failed",
                    "events_added",
                    "problems",
                )
            ),
        )
    console = Console(width=None if sys.stdout.isatty() else 160)
    console.print(table)
    for run in found:
        for failure in run["failures"]:
            console.print(f"run {run['id']}: {failure['message']}", markup=False)

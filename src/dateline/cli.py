"""The ``dateline`` command: a thin click layer over the library.

Each command parses its options and calls one library function that the tests call too.
Data goes to stdout (or ``-o FILE``), progress and messages to stderr.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from . import __version__
from .checkpoint import JsonlCheckpoint
from .config import Config, load_config
from .document import Document
from .errors import DatelineError

FORMATS = ("table", "json", "jsonl")


def _fail(message: str) -> None:
    click.echo(f"dateline: error: {message}", err=True)


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def _load_config(path: str | None) -> Config:
    try:
        return load_config(path)
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from exc


@contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    """stdout, or a file replaced only once everything is written (a killed run leaves the old one)."""
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        os.chmod(tmp, _file_mode(target))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def _checkpointed(checkpoint: JsonlCheckpoint) -> Iterator[IO[str]]:
    """The checkpoint's partial file; it becomes the output only if the batch completes."""
    handle = checkpoint.open()
    try:
        yield handle
    except BaseException:
        checkpoint.close()
        raise
    handle.flush()
    checkpoint.finish()


def _file_mode(target: Path) -> int:
    """The mode a new file would get (mkstemp's temporary file is private), or the old file's."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
@click.option("-v", "--verbose", count=True, help="Log what happens to stderr (-vv: more).")
def cli(verbose: int) -> None:
    """dateline: who did what to whom, where, when, how many were killed, and who says so."""
    if verbose:
        import logging

        logging.basicConfig(
            level=logging.DEBUG if verbose > 1 else logging.INFO,
            format="dateline: %(levelname)s: %(name)s: %(message)s",
            stream=sys.stderr,
        )


# -- extract ----------------------------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format [default: table on a terminal, json otherwise].",
)
@click.option(
    "--published",
    callback=_date_option,
    metavar="YYYY-MM-DD",
    help="Publication date; overrides what the text says.",
)
@click.option(
    "--no-clean", is_flag=True, help="Use the text exactly as given (no boilerplate removal)."
)
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write to FILE instead of standard output. With --format jsonl a killed run resumes: "
    "a rerun skips the documents already in FILE.partial.",
)
@click.option(
    "--config", "config_path", metavar="FILE", help="A TOML file overriding the defaults."
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr once there is more than one document [default: on a terminal].",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes to run the pipeline in; output order stays the input order.",
)
def extract(
    paths: tuple[str, ...],
    fmt: str | None,
    published: str | None,
    no_clean: bool,
    output: str | None,
    config_path: str | None,
    progress: bool | None,
    workers: int,
) -> None:
    """Extract events, places, dates, quotes and claims from articles.

    PATHS are text, HTML or JSON Lines files, directories, globs, or - for standard input.
    """
    from concurrent.futures.process import BrokenProcessPool

    from .ingest import read_inputs
    from .pipeline import Pipeline
    from .runner import pipe_parallel

    config = _load_config(config_path)
    if workers == 1:
        try:
            pipeline = Pipeline(config)
        except DatelineError as exc:
            raise click.ClickException(str(exc)) from exc
    if fmt is None:
        fmt = "table" if (output is None and sys.stdout.isatty()) else "json"

    failures = 0
    docs: Iterable[Document] = read_inputs(
        paths, config=config, published=published, clean=not no_clean
    )
    checkpoint = None
    if fmt == "jsonl" and output not in (None, "-"):
        # Resumable: documents already in OUTPUT.partial from a killed run are skipped.
        checkpoint = JsonlCheckpoint(output)
        done = checkpoint.done_ids()
        if done:
            click.echo(
                f"dateline: resuming: {len(done)} document(s) already in {checkpoint.partial}",
                err=True,
            )
            docs = (doc for doc in docs if doc.failed or doc.id not in done)
    processed = (
        pipeline.pipe(docs) if workers == 1 else pipe_parallel(docs, config=config, workers=workers)
    )
    opened = _checkpointed(checkpoint) if checkpoint else _output(output)
    with opened as out, _progress(progress) as reporter:
        writer = _WRITERS[fmt](out)
        try:
            for doc in processed:
                reporter.advance()
                if doc.failed:
                    failures += 1
                    reporter.echo(f"dateline: error: {doc.error}")
                    continue
                for problem in doc.problems:
                    reporter.echo(f"dateline: warning: {doc.source or doc.id}: {problem.message}")
                writer.write(doc)
        except BrokenProcessPool as exc:
            raise click.ClickException(
                f"a worker process failed ({exc or 'it could not start'}); "
                "run with --workers 1 to see why"
            ) from exc
        writer.close()
    if failures:
        _fail(f"{failures} input(s) could not be read; the others were written")
        sys.exit(1)


class _Progress:
    """advance() per document; the bar appears on stderr once a second document comes.

    Messages go through ``echo`` so that they print above a running bar, not through it.
    """

    def __init__(self, enabled: bool, label: str) -> None:
        self.bar: Any = None
        self.seen = 0
        if enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bar = Progress(
                TextColumn(label),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.task = self.bar.add_task(label, total=None)

    def advance(self) -> None:
        self.seen += 1
        if self.bar is None:
            return
        if self.seen == 2:  # one document needs no bar
            self.bar.start()
        self.bar.advance(self.task)

    def echo(self, message: str) -> None:
        if self.bar is not None and self.seen >= 2:
            self.bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(message, err=True)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def _progress(enabled: bool | None, label: str = "extracting") -> Iterator[_Progress]:
    """A progress reporter; ``enabled`` None means only when stderr is a terminal."""
    reporter = _Progress(sys.stderr.isatty() if enabled is None else enabled, label)
    try:
        yield reporter
    finally:
        reporter.stop()


class _JsonWriter:
    """One document: one object; several: a JSON array, streamed."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.pending: Document | None = None
        self.count = 0

    def write(self, doc: Document) -> None:
        if self.count == 1 and self.pending is not None:
            self.out.write("[\n" + _indent(self.pending.to_json()))
            self.pending = None
        if self.count == 0:
            self.pending = doc
        else:
            self.out.write(",\n" + _indent(doc.to_json()))
        self.count += 1

    def close(self) -> None:
        if self.pending is not None:
            self.out.write(self.pending.to_json() + "\n")
        elif self.count > 1:
            self.out.write("\n]\n")


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


class _JsonlWriter:
    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, doc: Document) -> None:
        self.out.write(json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")
        self.out.flush()  # a killed batch keeps every document written so far

    def close(self) -> None:
        pass


class _TableWriter:
    def __init__(self, out: IO[str]):
        from rich.console import Console

        self.console = Console(file=out, width=None if out.isatty() else 120)

    def write(self, doc: Document) -> None:
        from .render import render_document

        for part in render_document(doc):
            self.console.print(part)

    def close(self) -> None:
        pass


_WRITERS: dict[str, Callable[[IO[str]], Any]] = {
    "json": _JsonWriter,
    "jsonl": _JsonlWriter,
    "table": _TableWriter,
}


# -- eval -------------------------------------------------------------------------------------
@cli.command("eval")
@click.option(
    "--data",
    "data_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder holding eval/ and seed/ (the gold corpora); they are read, never copied.",
)
@click.option("--only", multiple=True, metavar="NAME", help="Run only these scorers (repeatable).")
@click.option("--split", type=click.Choice(["dev", "test"]), default="test", show_default=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "scorecard"]),
    default="table",
    show_default=True,
    help="scorecard: the committed machine-readable scorecard (docs/scorecard.json).",
)
@click.option(
    "--check",
    "check_path",
    metavar="SCORECARD",
    help="Fail, with a table of what differs, unless every number equals this scorecard's.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes to run the pipeline in (the same numbers, sooner).",
)
@click.option(
    "--errors",
    "n_errors",
    type=int,
    default=0,
    metavar="N",
    help="Show the N most frequent kinds of error.",
)
@click.option(
    "--limit",
    type=int,
    default=None,
    metavar="N",
    help="Score only the first N documents of each corpus (quick checks).",
)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of standard output.")
@click.option(
    "--config", "config_path", metavar="FILE", help="A TOML file overriding the defaults."
)
def eval_(
    data_dir: Path,
    only: tuple[str, ...],
    split: str,
    fmt: str,
    check_path: str | None,
    workers: int,
    n_errors: int,
    limit: int | None,
    output: str | None,
    config_path: str | None,
) -> None:
    """Score every component against the public gold corpora under --data."""
    from contextlib import nullcontext

    from rich.console import Console

    from .evaluate.report import render, to_json
    from .evaluate.runner import run_eval
    from .evaluate.scorecard import build, dumps, load
    from .pipeline import Pipeline
    from .runner import ParallelPipeline

    if not data_dir.exists():
        raise click.ClickException(f"{data_dir}: no such folder; give the folder that holds eval/")
    committed = None
    if check_path is not None:
        try:
            committed = load(check_path)
        except (OSError, ValueError) as exc:
            raise click.ClickException(f"{check_path}: cannot read the scorecard: {exc}") from exc
    try:
        config = _load_config(config_path)
        runner = (
            ParallelPipeline(config, workers=workers)
            if workers > 1
            else nullcontext(Pipeline(config))
        )
        with runner as pipeline, _progress(None, label="scoring") as reporter:
            results, notes = run_eval(
                data_dir,
                only=list(only) or None,
                split=split,
                pipeline=pipeline,
                progress=lambda name, done, total: reporter.advance(),
                limit=limit,
            )
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt != "table" or output not in (None, "-"):  # the table on stdout lists them itself
        for note in notes:
            click.echo(f"dateline eval: {note}", err=True)
    if committed is not None:
        _check_scorecard(committed, build(results, split=split), check_path or "", only)
        return
    with _output(output) as out:
        if fmt == "scorecard":
            out.write(dumps(build(results, split=split)))
        elif fmt == "json":
            out.write(to_json(results, max_errors=n_errors) + "\n")
        else:
            console = Console(file=out, width=None if out.isatty() else 160)
            render(results, console, notes=notes, errors=n_errors)


def _check_scorecard(
    committed: dict[str, Any], now: dict[str, Any], path: str, only: tuple[str, ...]
) -> None:
    """Exit 1 with a table of every number that moved, unless none did."""
    from rich.console import Console
    from rich.table import Table

    from .evaluate.scorecard import compare

    differences = compare(committed, now, only=only)
    if not differences:
        click.echo(f"dateline eval: every number equals {path}", err=True)
        return
    table = Table(title=f"{len(differences)} number(s) differ from {path}")
    for column in ("corpus", "metric", "committed", "now", "change"):
        table.add_column(column)
    for d in differences:
        table.add_row(d.corpus, d.metric, str(d.committed), str(d.now), d.describe())
    Console(stderr=True, width=120).print(table)
    _fail(
        f"the scores differ from {path}: if the change is meant, run `make scorecard` and "
        "commit the new scorecard with it"
    )
    sys.exit(1)


# -- bench ------------------------------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True)
@click.option(
    "--split", default=None, help="For JSONL corpora with a split field: only this split."
)
@click.option("--limit", type=int, default=None, metavar="N", help="Only the first N documents.")
@click.option(
    "--repeat",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Time each side N times and report the median.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--config", "config_path", metavar="FILE", help="A TOML file overriding the defaults."
)
def bench(
    paths: tuple[str, ...],
    workers: int,
    split: str | None,
    limit: int | None,
    repeat: int,
    fmt: str,
    config_path: str | None,
) -> None:
    """Throughput, peak memory and cold start of dateline against bare spaCy on a corpus."""
    from .bench import render_table, run_bench

    try:
        result = run_bench(
            list(paths),
            workers=workers,
            split=split,
            limit=limit,
            repeat=repeat,
            config=_load_config(config_path),
        )
    except DatelineError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2))
    else:
        click.echo(render_table(result))


# -- schema and stages ------------------------------------------------------------------------
@cli.command()
def schema() -> None:
    """Print the JSON Schema of the output contract (dateline/1)."""
    from .schema import schema_json

    click.echo(schema_json(), nl=False)


@cli.command("stages")
@click.option(
    "--config", "config_path", metavar="FILE", help="A TOML file overriding the defaults."
)
def stages_(config_path: str | None) -> None:
    """List the registered stages, marking those the configuration runs."""
    from .registry import stages

    active = _load_config(config_path).pipeline.stages
    for name in stages.names():
        info = stages.get(name)
        mark = f"{active.index(name) + 1:>2}" if name in active else " -"
        click.echo(f"{mark}  {name:<24} {info.doc}")


# -- gazetteer --------------------------------------------------------------------------------
@cli.group()
def gazetteer() -> None:
    """Build or query the offline gazetteer index, or train its ranker (GeoNames data, CC BY 4.0)."""


@gazetteer.command("build")
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Where to write the index (default: inside the package, or $DATELINE_GAZETTEER).",
)
def gazetteer_build(output: str | None) -> None:
    """Build the index from the installed packages (make setup runs this once)."""
    from .gazetteer.build import build
    from .gazetteer.index import default_path

    target = Path(output) if output else default_path()
    try:
        counts = build(target)
    except (OSError, ValueError, ImportError) as exc:
        _fail(f"{target}: cannot build the gazetteer: {exc}")
        sys.exit(1)
    summary = ", ".join(f"{n:,} {kind}" for kind, n in counts.items())
    click.echo(f"{target}: {summary}", err=True)


@gazetteer.command("train")
@click.option(
    "--data",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder holding eval/ (the geoparsing gold corpora); only their dev splits are read.",
)
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the ranker (default: the shipped resources/place_ranker.json).",
)
@click.option(
    "--cache",
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the recognised names here between runs (the parse is the slow part).",
)
@click.option(
    "--corpora",
    default="lgl,trnews,geowebnews,geovirus",
    show_default=True,
    help="Comma-separated geo corpora to train on.",
)
def gazetteer_train(data: Path, output: Path | None, cache: Path | None, corpora: str) -> None:
    """Train the place ranker and its confidence model on the geo corpora's dev splits."""
    from .gazetteer.train import run

    try:
        target, counts = run(
            data, corpora=[c for c in corpora.split(",") if c], output=output, cache=cache
        )
    except DatelineError as exc:
        _fail(str(exc))
        sys.exit(1)
    summary = ", ".join(f"{n:,} {corpus}" for corpus, n in counts.items())
    click.echo(f"{target}: trained on names of {summary}", err=True)


@gazetteer.command("lookup")
@click.argument("names", nargs=-1, required=True)
@click.option("--limit", type=int, default=5, show_default=True, help="Candidates per name.")
def gazetteer_lookup(names: tuple[str, ...], limit: int) -> None:
    """Show the records a name may refer to, as the resolver ranks them without context."""
    from .config import load_config
    from .gazetteer.index import open_gazetteer
    from .gazetteer.rank import Mention, Resolver, load_ranker

    try:
        settings = load_config().places
        resolver = Resolver(open_gazetteer(), load_ranker(settings.ranker or None))
    except DatelineError as exc:
        _fail(str(exc))
        sys.exit(1)
    for name in names:
        ranked = resolver.rank(Mention(0, len(name), name), None)
        click.echo(f"{name}: {len(ranked)} candidate(s)")
        for score, cand in ranked[:limit]:
            where = ", ".join(x for x in (cand.admin1, cand.country) if x)
            click.echo(
                f"  {score:6.2f}  {cand.name} ({where}) {cand.feature} "
                f"{cand.lat:.4f},{cand.lon:.4f} pop {cand.population:,}"
            )


def main() -> None:
    """Entry point of the ``dateline`` script."""
    try:
        cli(standalone_mode=True)
    except DatelineError as exc:  # pragma: no cover - click handles ClickException itself
        _fail(str(exc))
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()

"""The ``dateline`` command: a thin click layer over the library.

Each command parses its options and calls library functions that the tests call too: output
writing lives in ``output``, resuming in ``checkpoint``, parallel runs in ``runner``. Data goes
to stdout (or ``-o FILE``); progress, logs and messages go to stderr, every error in one form:
``dateline: error: MESSAGE``. Options that several commands take are declared once, below.
"""

from __future__ import annotations

import json
import logging
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import IO, Any

import click

from . import __version__
from .config import Config, load_config
from .document import Document
from .errors import DatelineError
from .options import (
    config_option,
    input_options,
    progress_option,
    verbose_option,
    workers_option,
)
from .progress import progress as _progress

log = logging.getLogger("dateline.cli")


# -- one form of error --------------------------------------------------------------------------
class CliError(click.ClickException):
    """An error the user can act on, shown as one line: ``dateline: error: MESSAGE``."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"dateline: error: {self.format_message()}", err=True)


class CliUsageError(CliError):
    """A command line that cannot be run as written (exit status 2, as click's own)."""

    exit_code = 2


class CliInterrupted(CliError):
    """Ctrl-C (exit status 130, as a shell reports SIGINT)."""

    exit_code = 130


def _usage_error(exc: click.UsageError) -> CliError:
    where = exc.ctx.command_path if exc.ctx is not None else "dateline"
    message = exc.format_message()
    return CliUsageError(f"{message[:1].lower()}{message[1:]} (see '{where} --help')")


class _Group(click.Group):
    """A group whose usage errors, library errors and interruptions read like every error."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as exc:
            raise _usage_error(exc) from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as exc:
            raise _usage_error(exc) from exc
        except CliError:
            raise
        except click.ClickException as exc:  # a command's own: shown in the one form too
            kind = CliUsageError if exc.exit_code == 2 else CliError
            raise kind(exc.format_message()) from exc
        except DatelineError as exc:
            raise CliError(str(exc)) from exc
        except KeyboardInterrupt:
            raise CliInterrupted("interrupted") from None


def _fail(message: str) -> None:
    click.echo(f"dateline: error: {message}", err=True)


def _warn(message: str) -> None:
    click.echo(f"dateline: warning: {message}", err=True)


def _load_config(path: str | None) -> Config:
    try:
        return load_config(path)
    except DatelineError as exc:
        raise CliError(str(exc)) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
@verbose_option
def cli() -> None:
    """dateline: who did what to whom, where, when, how many were killed, and who says so."""


# -- signals ------------------------------------------------------------------------------------
@contextmanager
def _sigterm_stops(note: str) -> Iterator[None]:
    """SIGTERM stops the command like Ctrl-C: workers are stopped, files closed, exit 143."""
    if sys.platform == "win32":  # pragma: no cover
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        _fail(f"stopped by SIGTERM{note}")
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (an embedding program): leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# -- extract ------------------------------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl"]),
    default=None,
    help="Output format: table, json (always one array of documents) or jsonl "
    "(one document per line) [default: table on a terminal, json otherwise].",
)
@input_options
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write to FILE instead of standard output (replaced only once complete). With "
    "--format jsonl a killed run resumes: the same command again skips the documents "
    "already in FILE.partial (discarding them if the configuration or options changed).",
)
@config_option
@progress_option
@workers_option
@verbose_option
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
    """Extract what the configured stages find in news articles, each value with its evidence.

    PATHS are text, HTML or JSON Lines files, directories, globs, or - for standard input.
    `dateline stages` lists the stages that run; their records are described in
    docs/output.md.
    """
    from .ingest import read_inputs
    from .output import check_output_path

    config = _load_config(config_path)
    if fmt is None:
        fmt = "table" if (output is None and sys.stdout.isatty()) else "json"
    to_file = output not in (None, "-")
    target = check_output_path(output) if output is not None and to_file else None
    log.info("extracting %s with %d worker(s), format %s", ", ".join(paths), workers, fmt)

    docs: Iterable[Document] = read_inputs(
        paths, config=config, published=published, clean=not no_clean
    )
    checkpoint = None
    if fmt == "jsonl" and target is not None:
        checkpoint = _resume(target, config, clean=not no_clean, published=published)
        docs = (doc for doc in docs if doc.failed or checkpoint.wanted(doc))

    note = "; run the same command again to resume" if checkpoint else ""
    with _sigterm_stops(note):
        failures, written = _run_extract(docs, fmt, output, checkpoint, config, workers, progress)
    if checkpoint is not None:
        stale = checkpoint.finish()
        if stale:
            _warn(
                f"discarded {stale} document(s) from {checkpoint.partial}: no input of this "
                "run gives them any more (changed or removed since the run that wrote them)"
            )
    log.info("%d document(s) written, %d input(s) failed", written, failures)
    if failures:
        _fail(f"{failures} input(s) could not be read; the others were written")
        sys.exit(1)


def _resume(target: Path, config: Config, *, clean: bool, published: str | None) -> Any:
    from .checkpoint import JsonlCheckpoint, RunKey
    from .config import config_hash
    from .pipeline import model_info

    model = model_info(config)
    run = RunKey(
        dateline=__version__,
        model=f"{model.name} {model.version}" if model.version else model.name,
        config=config_hash(config),
        clean=clean,
        published=published,
    )
    checkpoint = JsonlCheckpoint(target, run)
    resumed = checkpoint.resume()
    if resumed.discarded:
        _warn(
            f"discarded {resumed.discarded} document(s) from {checkpoint.partial}: "
            f"{resumed.reason}; they are extracted again"
        )
    if resumed.kept:
        click.echo(
            f"dateline: resuming: {resumed.kept} document(s) already in {checkpoint.partial}",
            err=True,
        )
    return checkpoint


def _run_extract(
    docs: Iterable[Document],
    fmt: str,
    output: str | None,
    checkpoint: Any,
    config: Config,
    workers: int,
    progress: bool | None,
) -> tuple[int, int]:
    from concurrent.futures.process import BrokenProcessPool

    from .output import make_writer, open_output
    from .pipeline import Pipeline
    from .runner import pipe_parallel, release_parse

    if workers == 1:
        pipeline = Pipeline(config)
        processed: Iterator[Document] = pipeline.pipe(docs)
    else:
        processed = pipe_parallel(docs, config=config, workers=workers)
    failures = written = 0
    start = time.perf_counter()
    opened = _checkpointed(checkpoint) if checkpoint is not None else open_output(output)
    with opened as out, _progress(progress) as reporter, _closing(processed):
        writer = make_writer(fmt, out)
        to_terminal = out.isatty()
        try:
            for doc in processed:
                release_parse(doc)  # before the output is built: most of a long article's memory
                reporter.advance()
                if doc.failed:
                    failures += 1
                    reporter.echo(f"dateline: error: {doc.error}")
                    continue
                for problem in doc.problems:
                    reporter.echo(f"dateline: warning: {doc.source or doc.id}: {problem.message}")
                log.info("%s: %s", doc.source or doc.id, _found(doc))
                if to_terminal:
                    with reporter.paused():
                        writer.write(doc)
                else:
                    writer.write(doc)
                written += 1
        except BrokenProcessPool as exc:
            raise CliError(
                f"a worker process failed ({exc or 'it could not start'}); "
                "run with --workers 1 to see why"
            ) from exc
        writer.close()
    if workers == 1:
        elapsed = time.perf_counter() - start
        log.info("stage times: %s (of %.2f s)", _timing_summary(pipeline), elapsed)
    return failures, written


@contextmanager
def _closing(stream: Iterator[Document]) -> Iterator[None]:
    """Close a document stream left early, so that its worker processes stop at once."""
    try:
        yield
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()


def _found(doc: Document) -> str:
    kinds = ("entities", "places", "times", "events", "quotes", "claims")
    return ", ".join(f"{len(getattr(doc, kind))} {kind}" for kind in kinds)


def _timing_summary(pipeline: Any) -> str:
    return ", ".join(
        f"{name.removeprefix('dateline.')} {timing.seconds:.2f} s"
        for name, timing in pipeline.timings.items()
    )


@contextmanager
def _checkpointed(checkpoint: Any) -> Iterator[IO[str]]:
    """The checkpoint's partial file, opened before the batch; kept as it is on an error."""
    handle = checkpoint.open()
    try:
        yield handle
    except BaseException:
        checkpoint.close()
        raise
    handle.flush()


# -- eval ---------------------------------------------------------------------------------------
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
@workers_option
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
@config_option
@verbose_option
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
    from .output import check_output_path, open_output
    from .pipeline import Pipeline
    from .runner import ParallelPipeline

    if not data_dir.exists():
        raise CliError(f"{data_dir}: no such folder; give the folder that holds eval/")
    if output not in (None, "-"):
        check_output_path(str(output))
    committed = None
    if check_path is not None:
        try:
            committed = load(check_path)
        except (OSError, ValueError) as exc:
            raise CliError(f"{check_path}: cannot read the scorecard: {exc}") from exc
    config = _load_config(config_path)
    runner = (
        ParallelPipeline(config, workers=workers) if workers > 1 else nullcontext(Pipeline(config))
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
    if fmt != "table" or output not in (None, "-"):  # the table on stdout lists them itself
        for note in notes:
            click.echo(f"dateline eval: {note}", err=True)
    if committed is not None:
        _check_scorecard(committed, build(results, split=split), check_path or "", only)
        return
    with open_output(output) as out:
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


# -- bench --------------------------------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, required=True)
@workers_option
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
@config_option
@verbose_option
def bench(
    paths: tuple[str, ...],
    workers: int,
    split: str | None,
    limit: int | None,
    repeat: int,
    fmt: str,
    config_path: str | None,
) -> None:
    """Throughput, memory and start-up of dateline against bare spaCy, and each stage's share."""
    from .bench import render_table, run_bench
    from .errors import InputError

    errors: list[InputError] = []
    try:
        result = run_bench(
            list(paths),
            workers=workers,
            split=split,
            limit=limit,
            repeat=repeat,
            config=_load_config(config_path),
            errors=errors,
        )
    finally:
        for error in errors:
            _fail(str(error))
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2))
    else:
        click.echo(render_table(result))
    if errors:
        _fail(f"{len(errors)} input(s) could not be read; the others were measured")
        sys.exit(1)


# -- schema and stages --------------------------------------------------------------------------
@cli.command()
def schema() -> None:
    """Print the JSON Schema of the output contract (dateline/1)."""
    from .schema import schema_json

    click.echo(schema_json(), nl=False)


@cli.command("stages")
@config_option
@verbose_option
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


# The corpus store's commands live with the store (src/dateline/store/cli.py).
from .store import cli as store_cli  # noqa: E402

cli.add_command(store_cli.ingest)
cli.add_command(store_cli.events)
cli.add_command(store_cli.runs)


def main() -> None:
    """Entry point of the ``dateline`` script."""
    try:
        cli(standalone_mode=True)
    except DatelineError as exc:  # pragma: no cover - the group turns these into CliError
        _fail(str(exc))
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()

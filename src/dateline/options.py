"""Command-line options that several commands take, declared once.

``dateline extract``, ``eval``, ``bench``, ``stages`` and the store's ``ingest``, ``events``
and ``runs`` share these decorators, so that an option reads and behaves the same in every
command (sqlite-utils' ``output_options`` is the model). ``-v`` is accepted before or after
the command name and logs the ``dateline`` loggers to stderr for the command's duration.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = [
    "config_option",
    "input_options",
    "progress_option",
    "show_progress",
    "verbose_option",
    "workers_option",
]

F = TypeVar("F", bound=Callable[..., Any])


# -- logging ------------------------------------------------------------------------------------
class _StderrHandler(logging.Handler):
    """Log lines on whatever stderr is at the time (a progress bar prints them above itself)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            click.echo(self.format(record), err=True)
        except Exception:  # pragma: no cover - logging must never break a run
            self.handleError(record)


def _set_verbosity(ctx: click.Context, param: click.Parameter, value: int) -> int:
    """``-v`` on the group or on a command (or both): the highest wins."""
    root = ctx.find_root()
    level = max(root.meta.get("dateline.verbose", 0), value)
    root.meta["dateline.verbose"] = level
    if level:
        logger = logging.getLogger("dateline")
        if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
            handler = _StderrHandler()
            handler.setFormatter(
                logging.Formatter("dateline: %(levelname)s: %(name)s: %(message)s")
            )
            logger.addHandler(handler)
            previous = logger.level

            def restore() -> None:
                logger.removeHandler(handler)
                logger.setLevel(previous)

            root.call_on_close(restore)
        logger.setLevel(logging.DEBUG if level > 1 else logging.INFO)
    return value


# -- options several commands share (declared once) ---------------------------------------------
def verbose_option(func: F) -> F:
    return click.option(
        "-v",
        "--verbose",
        count=True,
        expose_value=False,
        is_eager=True,
        callback=_set_verbosity,
        help="Log what happens to stderr (-vv: more); before or after the command.",
    )(func)


def config_option(func: F) -> F:
    return click.option(
        "--config", "config_path", metavar="FILE", help="A TOML file overriding the defaults."
    )(func)


def workers_option(func: F) -> F:
    return click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Processes to run the pipeline in; output order stays the input order.",
    )(func)


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def input_options(func: F) -> F:
    """How inputs are read: --published and --no-clean (extract, and the coming ingest)."""
    func = click.option(
        "--no-clean",
        is_flag=True,
        help="Use the text exactly as given (no boilerplate removal).",
    )(func)
    return click.option(
        "--published",
        callback=_date_option,
        metavar="YYYY-MM-DD",
        help="Publication date; overrides what the text says.",
    )(func)


def progress_option(func: F) -> F:
    return click.option(
        "--progress/--no-progress",
        default=None,
        help="Progress bar on stderr once there is more than one document "
        "[default: on a terminal, unless -v].",
    )(func)


def show_progress(progress: bool | None) -> bool:
    """Whether to show a progress bar: as asked, else on a terminal when nothing is logged."""
    if progress is not None:
        return progress
    return sys.stderr.isatty() and not logging.getLogger("dateline").isEnabledFor(logging.INFO)

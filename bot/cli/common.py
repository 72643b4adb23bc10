"""Bits every subcommand shares: loading settings the same way everywhere."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.logs import configure_logging
from config.settings import Settings, load_settings


def add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        help="settings file to use (default: CAREBOT_CONFIG, else config/carebot.toml)",
    )


def settings_from(args: argparse.Namespace) -> Settings:
    settings = load_settings(getattr(args, "config", None))
    configure_logging(settings.log_level, settings.log_format)
    return settings

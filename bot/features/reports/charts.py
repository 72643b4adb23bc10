"""Bar charts as PNG bytes, drawn with matplotlib's Agg renderer.

matplotlib is imported here, inside the functions, only when a report is made: carebot
starts as fast and small as before. No pyplot and no global settings are touched, so
charts can be drawn in a worker thread; the same figures always give the same bytes
(fixed size, fonts and colours, and no date or version written into the file).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.features.reports.chart_plan import BarChart

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Okabe-Ito colours: told apart by people with the common kinds of colour blindness.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7")
WIDTH_INCHES = 8.0
DPI = 100
LABEL_INCHES_PER_CHAR = 0.075  # 9-point labels
MOST_WEEK_LABELS = 14  # more weeks than this and only every few are labelled
FEW_CATEGORIES = 8  # up to this many labels fit side by side, unslanted


def render(chart: BarChart) -> bytes:
    """One chart as a PNG."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    rows = len(chart.categories)
    height = max(2.4, 0.32 * rows + 1.3) if chart.horizontal else 3.4
    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI)
    FigureCanvasAgg(figure)
    _margins(figure, chart, height)
    axes = figure.add_subplot()
    count = len(chart.series)
    thickness = 0.8 / count
    for index, series in enumerate(chart.series):
        bars = PolyCollection(
            _bars(series.values, index, thickness, chart.horizontal),
            facecolors=COLOURS[index % len(COLOURS)],
            label=series.label,
        )
        axes.add_collection(bars)  # one collection: far quicker than a patch per bar
    top = max((v for s in chart.series for v in s.values), default=0) or 1
    span = (-0.6, rows - 0.4)
    axes.set_xlim(*((0, top * 1.05) if chart.horizontal else span))
    axes.set_ylim(*(span if chart.horizontal else (0, top * 1.05)))
    labels, shown_at = _labels(chart)
    value_axis = axes.xaxis if chart.horizontal else axes.yaxis
    value_axis.set_major_locator(MaxNLocator(integer=True))
    if chart.horizontal:
        axes.set_yticks(shown_at, labels, fontsize=9)
        axes.invert_yaxis()  # the first (largest) at the top, as in the table
        axes.set_xlabel(chart.value_axis, fontsize=9)
    else:
        slanted = len(chart.categories) > FEW_CATEGORIES
        axes.set_xticks(
            shown_at,
            labels,
            fontsize=8,
            rotation=45 if slanted else 0,
            ha="right" if slanted else "center",
        )
        axes.set_xlabel(chart.category_axis, fontsize=9)
        axes.set_ylabel(chart.value_axis, fontsize=9)
    axes.set_title(chart.title, fontsize=11, loc="left")
    axes.spines[["top", "right"]].set_visible(False)
    if count > 1:
        axes.legend(
            fontsize=8, frameon=False, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=count
        )
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()


def _bars(
    values: Sequence[int], index: int, thickness: float, horizontal: bool
) -> list[list[tuple[float, float]]]:
    """The corners of each bar of one series, side by side with the other series."""
    corners = []
    for place, value in enumerate(values):
        low = place - 0.4 + thickness * index
        high = low + thickness
        box = [(low, 0.0), (low, value), (high, value), (high, 0.0)]
        corners.append([(y, x) for x, y in box] if horizontal else box)
    return corners


def _margins(figure: Figure, chart: BarChart, height: float) -> None:
    """Fixed room for the labels: much quicker than letting matplotlib work the layout out."""
    title, bottom = 0.45 / height, (0.55 if chart.horizontal else 0.95) / height
    if chart.horizontal:
        longest = max((len(label) for label in chart.categories), default=0)
        left = min(0.45, (0.35 + LABEL_INCHES_PER_CHAR * longest) / WIDTH_INCHES)
    else:
        left = 0.08
    figure.subplots_adjust(left=left, right=0.98, top=1 - title, bottom=bottom)


def _labels(chart: BarChart) -> tuple[list[str], list[int]]:
    """Every category's label, or every few weeks' on a long weekly chart."""
    places = list(range(len(chart.categories)))
    step = 1
    if not chart.horizontal and len(places) > MOST_WEEK_LABELS:
        step = -(-len(places) // MOST_WEEK_LABELS)
    kept = places[::step]
    return [chart.categories[p] for p in kept], kept


def render_all(charts: Sequence[BarChart]) -> list[bytes]:
    return [render(chart) for chart in charts]

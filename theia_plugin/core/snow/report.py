"""The season report of an annual synthesis: calendar labels and the HTML page (no Qt).

The chart itself (a PNG) is drawn by the QGIS side (``toolbelt/snow_chart.py``); this module
builds what it shows and the page around it from ``SynthesisOutputs``.
"""

from __future__ import annotations

import html
from datetime import date, timedelta

from theia_plugin.core.i18n import tr


def month_abbreviations() -> tuple[str, ...]:
    return (
        tr("Jan"), tr("Feb"), tr("Mar"), tr("Apr"), tr("May"), tr("Jun"),
        tr("Jul"), tr("Aug"), tr("Sep"), tr("Oct"), tr("Nov"), tr("Dec"),
    )  # fmt: skip


def day_label(day: date) -> str:
    """``1 Dec``: how a legend names a day of the hydrological year."""
    return f"{day.day} {month_abbreviations()[day.month - 1]}"


def month_starts(start: date, end: date) -> list[tuple[int, date]]:
    """(day index from ``start``, date) of every first of a month in ``[start, end]``."""
    ticks = []
    day = start if start.day == 1 else date(start.year + start.month // 12, start.month % 12 + 1, 1)
    while day <= end:
        ticks.append(((day - start).days, day))
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return ticks


def day_of_period(start: date, index: int) -> date:
    return start + timedelta(days=index)


def report_html(outputs, chart_name: str | None) -> str:
    """The HTML page of a synthesis (``SynthesisOutputs``): chart, outputs, per-date table."""
    e = html.escape
    title = tr("Snow season {start} – {end}, tile {tile}").format(
        start=outputs.period_start, end=outputs.period_end, tile=outputs.tile
    )
    rows = []
    for d in outputs.dates:
        note = "" if d.in_period else e(tr("margin"))
        rows.append(
            f"<tr><td>{d.day.isoformat()}</td><td>{d.products}</td>"
            f"<td>{d.snow_percent:.1f}</td><td>{d.cloud_percent:.1f}</td>"
            f"<td>{d.nodata_percent:.1f}</td><td>{note}</td></tr>"
        )
    outputs_list = "".join(
        f"<li>{e(kind)}: <code>{e(path.name)}</code></li>" for kind, path in outputs.paths.items()
    )
    warnings = "".join(f"<li>{e(text)}</li>" for text in outputs.warnings)
    chart = (
        f'<p><img src="{e(chart_name)}" alt="{e(tr("Snow and cloud cover per date"))}"></p>'
        if chart_name
        else ""
    )
    headers = (
        tr("Date"),
        tr("Products"),
        tr("Snow (% of pixels with data)"),
        tr("Cloud (% of pixels with data)"),
        tr("No data (% of all pixels)"),
        "",
    )
    header_row = "".join(f"<th>{e(h)}</th>" for h in headers)
    in_period = [d for d in outputs.dates if d.in_period]
    intro = tr(
        "{dates} dates ({inside} inside the period), {products} products. SCD: snow cover "
        "duration (days); SOD / SMOD: first / last day of the longest snow period; NOBS: "
        "clear observations; NSP: changes of the daily snow state."
    ).format(dates=len(outputs.dates), inside=len(in_period), products=len(outputs.inputs))
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
        f"<title>{e(title)}</title>"
        "<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}"
        "td,th{border:1px solid #bbb;padding:2px 8px;text-align:right}"
        "th{background:#eee}</style></head><body>"
        f"<h1>{e(title)}</h1><p>{e(intro)}</p>{chart}"
        + (f"<h2>{e(tr('Warnings'))}</h2><ul>{warnings}</ul>" if warnings else "")
        + f"<h2>{e(tr('Outputs'))}</h2><ul>{outputs_list}</ul>"
        f"<h2>{e(tr('Per date'))}</h2><table><tr>{header_row}</tr>{''.join(rows)}</table>"
        "</body></html>\n"
    )


__all__ = ["day_label", "month_abbreviations", "month_starts", "report_html"]

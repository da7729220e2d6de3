"""HTML pages of the hub (Jinja2, autoescaped): the class list and one class's report."""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from app.hub.db import BUCKET_NAMES, ClassRow
from app.hub.report import Cell

_ENV = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)

_STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px; color: #1d2433; }
h1 { font-size: 22px; margin-bottom: 4px; } .muted { color: #5b6475; font-size: 13px; }
table { border-collapse: collapse; margin-top: 14px; font-size: 14px; }
th, td { border-bottom: 1px solid #dde2ea; padding: 6px 10px; text-align: right; }
th { background: #f2f5f9; } td.l, th.l { text-align: left; }
.ci { color: #5b6475; font-size: 12px; } .hidden { color: #8a93a3; font-style: italic; }
code { background: #f2f5f9; padding: 2px 6px; border-radius: 4px; font-size: 16px; }
.box { background: #f2f5f9; padding: 10px 14px; border-radius: 6px; margin: 10px 0; }
h2 { font-size: 18px; margin-top: 22px; } h3 { font-size: 15px; margin-bottom: 2px; }
"""

INDEX = _ENV.from_string("""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Lantern hub</title><style>{{ style }}</style></head><body>
<h1>Lantern school hub</h1>
<p class="muted">Only blurred weekly summaries arrive here: no names, no answers.</p>
<table><tr><th class="l">Class</th><th class="l">Class code for laptops</th>
<th>Summaries</th><th class="l">Report</th></tr>
{% for c, n in rows %}<tr><td class="l">{{ c.name }}</td><td class="l"><code>{{ c.code }}</code>
</td><td>{{ n }}</td><td class="l"><a href="/classes/{{ c.id }}">figures</a> ·
<a href="/classes/{{ c.id }}.csv">CSV</a></td></tr>{% endfor %}
</table></body></html>""")

CLASS = _ENV.from_string("""{% macro est(e, f="%.0f", m=1, u="") -%}
{{ f|format(m * e.value) }}{{ u }}<div class="ci">{{ f|format(m * e.low) }}&ndash;{{
f|format(m * e.high) }}{{ u }}</div>{%- endmacro %}
<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{{ cls.name }} · Lantern hub</title><style>{{ style }}</style></head><body>
<h1>Class {{ cls.name }}</h1>
<p class="muted">Class code for laptops: <code>{{ cls.code }}</code></p>
{{ secure }}
<h2>Per-learner summaries (local privacy)</h2>
<p class="muted"><a href="/classes/{{ cls.id }}.csv">download CSV</a><br>Each figure is a
total over the learners who synced that week, blurred for privacy on each laptop; the
grey range is where the true value lies with 95 % confidence. Cells with fewer than
{{ k }} summaries are hidden.</p>
<table><tr><th class="l">Week</th><th class="l">Skill</th><th>Learners</th>
<th>Questions tried</th><th>Share correct</th><th>Minutes</th>
{% for b in buckets %}<th>{{ b.replace("_", " ").capitalize() }}</th>{% endfor %}</tr>
{% for c in cells %}<tr><td class="l">{{ c.week }}</td><td class="l">{{ c.skill }}</td>
<td>{{ c.n }}</td>
{% if c.hidden %}<td class="hidden" colspan="{{ 3 + buckets|length }}">hidden: fewer than
{{ k }} learners</td>{% else %}
<td>{{ est(c.attempts) }}</td>
<td>{% if c.share_correct %}{{ est(c.share_correct, m=100, u=" %") }}{% else %}
<span class="hidden">too few</span>{% endif %}</td>
<td>{{ est(c.minutes) }}</td>
{% for b in buckets %}<td>{{ est(c.buckets[b], f="%.1f") }}</td>{% endfor %}
{% endif %}</tr>{% else %}<tr><td class="l" colspan="10">No summaries yet.</td></tr>
{% endfor %}</table></body></html>""")


def index_page(rows: list[tuple[ClassRow, int]]) -> str:
    return INDEX.render(rows=rows, style=_STYLE)


def class_page(cls: ClassRow, cells: list[Cell], k: int, secure: str = "") -> str:
    """``secure``: the secure-aggregation section (``app/hub/round_pages.py``), already
    rendered with autoescaping."""
    return CLASS.render(cls=cls, cells=cells, k=k, buckets=BUCKET_NAMES, style=_STYLE,
                        secure=Markup(secure))

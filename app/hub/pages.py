"""HTML pages of the hub (Jinja2, autoescaped): the class list, one class's report, and
the teacher's page (enrolment codes, devices, USB import)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import jinja2

from app.hub.db import BUCKET_NAMES, ClassRow
from app.hub.enrolment import Code, Device
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
"""

INDEX = _ENV.from_string("""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Lantern hub</title><style>{{ style }}</style></head><body>
<h1>Lantern school hub</h1>
<p class="muted">Only blurred weekly summaries arrive here: no names, no answers.</p>
<p class="muted">Teachers: <a href="/teacher">enrol laptops, manage devices, import USB
files</a>.</p>
<table><tr><th class="l">Class</th><th>Summaries</th><th class="l">Report</th></tr>
{% for c, n in rows %}<tr><td class="l">{{ c.name }}</td><td>{{ n }}</td>
<td class="l"><a href="/classes/{{ c.id }}">figures</a> ·
<a href="/classes/{{ c.id }}.csv">CSV</a></td></tr>{% endfor %}
</table></body></html>""")

CLASS = _ENV.from_string("""{% macro est(e, f="%.0f", m=1, u="") -%}
{{ f|format(m * e.value) }}{{ u }}<div class="ci">{{ f|format(m * e.low) }}&ndash;{{
f|format(m * e.high) }}{{ u }}</div>{%- endmacro %}
<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{{ cls.name }} · Lantern hub</title><style>{{ style }}</style></head><body>
<h1>Class {{ cls.name }}</h1>
<p class="muted"><a href="/classes/{{ cls.id }}.csv">download CSV</a><br>Each figure is a
total over the learners who synced that week, blurred for privacy; the grey range is where
the true value lies with 95 % confidence. Only laptops the teacher approved count; cells
with fewer than {{ k }} of them are hidden.</p>
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


def class_page(cls: ClassRow, cells: list[Cell], k: int) -> str:
    return CLASS.render(cls=cls, cells=cells, k=k, buckets=BUCKET_NAMES, style=_STYLE)

_HEAD = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{{ title }} · Lantern hub</title><style>{{ style }}</style></head><body>"""

LOGIN = _ENV.from_string(_HEAD + """<h1>Teacher sign-in</h1>
{% if not has_password %}<p>No teacher password is set on this hub yet. On the hub
computer, run <code>lantern-hub set-password</code>, then come back here.</p>
{% else %}{% if message %}<p><strong>{{ message }}</strong></p>{% endif %}
<form method="post" action="/teacher/login"><label>Hub password
<input type="password" name="password" autofocus required></label>
<button type="submit">Sign in</button></form>{% endif %}
<p class="muted"><a href="/">Back to the classes</a></p></body></html>""")

TEACHER = _ENV.from_string(_HEAD + """{% macro post(action, label) -%}
<form method="post" action="{{ action }}" style="display:inline">
<input type="hidden" name="csrf" value="{{ csrf }}"><button>{{ label }}</button></form>
{%- endmacro %}
<h1>For teachers</h1>
<p class="muted">A laptop joins a class with a one-time enrolment code from this page (or
an enrolment file from <code>lantern-hub enrol-file</code>). Each code enrols one laptop
and expires after {{ ttl_days }} days. Only approved laptops count in the class figures;
revoke a laptop you do not recognise and its summaries stop counting.
{{ post("/teacher/logout", "Sign out") }}</p>
{% for c in classes %}<h2 id="class-{{ c.cls.id }}">Class {{ c.cls.name }}</h2>
<form method="post" action="/teacher/classes/{{ c.cls.id }}/codes">
<input type="hidden" name="csrf" value="{{ csrf }}">
<label>New enrolment codes <input type="number" name="count" value="1" min="1"
max="{{ max_codes }}"></label> <button>Issue</button></form>
<table><tr><th class="l">Unused code</th><th class="l">Expires</th><th></th></tr>
{% for code in c.codes %}<tr><td class="l"><code>{{ code.shown }}</code></td>
<td class="l">{{ when(code.expires_at) }}</td>
<td>{{ post("/teacher/codes/" ~ code.code ~ "/revoke", "Revoke") }}</td></tr>
{% else %}<tr><td class="l" colspan="3">No unused codes.</td></tr>{% endfor %}</table>
<table><tr><th class="l">Laptop</th><th class="l">State</th><th class="l">Enrolled</th>
<th>Summaries</th><th class="l">Last week</th><th></th></tr>
{% for d in c.devices %}<tr><td class="l"><code>{{ d.key_id[:8] }}</code></td>
<td class="l">{{ d.status }}</td><td class="l">{{ when(d.enrolled_at) }}</td>
<td>{{ d.submissions }}</td><td class="l">{{ d.last_week or "" }}</td><td>
{% if d.status == "pending" %}{{ post("/teacher/devices/" ~ d.key_id ~ "/approve",
"Approve") }}{% endif %}
{% if d.status != "revoked" %}{{ post("/teacher/devices/" ~ d.key_id ~ "/revoke",
"Revoke") }}{% endif %}</td></tr>
{% else %}<tr><td class="l" colspan="6">No laptops enrolled yet.</td></tr>{% endfor %}
</table>{% else %}<p>No classes yet: add one with <code>lantern-hub add-class NAME</code>.
</p>{% endfor %}
<h2>Import USB files</h2>
<p class="muted">Files named <code>lantern-sync-….json</code>, written by laptops with no
network. Every summary's signature is checked; a file can be imported twice safely.</p>
<input type="file" id="usb" accept=".json" multiple> <button id="import">Import</button>
<pre id="result"></pre>
<script>
document.getElementById("import").onclick = async () => {
  const out = document.getElementById("result");
  out.textContent = "";
  for (const file of document.getElementById("usb").files) {
    const answer = await fetch("/api/import", {method: "POST", body: file,
      headers: {"Content-Type": "application/json", "X-CSRF-Token": {{ csrf|tojson }}}});
    const data = await answer.json();
    const counts = answer.ok ? Object.entries(data).map(([k, n]) => n + " " + k).join(", ")
                             : data.detail;
    out.textContent += file.name + ": " + counts + "\\n";
  }
};
</script></body></html>""")


@dataclass(frozen=True)
class ClassAdmin:
    cls: ClassRow
    codes: list[Code]
    devices: list[Device]


def _when(stamp: int | None) -> str:
    if stamp is None:
        return ""
    return dt.datetime.fromtimestamp(stamp, dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def login_page(*, has_password: bool, message: str = "") -> str:
    return LOGIN.render(title="Teacher sign-in", style=_STYLE, has_password=has_password,
                        message=message)


def teacher_page(classes: list[ClassAdmin], *, csrf: str, ttl_days: int,
                 max_codes: int) -> str:
    return TEACHER.render(title="For teachers", style=_STYLE, classes=classes, csrf=csrf,
                          ttl_days=ttl_days, max_codes=max_codes, when=_when)

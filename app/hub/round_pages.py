"""Secure-aggregation rounds on the hub's pages: on the public class page, the round under
way and the figures of finished rounds; on the teacher's page (signed in), what to do and
carry now and the forms that start a round or close a step."""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from app.core.sync.records import BUCKETS
from app.core.sync.skellam import BUCKETS as BUCKET_GROUP
from app.core.sync.skellam import calibrate
from app.hub.report import Estimate
from app.hub.round_report import half_width, skill_results
from app.hub.rounds import MIN_ROSTER, RoundRow, threshold_for

EPSILONS = (1, 2, 4)  # the teacher's choices on the page; laptops cap them at their own

_ENV = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)

STEPS = {
    "keys": ("Step 1 of 3: collecting the laptops' round keys.",
             "Network: on each laptop, in For teachers → Class summaries, press “Class "
             "round: next step”. USB stick, trip 1: download the round file below onto "
             "the stick, press “Class round with USB stick…” on each laptop, bring the "
             "stick back and import the lantern-answers files (below, or lantern-hub "
             "import). Trip 1 "
             "also carries step 3 of last week's round, if it is open."),
    "input": ("Step 2 of 3: collecting masked summaries.",
              "Network: press “Class round: next step” on each laptop again. USB stick, "
              "trip 2: download the round file again (it now holds every laptop's public "
              "key), press “Class round with USB stick…” on each laptop, bring the stick "
              "back and import."),
    "unmask": ("Step 3 of 3: laptops remove the masks that do not cancel.",
               "Network: press “Class round: next step” on each laptop once more. USB "
               "stick: start next week's round first, then download the round file: the "
               "same trip carries this step and next week's step 1."),
}

# The round under way: shared by the class page (read-only) and the teacher page.
_STATUS = """{% macro status(current, counts) -%}
<b>{{ steps[current.phase][0] }}</b> Week {{ current.week }};
{{ counts["keys"] }} keys, {{ counts["inputs"] }} masked summaries, {{ counts["reveals"] }}
unmask answers so far ({{ enrolled }} approved laptops{% if current.threshold %}; the
round needs {{ current.threshold }} of {{ counts["roster"] }}{% endif %}).
{%- endmacro %}"""

SECTION = _ENV.from_string(_STATUS + """
<h2>Class figures with secure aggregation</h2>
<p class="muted">Each laptop's summary arrives masked: the hub can only add them up.
Privacy noise is added once for the whole class, so these figures are much
sharper than the per-learner summaries below. The grey range holds the true value
with 95 % confidence. Only laptops the teacher approved take part. Teachers start rounds
and close steps on the <a href="/teacher">teacher page</a>.</p>
{% for current, counts in open_rounds %}
<div class="box">{{ status(current, counts) }}</div>
{% endfor %}
{% for r, skills in finished %}
<h3>Week {{ r.week }}{% if r.phase == "aborted" %}: round stopped{% endif %}</h3>
<p class="muted">ε = {{ "%g"|format(r.epsilon) }}, δ = 10<sup>&minus;5</sup> for the whole
week's figures of each learner.</p>
{% if r.note %}<p class="muted">{{ r.note }}{% if r.phase == "aborted" %}. Laptops that
did not send a masked summary can still send last week's per-learner summary (local
privacy).{% endif %}</p>{% endif %}
{% if skills %}<p class="muted">{{ r.result.reporting }} laptops are in these figures
(threshold {{ r.result.threshold }} of {{ r.result.roster }}).</p>
<table><tr><th class="l">Skill</th>{% for b, _ in buckets %}<th>{{ b.replace("_", " ")
.capitalize() }}</th>{% endfor %}<th>Practised</th><th>Share correct</th></tr>
{% for s in skills %}<tr><td class="l">{{ s.skill }}</td>
{% for b, _ in buckets %}{{ pct(s.bucket_shares[b]) }}{% endfor %}
<td>{{ "%.0f"|format(s.tried.value) }}<div class="ci">{{ "%.0f"|format(s.tried.low) }}&ndash;{{
"%.0f"|format(s.tried.high) }}</div></td>
{% if s.share_correct %}{{ pct(s.share_correct) }}{% else %}<td class="hidden">too few
</td>{% endif %}</tr>{% endfor %}</table>{% endif %}
{% endfor %}
""")

CONTROLS = _ENV.from_string(_STATUS + """
<h3>Class round (secure aggregation)</h3>
{% for current, counts in open_rounds %}
<div class="box">{{ status(current, counts) }}<br>{{ steps[current.phase][1] }}
<form method="post" action="/teacher/classes/{{ cls_id }}/rounds/{{ current.round_id
}}/next"><input type="hidden" name="csrf" value="{{ csrf }}">
<button>Close this step now (laptops not in yet drop out)</button></form></div>
{% endfor %}
{% if open_rounds %}<p><a href="/teacher/classes/{{ cls_id }}/round-file">Download the
round file for a USB stick</a> (it holds every open round's step).</p>{% endif %}
{% if can_open %}
<form method="post" action="/teacher/classes/{{ cls_id }}/rounds/open">
<input type="hidden" name="csrf" value="{{ csrf }}"><b>Start a round for last week</b>
with privacy {% for e in epsilons %}<button name="epsilon" value="{{ e }}">ε = {{ e
}}</button> {% endfor %}<br><span class="muted">{% if widths %}With all {{ enrolled }}
approved laptops and {{ n_skills }} skills as last time, a count of learners is within
about {% for e, w in widths.items() %}±{{ "%.0f"|format(w) }} at ε = {{ e }}{{
", " if not loop.last }}{% endfor %} of the truth. {% endif %}A laptop whose own weekly
setting is lower than the round's does not take part. The figures appear on the
<a href="/classes/{{ cls_id }}">class page</a>.</span></form>
{% endif %}
""")


def _pct(est: Estimate) -> Markup:
    """A share as a table cell with its interval (numbers only, so safe as markup)."""
    return Markup(f'<td>{100 * est.value:.0f} %<div class="ci">{100 * est.low:.0f}&ndash;'
                  f'{100 * est.high:.0f} %</div></td>')


def _open(rows: list[RoundRow], counts: dict[str, dict[str, int]]
          ) -> list[tuple[RoundRow, dict[str, int]]]:
    return [(r, counts[r.round_id]) for r in reversed(rows) if r.phase in STEPS]


def section(rows: list[RoundRow], counts: dict[str, dict[str, int]], enrolled: int) -> str:
    """The class page's part: the round under way and finished rounds' figures.

    ``counts``: per open round id, its keys, roster, inputs and reveals so far.
    """
    finished = [(r, skill_results(r.skills, r.result) if r.result else [])
                for r in rows if r.phase in ("done", "aborted")]
    return SECTION.render(open_rounds=_open(rows, counts), enrolled=enrolled, steps=STEPS,
                          finished=finished, buckets=BUCKETS, pct=_pct)


def controls(cls_id: int, rows: list[RoundRow], counts: dict[str, dict[str, int]],
             enrolled: int, csrf: str) -> Markup:
    """The teacher page's part: what to do and carry now, close a step, start a round."""
    open_rounds = _open(rows, counts)
    can_open = all(r.phase == "unmask" for r, _ in open_rounds)
    n_skills = next((len(r.skills) for r in rows if r.skills), 0)
    widths = {e: half_width(calibrate(float(e), n_skills).mu[BUCKET_GROUP.name], enrolled,
                            threshold_for(enrolled))
              for e in EPSILONS} if n_skills and enrolled >= MIN_ROSTER else {}
    return Markup(CONTROLS.render(open_rounds=open_rounds, can_open=can_open,
                                  enrolled=enrolled, widths=widths, n_skills=n_skills,
                                  epsilons=EPSILONS, steps=STEPS, cls_id=cls_id, csrf=csrf))

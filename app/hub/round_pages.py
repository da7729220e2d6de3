"""The class page's secure-aggregation section: the round under way (what to do and what
to carry) and the figures of finished rounds."""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from app.core.sync.records import BUCKETS
from app.hub.report import Estimate
from app.hub.round_report import skill_results
from app.hub.rounds import RoundRow

_ENV = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)

STEPS = {
    "keys": ("Step 1 of 3: collecting the laptops' round keys.",
             "Network: on each laptop, in For teachers → Class summaries, press “Class "
             "round: next step”. USB stick: download the round file below onto the stick "
             "(trip 1), on each laptop press “Class round with USB stick…”, bring the stick "
             "back and import its files here."),
    "input": ("Step 2 of 3: collecting masked summaries.",
              "Network: press “Class round: next step” on each laptop again. USB stick: "
              "download the round file again (it now holds every laptop's public key), "
              "carry it to the class (trip 2), press “Class round with USB stick…” on each "
              "laptop, bring the stick back and import."),
    "unmask": ("Step 3 of 3: laptops remove the masks that do not cancel.",
               "Network: press “Class round: next step” on each laptop once more. USB "
               "stick: download the round file (trip 3; it can travel together with next "
               "week's step 1), press “Class round with USB stick…”, bring it back, "
               "import."),
}

SECTION = _ENV.from_string("""
<h2>Class figures with secure aggregation</h2>
<p class="muted">Each laptop's summary arrives masked: the hub can only add them up.
Privacy noise is added once for the whole class, so these figures are much
sharper than the per-learner summaries below. The grey range holds the true value
with 95 % confidence.</p>
{% if current %}
<div class="box"><b>{{ steps[current.phase][0] }}</b> Week {{ current.week }};
{{ counts["keys"] }} keys, {{ counts["inputs"] }} masked summaries, {{ counts["reveals"] }} unmask
answers so far ({{ enrolled }} laptops enrolled{% if current.threshold %}; the round needs
{{ current.threshold }} of {{ counts["roster"] }}{% endif %}).<br>{{ steps[current.phase][1] }}
<form method="post" action="/classes/{{ cls_id }}/rounds/next"><button>Close this step
now (laptops not in yet drop out)</button></form>
<a href="/classes/{{ cls_id }}/round-file">Download the round file for a USB stick</a></div>
{% else %}
<form method="post" action="/classes/{{ cls_id }}/rounds/open"><button>Start a round for
last week</button></form>
{% endif %}
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


def _pct(est: Estimate) -> Markup:
    """A share as a table cell with its interval (numbers only, so safe as markup)."""
    return Markup(f'<td>{100 * est.value:.0f} %<div class="ci">{100 * est.low:.0f}&ndash;'
                  f'{100 * est.high:.0f} %</div></td>')


def section(cls_id: int, rows: list[RoundRow], counts: dict[str, int] | None,
            enrolled: int) -> str:
    current = next((r for r in rows if r.phase in STEPS), None)
    finished = [(r, skill_results(r.skills, r.result) if r.result else [])
                for r in rows if r.phase in ("done", "aborted")]
    return SECTION.render(current=current, counts=counts or {}, enrolled=enrolled,
                          steps=STEPS, finished=finished, cls_id=cls_id, buckets=BUCKETS,
                          pct=_pct)

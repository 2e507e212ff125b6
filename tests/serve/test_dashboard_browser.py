"""The dashboard in real Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Without Chromium, Playwright or the built assets (``make web``) these tests are skipped, except
when the ``CI`` environment variable is set: then they fail, because CI must run them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from newsevents.serve import create_app
from newsevents.store import Store

from .conftest import XSS_ID, ArticleSpec, EventSpec, build_analysis, run_server

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # reported by the `browser` fixture
    sync_playwright = None  # type: ignore[assignment]

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "src" / "newsevents" / "serve" / "static" / "vendor"
ARTIFACTS = ROOT / "artifacts"
TIMEOUT_MS = 15_000

# Selects the pieces of the article text that hold a role of the selected event, merged into
# the stretches of text they form (adjacent pieces join).
ROLE_TEXTS = """(role) => {
  const out = [];
  let end = null;
  for (const node of document.querySelectorAll('#article-text .seg')) {
    if (!(node.dataset.roles || '').split(' ').includes(role)) continue;
    if (end !== null && Number(node.dataset.start) === end) out[out.length - 1] += node.textContent;
    else out.push(node.textContent);
    end = Number(node.dataset.end);
  }
  return out;
}"""


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI must run the browser tests")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if sync_playwright is None:
        _unavailable("playwright is not installed (pip install -e '.[dev]')")
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    if not (VENDOR / "leaflet" / "leaflet.js").is_file():
        _unavailable(f"the dashboard's assets are not built in {VENDOR} (make web)")
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@dataclass
class Dashboard:
    """A page of the dashboard and what it did: requests, errors, dialogs."""

    page: Page
    base: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, query: str = "") -> None:
        self.page.goto(f"{self.base}/{'?' + query if query else ''}")
        self.page.wait_for_selector("body[data-ready='1']")

    def api(self, path: str, **params: Any) -> Any:
        response = httpx.get(f"{self.base}/api/{path}", params=params, timeout=10)
        response.raise_for_status()
        return response.json()

    def state(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.page.url).query)

    def roles(self, role: str) -> list[str]:
        texts: list[str] = self.page.evaluate(ROLE_TEXTS, role)
        return texts

    def marker_counts(self) -> list[int]:
        counts = self.page.eval_on_selector_all(
            ".cluster-dot", "nodes => nodes.map(n => Number(n.dataset.count))"
        )
        return [int(c) for c in counts]

    def rows(self) -> list[str]:
        ids: list[str] = self.page.eval_on_selector_all(
            "#events-table tbody tr[data-event-id]", "rows => rows.map(r => r.dataset.eventId)"
        )
        return ids

    def select_row(self, event_id: str) -> None:
        self.page.click(f"#events-table tr[data-event-id='{event_id}']")
        self.wait_selected(event_id)

    def wait_selected(self, event_id: str) -> None:
        self.page.wait_for_selector(f".event-fields[data-event-id='{event_id}']")

    def check_clean(self) -> None:
        """No request left the server, and the page raised and logged no error."""
        outside = [
            url
            for url in self.requests
            if not (url.startswith(self.base) or url.startswith("data:"))
        ]
        assert outside == []
        assert self.errors == []
        assert self.dialogs == []


def _dashboard(browser: Browser, base: str) -> Iterator[Dashboard]:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    # A payload that ran would call alert(): make that visible as a flag too.
    context.add_init_script("window.alert = (m) => { window.__alerted = String(m); };")
    page = context.new_page()
    dash = Dashboard(page, base)
    page.on("request", lambda request: dash.requests.append(request.url))
    page.on("pageerror", lambda error: dash.errors.append(f"page error: {error}"))
    page.on(
        "console",
        lambda msg: dash.errors.append(f"console: {msg.text}") if msg.type == "error" else None,
    )
    page.on("dialog", lambda dialog: (dash.dialogs.append(dialog.message), dialog.dismiss()))
    try:
        yield dash
    finally:
        context.close()


@pytest.fixture
def dash(browser: Browser, live_server: str) -> Iterator[Dashboard]:
    """The dashboard of the shared store (``live_server``)."""
    yield from _dashboard(browser, live_server)


def test_dashboard_shows_markers_timeline_and_events(dash: Dashboard) -> None:
    dash.open()
    events = dash.api("events", limit=1000)
    located = [e for e in events["items"] if e["place"] and e["place"]["lat"] is not None]
    assert located, "the shared store should hold located events"
    # Every located event is in one marker, at whatever zoom the page chose.
    assert sum(dash.marker_counts()) == len(located)
    zoom = int(dash.state()["view"][0].split(",")[2])
    clusters = dash.api("map", zoom=zoom)["clusters"]
    assert sorted(dash.marker_counts()) == sorted(c["count"] for c in clusters)
    # Markers take the colour of their dominant type.
    colours = dash.page.eval_on_selector_all(
        ".cluster-dot", "nodes => nodes.map(n => [n.dataset.type, n.style.backgroundColor])"
    )
    assert all(t and colour for t, colour in colours)
    assert dash.page.locator(".map-legend li").count() == 16
    # One bar per bucket of the timeline, one row per event.
    buckets = dash.api("timeline")["buckets"]
    assert dash.page.locator("#timeline g.bar").count() == len(buckets)
    assert len(dash.rows()) == min(events["total"], 50)
    assert dash.page.locator("#events-table tbody tr[data-event-id] td.date").first.inner_text()
    # The countries are drawn, with no tile layer.
    assert dash.page.locator(".leaflet-overlay-pane path").count() > 100
    assert dash.page.locator(".leaflet-tile").count() == 0
    dash.check_clean()


def test_clicking_an_event_highlights_its_evidence(dash: Dashboard) -> None:
    dash.open()
    dash.select_row("fr-arica-ev0")
    assert dash.state()["open"] == ["fr-arica"]
    assert dash.state()["event"] == ["fr-arica-ev0"]
    assert dash.roles("trigger") == ["bloqués"]
    assert dash.roles("actor") == ["carabiniers"]
    assert dash.roles("target") == ["200 migrants vénézuéliens"]
    assert dash.roles("place") == ["Arica"]
    assert dash.roles("date") == ["28 novembre 2025"]
    assert dash.roles("amount") == ["200 migrants"]
    assert dash.roles("sentence") == [
        "Le 28 novembre 2025, 200 migrants vénézuéliens ont été bloqués à Arica par les "
        "carabiniers."
    ]
    trigger = dash.page.locator("#article-text .seg.f-trigger")
    assert trigger.evaluate("n => n.classList.contains('focus')")
    assert "Event COERCE/restrict" in (trigger.get_attribute("title") or "")
    # Every kind of span is highlighted, the ones outside the event too.
    for kind, surface in [
        ("entity", "José Antonio Kast"),
        ("place", "Arica"),
        ("time", "28 novembre 2025"),
        ("amount", "330000 migrants"),
        ("event", "expulser"),
    ]:
        piece = dash.page.locator(f"#article-text .seg.k-{kind}", has_text=surface).first
        assert piece.count() == 1, kind
    place = dash.page.locator("#article-text .seg.k-place", has_text="Arica").first
    assert "GeoNames 1000" in (place.get_attribute("title") or "")
    assert "CL" in (place.get_attribute("title") or "")
    # The side panel lists the fields with their evidence.
    panel = dash.page.locator("#event-panel .event-fields")
    assert "COERCE" in panel.inner_text()
    assert "200 migrants vénézuéliens" in panel.inner_text()
    assert "status: occurred" in panel.inner_text()  # why the coder read it so
    # Clicking another trigger in the text selects that event.
    dash.page.click("#article-text .seg.k-event:has-text('expulser')")
    dash.wait_selected("fr-arica-ev1")
    assert dash.roles("actor") == ["José Antonio Kast"]
    assert dash.state()["event"] == ["fr-arica-ev1"]
    dash.check_clean()


def test_spanish_event_chosen_with_the_keyboard(dash: Dashboard) -> None:
    dash.open()
    dash.page.focus("#events-table tr[data-event-id='es-ceuta-ev0']")
    dash.page.keyboard.press("Enter")
    dash.wait_selected("es-ceuta-ev0")
    assert dash.roles("trigger") == ["deportará"]
    assert dash.roles("quote") == ["No habrá excepciones"]
    quote = dash.page.locator("#article-text .seg.k-quote").first
    assert quote.inner_text() == "No habrá excepciones"
    assert "Fernando Grande-Marlaska" in (quote.get_attribute("title") or "")
    assert dash.page.locator("#article-text").get_attribute("lang") == "es"
    dash.check_clean()


def test_a_marker_of_one_event_selects_it(dash: Dashboard) -> None:
    dash.open("view=0.05,40.3,8")  # Dadaab, alone in this view
    assert dash.marker_counts() == [1]
    marker = dash.page.locator(".leaflet-marker-icon[title^='Dadaab']")
    marker.click()
    dash.wait_selected("en-dadaab-ev0")
    assert dash.roles("trigger") == ["agreed"]
    assert dash.roles("actor") == ["Kenya", "Somalia"]
    row = dash.page.locator("#events-table tr[data-event-id='en-dadaab-ev0']")
    assert row.get_attribute("aria-selected") == "true"
    dash.check_clean()


def test_a_marker_of_many_events_zooms_in(dash: Dashboard) -> None:
    dash.open("view=0,0,2")
    dash.page.locator(".leaflet-marker-icon:has(.cluster-dot:not([data-count='1']))").first.click()
    dash.page.wait_for_function("() => /view=[^&]*%2C4(&|$)/.test(location.search)")
    # Zoomed in far enough, the finer country shapes are loaded from the server too.
    dash.page.wait_for_function(
        "() => performance.getEntriesByType('resource')"
        ".some(e => e.name.endsWith('countries-50m.json'))"
    )
    dash.check_clean()


def _drag(dash: Dashboard, start: float, end: float) -> None:
    box = dash.page.locator("#timeline svg").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    dash.page.mouse.move(box["x"] + box["width"] * start, y)
    dash.page.mouse.down()
    dash.page.mouse.move(box["x"] + box["width"] * end, y, steps=8)
    dash.page.mouse.up()


def test_timeline_brush_filters_map_and_table(dash: Dashboard) -> None:
    dash.open("view=0,0,2")
    every = dash.api("events", limit=1000)["total"]
    before = dash.page.get_attribute("body", "data-table-loaded")
    _drag(dash, 0.55, 0.999)  # the later half of the range
    dash.page.wait_for_function(
        f"() => document.body.dataset.tableLoaded !== '{before}' && /since=/.test(location.search)"
    )
    since, until = dash.state()["since"][0], dash.state()["until"][0]
    assert dt.date.fromisoformat(since) <= dt.date.fromisoformat(until)
    picked = dash.api("events", since=since, until=until, limit=1000)
    assert 0 < picked["total"] < every
    dash.page.wait_for_function(
        f"() => document.querySelectorAll('#events-table tr[data-event-id]').length"
        f" === {picked['total']}"
    )
    assert set(dash.rows()) == {e["id"] for e in picked["items"]}
    clusters = dash.api("map", zoom=2, since=since, until=until)["clusters"]
    dash.page.wait_for_function(
        "(n) => [...document.querySelectorAll('.cluster-dot')]"
        ".reduce((s, d) => s + Number(d.dataset.count), 0) === n",
        arg=sum(c["count"] for c in clusters),
    )
    assert dash.page.locator("#range-label").inner_text() == f"{since} – {until}"
    # The brush does not shrink the timeline itself; the clear button restores everything.
    assert dash.page.locator("#timeline g.bar").count() == len(dash.api("timeline")["buckets"])
    dash.page.click("#clear-brush")
    dash.page.wait_for_function(
        f"() => document.querySelectorAll('#events-table tr[data-event-id]').length"
        f" === {min(every, 50)}"
    )
    assert "since" not in dash.state()
    dash.check_clean()


def test_filters_are_kept_in_the_url(dash: Dashboard) -> None:
    dash.open("type=COERCE&status=negated")
    assert dash.rows() == ["fr-tacna-ev2"]
    assert dash.page.is_checked("#type-options input[value='COERCE']")
    assert dash.page.is_checked("#status-options input[value='negated']")
    dash.page.click("#status-filter summary")
    dash.page.uncheck("#status-options input[value='negated']")
    dash.page.wait_for_function("() => !/status=/.test(location.search)")
    coerce = dash.api("events", type="COERCE")["total"]
    dash.page.wait_for_function(
        f"() => document.querySelectorAll('#events-table tr[data-event-id]').length === {coerce}"
    )
    dash.page.fill("#f-q", "Ceuta")
    dash.page.press("#f-q", "Enter")
    dash.page.wait_for_function("() => /q=Ceuta/.test(location.search)")
    dash.page.wait_for_function(
        "() => [...document.querySelectorAll('#events-table tr[data-event-id]')]"
        ".map(r => r.dataset.eventId).join() === 'es-ceuta-ev0'"
    )
    dash.check_clean()


def test_table_limited_to_the_map_view(dash: Dashboard) -> None:
    dash.open("view=35.9,-5.3,7")  # around Ceuta
    dash.page.check("#f-inview")
    dash.page.wait_for_function("() => /inview=1/.test(location.search)")
    dash.page.wait_for_function(
        "() => [...document.querySelectorAll('#events-table tr[data-event-id]')]"
        ".map(r => r.dataset.eventId).sort().join() === 'es-ceuta-ev0,es-ceuta-ev1'"
    )
    dash.check_clean()


def test_date_order_can_be_reversed(dash: Dashboard) -> None:
    dash.open()
    listed = [e["id"] for e in dash.api("events", limit=1000)["items"]]
    assert dash.rows() == listed[:50]
    dash.page.click("#sort-date")
    dash.page.wait_for_function("() => /sort=desc/.test(location.search)")
    dash.page.wait_for_function(
        "(id) => document.querySelector('#events-table tr[data-event-id]').dataset.eventId === id",
        arg=listed[-1],
    )
    assert dash.rows() == listed[::-1][:50]
    assert dash.page.get_attribute("#events-table th[aria-sort]", "aria-sort") == "descending"
    dash.check_clean()


def test_articles_tab_opens_an_article(dash: Dashboard) -> None:
    dash.open()
    dash.page.click("#tab-articles")
    articles = dash.api("articles", limit=50)
    dash.page.wait_for_function(
        "(n) => document.querySelectorAll('#articles-table tr[data-article-id]').length === n",
        arg=len(articles["items"]),
    )
    example = next(a for a in articles["items"] if a["events"] == 0)
    dash.page.click(f"#articles-table tr[data-article-id='{example['id']}']")
    dash.page.wait_for_function(
        "(t) => document.querySelector('#article-title').textContent === t", arg=example["title"]
    )
    assert "tab=articles" in dash.page.url
    assert example["entities"] > 0
    assert dash.page.locator("#article-text .seg.k-entity").count() >= example["entities"]
    assert dash.page.locator("#article-text .seg.focus").count() == 0
    assert "No event" in dash.page.inner_text("#event-panel")
    dash.check_clean()


def test_a_bad_filter_shows_the_servers_message(dash: Dashboard) -> None:
    dash.page.goto(f"{dash.base}/?country=XYZ")
    dash.page.wait_for_selector("#error:not([hidden])")
    assert "country" in dash.page.inner_text("#error")
    # The 422 answers are expected here; nothing else may go wrong.
    dash.errors = [e for e in dash.errors if "422" not in e]
    dash.check_clean()


def test_missing_assets_are_reported_with_the_build_command(dash: Dashboard) -> None:
    dash.page.route("**/static/vendor/**", lambda route: route.fulfill(status=404, body=""))
    dash.page.goto(dash.base + "/")
    dash.page.wait_for_selector("#error:not([hidden])")
    assert "make web" in dash.page.inner_text("#error")
    # The 404s and the message are the point here; nothing else may go wrong.
    dash.errors = [e for e in dash.errors if "404" not in e and "make web" not in e]
    dash.check_clean()


def test_markup_in_an_article_renders_as_text(dash: Dashboard) -> None:
    dash.open(f"open={XSS_ID}&event={XSS_ID}-ev0")
    dash.wait_selected(f"{XSS_ID}-ev0")
    text = dash.page.inner_text("#article-text")
    assert '<script>alert("x")</script>' in text
    assert "<img src=x onerror=alert(1)>" in text
    assert dash.page.locator("#article-view script, #article-view img").count() == 0
    assert dash.page.inner_text("#article-title") == "Protest in Lima <b>bold</b>"
    assert dash.page.locator("#article-title b, #events-table b").count() == 0
    assert dash.roles("trigger") == ["gathered"]
    assert dash.page.evaluate("window.__alerted") is None
    assert not [url for url in dash.requests if urlsplit(url).path == "/x"]
    dash.check_clean()


def test_screenshot_of_a_selected_event(dash: Dashboard) -> None:
    dash.open()
    dash.select_row("fr-arica-ev0")
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "dashboard.png"
    dash.page.screenshot(path=str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    dash.check_clean()


# A store of this module's own, for astral characters, a payload that would set a flag, and
# writing while the page is open.

ASTRAL = ArticleSpec(
    "es-astral",
    "es",
    dt.date(2025, 12, 3),
    "Detenidos en Arica 🚧",
    "🇨🇱😀 El 2 de diciembre de 2025, 𝐋𝐨𝐬 𝐜𝐚𝐫𝐚𝐛𝐢𝐧𝐞𝐫𝐨𝐬 detuvieron a 40 migrantes en Arica. "
    "«Cumplimos la ley 📜», dijo Ana Pérez.",
    entities=[("PER", "Ana Pérez"), ("LOC", "Arica")],
    places=[("Arica", "Arica", "CL", -18.4783, -70.3126)],
    times=[("2 de diciembre de 2025", "2025-12-02")],
    amounts=[("40 migrantes", 40.0, "migrante")],
    quotes=[("Cumplimos la ley 📜", "Ana Pérez", "dijo")],
    events=[
        EventSpec(
            "detuvieron",
            "COERCE",
            mode="arrest",
            place="Arica",
            time="2 de diciembre de 2025",
            actors=("𝐋𝐨𝐬 𝐜𝐚𝐫𝐚𝐛𝐢𝐧𝐞𝐫𝐨𝐬",),
            targets=("40 migrantes",),
            amounts=("40 migrantes",),
        )
    ],
)
PAYLOAD = ArticleSpec(
    "fr-payload",
    "fr",
    dt.date(2025, 12, 5),
    '<img src=x onerror="window.__pwned = 3">Titre',
    'Le texte <script>window.__pwned = 1</script> contient <img src=x onerror="window.__pwned'
    ' = 2"> du balisage. Des manifestants ont bloqué la route à Tacna le 4 décembre 2025.',
    entities=[("LOC", "Tacna")],
    places=[("Tacna", "Tacna", "PE", -18.0066, -70.2463)],
    times=[("4 décembre 2025", "2025-12-04")],
    events=[EventSpec("bloqué", "PROTEST", place="Tacna", time="4 décembre 2025")],
)
LATER = ArticleSpec(
    "en-later",
    "en",
    dt.date(2025, 12, 20),
    "Border crossing reopens",
    "Chile reopened the Chacalluta border crossing on 19 December 2025.",
    entities=[("LOC", "Chile")],
    places=[("Chacalluta", "Chacalluta", "CL", -18.35, -70.33)],
    times=[("19 December 2025", "2025-12-19")],
    events=[EventSpec("reopened", "CONCEDE", place="Chacalluta", time="19 December 2025")],
)


@pytest.fixture(scope="module")
def own_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(tmp_path_factory.mktemp("dashboard") / "own.duckdb") as store:
        store.add_many([build_analysis(ASTRAL), build_analysis(PAYLOAD)])
        yield store


@pytest.fixture(scope="module")
def own_server(own_store: Store) -> Iterator[str]:
    yield from run_server(create_app(own_store))


@pytest.fixture
def own(browser: Browser, own_server: str) -> Iterator[Dashboard]:
    yield from _dashboard(browser, own_server)


def test_offsets_after_astral_characters(own: Dashboard) -> None:
    own.open("open=es-astral&event=es-astral-ev0")
    own.wait_selected("es-astral-ev0")
    assert own.roles("trigger") == ["detuvieron"]
    assert own.roles("actor") == ["𝐋𝐨𝐬 𝐜𝐚𝐫𝐚𝐛𝐢𝐧𝐞𝐫𝐨𝐬"]
    assert own.roles("target") == ["40 migrantes"]
    assert own.roles("place") == ["Arica"]
    assert own.roles("date") == ["2 de diciembre de 2025"]
    quote = own.page.locator("#article-text .seg.k-quote").first
    assert quote.inner_text() == "Cumplimos la ley 📜"
    entity = own.page.locator("#article-text .seg.k-entity", has_text="Ana").first
    assert entity.inner_text() == "Ana Pérez"
    # The whole text is there, unchanged.
    assert own.page.inner_text("#article-text") == build_analysis(ASTRAL).article.text
    own.check_clean()


def test_a_payload_in_text_and_title_never_runs(own: Dashboard) -> None:
    own.open("open=fr-payload&event=fr-payload-ev0")
    own.wait_selected("fr-payload-ev0")
    own.page.wait_for_timeout(300)  # time for an error handler to fire, were an image made
    assert own.page.evaluate("window.__pwned") is None
    assert own.page.locator("#article-view img, #article-view script").count() == 0
    assert own.page.locator("#events-table img, #events-table script").count() == 0
    assert "<script>window.__pwned = 1</script>" in own.page.inner_text("#article-text")
    assert not [url for url in own.requests if urlsplit(url).path == "/x"]
    own.check_clean()


def test_new_events_appear_without_a_restart(own: Dashboard, own_store: Store) -> None:
    own.open()
    before = set(own.rows())
    assert "en-later-ev0" not in before
    revision = own.page.get_attribute("body", "data-revision")
    own_store.add(build_analysis(LATER))
    # The page polls /api/status every 5 s and reloads when the revision changes.
    own.page.wait_for_selector("#events-table tr[data-event-id='en-later-ev0']", timeout=20_000)
    assert set(own.rows()) == before | {"en-later-ev0"}
    # the page records the new revision once every panel has reloaded, after the table
    own.page.wait_for_function("r => document.body.dataset.revision !== r", arg=revision)
    assert own.page.get_attribute("body", "data-revision") != revision
    own.page.wait_for_function(
        "() => [...document.querySelectorAll('.cluster-dot')]"
        ".reduce((s, d) => s + Number(d.dataset.count), 0) === 3"
    )
    assert re.search(r"\b3 events\b", own.page.inner_text("#status"))
    own.check_clean()

"""The dated-text format of the examples, plain text and HTML pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents.records import stable_id
from tests.read import read_all

EXAMPLE = (
    " date 2025-11-29 Des dizaines de migrants tentant de quitter le Chili bloqués à la "
    "frontière avec le Pérou\n"
    "\n"
    "Des dizaines de migrants cherchant à quitter le Chili étaient bloqués le 28 novembre à la "
    "frontière avec le Pérou selon les autorités chiliennes.\n"
    "\n"
    "Photo : AFP/VNA/CVN\n"
    "\n"
    '"Il y a eu une concentration de migrants souhaitant quitter le pays", a expliqué à la '
    "presse le ministre de la Sécurité, Luis Cordero.\n"
    "\n"
)
EXAMPLE_BODY = EXAMPLE.split("\n", 2)[2].rstrip()

REPO_EXAMPLE = Path(__file__).parents[2] / "examples" / "chile-peru-border-2025-11-29.txt"


@pytest.mark.parametrize("name", ["article.txt", "article", "article.md", "notes.dat"])
def test_dated_text_is_detected_by_content_whatever_the_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(EXAMPLE, encoding="utf-8")
    articles, problems = read_all(path, published=dt.date(2000, 1, 1))
    assert problems == []
    (article,) = articles
    assert article.published == dt.date(2025, 11, 29)  # the file's own date wins
    assert article.title == (
        "Des dizaines de migrants tentant de quitter le Chili bloqués à la frontière avec le Pérou"
    )
    assert article.text == EXAMPLE_BODY
    assert article.text.startswith("Des dizaines de migrants cherchant")
    assert article.id == stable_id("text", EXAMPLE_BODY)
    assert article.origin == str(path)
    assert article.url is None and article.source is None


def test_the_repository_example_reads_as_one_dated_article() -> None:
    articles, problems = read_all(REPO_EXAMPLE, lang="fr")
    assert problems == []
    (article,) = articles
    assert article.published == dt.date(2025, 11, 29)
    assert article.lang == "fr"
    assert not article.text.startswith(("date", "\n")) and article.text == article.text.rstrip()
    assert article.title is not None and article.title not in article.text[:200]
    # Offsets downstream are into this text: it must match the file's body exactly.
    body = REPO_EXAMPLE.read_text(encoding="utf-8").split("\n", 2)[2].rstrip()
    assert article.text == body


def test_dated_text_after_blank_lines_names_the_date_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\n\n  date 2025-13-45 Un titre\n\nLe corps.\n", encoding="utf-8")
    articles, problems = read_all(path)
    assert articles == []
    (problem,) = problems
    assert problem.origin == f"{path}:3"
    assert problem.severity == "error"
    assert '"2025-13-45"' in problem.message and "YYYY-MM-DD" in problem.message


@pytest.mark.parametrize(
    ("first_line", "fragment"),
    [
        ("date 2025-13-45 Titre", "month must be in 1..12"),
        ("date 2025-02-30 Titre", "day is out of range"),
        ("date 29/11/2025 Titre", '"29/11/2025"'),
    ],
)
def test_impossible_date_line_is_an_error_on_line_1(
    tmp_path: Path, first_line: str, fragment: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(f"{first_line}\n\nLe corps de l'article.\n", encoding="utf-8")
    articles, problems = read_all(path)
    assert articles == []
    assert [(p.origin, p.severity) for p in problems] == [(f"{path}:1", "error")]
    assert fragment in problems[0].message


def test_date_line_without_title_or_body(tmp_path: Path) -> None:
    no_title = tmp_path / "no-title.txt"
    no_title.write_text("date 2025-11-29\n\nLe corps.", encoding="utf-8")
    no_body = tmp_path / "no-body.txt"
    no_body.write_text("date 2025-11-29 Titre seul\n\n  \n", encoding="utf-8")
    articles, problems = read_all(no_title, no_body)
    assert [(a.title, a.text) for a in articles] == [(None, "Le corps.")]
    assert [p.origin for p in problems] == [f"{no_body}:1"]
    assert "nothing follows the date line" in problems[0].message


def test_plain_text_takes_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("\n\nThe date of the meeting is not known.\r\nSecond line.  \n\n", "utf-8")
    articles, problems = read_all(path, published=dt.date(2025, 1, 2), lang="EN-gb")
    assert problems == []
    (article,) = articles
    assert article.text == "The date of the meeting is not known.\nSecond line."
    assert (article.title, article.published, article.lang) == (None, dt.date(2025, 1, 2), "en")


def test_plain_text_without_date_is_quiet(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Un texte sans date.", encoding="utf-8")
    articles, problems = read_all(path)
    assert problems == []
    assert articles[0].published is None


ARTICLE_HTML = """<!DOCTYPE html>
<html lang="fr-FR">
<head>
<meta charset="utf-8">
<title>Migrants bloqués à la frontière entre le Chili et le Pérou | Le Quotidien</title>
<meta property="og:title" content="Migrants bloqués à la frontière entre le Chili et le Pérou">
<meta property="og:site_name" content="Le Quotidien">
<meta property="article:published_time" content="2025-11-29T08:30:00+00:00">
<link rel="canonical" href="https://www.lequotidien.example/monde/migrants-frontiere">
</head>
<body>
<header><nav><ul>
<li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/abonnement">S'abonner</a></li>
</ul></nav></header>
<main><article>
<h1>Migrants bloqués à la frontière entre le Chili et le Pérou</h1>
<p>Des dizaines de migrants cherchant à quitter le Chili étaient bloqués le 28 novembre à la
frontière avec le Pérou selon les autorités chiliennes.</p>
<p>Une vidéo publiée par le gouverneur de la région frontalière d'Arica montre des dizaines de
personnes tentant de rejoindre le Pérou, au poste-frontière de Chacalluta-Santa Rosa.</p>
<p>« Il y a eu une concentration de migrants souhaitant quitter le pays », a expliqué à la
presse le ministre de la Sécurité, Luis Cordero.</p>
</article></main>
<aside><h2>Les plus lus</h2><ul><li><a href="/a">Un autre article du jour</a></li></ul></aside>
<footer><p>© 2025 Le Quotidien. Tous droits réservés.</p>
<a href="/mentions">Mentions légales</a> <a href="/cookies">Gestion des cookies</a></footer>
</body>
</html>
"""


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.txt", "page"])
def test_html_page_main_text_and_metadata(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    articles, problems = read_all(path, published=dt.date(2000, 1, 1))
    assert problems == []
    (article,) = articles
    assert article.title == "Migrants bloqués à la frontière entre le Chili et le Pérou"
    assert article.text.startswith("Des dizaines de migrants")
    assert "Luis Cordero" in article.text
    for boilerplate in ("Accueil", "S'abonner", "Tous droits réservés", "Mentions légales"):
        assert boilerplate not in article.text
    assert article.published == dt.date(2025, 11, 29)
    assert article.url == "https://www.lequotidien.example/monde/migrants-frontiere"
    assert article.id == stable_id("url", article.url)
    assert article.source == "Le Quotidien"
    assert article.lang == "fr"


def test_html_without_date_falls_back_to_the_argument(tmp_path: Path) -> None:
    html = "\n".join(line for line in ARTICLE_HTML.splitlines() if "published_time" not in line)
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    articles, problems = read_all(path, published=dt.date(2025, 12, 1))
    assert problems == []
    assert articles[0].published == dt.date(2025, 12, 1)


@pytest.mark.parametrize(
    "html",
    [
        "<!doctype html><html><head><title>Vide</title></head><body></body></html>",
        # A page whose text is built by JavaScript in the browser.
        '<html><head><title>App</title></head><body><div id="root"></div>'
        '<script src="/static/app.js"></script></body></html>',
    ],
)
def test_html_without_main_text_is_an_error(tmp_path: Path, html: str) -> None:
    path = tmp_path / "empty.html"
    path.write_text(html, encoding="utf-8")
    articles, problems = read_all(path)
    assert articles == []
    assert [(p.origin, p.severity) for p in problems] == [(str(path), "error")]
    assert "no main text" in problems[0].message

"""The editor's page in a real browser: headless Chromium driven by Playwright.

Needs Debian's ``chromium`` (/usr/bin/chromium, or $FACTCHECK_CHROMIUM) and the ``playwright``
Python package (the test extra); without either every test here is skipped, saying why.
``FACTCHECK_SCREENSHOT=path.png`` also saves the screenshot of the page with the sample loaded.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
GAZA = str(ROOT / "rules" / "gaza-captives.yaml")

if not os.path.exists(CHROMIUM):
    pytest.skip(f"no Chromium at {CHROMIUM} (install Debian's package: apt-get install -y chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (pip install -e '.[test]')")

DRAFT = """Officials said 59 hostages remain in Gaza.

Israel believes 58 abductees are still being held by militants in the strip.
"""


@pytest.fixture(scope="module")
def server():
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "serve", "--rules", GAZA, "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    line = proc.stdout.readline()
    m = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
    if not m:
        proc.kill()
        pytest.fail(f"server did not start: {line!r} {proc.stderr.read()}")
    yield m.group(1)
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as e:  # a broken install: say so rather than fail obscurely
            pytest.skip(f"Chromium at {CHROMIUM} does not start: {str(e).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.problems = []
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type in ("error", "warning") else None)
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.goto(server)
    pg.wait_for_selector("#facts .fact", state="attached")
    yield pg
    context.close()


def _check(page, text, date="2025-03-12", fmt="txt"):
    page.fill("#draft", text)
    page.select_option("#format", fmt)
    page.fill("#date", date)
    page.click("#check")
    page.wait_for_selector("#results:not([hidden])")
    page.wait_for_function("() => document.getElementById('status').textContent.startsWith('Checked')")


def _mark(page, text):
    """The highlight of the claim that starts with ``text`` ("14" finds "14 hours")."""
    return page.locator("#article mark.claim", has_text=re.compile(rf"^{re.escape(text)}\b"))


def test_highlights_and_the_finding_for_a_known_contradiction(page):
    _check(page, DRAFT)
    assert "sev-error" in _mark(page, "59").get_attribute("class")
    assert "ok" in _mark(page, "58").get_attribute("class").split()
    assert page.text_content("#summary").startswith("1 inconsistency")
    finding = page.locator("#findings button.finding")
    assert finding.count() == 1
    assert "59" in finding.text_content() and "captives-remaining" in finding.text_content()
    _mark(page, "59").click()
    details = page.locator("#details")
    assert details.is_visible()
    body = details.text_content()
    assert "captives-remaining" in body and "expected58" in body.replace(" ", "")
    assert "since 2025-02-27" in body and "Prime Minister" in body
    page.keyboard.press("Escape")
    assert page.locator("#details").is_hidden()
    assert not page.problems, page.problems


def test_numbers_about_no_known_fact_are_only_underlined(page):
    _check(page, "The talks in Doha lasted 14 hours, and 300 aid trucks crossed on Sunday.\n")
    for text in ("14", "300"):
        assert _mark(page, text).get_attribute("class").split() == ["claim", "neutral"]
    assert page.text_content("#summary").startswith("0 inconsistencies")
    assert page.text_content("#findings") == "No inconsistencies found."
    _mark(page, "14").focus()
    assert "not about any fact" in page.text_content("#details")


def test_hover_shows_a_consistent_claim(page):
    _check(page, DRAFT)
    _mark(page, "58").hover()
    page.wait_for_selector("#details:not([hidden])")
    text = page.text_content("#details")
    assert "agrees with captives-remaining" in text and "expected58" in text.replace(" ", "")


def _tab_until(page, predicate: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const a = document.activeElement; return Boolean({predicate}); }})()"):
            return
    raise AssertionError(f"Tab never reached {predicate}")


def test_keyboard_alone(page):
    page.focus("#draft")
    page.keyboard.type("Officials said 59 hostages remain in Gaza.\n")
    page.select_option("#format", "txt")
    page.fill("#date", "2025-03-12")
    _tab_until(page, "a.id === 'check'")
    page.keyboard.press("Enter")
    page.wait_for_selector("#results:not([hidden])")
    page.focus("#tab-draft")
    _tab_until(page, "a.matches('mark.claim')")
    assert page.evaluate("document.activeElement.textContent").startswith("59")
    page.keyboard.press("Enter")
    assert page.locator("#details.pinned").is_visible()
    assert "expected" in page.text_content("#details")
    page.keyboard.press("Escape")
    assert page.locator("#details").is_hidden()
    assert page.evaluate("document.activeElement.textContent").startswith("59")
    page.keyboard.press("Space")
    assert page.locator("#details").is_visible()
    page.keyboard.press("Escape")
    _tab_until(page, "a.matches('button.finding')")
    page.keyboard.press("Enter")
    page.wait_for_selector("#details:not([hidden])")
    assert page.evaluate("document.activeElement.textContent").startswith("59")
    assert "captives-remaining" in page.text_content("#details")


def test_script_in_a_draft_is_shown_as_text(page):
    hostile = ('Officials said 59 hostages remain. <script>window.pwned = 1; document.title = "pwned"</script>\n'
               '<img src="/nothing" onerror="window.pwned = 2"> <b>bold?</b>\n')
    _check(page, hostile)
    article = page.locator("#article")
    assert "<script>window.pwned = 1;" in article.text_content()
    assert '<img src="/nothing" onerror=' in article.text_content()
    assert article.locator("script, img, b").count() == 0
    assert page.evaluate("window.pwned") is None
    assert page.title() != "pwned"


def test_characters_outside_the_bmp_do_not_shift_highlights(page):
    _check(page, "🕯️🕯️ Vigil 𝟚𝟘𝟚𝟝: officials said 59 hostages remain in Gaza. 🕯️\n")
    assert "sev-error" in _mark(page, "59").get_attribute("class")


def test_markdown_file_and_the_sample(page, tmp_path):
    f = tmp_path / "note.md"
    f.write_text("---\ndate: 2025-03-12\n---\n# Vigil\n\nOrganisers said 59 hostages remain in Gaza.\n",
                 encoding="utf-8")
    page.set_input_files("#file", str(f))
    page.wait_for_function("() => document.getElementById('draft').value.includes('Vigil')")
    assert page.input_value("#format") == "md"
    page.click("#check")
    page.wait_for_selector("#results:not([hidden])")
    text = page.text_content("#article")
    assert text.startswith("Vigil") and "---" not in text and "#" not in text
    assert "sev-error" in _mark(page, "59").get_attribute("class")
    page.reload()
    page.click("#sample")
    page.wait_for_function("() => document.getElementById('draft').value.includes('vigil')")
    assert page.input_value("#date") == "2025-03-12"
    page.click("#check")
    page.wait_for_function("() => document.getElementById('status').textContent.startsWith('Checked')")
    assert page.locator("#article mark.claim").count() >= 3
    assert page.locator("#article script").count() == 0 and "alert(" in page.text_content("#article")
    shot = tmp_path / "screenshot.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("FACTCHECK_SCREENSHOT"):
        shutil.copy(shot, os.environ["FACTCHECK_SCREENSHOT"])


def test_facts_view_with_chart(page):
    _check(page, DRAFT)
    page.click("#tab-facts")
    card = page.locator("#fact-captives-remaining")
    assert card.is_visible()
    assert "2024-12-01" in card.text_content() and "2025-02-27" in card.text_content()
    img = card.locator("img.chart")
    assert "mark=59%402025-03-12" in img.get_attribute("src")
    page.wait_for_function("() => document.querySelector('#fact-captives-remaining img.chart').naturalWidth > 0")
    assert "phase1-sum" in page.text_content("#relations")
    assert not page.problems, page.problems


def test_narrow_window(page):
    page.set_viewport_size({"width": 390, "height": 800})
    _check(page, DRAFT)
    article = page.locator(".article-pane").bounding_box()
    findings = page.locator(".findings-pane").bounding_box()
    assert findings["y"] >= article["y"] + article["height"] - 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _mark(page, "59").click()
    box = page.locator("#details").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390


def test_bad_draft_shows_the_error_and_the_page_recovers(page):
    page.fill("#draft", '{"broken json')
    page.select_option("#format", "txt")
    page.evaluate("document.getElementById('format').add(new Option('docx', 'docx'))")
    page.select_option("#format", "docx")
    page.click("#check")
    page.wait_for_function("() => document.getElementById('status').classList.contains('error')")
    assert "unsupported file type" in page.text_content("#status")
    page.select_option("#format", "txt")
    _check(page, DRAFT)
    assert page.locator("#findings button.finding").count() == 1


def _words(n: int) -> str:
    sentences = [
        "Officials said 59 hostages remain in Gaza.",
        "Israel believes 58 abductees are still being held by militants in the strip.",
        "The committee met for 3 hours on Tuesday and will meet again next week to discuss the roads.",
        "Aid agencies said 300 trucks crossed into the territory over the weekend, a modest rise.",
        "Negotiators in Cairo described the atmosphere as tense but said progress was possible.",
    ]
    out, count, i = [], 0, 0
    while count < n:
        s = sentences[i % len(sentences)]
        out.append(s + ("\n\n" if i % 6 == 5 else " "))
        count += len(s.split())
        i += 1
    return "".join(out)


def test_a_5000_word_draft_is_checked_and_highlighted(page):
    """A long draft comes back highlighted (bench/serve.py --browser measures how fast)."""
    text = _words(5000)
    page.fill("#draft", text)
    page.select_option("#format", "txt")
    page.fill("#date", "2025-03-12")
    page.click("#check")
    page.wait_for_function("() => document.getElementById('status').textContent.startsWith('Checked')",
                           timeout=300_000)
    assert int(page.evaluate("document.body.dataset.checkMs")) > 0
    assert page.locator("#article mark.claim").count() >= 150
    assert page.locator("#findings button.finding").count() >= 50


@pytest.fixture(scope="module")
def corpus_server(tmp_path_factory):
    pytest.importorskip("factcheck.cross.consistency", reason="cross-article checks (factcheck.cross.consistency) not built yet")
    folder = tmp_path_factory.mktemp("corpus")
    for i, day in enumerate(["2025-03-04", "2025-03-05"]):
        (folder / f"wire-{i}.md").write_text(
            f"---\ndate: {day}\n---\n\nNegotiators said the militants still hold 58 hostages taken in the raid.\n",
            encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "serve", "--corpus", str(folder), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    m = re.search(r"(http://127\.0\.0\.1:\d+/)", proc.stdout.readline())
    if not m:
        proc.kill()
        pytest.fail(f"server did not start: {proc.stderr.read()}")
    yield m.group(1)
    proc.terminate()
    proc.wait(timeout=10)


def test_other_articles_are_shown_with_their_dates_and_values(browser, corpus_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(corpus_server)
    _check(page, "The militants still hold 59 hostages from the raid, negotiators said.\n", date="2025-03-05")
    assert "sev-warning" in _mark(page, "59").get_attribute("class")
    _mark(page, "59").click()
    related = page.locator("#details .related li")
    assert related.count() >= 1
    first = related.first.text_content()
    assert re.search(r"2025-03-0[45]", first) and " 58 " in first and "wire-" in first
    assert "disagrees with other articles" in page.text_content("#details")
    context.close()


def test_a_month_dated_paste_is_checked_for_its_month_and_says_what_it_compared(page):
    text = "---\ndate: 2025-02\n---\n\nDiplomats said 94 hostages are still held in Gaza.\n"
    _check(page, text, date="2025-03-12", fmt="md")
    assert "sev-error" not in (_mark(page, "94").get_attribute("class") or "")  # 94 held in February
    status = page.text_content("#status")
    assert "rules only" in status or "of 2025-02" in status, status
    assert not page.problems

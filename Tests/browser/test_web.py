#!/usr/bin/env python3
"""Browser tests of `piloteval serve` (issue 22, DESIGN §8), run by Tests/browser/run.sh.

Reads PILOTEVAL_LINK (the server's first line without its prefix). Headless Chromium
through Selenium: the door (401 without the link), every page in Swedish and English
(found by following the navigation), axe-core with its default rules (zero violations),
one h1, <html lang>, a full-height screenshot of each page in .build/browser/, the
journeys by mouse and by keyboard alone, no request to another origin and no console
errors (CSP violations included). Plain Python: every check is counted, every failure
says what and where, and the last line is 'browser: N passed, N failed'.
"""

import json
import os
import re
import sys
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHOTS = os.path.join(ROOT, ".build", "browser")
LINK = os.environ["PILOTEVAL_LINK"]
ORIGIN = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(LINK))
PILOT = "vallingbyteamet"
# The model pages the contract names; more (reports, imports) are found in the navigation.
REQUIRED_MODEL_PAGES = ["", "/indicators", "/pilot-vs-line", "/readiness", "/improvement", "/logic-model"]
WIDTH, HEIGHT = 1280, 1000
PHONE = (390, 844)

passed = 0
failures = []


def check(condition, message):
    """Counts one check; a failure is kept and printed, and the run goes on."""
    global passed
    if condition:
        passed += 1
    else:
        failures.append(message)
        print("FAIL: " + message, flush=True)
    return condition


def step(name, function, *args):
    """Runs one test step; an exception fails that step and the run goes on."""
    try:
        function(*args)
    except Exception as error:  # noqa: BLE001 — report and go on
        check(False, "%s: %s: %s\n%s" % (name, type(error).__name__, error, traceback.format_exc(limit=3)))


# ---------------------------------------------------------------- plain HTTP (urllib)

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def http_status(path, cookie=None, bearer=None):
    request = urllib.request.Request(ORIGIN + path)
    if cookie:
        request.add_header("Cookie", cookie)
    if bearer:
        request.add_header("Authorization", "Bearer " + bearer)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_door():
    """Without the link every page and the API answer 401."""
    paths = ["/", "/help", "/accessibility", "/api/v1/models"]
    paths += ["/models/%s%s" % (PILOT, suffix) for suffix in REQUIRED_MODEL_PAGES]
    for path in paths:
        status, headers, _ = http_status(path)
        check(status == 401, "without the link, GET %s answered %s, not 401" % (path, status))
    status, _, _ = http_status("/?token=" + "0" * 64)
    check(status == 401, "a wrong token answered %s, not 401" % status)
    token = urllib.parse.parse_qs(urllib.parse.urlsplit(LINK).query)["token"][0]
    status, headers, body = http_status("/api/v1/models", bearer=token)
    check(status == 200, "GET /api/v1/models with the Bearer token answered %s, not 200" % status)
    if status == 200:
        text = body.decode("utf-8")
        check(PILOT in text, "GET /api/v1/models does not name %s" % PILOT)


# ---------------------------------------------------------------- the browser

def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=%d,%d" % (WIDTH, HEIGHT), "--lang=sv-SE",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--disable-default-apps"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_window_size(WIDTH, HEIGHT)
    driver.set_script_timeout(120)
    driver.set_page_load_timeout(120)
    return driver


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def path_of(url):
    parts = urllib.parse.urlsplit(url)
    return parts.path + (("?" + parts.query) if parts.query else "")


def settle(driver, old=None):
    """After a click that leaves the page: wait until `old` (an element of the page left)
    is gone and the new document has loaded, so no element of the old one is touched."""
    from selenium.webdriver.support.ui import WebDriverWait

    def gone(_):
        # Stale, or (Chromium, mid-navigation) "Node with given id does not belong to
        # the document": either way the old page is going.
        try:
            old.is_enabled()
            return False
        except Exception:  # noqa: BLE001
            return True

    if old is not None:
        WebDriverWait(driver, 30).until(gone)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def shot_name(lang, path):
    slug = re.sub(r"[^A-Za-z0-9]+", "-", path.strip("/")) or "start"
    return "%s-%s" % (lang, slug)


def screenshot(driver, name):
    os.makedirs(SHOTS, exist_ok=True)
    height = driver.execute_script(
        "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    driver.set_window_size(WIDTH, max(HEIGHT, int(height)))
    # The window's height includes what little frame headless Chromium has: grow it
    # until the whole page is in the viewport.
    for _ in range(3):
        inner = driver.execute_script("return window.innerHeight")
        if inner >= height:
            break
        size = driver.get_window_size()
        driver.set_window_size(WIDTH, size["height"] + (height - inner))
    time.sleep(0.2)
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))
    driver.set_window_size(WIDTH, HEIGHT)


def run_axe(driver, where):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    violations = results.get("violations", [])
    lines = []
    for violation in violations:
        lines.append("  %s (%s): %s" % (violation["id"], violation.get("impact"), violation["help"]))
        for node in violation["nodes"][:8]:
            lines.append("      at %s — %s" % (" ".join(map(str, node["target"])),
                                              (node.get("failureSummary") or "").replace("\n", " ")))
        if len(violation["nodes"]) > 8:
            lines.append("      … and %d more" % (len(violation["nodes"]) - 8))
    check(not violations, "axe-core on %s: %d violation(s):\n%s" % (where, len(violations), "\n".join(lines)))
    return results


def check_page(driver, lang, where, name):
    """Every check a page gets, on the page the browser shows now."""
    check(driver.current_url.startswith(ORIGIN), "%s: left the server: %s" % (where, driver.current_url))
    html_lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
    check(html_lang == lang, "%s: <html lang=%r>, expected %r" % (where, html_lang, lang))
    h1s = driver.find_elements(By.TAG_NAME, "h1")
    check(len(h1s) == 1, "%s: %d h1 elements, expected exactly one" % (where, len(h1s)))
    check(driver.title.strip() != "", "%s: empty <title>" % where)
    check("token=" not in driver.current_url, "%s: the token is in the address" % where)
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    foreign = [r for r in resources if not r.startswith(ORIGIN + "/")]
    check(not foreign, "%s: requests to another origin: %s" % (where, foreign))
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    check(overflow <= 0, "%s: the page scrolls sideways by %s px at %d px wide" % (where, overflow, WIDTH))
    run_axe(driver, where)
    errors = console_errors(driver)
    check(not errors, "%s: console errors: %s" % (where, json.dumps(errors, ensure_ascii=False)))
    screenshot(driver, name)


def links_in(driver, selector):
    return [(a.get_attribute("href"), a.text.strip()) for a in driver.find_elements(By.CSS_SELECTOR, selector)]


def session_cookie_header(driver):
    return "; ".join("%s=%s" % (c["name"], c["value"]) for c in driver.get_cookies())


def test_link_opens_session(driver):
    driver.get(LINK)
    check("token=" not in driver.current_url,
          "after the link the address still holds the token: %s" % driver.current_url)
    cookies = driver.get_cookies()
    check(len(cookies) >= 1, "the link set no cookie")
    for cookie in cookies:
        check(cookie.get("httpOnly") is True, "cookie %s is not HttpOnly" % cookie["name"])
        check(cookie.get("sameSite") == "Strict", "cookie %s is SameSite=%s, not Strict"
              % (cookie["name"], cookie.get("sameSite")))
    # The address bar's page, a fresh session, is Swedish by default.
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sv",
          "the first page is not Swedish by default")
    console_errors(driver)  # the start page is checked properly below


def discover(driver, lang):
    """Every page, found by following the navigation: start, the header and footer links,
    and for the pilot and one other model every page of the model's navigation."""
    driver.get(ORIGIN + "/?lang=" + lang)
    pages = ["/"]
    for href, _ in links_in(driver, "header.site a, footer.site a"):
        path = path_of(href)
        if href.startswith(ORIGIN) and "lang=" not in path and path not in pages:
            pages.append(path)
    for required in ["/help", "/accessibility"]:
        check(required in pages, "%s: no link to %s in the header or footer" % (lang, required))
    models = []
    for href, _ in links_in(driver, "main a[href^='/models/']"):
        model = path_of(href).split("/")[2]
        if model not in models:
            models.append(model)
    check(PILOT in models, "%s: the start page has no link to /models/%s (found %s)" % (lang, PILOT, models))
    others = [m for m in models if m != PILOT]
    check(others, "%s: the start page lists no model besides %s" % (lang, PILOT))
    chosen = [PILOT] + others[:1]
    for model in chosen:
        driver.get(ORIGIN + "/models/" + model)
        found = [path_of(href) for href, _ in links_in(driver, "nav.model-nav a")]
        for suffix in REQUIRED_MODEL_PAGES:
            check("/models/%s%s" % (model, suffix) in found,
                  "%s: the model navigation of %s has no /models/%s%s (found %s)" % (lang, model, model, suffix, found))
        for path in found:
            if path not in pages:
                pages.append(path)
    console_errors(driver)
    return pages


def test_every_page(driver, lang, pages):
    cookie = session_cookie_header(driver)
    for path in pages:
        where = "%s %s" % (lang, path)
        status, headers, _ = http_status(path, cookie=cookie)
        check(status == 200, "%s: answered %s, not 200" % (where, status))
        csp = headers.get("Content-Security-Policy", "")
        check("default-src 'self'" in csp, "%s: no CSP default-src 'self' (%r)" % (where, csp))
        started = time.time()
        driver.get(ORIGIN + path)
        seconds = time.time() - started
        try:
            check_page(driver, lang, where, shot_name(lang, path))
        except Exception as error:  # noqa: BLE001
            check(False, "%s: %s: %s" % (where, type(error).__name__, error))
        print("  %-48s %5.2f s" % (where, seconds), flush=True)


def test_phone(driver, pages):
    """The pilot's pages on a phone's width: no sideways scrolling of the page (wide
    tables scroll in their own focusable block), axe still clean, a screenshot."""
    driver.set_window_size(PHONE[0], PHONE[1])
    try:
        for path in pages:
            where = "phone sv %s" % path
            driver.get(ORIGIN + path)
            width = driver.execute_script("return document.documentElement.clientWidth")
            overflow = driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            check(overflow <= 0, "%s: the page scrolls sideways by %s px at %s px wide" % (where, overflow, width))
            run_axe(driver, where)
            errors = console_errors(driver)
            check(not errors, "%s: console errors: %s" % (where, json.dumps(errors, ensure_ascii=False)))
            os.makedirs(SHOTS, exist_ok=True)
            driver.save_screenshot(os.path.join(SHOTS, "phone-" + shot_name("sv", path) + ".png"))
    finally:
        driver.set_window_size(WIDTH, HEIGHT)


# ---------------------------------------------------------------- journeys

def test_journey_off_target(driver):
    """(a) From the start page, by clicking, to the pilot's indicators off target: the
    pilot's card, the overview's section on the indicators (off target first), the Indikatorer page, and there the
    period picker (the demo's latest period, 2023, has no targets; 2022 has)."""
    driver.get(ORIGIN + "/?lang=sv")
    driver.find_element(By.CSS_SELECTOR, "main a[href='/models/%s']" % PILOT).click()
    check(path_of(driver.current_url) == "/models/" + PILOT,
          "journey (a): the pilot's card led to %s" % driver.current_url)
    headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "main h2")]
    # The brief's indicator overview, off target first ("○ nås inte").
    check(any("Indikatorerna i överblick" in h for h in headings),
          "journey (a): the overview has no section on the indicators (h2: %s)" % headings)
    check("nås inte" in driver.find_element(By.CSS_SELECTOR, "main").text,
          "journey (a): the overview's indicators do not say which miss their target")
    driver.find_element(By.CSS_SELECTOR, "nav.model-nav a[href='/models/%s/indicators']" % PILOT).click()
    check(path_of(driver.current_url) == "/models/%s/indicators" % PILOT,
          "journey (a): the Indikatorer link led to %s" % driver.current_url)
    current = driver.find_elements(By.CSS_SELECTOR, "nav.model-nav a[aria-current='page']")
    check(len(current) == 1 and current[0].text.strip() == "Indikatorer",
          "journey (a): the navigation does not mark Indikatorer as the current page")

    def off_target():
        rows = []
        for row in driver.find_elements(By.CSS_SELECTOR, "main tbody tr"):
            cells = row.find_elements(By.CSS_SELECTOR, "th, td")
            if cells and "Ej uppfyllt" in cells[-1].text:
                rows.append(cells[0].text.strip() + " " + cells[1].text.strip()[:60])
        return rows

    latest = off_target()
    driver.find_element(By.CSS_SELECTOR, "main form select#period").click()
    driver.find_element(By.CSS_SELECTOR, "main form select#period option[value='2022']").click()
    submit = driver.find_element(By.CSS_SELECTOR, "main form button[type='submit']")
    submit.click()
    settle(driver, submit)
    check(path_of(driver.current_url) == "/models/%s/indicators?period=2022" % PILOT,
          "journey (a): the period picker led to %s" % driver.current_url)
    found = off_target()
    check(found, "journey (a): the indicators page for 2022 shows no indicator 'Ej uppfyllt'")
    print("  journey (a): off target in the latest period: %s; in 2022: %s" % (latest or "none", found), flush=True)
    console_errors(driver)


def test_journey_language(driver):
    """(b) The header link switches language, and the choice holds on the next page."""
    driver.get(ORIGIN + "/models/%s/readiness?lang=sv" % PILOT)
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sv", "journey (b): not Swedish to begin with")
    switch = driver.find_element(By.CSS_SELECTOR, "header.site a.lang-switch")
    check(switch.text.strip() == "English", "journey (b): the switch reads %r, not 'English'" % switch.text)
    switch.click()
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en",
          "journey (b): the switch did not give an English page")
    check(path_of(driver.current_url).startswith("/models/%s/readiness" % PILOT),
          "journey (b): the switch left the page it was on: %s" % driver.current_url)
    driver.find_element(By.CSS_SELECTOR, "nav.model-nav a[href='/models/%s/indicators']" % PILOT).click()
    check("lang=" not in driver.current_url, "journey (b): the next link carries lang= itself")
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en",
          "journey (b): English was not remembered on the next page")
    check(driver.find_element(By.TAG_NAME, "h1").text.strip() == "Indicators",
          "journey (b): the next page's h1 is %r, not 'Indicators'" % driver.find_element(By.TAG_NAME, "h1").text)
    driver.find_element(By.CSS_SELECTOR, "header.site a[href='/help']").click()
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en",
          "journey (b): English was not remembered on the help page")
    driver.find_element(By.CSS_SELECTOR, "header.site a.lang-switch").click()
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sv",
          "journey (b): switching back did not give Swedish")
    driver.get(ORIGIN + "/")
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sv",
          "journey (b): Swedish was not remembered after switching back")
    console_errors(driver)


def test_journey_versions(driver):
    """(e) Compare two versions of the logic model: choose them in the form, see what changed."""
    from selenium.webdriver.support.ui import Select
    driver.get(ORIGIN + "/models/%s/logic-model?lang=sv" % PILOT)
    Select(driver.find_element(By.ID, "from")).select_by_value("1")
    Select(driver.find_element(By.ID, "to")).select_by_value("2")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/logic-model#compare'] button[type=submit]").click()
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, 20).until(lambda d: "to=2" in d.current_url and d.execute_script("return document.readyState") == "complete")
    text = driver.find_element(By.TAG_NAME, "main").text
    check("version 2 jämförd med version 1" in text, "journey (e): no comparison of version 2 with version 1 on the page")
    check("Ändrat" in text and "barns bästa" in text and "barnets bästa" in text,
          "journey (e): the retitled goal is not shown with its old and new title")
    run_axe(driver, "journey (e) compared versions")
    console_errors(driver)


def active(driver):
    return driver.switch_to.active_element


def describe(element):
    return "<%s%s%s> %r" % (element.tag_name,
                           (" id=" + element.get_attribute("id")) if element.get_attribute("id") else "",
                           (" href=" + path_of(element.get_attribute("href"))) if element.get_attribute("href") else "",
                           element.text.strip()[:40])


def focus_visible(driver, element):
    return driver.execute_script(
        "var s = getComputedStyle(arguments[0]);"
        "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';",
        element)


def test_journey_keyboard(driver):
    """(c) Keyboard alone: skip link first, Enter moves focus to main; Tab reaches the
    model navigation, and Enter on a link there loads that page."""
    start = "/models/%s" % PILOT
    driver.get(ORIGIN + start + "?lang=sv")
    driver.get(ORIGIN + start)  # a fresh page, nothing focused
    keys = ActionChains(driver)
    keys.send_keys(Keys.TAB).perform()
    first = active(driver)
    check("skip" in (first.get_attribute("class") or "") and first.get_attribute("href", ) and
          first.get_attribute("href").endswith("#main"),
          "journey (c): the first Tab reached %s, not the skip link" % describe(first))
    check(focus_visible(driver, first), "journey (c): the focused skip link shows no focus outline")
    rect = driver.execute_script("var r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height];", first)
    check(rect[0] >= 0 and rect[1] >= 0 and rect[2] > 0 and rect[3] > 0,
          "journey (c): the focused skip link is not on screen (%s)" % rect)
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    time.sleep(0.2)
    focused = active(driver)
    check(focused.get_attribute("id") == "main",
          "journey (c): Enter on the skip link focused %s, not <main id=main>" % describe(focused))
    check(driver.current_url.endswith(start + "#main"), "journey (c): Enter on the skip link left the page: %s" % driver.current_url)

    # From main, the next Tab goes into the content.
    ActionChains(driver).send_keys(Keys.TAB).perform()
    after = active(driver)
    inside = driver.execute_script("return document.getElementById('main').contains(arguments[0]) || "
                                   "document.querySelector('footer').contains(arguments[0]);", after)
    check(inside, "journey (c): Tab after the skip target went to %s, outside main" % describe(after))

    # A fresh page again: Tab through the header to the model navigation.
    driver.get(ORIGIN + start)
    target = "/models/%s/readiness" % PILOT
    order = []
    reached = None
    for _ in range(40):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        element = active(driver)
        order.append(describe(element))
        if element.tag_name == "a" and not focus_visible(driver, element):
            check(False, "journey (c): %s has no visible focus" % describe(element))
        if element.get_attribute("href") and path_of(element.get_attribute("href")) == target:
            reached = element
            break
    check(reached is not None, "journey (c): 40 Tabs never reached the link to %s; the order was:\n  %s"
          % (target, "\n  ".join(order)))
    in_nav = [o for o in order if "/models/%s" % PILOT in o]
    check(in_nav and order.index(in_nav[0]) <= 6,
          "journey (c): the model navigation comes late in the Tab order:\n  %s" % "\n  ".join(order))
    if reached is not None:
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        time.sleep(0.5)
        check(path_of(driver.current_url) == target,
              "journey (c): Enter on the readiness link loaded %s, not %s" % (driver.current_url, target))
        check(driver.find_element(By.TAG_NAME, "h1").text.strip() == "Förändringsbenägenhet",
              "journey (c): the readiness page's h1 is %r" % driver.find_element(By.TAG_NAME, "h1").text)
    print("  keyboard order: " + " → ".join(order), flush=True)
    console_errors(driver)


def test_reports_docx(driver):
    """(d) The reports page by mouse: make the steering brief with the form's defaults,
    land on the report's page (checked like every page), download its DOCX and open it
    with python-docx. Writes one report into the database under test."""
    import io

    import docx
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(ORIGIN + "/models/%s/reports?lang=sv" % PILOT)
    buttons = driver.find_elements(By.CSS_SELECTOR, "main form button[type='submit']")
    if not check(buttons, "journey (d): the reports page has no form to make a report"):
        return
    before = driver.current_url
    buttons[0].click()
    WebDriverWait(driver, 120).until(lambda d: d.current_url != before and d.execute_script(
        "return document.readyState") == "complete")
    path = path_of(driver.current_url)
    check(re.match(r"^/models/%s/reports/[^/]+$" % PILOT, path),
          "journey (d): making the report led to %s, not the report's page" % path)
    check_page(driver, "sv", "sv " + path + " (a report made just now)", "sv-report")
    links = [href for href, _ in links_in(driver, "main a") if href and href.endswith("/report.docx")]
    if not check(links, "journey (d): the report's page has no DOCX link"):
        return
    status, headers, body = http_status(path_of(links[0]), cookie=session_cookie_header(driver))
    check(status == 200, "journey (d): GET %s answered %s" % (path_of(links[0]), status))
    if status == 200:
        document = docx.Document(io.BytesIO(body))
        headings = [p.text for p in document.paragraphs if p.style.name.lower().startswith(("heading", "title"))]
        check(headings, "journey (d): the DOCX has no headings")
        text = "\n".join(p.text for p in document.paragraphs)
        check("Vällingbyteamet" in text, "journey (d): the DOCX does not name the pilot")
        print("  journey (d): DOCX %d bytes, %d headings, first: %r" % (len(body), len(headings), headings[:2]),
              flush=True)
    console_errors(driver)


def test_journey_upload(driver):
    """(f) Load a file in the browser: a broken improvement measure is refused with its
    error located to row and column (announced: role=alert), nothing saved and the typed
    measure id kept; the corrected file is previewed, imported and said so; then the
    import is undone from the same page. axe on the refused page and the preview."""
    import tempfile
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait
    folder = tempfile.mkdtemp(prefix="piloteval-upload-")
    broken = os.path.join(folder, "matt-fel.csv")
    good = os.path.join(folder, "matt.csv")
    with open(broken, "w", encoding="utf-8") as f:
        f.write("månad;planerade;inledda\n2024-01;4;14\n2024-02;tre;16\n")
    with open(good, "w", encoding="utf-8") as f:
        f.write("månad;planerade;inledda\n2024-01;4;14\n2024-02;3;16\n2024-03;6;15\n")
    page = "/models/%s/imports" % PILOT

    def submit_measure(path):
        driver.get(ORIGIN + page + "?lang=sv")
        driver.find_element(By.ID, "file-measures").send_keys(path)
        measure = driver.find_element(By.ID, "measure-measures")
        measure.clear()
        measure.send_keys("webbtest-matt")
        driver.find_element(By.ID, "value-measures").send_keys("planerade")
        driver.find_element(By.ID, "denominator-measures").send_keys("inledda")
        form = driver.find_element(By.ID, "file-measures").find_element(By.XPATH, "./ancestor::form")
        form.find_element(By.CSS_SELECTOR, "button[type='submit']").click()
        settle(driver, form)

    driver.get(ORIGIN + page + "?lang=sv")
    before = len(driver.find_elements(By.CSS_SELECTOR, "main tbody tr"))
    submit_measure(broken)
    alert = driver.find_elements(By.CSS_SELECTOR, "main [role='alert']")
    check(alert and "matt-fel.csv:3:2" in alert[0].text,
          "journey (f): the broken file's error is not shown located to row 3, column 2: %r" % (alert[0].text if alert else None))
    kept = driver.find_elements(By.ID, "measure-measures")
    check(kept and kept[0].get_attribute("value") == "webbtest-matt", "journey (f): the typed measure id was not kept")
    run_axe(driver, "journey (f) refused upload")
    driver.save_screenshot(os.path.join(SHOTS, "journey-f-refused.png"))
    driver.get(ORIGIN + page)
    check(len(driver.find_elements(By.CSS_SELECTOR, "main tbody tr")) == before, "journey (f): the refused file was saved")

    submit_measure(good)
    status = driver.find_elements(By.CSS_SELECTOR, "main [role='status']")
    check(status and "3 värden för måttet webbtest-matt" in status[0].text and "Inget är sparat" in status[0].text,
          "journey (f): the preview does not say what the file holds: %r" % (status[0].text if status else None))
    run_axe(driver, "journey (f) preview")
    driver.save_screenshot(os.path.join(SHOTS, "journey-f-preview.png"))
    confirm = driver.find_element(By.CSS_SELECTOR, "main form[action$='/imports/confirm'] button[type='submit']")
    confirm.click()
    settle(driver, confirm)
    check(path_of(driver.current_url) == page, "journey (f): importing led to %s" % driver.current_url)
    notice = driver.find_elements(By.CSS_SELECTOR, "main [role='status']")
    check(notice and "Inläst: matt.csv, 3 rader" in notice[0].text, "journey (f): no notice that the file was imported")
    rows = driver.find_elements(By.CSS_SELECTOR, "main tbody tr")
    check(len(rows) == before + 1 and "matt.csv" in rows[0].text, "journey (f): the import is not listed first")

    select = Select(driver.find_element(By.ID, "import"))
    select.select_by_index(0)
    check("matt.csv" in select.first_selected_option.text, "journey (f): the newest import is not first to undo")
    undo = driver.find_element(By.CSS_SELECTOR, "main form[action$='/imports/undo'] button[type='submit']")
    undo.click()
    settle(driver, undo)
    notice = driver.find_elements(By.CSS_SELECTOR, "main [role='status']")
    check(notice and "matt.csv" in notice[0].text and "ångrad" in notice[0].text, "journey (f): no notice that the import was undone")
    check(len(driver.find_elements(By.CSS_SELECTOR, "main tbody tr")) == before, "journey (f): the undone import is still listed")
    print("  journey (f): refused, previewed, imported, undone; %d imports listed" % before, flush=True)
    console_errors(driver)


def test_journey_entry(driver):
    """(g) Enter a tertial in the form: a mistake is refused and located (the summary,
    role=alert, links to the field, which is marked invalid), what was typed stays; the
    corrected form saves, the stored values fill it again, and the save is undone on the
    imports page. axe on the form with its errors."""
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait
    page = "/models/%s/entry" % PILOT

    def save():
        button = driver.find_element(By.CSS_SELECTOR, "main button[value='save']")
        button.click()
        settle(driver, button)

    driver.get(ORIGIN + page + "?lang=sv&period=2022-T3")
    field = driver.find_element(By.ID, "f-value-I18-total")
    field.clear()
    field.send_keys("tolv")
    girls = driver.find_element(By.ID, "f-numerator-I20-girls")
    girls.clear()
    girls.send_keys("20")
    driver.find_element(By.ID, "f-denominator-I20-girls").clear()
    driver.find_element(By.ID, "f-denominator-I20-girls").send_keys("25")
    save()
    alert = driver.find_elements(By.CSS_SELECTOR, "main [role='alert']")
    check(alert and "I18, Totalt, värde" in alert[0].text, "journey (g): the mistake is not listed by its field: %r"
          % (alert[0].text if alert else None))
    field = driver.find_element(By.ID, "f-value-I18-total")
    check(field.get_attribute("aria-invalid") == "true" and field.get_attribute("value") == "tolv",
          "journey (g): the field in error is not marked, or lost what was typed")
    check(driver.find_element(By.ID, "f-numerator-I20-girls").get_attribute("value") == "20",
          "journey (g): the other values were not kept")
    run_axe(driver, "journey (g) form with an error")
    driver.save_screenshot(os.path.join(SHOTS, "journey-g-error.png"))
    field.clear()
    field.send_keys("12")
    save()
    status = driver.find_elements(By.CSS_SELECTOR, "main [role='status']")
    check(status and "Sparat: 2 värden för tertial 3 2022" in status[0].text, "journey (g): no notice of the save: %r"
          % (status[0].text if status else None))
    check(driver.find_element(By.ID, "f-value-I18-total").get_attribute("value") == "12",
          "journey (g): the saved value does not fill the form")
    driver.save_screenshot(os.path.join(SHOTS, "journey-g-saved.png"))

    def approval_step():
        button = driver.find_element(By.CSS_SELECTOR, "main form[action$='/entry/approval'] button[type='submit']")
        button.click()
        settle(driver, button)

    approval_step()   # mark ready
    approval_step()   # approve and lock
    field = driver.find_element(By.ID, "f-value-I18-total")
    check(field.get_attribute("readonly") is not None and not driver.find_elements(By.CSS_SELECTOR, "main button[value='save']"),
          "journey (g): a locked period can still be edited")
    check("godkändes och låstes" in driver.find_element(By.ID, "approval").find_element(By.XPATH, "following-sibling::p").text,
          "journey (g): the approval is not said")
    run_axe(driver, "journey (g) locked period")
    driver.save_screenshot(os.path.join(SHOTS, "journey-g-locked.png"))
    driver.find_element(By.ID, "f-reason").send_keys("Webbtest: fel siffra")
    approval_step()   # unlock
    check(driver.find_elements(By.CSS_SELECTOR, "main button[value='save']"), "journey (g): unlocking did not open the form again")
    driver.get(ORIGIN + "/models/%s/imports" % PILOT)
    select = Select(driver.find_element(By.ID, "import"))
    check("formular-2022-T3.csv" in select.first_selected_option.text, "journey (g): the save is not the import to undo first")
    undo = driver.find_element(By.CSS_SELECTOR, "main form[action$='/imports/undo'] button[type='submit']")
    undo.click()
    settle(driver, undo)
    driver.get(ORIGIN + page + "?period=2022-T3")
    check(driver.find_element(By.ID, "f-value-I18-total").get_attribute("value") == "",
          "journey (g): after the undo the form still shows the saved value")
    print("  journey (g): mistake located, corrected, saved, locked (editing refused), unlocked, undone", flush=True)
    console_errors(driver)


def test_journey_pdsa(driver):
    """(h) Add a PDSA cycle with its form (a mistake first: located, nothing lost) and
    see it on its measure's run chart at once."""
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait
    driver.get(ORIGIN + "/models/%s/improvement?lang=sv" % PILOT)
    link = driver.find_element(By.LINK_TEXT, "Lägg till en PDSA-cykel")
    link.click()
    settle(driver, link)
    values = {"pdsa-id": "webbtest-cykel", "pdsa-title": "Webbtest: påminnelse i kalendern",
              "pdsa-measure": "tidsplanerade-utredningar", "pdsa-change_idea": "Påminnelse i kalendern",
              "pdsa-prediction": "Fler utredningar får en tidsplan"}
    for field, value in values.items():
        driver.find_element(By.ID, field).send_keys(value)
    Select(driver.find_element(By.ID, "pdsa-activity")).select_by_value("A6")
    start = driver.find_element(By.ID, "pdsa-start")
    start.clear()
    start.send_keys("2021-02-30")

    def save():
        button = driver.find_element(By.CSS_SELECTOR, "main form button[type='submit']")
        button.click()
        settle(driver, button)

    save()
    start = driver.find_element(By.ID, "pdsa-start")
    check(start.get_attribute("aria-invalid") == "true", "journey (h): the impossible date is not marked")
    check(driver.find_element(By.ID, "pdsa-title").get_attribute("value") == values["pdsa-title"], "journey (h): the title was lost")
    run_axe(driver, "journey (h) PDSA form with an error")
    start.clear()
    start.send_keys("2021-09-01")
    save()
    check(path_of(driver.current_url).startswith("/models/%s/improvement" % PILOT), "journey (h): saving led to %s" % driver.current_url)
    check("PDSA" in driver.page_source and values["pdsa-title"] in driver.find_element(By.TAG_NAME, "main").text,
          "journey (h): the new cycle is not on the improvement page")
    figures = [f.text for f in driver.find_elements(By.CSS_SELECTOR, "main figure") if "tidsplan" in f.text.lower()]
    svg = driver.execute_script(
        "return Array.from(document.querySelectorAll('main figure svg')).map(s => s.textContent).join(' ')")
    check(values["pdsa-title"] in svg, "journey (h): the cycle is not drawn on the run chart")
    driver.save_screenshot(os.path.join(SHOTS, "journey-h-cycle.png"))
    print("  journey (h): PDSA cycle added (a mistake first), on the chart", flush=True)
    console_errors(driver)


def test_journey_model_editor(driver):
    """(i) Edit the logic model in the browser: a misspelt key is reported as it is
    typed (the page's script asks the server; the list is a live region), Spara refuses
    it with the text kept; corrected, it is saved as a new version and the page shows
    what changed against the one before."""
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
    page = "/models/%s/logic-model" % PILOT
    driver.get(ORIGIN + page + "?lang=sv")
    link = driver.find_element(By.LINK_TEXT, "Ändra logikmodellen")
    link.click()
    settle(driver, link)
    area = driver.find_element(By.ID, "model-yaml")
    text = area.get_attribute("value")
    lines = text.split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith("name:")) + 1
    # Type a misspelling of the model's `name` key: the check runs after a pause.
    driver.execute_script("var a = arguments[0]; a.value = a.value.replace(/^name:/m, 'namn:'); "
                          "a.dispatchEvent(new Event('input'));", area)
    try:
        WebDriverWait(driver, 15).until(lambda d: ("rad %d" % number) in d.find_element(By.ID, "model-diagnostics").text)
        check(True, "")
    except Exception:  # noqa: BLE001
        check(False, "journey (i): the misspelt key was not reported as it was typed (line %d): %r"
              % (number, driver.find_element(By.ID, "model-diagnostics").text))
    check(driver.find_element(By.ID, "model-diagnostics").get_attribute("aria-live") == "polite",
          "journey (i): the check's list is not a live region")
    button = driver.find_element(By.CSS_SELECTOR, "main button[value='save']")
    button.click()
    settle(driver, button)
    area = driver.find_element(By.ID, "model-yaml")
    check("namn:" in area.get_attribute("value") and driver.find_elements(By.CSS_SELECTOR, "main [role='alert']"),
          "journey (i): the refused text was not kept, or the refusal not announced")
    run_axe(driver, "journey (i) editor with an error")
    driver.save_screenshot(os.path.join(SHOTS, "journey-i-error.png"))
    driver.execute_script("var a = arguments[0]; a.value = a.value.replace(/^namn:(.*)$/m, 'name:$1 (webbtest)');", area)
    button = driver.find_element(By.CSS_SELECTOR, "main button[value='save']")
    button.click()
    settle(driver, button)
    check(path_of(driver.current_url).startswith(page + "?from="), "journey (i): saving led to %s" % driver.current_url)
    check("(webbtest)" in driver.find_element(By.TAG_NAME, "main").text, "journey (i): the diff does not show the new name")
    driver.save_screenshot(os.path.join(SHOTS, "journey-i-diff.png"))
    print("  journey (i): model edited (error reported as typed, refused, fixed), saved as %s" % path_of(driver.current_url),
          flush=True)
    console_errors(driver)


def test_journey_indicator_form(driver):
    """(k) Change an indicator's target with the form, without YAML: the city's "max
    6,1 % eller minskar" is built from two parts (högst 6,1, eller bättre än föregående
    period); a mistyped number is marked and announced with the rest kept; corrected, it
    is saved as a new version and the comparison shows the new target. The form for a
    new indicator passes axe in both languages."""
    from selenium.webdriver.support.ui import Select
    page = "/models/%s/logic-model" % PILOT
    driver.get(ORIGIN + page + "?lang=sv")
    link = driver.find_element(By.PARTIAL_LINK_TEXT, "I10 ")
    link.click()
    settle(driver, link)
    check(path_of(driver.current_url) == page + "/indicators/I10", "journey (k): the link led to %s" % driver.current_url)
    Select(driver.find_element(By.ID, "ind-t0-set_by")).select_by_value("city")
    Select(driver.find_element(By.ID, "ind-t0-k1")).select_by_value("<=")
    number = driver.find_element(By.ID, "ind-t0-a1")
    number.clear()
    number.send_keys("6,1 %x")
    Select(driver.find_element(By.ID, "ind-t0-k2")).select_by_value("improve")
    note = driver.find_element(By.ID, "ind-t0-note")
    note.clear()
    note.send_keys("KF:s årsmål: max 6,1 % eller minskar")

    def save():
        button = driver.find_element(By.CSS_SELECTOR, "main button[value='save']")
        button.click()
        settle(driver, button)

    save()
    number = driver.find_element(By.ID, "ind-t0-a1")
    check(number.get_attribute("aria-invalid") == "true", "journey (k): the mistyped number is not marked")
    check(driver.find_elements(By.CSS_SELECTOR, "main [role='alert'] a[href='#ind-t0-a1']"),
          "journey (k): the error list does not link to the field")
    check(driver.find_element(By.ID, "ind-t0-note").get_attribute("value") == "KF:s årsmål: max 6,1 % eller minskar",
          "journey (k): the note was lost")
    run_axe(driver, "journey (k) indicator form with an error")
    driver.save_screenshot(os.path.join(SHOTS, "journey-k-error.png"))
    number.clear()
    number.send_keys("6,1")
    save()
    check(path_of(driver.current_url).startswith(page + "?from="), "journey (k): saving led to %s" % driver.current_url)
    main = driver.find_element(By.TAG_NAME, "main").text
    check("6,1" in main and "I10" in main, "journey (k): the comparison does not show the new target")
    driver.save_screenshot(os.path.join(SHOTS, "journey-k-diff.png"))
    for lang in ["sv", "en"]:
        driver.get(ORIGIN + page + "/indicators/new?lang=" + lang)
        run_axe(driver, "journey (k) new indicator form (%s)" % lang)
        driver.save_screenshot(os.path.join(SHOTS, "journey-k-new-%s.png" % lang))
    print("  journey (k): a city target built in the form (a mistake first), saved as %s" % path_of(driver.current_url), flush=True)
    console_errors(driver)


def test_journey_two_sessions(driver):
    """(j) Two people, two browser sessions, the same period: both open the form, the
    first saves, the second's save is refused (409) with what they typed kept and what
    the first saved shown beside it; nothing is lost. The first save is undone after."""
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait
    page = ORIGIN + "/models/%s/entry?lang=sv&period=2022-T3" % PILOT
    other = make_driver()
    try:
        other.get(LINK)
        for d in (driver, other):
            d.get(page)
        for d, value in ((driver, "21"), (other, "22")):
            field = d.find_element(By.ID, "f-value-I18-total")
            field.clear()
            field.send_keys(value)
        for d in (driver, other):
            button = d.find_element(By.CSS_SELECTOR, "main button[value='save']")
            button.click()
            settle(d, button)
        check("Sparat:" in driver.find_element(By.TAG_NAME, "main").text, "journey (j): the first save was not said")
        alert = other.find_elements(By.CSS_SELECTOR, "main [role='alert']")
        check(alert and "Någon annan har sparat" in alert[0].text, "journey (j): the second save was not refused")
        check(other.find_element(By.ID, "f-value-I18-total").get_attribute("value") == "22",
              "journey (j): the second person's value was lost")
        check("sparat nu: 21" in other.find_element(By.TAG_NAME, "main").text,
              "journey (j): the first person's saved value is not shown beside")
        run_axe(other, "journey (j) refused save")
        other.save_screenshot(os.path.join(SHOTS, "journey-j-conflict.png"))
    finally:
        other.quit()
    driver.get(ORIGIN + "/models/%s/imports" % PILOT)
    Select(driver.find_element(By.ID, "import")).select_by_index(0)
    undo = driver.find_element(By.CSS_SELECTOR, "main form[action$='/imports/undo'] button[type='submit']")
    undo.click()
    settle(driver, undo)
    print("  journey (j): two sessions, one refused with its values kept", flush=True)


def main():
    started = time.time()
    print("browser: %s (token hidden)" % ORIGIN, flush=True)
    step("door", test_door)
    driver = make_driver()
    try:
        version = driver.capabilities.get("browserVersion")
        print("browser: Chromium %s" % version, flush=True)
        step("link", test_link_opens_session, driver)
        for lang in ["sv", "en"]:
            pages = []

            def run(lang=lang):
                pages.extend(discover(driver, lang))
                print("browser: %s, %d pages" % (lang, len(pages)), flush=True)
                test_every_page(driver, lang, pages)

            step("pages " + lang, run)
            if lang == "sv":
                step("phone", test_phone, driver,
                     ["/"] + [p for p in pages if p.startswith("/models/%s" % PILOT)])
        step("journey (a) off-target indicators", test_journey_off_target, driver)
        step("journey (b) language", test_journey_language, driver)
        step("journey (c) keyboard", test_journey_keyboard, driver)
        step("journey (d) report and DOCX", test_reports_docx, driver)
        step("journey (e) compare model versions", test_journey_versions, driver)
        step("journey (f) upload, import and undo a file", test_journey_upload, driver)
        step("journey (g) enter a tertial, correct it, save, undo", test_journey_entry, driver)
        step("journey (h) add a PDSA cycle", test_journey_pdsa, driver)
        step("journey (i) edit the logic model", test_journey_model_editor, driver)
        step("journey (j) two sessions save one period", test_journey_two_sessions, driver)
        step("journey (k) change a target with the indicator form", test_journey_indicator_form, driver)
        # Back in Swedish for whoever uses the session next.
        driver.get(ORIGIN + "/?lang=sv")
    finally:
        driver.quit()
    print("browser: screenshots in %s; %.1f s" % (os.path.relpath(SHOTS, ROOT), time.time() - started))
    if failures:
        print("\n%d failure(s):" % len(failures))
        for failure in failures:
            print(" - " + failure.splitlines()[0])
    print("browser: %d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

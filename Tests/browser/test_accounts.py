#!/usr/bin/env python3
"""Browser tests of a shared server (issue 24), run by Tests/browser/run.sh after the
local-mode suite, on a copy of its database with three accounts added through the CLI.

The link carries no token; a page leads to the sign-in; a wrong password is announced
and the name kept; a reader sees only the pilot they have a role on, under the public
audience, and another pilot is 404; an admin reviews the access log, which holds the
failed and the good sign-ins and the reader's look at pilot vs line. axe-core (zero
violations) on the sign-in page in both languages, with an error, and on the log.
"""

import os
import sys

import test_web as t
from selenium.webdriver.common.by import By

READER = ("styrgruppen", os.environ["PILOTEVAL_READER_PASSWORD"])
ADMIN = ("it-forvaltningen", os.environ["PILOTEVAL_ADMIN_PASSWORD"])


def sign_in(driver, name, password):
    driver.get(t.ORIGIN + "/login")
    driver.find_element(By.ID, "login-username").send_keys(name)
    driver.find_element(By.ID, "login-password").send_keys(password)
    button = driver.find_element(By.CSS_SELECTOR, "main button[type='submit']")
    button.click()
    t.settle(driver, button)


def sign_out(driver):
    driver.get(t.ORIGIN + "/logout")
    button = driver.find_element(By.CSS_SELECTOR, "main button[type='submit']")
    button.click()
    t.settle(driver, button)


def test_door(driver):
    t.check("token=" not in t.LINK, "the first line of a server with accounts carries a token: %s" % t.LINK)
    driver.get(t.ORIGIN + "/models/%s" % t.PILOT)
    t.check(t.path_of(driver.current_url).startswith("/login"), "a page without a session led to %s, not /login" % driver.current_url)
    for lang in ["sv", "en"]:
        driver.get(t.ORIGIN + "/login?lang=" + lang)
        t.check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang, "the sign-in page is not in %s" % lang)
        t.run_axe(driver, "sign-in page (%s)" % lang)
        t.screenshot(driver, "accounts-login-" + lang)


def test_reader(driver):
    sign_in(driver, READER[0], "inte lösenordet alls")
    alert = driver.find_elements(By.CSS_SELECTOR, "main [role='alert']")
    t.check(alert and "Fel användarnamn eller lösenord" in alert[0].text, "a wrong password is not announced")
    t.check(driver.find_element(By.ID, "login-username").get_attribute("value") == READER[0], "the name typed was not kept")
    t.run_axe(driver, "sign-in page with an error")
    t.screenshot(driver, "accounts-login-error")
    sign_in(driver, *READER)
    main = driver.find_element(By.TAG_NAME, "main").text
    t.check(t.path_of(driver.current_url) == "/", "the sign-in led to %s" % driver.current_url)
    models = {t.path_of(href).split("/")[2] for href, _ in t.links_in(driver, "main a[href^='/models/']")}
    t.check(models == {t.PILOT}, "the reader's start page lists %s, not only %s" % (sorted(models), t.PILOT))
    t.check("Inloggad som styrgruppen." in driver.find_element(By.TAG_NAME, "footer").text, "the footer does not say who is signed in")
    driver.get(t.ORIGIN + "/models/%s/pilot-vs-line" % t.PILOT)
    t.check(not driver.find_elements(By.CSS_SELECTOR, "p.marking"), "a reader's page carries the internal marking")
    t.run_axe(driver, "pilot vs line as a reader")
    t.screenshot(driver, "accounts-reader-pilot-vs-line")
    status = t.http_status("/models/familjeenheten-2022", cookie=t.session_cookie_header(driver))[0]
    t.check(status == 404, "another pilot answered %s to the reader, not 404" % status)
    sign_out(driver)
    t.check(t.path_of(driver.current_url).startswith("/login"), "signing out led to %s" % driver.current_url)


def test_admin(driver):
    sign_in(driver, ADMIN[0], ADMIN[1])
    link = driver.find_element(By.LINK_TEXT, "Åtkomstlogg")
    link.click()
    t.settle(driver, link)
    text = driver.find_element(By.TAG_NAME, "main").text
    for expected in ["misslyckad inloggning", "styrgruppen", "pilot vs line", "inloggning"]:
        t.check(expected in text, "the access log page does not show %r" % expected)
    t.run_axe(driver, "access log")
    t.screenshot(driver, "accounts-audit")
    sign_out(driver)


def main():
    driver = t.make_driver()
    try:
        t.step("accounts: the door", test_door, driver)
        t.step("accounts: a reader", test_reader, driver)
        t.step("accounts: the access log", test_admin, driver)
    finally:
        driver.quit()
    for failure in t.failures:
        print(" - " + failure.splitlines()[0])
    print("browser (accounts): %d passed, %d failed" % (t.passed, len(t.failures)))
    return 1 if t.failures else 0


if __name__ == "__main__":
    sys.exit(main())

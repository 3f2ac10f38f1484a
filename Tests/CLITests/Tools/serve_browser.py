"""Works the what-if page of a running `boligsocial serve` in headless Chromium (Debian's chromium
and chromium-driver, through Selenium): moves the 2010 envelope, funds one application fully and
excludes another, each with a reason, and prints what the page then shows as JSON (the priority
points, and per application its status and granted kroner); then sets the 2010 envelope to 0,
where the decision to fund fully cannot hold, prints the diagnosis and its buttons and presses the
first; saves a screenshot when a path is given.
Usage: serve_browser.py URL ENVELOPE_2010 FULL_ID NONE_ID [SCREENSHOT.png]"""
import json, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

url, envelope, full_id, none_id = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
options = webdriver.ChromeOptions()
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,2400", "--no-proxy-server"]:
    options.add_argument(flag)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get(url)
    wait = WebDriverWait(driver, 30)
    wait.until(lambda d: d.find_element(By.ID, "points").text.strip() != "")

    def settle(before):
        """Waits until the page shows an answer other than `before` (each change asks the server)."""
        wait.until(lambda d: d.find_element(By.ID, "points").text not in ("", before) or d.find_element(By.ID, "diagnosis").text != "")
        time.sleep(0.3)

    first = driver.find_element(By.ID, "points").text
    field = driver.find_element(By.ID, "env-2010")
    field.clear()
    field.send_keys(envelope)
    driver.execute_script("arguments[0].dispatchEvent(new Event('change'))", field)
    settle(first)
    for id, kind, reason in [(full_id, "full", "Videreførelse af projekt fra 2004-2008"), (none_id, "none", "Finansieret af anden pulje")]:
        driver.find_element(By.CSS_SELECTOR, f'[data-reason="{id}"]').send_keys(reason)
        before = driver.find_element(By.ID, "points").text
        Select(driver.find_element(By.CSS_SELECTOR, f'select[data-decision="{id}"]')).select_by_value(kind)
        settle(before)
    shown = {"points": driver.find_element(By.ID, "points").text, "applications": {}}
    for row in driver.find_elements(By.CSS_SELECTOR, "#applications tbody tr"):
        shown["applications"][row.get_attribute("data-id")] = {
            "status": row.find_element(By.CLASS_NAME, "status").text, "granted": row.find_element(By.CLASS_NAME, "granted").text,
            "reason": row.find_element(By.CLASS_NAME, "why").text}
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#charts svg")) == 2)
    shown["charts"] = len(driver.find_elements(By.CSS_SELECTOR, "#charts svg rect"))
    if len(sys.argv) > 5:
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(sys.argv[5])
    driver.find_element(By.ID, "show-frontier").click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#frontier svg circle.current")) == 1)
    shown["frontier"] = driver.find_element(By.CSS_SELECTOR, "#frontier figcaption").text
    # An infeasible combination: the diagnosis in place of the result, a button per relaxation.
    field = driver.find_element(By.ID, "env-2010")
    field.clear()
    field.send_keys("0")
    driver.execute_script("arguments[0].dispatchEvent(new Event('change'))", field)
    wait.until(lambda d: d.find_element(By.ID, "diagnosis").text != "")
    shown["diagnosis"] = driver.find_element(By.ID, "diagnosis").text
    buttons = driver.find_elements(By.CSS_SELECTOR, "#diagnosis button")
    shown["buttons"] = [b.text for b in buttons]
    if buttons:
        buttons[0].click()
        wait.until(lambda d: d.find_element(By.ID, "points").text != "")
        shown["after_button"] = driver.find_element(By.ID, "points").text
    shown["console"] = [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    print(json.dumps(shown, ensure_ascii=False))
finally:
    driver.quit()

"""Works the what-if page of a running `boligsocial serve` in headless Chromium (Debian's chromium
and chromium-driver, through Selenium): moves the 2010 envelope, funds one application fully and
excludes another, each with a reason, and prints what the page then shows as JSON (the priority
points, and per application its status and granted kroner); then sets the 2010 envelope to 0,
where the decision to fund fully cannot hold, prints the diagnosis and its buttons and presses the
first; downloads the report as a workbook with its button and reads it back with openpyxl; sets a
focus floor no envelope can carry and presses the diagnosis's button for that floor; saves a
screenshot when a path is given.
Usage: serve_browser.py URL ENVELOPE_2010 FULL_ID NONE_ID [SCREENSHOT.png]"""
import glob, json, os, shutil, sys, tempfile, time
import openpyxl
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

url, envelope, full_id, none_id = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
options = webdriver.ChromeOptions()
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,2400", "--no-proxy-server"]:
    options.add_argument(flag)
options.binary_location = "/usr/bin/chromium"
downloads = tempfile.mkdtemp(prefix="boligsocial-downloads-")
options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get(url)
    wait = WebDriverWait(driver, 30)
    wait.until(lambda d: d.find_element(By.ID, "points").text.strip() != "")

    def answers():
        """The number of the last question asked, once its answer is shown (0 while one is pending)."""
        body = driver.find_element(By.TAG_NAME, "body")
        asked, shown = body.get_attribute("data-asked"), body.get_attribute("data-shown")
        return int(asked) if asked and asked == shown else 0

    def change(element, value):
        """Types `value` into a field and waits until the page has shown the server's answer to it."""
        before = answers()
        element.clear()
        element.send_keys(value)
        driver.execute_script("arguments[0].dispatchEvent(new Event('change'))", element)
        wait.until(lambda d: answers() > before, f"no answer after setting {element.get_attribute('id')} to {value}")

    change(driver.find_element(By.ID, "env-2010"), envelope)
    for id, kind, reason in [(full_id, "full", "Videreførelse af projekt fra 2004-2008"), (none_id, "none", "Finansieret af anden pulje")]:
        driver.find_element(By.CSS_SELECTOR, f'[data-reason="{id}"]').send_keys(reason)
        before = answers()
        Select(driver.find_element(By.CSS_SELECTOR, f'select[data-decision="{id}"]')).select_by_value(kind)
        wait.until(lambda d: answers() > before, f"no answer after the decision on {id}")
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
    # "Download the report (Excel)": the browser saves the workbook the server made in memory.
    driver.find_element(By.ID, "workbook").click()
    wait.until(lambda d: glob.glob(os.path.join(downloads, "*.xlsx")))
    book = openpyxl.load_workbook(glob.glob(os.path.join(downloads, "*.xlsx"))[0])
    shown["workbook"] = {"sheets": book.sheetnames,
                         "rows": {row[0]: [str(c) for c in row] for row in book.worksheets[1].iter_rows(values_only=True) if row[0] in (full_id, none_id)}}
    driver.find_element(By.ID, "show-frontier").click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#frontier svg circle.current")) == 1)
    shown["frontier"] = driver.find_element(By.CSS_SELECTOR, "#frontier figcaption").text
    # An infeasible combination: the diagnosis in place of the result, a button per relaxation.
    change(driver.find_element(By.ID, "env-2010"), "0")
    shown["diagnosis"] = driver.find_element(By.ID, "diagnosis").text
    buttons = driver.find_elements(By.CSS_SELECTOR, "#diagnosis button")
    shown["buttons"] = [b.text for b in buttons]
    if buttons:
        before = answers()
        buttons[0].click()
        wait.until(lambda d: answers() > before, "no answer after the diagnosis's button")
        shown["after_button"] = driver.find_element(By.ID, "points").text
    # A floor for health no envelope can carry (the 2010 envelope back where it was): the diagnosis
    # offers the floor that can be carried, as a button.
    change(driver.find_element(By.ID, "env-2010"), envelope)
    change(driver.find_element(By.ID, "floor-health"), "900000000")
    floor_buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "#diagnosis button") if "focus_floor.health" in b.text]
    shown["floor_buttons"] = [b.text for b in floor_buttons]
    if floor_buttons:
        before = answers()
        floor_buttons[0].click()
        wait.until(lambda d: answers() > before, "no answer after the floor's button")
        shown["floor_after_button"] = {"floor": driver.find_element(By.ID, "floor-health").get_attribute("value"),
                                       "points": driver.find_element(By.ID, "points").text}
    shown["console"] = [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    print(json.dumps(shown, ensure_ascii=False))
finally:
    driver.quit()
    shutil.rmtree(downloads, ignore_errors=True)

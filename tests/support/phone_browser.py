#!/usr/bin/python3
"""A phone's browser for the "From phone" tests: headless Chromium driven by
Selenium (Debian's chromium, chromium-driver and python3-selenium).

Opens the URL; when files are given, puts them into the page's file input and
presses Send (after --go-file exists, if given, so two "phones" can send at
once). Prints one JSON object: the page's title, #result and #message texts.
Prints a line "loaded" first when --go-file is given.
"""
import argparse
import json
import os
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def text_of(driver, element_id):
    found = driver.find_elements(By.ID, element_id)
    return found[0].text if found else ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--file", action="append", default=[])
    parser.add_argument("--input", default="gallery", help="id of the file input to use")
    parser.add_argument("--go-file", help="wait for this file to exist before pressing Send")
    args = parser.parse_args()

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--window-size=412,915"):
        options.add_argument(flag)
    profile = tempfile.TemporaryDirectory(prefix="rollcall-phone-")
    options.add_argument("--user-data-dir=" + profile.name)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.set_page_load_timeout(60)
        driver.get(args.url)
        result = {"title": driver.title, "form": bool(driver.find_elements(By.ID, "send"))}
        if args.file and result["form"]:
            driver.find_element(By.ID, args.input).send_keys("\n".join(os.path.abspath(f) for f in args.file))
            if args.go_file:
                print("loaded", flush=True)
                deadline = time.time() + 60
                while not os.path.exists(args.go_file):
                    if time.time() > deadline:
                        raise TimeoutError("no go file")
                    time.sleep(0.05)
            driver.find_element(By.ID, "send").click()
            WebDriverWait(driver, 60).until(expected_conditions.presence_of_element_located((By.ID, "result")))
            result["title"] = driver.title
        result["result"] = text_of(driver, "result")
        result["message"] = text_of(driver, "message")
        print(json.dumps(result), flush=True)
    finally:
        driver.quit()
        profile.cleanup()


if __name__ == "__main__":
    sys.exit(main())

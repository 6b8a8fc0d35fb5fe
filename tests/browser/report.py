#!/usr/bin/env python3
"""The HTML report in a real browser (headless Chromium through Selenium).

Writes the report of tests/data/report/edges.csv (six actors, seven arrows,
one actor named <img src=x onerror=alert(1)> with a <script> in its evidence
and a javascript: article) and checks: no console error; the expected actors
and arrows are drawn, the arrows on Graphviz's routes (the static diagrams'
curves) from source to target, dashed when negated and dotted when hedged
as there; search finds an actor; polarity and date filters hide what they
leave out; a relation filter hides the
other relations; clicking an arrow shows its evidence; the hostile name is
shown as text and runs nothing; a page holding the sentences of only some
reports (--max-reports) says so and still counts every report. Exits 77 (ctest's skip) where Chromium,
chromedriver or Selenium are missing."""
import math
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
try:
    from selenium import webdriver
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
except ImportError:
    print("skipped: python3-selenium is not installed")
    sys.exit(SKIP)
chrome = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
driver_path = shutil.which("chromedriver")
if not chrome or not driver_path:
    print("skipped: chromium or chromedriver is not installed (Debian: chromium chromium-driver)")
    sys.exit(SKIP)

relnet = os.environ["RELNET_BIN"]
csv = os.path.join(os.environ["RELNET_TEST_DATA"], "report", "edges.csv")
HOSTILE = "<img src=x onerror=alert(1)>"
tmp = tempfile.mkdtemp()
try:
    page = os.path.join(tmp, "report.html")
    subprocess.run([relnet, "--quiet", "report", csv, "-o", page], check=True)

    opts = webdriver.ChromeOptions()
    opts.binary_location = chrome
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--user-data-dir=" + os.path.join(tmp, "profile")):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service(driver_path), options=opts)
    try:
        d.get("file://" + page)

        def no_alert(when):
            try:
                text = d.switch_to.alert.text
            except NoAlertPresentException:
                return
            raise AssertionError("an alert ran (%s): %r" % (when, text))

        no_alert("on load")

        def click(el):
            d.execute_script(
                "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", el)

        def shown(selector):
            return [e for e in d.find_elements(By.CSS_SELECTOR, selector)
                    if "hidden" not in (e.get_attribute("class") or "").split()]

        # The graph: every actor and arrow of the edge list.
        names = sorted(e.get_attribute("data-name") for e in shown("#net g.node"))
        want = sorted(["Freedonia", "Sylvania", "Acme Widgets", "Harbour Pact", "Osterlich", HOSTILE])
        assert names == want, names
        arrows = sorted((e.get_attribute("data-source"), e.get_attribute("data-relation"),
                         e.get_attribute("data-target")) for e in shown("#net path.edge"))
        assert arrows == sorted([
            ("Freedonia", "accuses", "Sylvania"), ("Sylvania", "accuses", "Freedonia"),
            ("Freedonia", "bans", "Acme Widgets"), ("Sylvania", "signs", "Harbour Pact"),
            ("Osterlich", "signs", "Harbour Pact"), ("Osterlich", "accuses", "Acme Widgets"),
            (HOSTILE, "accuses", "Freedonia")]), arrows
        # Arrows follow Graphviz's routes (Bezier curves, as in the static
        # diagrams) from their source's box to their target's, and are
        # dashed when negated, dotted when hedged, as there.
        ends = d.execute_script("""
            var box = {};
            document.querySelectorAll('#net g.node').forEach(function (g) {
                var t = g.getAttribute('transform').match(/translate\\(([-\\d.e]+),([-\\d.e]+)\\)/);
                var r = g.querySelector('rect');
                box[g.getAttribute('data-name')] = [+t[1], +t[2], +r.getAttribute('width'), +r.getAttribute('height')];
            });
            return Array.prototype.map.call(document.querySelectorAll('#net path.edge'), function (p) {
                var a = p.getPointAtLength(0), b = p.getPointAtLength(p.getTotalLength());
                return [p.getAttribute('d'), p.getAttribute('data-polarity'),
                        p.getAttribute('stroke-dasharray'), box[p.getAttribute('data-source')],
                        box[p.getAttribute('data-target')], [a.x, a.y], [b.x, b.y]];
            });""")
        def outside(pt, b):
            return max(abs(pt[0] - b[0]) - b[2] / 2, abs(pt[1] - b[1]) - b[3] / 2, 0)
        assert len(ends) == 7, ends
        for path, pol, dasharray, src, dst, start, end in ends:
            assert path.startswith("M") and "C" in path, path
            assert outside(start, src) < 2 and outside(end, dst) < 2, (path, src, dst)
            assert dasharray == {"asserted": None, "negated": "6,3", "hedged": "1,4"}[pol], (pol, dasharray)
        assert sorted(e[1] for e in ends) == ["asserted"] * 5 + ["hedged", "negated"]

        # Node labels are the names as text, in the lines Graphviz wrapped
        # them into for the diagrams.
        labels = [" ".join(t.text for t in e.find_elements(By.TAG_NAME, "tspan"))
                  for e in d.find_elements(By.CSS_SELECTOR, "#net g.node text")]
        assert HOSTILE in labels, labels
        lines = [t.text for t in d.find_elements(By.CSS_SELECTOR, "#net g.node text tspan")]
        assert "<img src=x" in lines, lines

        # Search finds an actor.
        d.find_element(By.ID, "search").send_keys("sylv")
        found = [e.get_attribute("data-name") for e in d.find_elements(By.CSS_SELECTOR, "#net g.node.found")]
        assert found == ["Sylvania"], found
        assert d.find_element(By.ID, "found").text == "1 found"

        # A polarity filter hides asserted reports; a date range the
        # reports outside it.
        click(d.find_element(By.CSS_SELECTOR, "input[data-filter='asserted']"))
        pols = sorted(e.get_attribute("data-polarity") for e in shown("#net path.edge"))
        assert pols == ["hedged", "negated"], pols
        click(d.find_element(By.CSS_SELECTOR, "input[data-filter='asserted']"))
        def set_date(which, value):
            d.execute_script("var i = document.getElementById(arguments[0]); i.value = arguments[1];"
                             "i.dispatchEvent(new Event('change'))", which, value)
        set_date("since", "2022-03-01")
        set_date("until", "2022-04-30")
        in_range = sorted((e.get_attribute("data-source"), e.get_attribute("data-relation"))
                          for e in shown("#net path.edge"))
        assert in_range == [("Osterlich", "accuses"), ("Osterlich", "signs"), ("Sylvania", "signs")], in_range
        set_date("since", "")
        set_date("until", "")
        assert len(shown("#net path.edge")) == 7

        # A relation filter hides the other relations.
        for rel in ("accuses", "signs"):
            click(d.find_element(By.CSS_SELECTOR, "input[data-filter='%s']" % rel))
        rels = {e.get_attribute("data-relation") for e in shown("#net path.edge")}
        assert rels == {"bans"}, rels
        assert sorted(e.get_attribute("data-name") for e in shown("#net g.node")) == ["Acme Widgets", "Freedonia"]

        # Clicking an arrow shows its evidence and article.
        click(shown("#net path.edge")[0])
        details = d.find_element(By.ID, "details")
        assert "Freedonia barred Acme Widgets from its networks." in details.text, details.text
        link = details.find_element(By.CSS_SELECTOR, "a")
        assert link.get_attribute("href") == "https://news.example.org/a3", link.get_attribute("href")
        for rel in ("accuses", "signs"):
            click(d.find_element(By.CSS_SELECTOR, "input[data-filter='%s']" % rel))

        # The hostile actor: its reports are text; nothing ran, no element was made.
        hostile = [e for e in d.find_elements(By.CSS_SELECTOR, "#net g.node")
                   if e.get_attribute("data-name") == HOSTILE][0]
        click(hostile)
        text = d.find_element(By.ID, "details").text
        assert "<script>alert(2)</script> said Freedonia lied." in text, text
        assert d.execute_script("return document.querySelectorAll('img, #details script, "
                                "#details b, a[href^=\"javascript\"]').length") == 0
        assert len(d.find_elements(By.TAG_NAME, "script")) == 3  # data, d3, the page's own
        no_alert("after clicks")

        # No console errors (and no request was blocked by the page's policy).
        errors = [l for l in d.get_log("browser") if l["level"] == "SEVERE"]
        assert not errors, errors

        # A page that holds only some reports' sentences (--max-reports):
        # it says so, and the arrows, their widths and the tables still
        # count every report. Twelve more Freedonia -> Sylvania accusations.
        many = os.path.join(tmp, "many.csv")
        with open(csv) as f, open(many, "w") as out:
            out.write(f.read())
            for i in range(12):
                out.write("Freedonia,country,accuses,Sylvania,country,asserted,2022-01-%02d,"
                          "Freedonia repeated claim %d.,https://news.example.org/r%d,Repeat\n"
                          % (13 + i, i, i))
        bounded = os.path.join(tmp, "bounded.html")
        subprocess.run([relnet, "--quiet", "report", many, "--max-reports", "10", "-o", bounded],
                       check=True)
        d.get("file://" + bounded)
        note = d.find_element(By.ID, "bounded").text
        assert "10 of the 19 reports (the first 4 of each arrow)" in note, note
        assert "relnet report --max-reports 0" in note, note
        assert len(shown("#net path.edge")) == 7
        arrow = [e for e in shown("#net path.edge") if e.get_attribute("data-source") == "Freedonia"
                 and e.get_attribute("data-relation") == "accuses"][0]
        assert abs(float(arrow.get_attribute("stroke-width")) - (1 + 1.5 * math.log(13))) < 1e-6
        click(arrow)
        text = d.find_element(By.ID, "details").text
        assert "13 reports" in text and "holds the sentences of 4 of them" in text, text
        assert 'relnet query "Freedonia"' in text, text
        assert len(d.find_elements(By.CSS_SELECTOR, "#details li.report")) == 4
        tables = d.find_element(By.ID, "reltables").text
        assert "Freedonia 13" in tables, tables
        errors = [l for l in d.get_log("browser") if l["level"] == "SEVERE"]
        assert not errors, errors
    finally:
        d.quit()
finally:
    shutil.rmtree(tmp, ignore_errors=True)
print("report.py: ok")

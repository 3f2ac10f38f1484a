import BoligsocialCore

/// The page of `boligsocial serve`: a field and a slider per year's envelope and one for a common
/// scale, the scenario's rules, a switch per application (as optimised, fund fully, exclude, fix a
/// share) with its reason, and the result of each change, asked of the server's JSON API. Words
/// in Danish or English; the page loads nothing from elsewhere.
public struct WhatIfPage: Sendable {
    let scenario: Scenario
    let round: Round
    let labels: Labels

    public init(scenario: Scenario, round: Round, language: Language) {
        self.scenario = scenario
        self.round = round
        labels = Labels(language)
    }

    func pick(_ en: String, _ da: String) -> String { labels.language == .da ? da : en }

    public func html() -> String {
        let e = HTML.escape
        var years = ""
        for (y, year) in scenario.years.enumerated() {
            let amount = Int(scenario.envelopes[y])
            years +=
                "<div class=\"year\"><label for=\"env-\(year)\">\(e(pick("Envelope", "Ramme"))) \(year)</label>"
                + "<input type=\"range\" id=\"range-\(year)\" min=\"0\" max=\"\(amount * 2)\" step=\"100000\" value=\"\(amount)\" data-year=\"\(year)\">"
                + "<input type=\"number\" id=\"env-\(year)\" min=\"0\" step=\"1000\" value=\"\(amount)\" data-year=\"\(year)\" data-base=\"\(amount)\"> kr.</div>\n"
        }
        let rules = scenario.rules
        // A field per policy rule the page offers (its words say which): a share rule's value, or
        // a keyed rule's (a floor a year per focus area, in kroner), filled with the scenario's own.
        // `data-key` is the rule's key as the diagnosis names it.
        var shares = ""
        var floors = ""
        for rule in PolicyRule.all {
            guard let label = labels.pageLabel(rule) else { continue }
            let value = rule.value(in: rules)
            if rule.unit == .share {
                shares +=
                    "<div class=\"rule\"><label for=\"rule-\(rule.name)\">\(e(label))</label><input type=\"number\" id=\"rule-\(rule.name)\" data-rule=\"\(rule.name)\" data-key=\"\(rule.name)\" step=\"0.05\" min=\"0\" max=\"1\" value=\"\(value.map { "\($0)" } ?? "")\" placeholder=\"\(e(pick("off", "fra")))\"></div>\n"
            } else if rule.path.count == 2 {
                let (table, key) = (rule.path[0], rule.path[1])
                let text = value.map { String(Int($0)) } ?? ""
                floors +=
                    "<div class=\"rule\"><label for=\"floor-\(key)\">\(e(label))</label>"
                    + "<input type=\"number\" id=\"floor-\(key)\" data-table=\"\(table)\" data-floor=\"\(key)\" data-key=\"\(rule.name)\" min=\"0\" step=\"100000\" value=\"\(text)\" data-base=\"\(text)\" placeholder=\"\(e(pick("none", "ingen")))\"> kr.</div>\n"
            }
        }
        var applications = ""
        for a in round.applications {
            applications +=
                "<tr data-id=\"\(e(a.id))\"><th scope=\"row\">\(e(a.id))</th><td>\(e(a.title))</td>"
                + "<td><select data-decision=\"\(e(a.id))\" aria-label=\"\(e(pick("Decision on", "Beslutning om"))) \(e(a.id))\">"
                + "<option value=\"\">\(e(pick("as optimised", "som optimeret")))</option><option value=\"full\">\(e(pick("fund fully", "fuld støtte")))</option>"
                + "<option value=\"none\">\(e(pick("exclude", "ingen støtte")))</option><option value=\"share\">\(e(pick("fix share", "fast andel")))</option></select>"
                + "<input type=\"number\" class=\"share\" data-share=\"\(e(a.id))\" min=\"0\" max=\"1\" step=\"0.05\" value=\"0.5\" aria-label=\"\(e(pick("Share", "Andel")))\">"
                + "<input type=\"text\" class=\"reason\" data-reason=\"\(e(a.id))\" placeholder=\"\(e(pick("reason", "begrundelse")))\"></td>"
                + "<td class=\"n status\"></td><td class=\"n share-now\"></td><td class=\"n granted\"></td><td class=\"why\"></td></tr>\n"
        }
        let words = """
            {"points":"\(pick("Priority points", "Prioritetspoint"))","infeasible":"\(pick("No allocation keeps every rule:", "Ingen fordeling overholder alle regler:"))",
             "apply":"\(pick("Apply", "Anvend"))","year":"\(pick("Year", "År"))","allocated":"\(pick("Allocated", "Fordelt"))",
             "marginal":"\(pick("Points per extra 1.000 kr.", "Point pr. ekstra 1.000 kr."))","gain":"\(pick("Change against the scenario as loaded", "Ændring i forhold til scenariet som indlæst"))",
             "status":{"full":"\(labels.status(.full))","partial":"\(labels.status(.partial))","unfunded":"\(labels.status(.unfunded))","ineligible":"\(labels.status(.ineligible))"},
             "drop":"\(pick("drop the decision on", "fjern beslutningen om"))","reasonNeeded":"\(pick("A decision needs its reason.", "En beslutning skal have en begrundelse."))"}
            """
        return """
            <!DOCTYPE html>
            <html lang="\(labels.language == .da ? "da" : "en")">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(pick("What if", "Hvad nu hvis"))): \(e(scenario.name))</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:1.5rem;color:#111;max-width:1500px}
            h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}.year,.rule{margin:0.3rem 0}
            label{display:inline-block;min-width:14rem}input[type=range]{width:18rem;vertical-align:middle}input[type=number]{width:9rem}
            table{border-collapse:collapse;font-size:0.85rem}th,td{border-bottom:1px solid #ddd;padding:0.2rem 0.5rem;vertical-align:top;text-align:left}
            td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}input.share{width:4.5rem}input.reason{width:12rem}
            #charts figure{display:inline-block;width:46%;margin:0.5rem 1rem 0 0;vertical-align:top}svg.chart{max-width:100%;height:auto}
            figcaption{font-weight:600;font-size:0.9rem}#frontier figure{max-width:60rem;margin:0.5rem 0}
            #points{font-size:1.3rem;font-weight:600}#diagnosis{color:#900}.up{color:#060}.down{color:#900}
            </style></head>
            <body>
            <h1>\(e(pick("What if", "Hvad nu hvis"))): \(e(scenario.name))</h1>
            <p id="points" aria-live="polite"></p>
            <div id="diagnosis" role="alert"></div>
            <h2>\(e(pick("Envelopes", "Rammer")))</h2>
            \(years)<div class="year"><label for="scale">\(e(pick("Every year times", "Alle år gange")))</label><input type="number" id="scale" min="0.1" max="3" step="0.05" value="1"></div>
            <h2>\(e(pick("Rules", "Regler")))</h2>
            \(shares)
            <div class="rule"><label for="rule-commitment">\(e(pick("Commitment", "Tilsagn")))</label><select id="rule-commitment" data-rule="commitment"><option value="proportional"\(rules.commitment == .proportional ? " selected" : "")>\(e(pick("one share for all years", "én andel for alle år")))</option><option value="per_year"\(rules.commitment == .perYear ? " selected" : "")>\(e(pick("a share per year", "en andel pr. år")))</option></select></div>
            \(floors)<div class="rule"><label for="rule-carry_over">\(e(pick("Carry unspent money over", "Overfør ubrugte midler")))</label><input type="checkbox" id="rule-carry_over" data-rule="carry_over"\(rules.carryOver ? " checked" : "")></div>
            <h2>\(e(pick("By year", "Pr. år")))</h2>
            <table id="years"><thead><tr><th scope="col">\(e(pick("Year", "År")))</th><th scope="col">\(e(pick("Envelope", "Ramme")))</th><th scope="col">\(e(pick("Allocated", "Fordelt")))</th><th scope="col">\(e(pick("Points per extra 1.000 kr.", "Point pr. ekstra 1.000 kr.")))</th></tr></thead><tbody></tbody></table>
            <div id="charts"></div>
            <h2>\(e(pick("Applications", "Ansøgninger")))</h2>
            <table id="applications"><thead><tr><th scope="col">ID</th><th scope="col">\(e(labels.title))</th><th scope="col">\(e(pick("Decision", "Beslutning")))</th><th scope="col">\(e(labels.status))</th><th scope="col">\(e(labels.share))</th><th scope="col">\(e(labels.granted))</th><th scope="col">\(e(labels.reason))</th></tr></thead>
            <tbody>
            \(applications)</tbody></table>
            <p><button id="save">\(e(pick("Save as scenario", "Gem som scenarie")))</button>
            <button id="report">\(e(pick("Download the report (HTML)", "Hent rapporten (HTML)")))</button>
            <button id="workbook">\(e(pick("Download the report (Excel)", "Hent rapporten (Excel)")))</button>
            <button id="show-frontier">\(e(pick("Show the frontier", "Vis grænsekurven")))</button></p>
            <div id="frontier"></div>
            <script>
            "use strict";
            const W = \(words);
            const session = Math.random().toString(36).slice(2) + Date.now().toString(36);
            let base = null, pending = 0;
            const locale = "\(labels.language == .da ? "da-DK" : "en-GB")";
            const num = (x, d) => x.toLocaleString(locale, {minimumFractionDigits: d, maximumFractionDigits: d});
            const kr = n => num(n, 0) + " kr.";
            function changes() {
              const c = {envelope: {}, rules: {}, decisions: {}};
              const scale = parseFloat(document.getElementById("scale").value) || 1;
              document.querySelectorAll("input[type=number][data-year]").forEach(i => {
                const v = parseFloat(i.value);
                if (!isNaN(v) && (v !== parseFloat(i.dataset.base) || scale !== 1)) c.envelope[i.dataset.year] = Math.round(v * scale);
              });
              document.querySelectorAll("[data-rule]").forEach(i => {
                if (i.type === "checkbox") c.rules[i.dataset.rule] = i.checked;
                else if (i.tagName === "SELECT") c.rules[i.dataset.rule] = i.value;
                else if (i.value !== "") c.rules[i.dataset.rule] = parseFloat(i.value);
              });
              document.querySelectorAll("input[data-floor]").forEach(i => {
                // A floor is stated when it differs from the loaded scenario's (kroner a year).
                if (i.value !== "" && i.value !== i.dataset.base) (c.rules[i.dataset.table] ??= {})[i.dataset.floor] = Math.round(parseFloat(i.value));
              });
              document.querySelectorAll("select[data-decision]").forEach(s => {
                if (!s.value) return;
                const id = s.dataset.decision, reason = document.querySelector(`[data-reason="${CSS.escape(id)}"]`).value.trim();
                const d = {reason: reason || "-"};
                if (s.value === "share") d.share = parseFloat(document.querySelector(`[data-share="${CSS.escape(id)}"]`).value);
                else d.fund = s.value;
                c.decisions[id] = d;
              });
              return c;
            }
            async function ask(path, body) {
              const r = await fetch(path, {method: "POST", headers: {"Content-Type": "application/json", "X-Boligsocial-Session": session}, body: JSON.stringify(body)});
              const t = await r.text();
              return {ok: r.ok, status: r.status, text: t, json: () => JSON.parse(t)};
            }
            // The field of a rule the diagnosis names, by the rule's key.
            const ruleField = key => document.querySelector(`[data-key="${CSS.escape(key)}"]`);
            function show(result) {
              const diag = document.getElementById("diagnosis");
              diag.textContent = "";
              if (result.status === "infeasible") {
                document.getElementById("points").textContent = "";
                diag.append(W.infeasible + " " + result.message);
                const list = document.createElement("ul");
                (result.relaxations || []).forEach(r => { const li = document.createElement("li"); li.textContent = r.text; list.append(li); });
                diag.append(list);
                const button = (text, act) => { const b = document.createElement("button"); b.textContent = text; b.onclick = () => { act(); update(); }; diag.append(b, " "); };
                (result.one_decision_dropped || []).forEach(id => button(`${W.apply}: ${W.drop} ${id}`, () => {
                  document.querySelector(`select[data-decision="${CSS.escape(id)}"]`).value = ""; }));
                (result.one_rule_alone || []).forEach(r => {
                  const key = r.key.startsWith("rules.") ? r.key.slice(6) : r.key, field = ruleField(key);
                  if (field) button(`${W.apply}: ${r.key} = ${r.needed}`, () => { field.value = r.needed; });
                });
                Object.entries(result.relaxed_rules || {}).forEach(([key, value]) => {
                  const field = ruleField(key);
                  if (field) button(`${W.apply}: ${key} = ${value}`, () => { field.value = value; });
                });
                return;
              }
              document.getElementById("points").textContent = `${W.points}: ${num(result.priority_points, 3)}`;
              const years = document.querySelector("#years tbody");
              years.textContent = "";
              const total = a => Object.values(a.granted).reduce((s, v) => s + v, 0);
              result.years.forEach(y => {
                const tr = document.createElement("tr");
                const m = result.marginal_points_per_1000 ? result.marginal_points_per_1000[y] : null;
                [String(y), kr(result.envelope[y]), kr(result.allocated[y]), m === null ? "" : num(m, 3)].forEach((v, i) => {
                  const cell = document.createElement(i ? "td" : "th"); cell.textContent = v; if (i) cell.className = "n"; tr.append(cell); });
                years.append(tr);
              });
              const before = base ? Object.fromEntries(base.applications.map(a => [a.id, total(a)])) : {};
              result.applications.forEach(a => {
                const row = document.querySelector(`tr[data-id="${CSS.escape(a.id)}"]`);
                if (!row) return;
                row.querySelector(".status").textContent = W.status[a.status] || a.status;
                row.querySelector(".share-now").textContent = num(a.share * 100, 1) + " %";
                const g = row.querySelector(".granted");
                g.textContent = kr(total(a));
                const d = total(a) - (before[a.id] ?? total(a));
                g.className = "n granted" + (d > 0 ? " up" : d < 0 ? " down" : "");
                g.title = d ? `${W.gain}: ${d > 0 ? "+" : ""}${kr(d)}` : "";
                row.querySelector(".why").textContent = (a.reasons || []).join("; ");
              });
            }
            async function update() {
              const mine = ++pending;
              // The body says which question was asked last and which one's answer is shown
              // (data-asked, data-shown), for a test to wait on.
              document.body.dataset.asked = String(mine);
              // One question per change: the numbers and the charts come in one answer.
              const r = await ask("/api/change", changes());
              if (mine !== pending) return;
              const answered = () => { document.body.dataset.shown = String(mine); };
              if (!r.ok) { document.getElementById("diagnosis").textContent = r.json().error; answered(); return; }
              const answer = r.json(), result = answer.solve;
              if (!base && result.status !== "infeasible") base = result;
              show(result);
              document.getElementById("charts").innerHTML = answer.charts;
              document.getElementById("frontier").textContent = "";
              answered();
            }
            document.querySelectorAll("input[type=range][data-year]").forEach(r => r.addEventListener("input", () => {
              document.getElementById("env-" + r.dataset.year).value = r.value; update(); }));
            document.querySelectorAll("input[type=number][data-year]").forEach(i => i.addEventListener("change", () => {
              document.getElementById("range-" + i.dataset.year).value = i.value; update(); }));
            document.querySelectorAll("#scale, [data-rule], [data-floor], [data-decision], [data-share], [data-reason]").forEach(i => i.addEventListener("change", update));
            document.getElementById("save").onclick = async () => download((await ask("/api/scenario", changes())).text, "what-if.toml", "application/toml");
            const download = (text, name, type) => {
              const a = document.createElement("a");
              a.href = `data:${type};charset=utf-8,` + encodeURIComponent(text);
              a.download = name; document.body.append(a); a.click(); a.remove();
            };
            document.getElementById("report").onclick = async () => download((await ask("/api/report", changes())).text, "what-if-report.html", "text/html");
            document.getElementById("workbook").onclick = async () => {
              const r = await fetch("/api/workbook", {method: "POST", headers: {"Content-Type": "application/json", "X-Boligsocial-Session": session}, body: JSON.stringify(changes())});
              if (!r.ok) return;
              const a = document.createElement("a");
              a.href = URL.createObjectURL(await r.blob());
              a.download = "what-if-report.xlsx"; document.body.append(a); a.click(); a.remove();
            };
            document.getElementById("show-frontier").onclick = async () => {
              const r = await ask("/api/frontier-chart", changes());
              if (r.ok) document.getElementById("frontier").innerHTML = r.text;
            };
            update();
            </script>
            </body></html>
            """
    }
}

/// The pieces of the what-if page that the server draws for each answer: the money per year by
/// focus area and by risk class, and the exact frontier with the scenario as it stands marked.
public enum WhatIfFigures {
    public static func charts(_ report: SolveReport) -> String {
        HTML.figures(report.charts, number: NumberFormat(report.language), prefix: "money")
    }

    public static func frontier(_ report: FrontierReport, points: Double) -> String {
        let labels = Labels(report.language)
        let unit = Labels(report.language).pick("Total envelope, million kr.", "Samlet ramme, mio. kr.")
        let total = report.frontier.totalEnvelope / 1_000_000
        let chart = Chart.markedLine(
            title: labels.frontier
                + (Labels(report.language).pick(" (the ring: the scenario as it stands)", " (ringen: scenariet som nu)")),
            xLabel: unit, yLabel: labels.priorityPoints,
            points: report.frontier.breakpoints.map { ($0.scale * total, $0.priorityPoints) }, mark: (total, points))
        return HTML.figures([chart], number: NumberFormat(report.language), prefix: "frontier")
    }
}

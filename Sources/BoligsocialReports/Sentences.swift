import BoligsocialCore

/// The reports' sentences, English and Danish side by side. Numbers arrive already formatted (by
/// `NumberFormat` in the report's language), so a sentence only places them.
extension Labels {
    public func solveStatus(_ s: SolveStatus) -> String {
        switch s {
        case .optimal: pick("optimal", "optimal løsning fundet")
        case .feasible(let gap):
            gap.map {
                pick(
                    "feasible, stopped early with a gap of \($0 * 100)%",
                    "tilladt, stoppet før tid med et gap på \($0 * 100) %")
            }
                ?? pick("feasible, stopped early", "tilladt, stoppet før tid")
        case .infeasible:
            pick(
                "infeasible: no allocation satisfies every rule",
                "ingen løsning: ingen fordeling overholder alle regler")
        case .unbounded:
            pick("unbounded: the objective can grow without limit", "ubegrænset: målet kan vokse uden grænse")
        case .undefined(let why): pick("no solution: \(why)", "ingen løsning: \(why)")
        }
    }

    /// The footer line of every text report: what the numbers were computed from (docs/json.md `inputs`).
    func stamp(_ s: InputStamp) -> String {
        "\(inputsLine): \(pick("scenario", "scenarie")) sha256 \(s.scenarioSHA256.prefix(16)), "
            + "\(pick("applications", "ansøgninger")) sha256 \(s.applicationsSHA256.prefix(16)), "
            + "\(pick("areas", "boligområder")) sha256 \(s.areasSHA256.prefix(16)); boligsocial \(s.toolVersion), GLPK \(s.glpkVersion)"
            + (s.overrides.isEmpty
                ? ""
                : "; "
                    + (s.overridesOnPage
                        ? pick("changed on the what-if page: ", "ændret på hvad-nu-hvis-siden: ")
                            + s.overrides.joined(separator: "; ")
                        : pick("on the command line: ", "på kommandolinjen: ") + s.overrides.joined(separator: " ")))
    }

    var amountsInBudgetUnits: String {
        pick(
            "Amounts in kr.",
            "Beløb i kr.; oversigterne pr. indsatsområde, risikoklasse, boligområde og udgiftskategori i 1.000 kr.")
    }
    func inThousandsTitle(_ title: String) -> String { pick(title, "\(title) (1.000 kr.)") }

    // MARK: explain

    func grantedOf(_ granted: String, _ requested: String) -> String {
        pick("\(granted) of \(requested) requested", "\(granted) af \(requested) ansøgt")
    }
    var whyIneligible: String {
        pick(
            "Why: ineligible under the scenario's rules (see Eligibility); no envelope or weight changes that.",
            "Hvorfor: ikke støtteberettiget efter scenariets regler (se Berettigelse); hverken ramme eller vægt ændrer det."
        )
    }
    func binding(_ rules: String) -> String { pick("Binding: \(rules).", "Begrænset af \(rules).") }
    var bindingNone: String {
        pick(
            "Binding: none of its rows is tight at the optimum.", "Ingen regel begrænser den i den optimale fordeling.")
    }
    func reducedCostFull(_ d: String, _ w: String) -> String {
        pick(
            "Reduced cost: +\(d) points per 1.000 kr. of its request: its \(w) points per 1.000 kr. beat what the last krone earns elsewhere, so it is funded first.",
            "Forspring: +\(d) point pr. 1.000 kr.: ansøgningens \(w) point pr. 1.000 kr. slår, hvad den sidste krone giver andre steder, så den støttes først."
        )
    }
    func reducedCostUnfunded(_ d: String, _ w: String) -> String {
        pick(
            "Reduced cost: \(d) points per 1.000 kr.: each 1.000 kr. given to it would cost that many points more elsewhere than its own \(w) earn.",
            "Afstand til støtte: \(d) point pr. 1.000 kr.: hver 1.000 kr. til ansøgningen ville koste så mange point mere andre steder, end dens egne \(w) giver."
        )
    }
    func reducedCostMarginal(_ w: String) -> String {
        pick(
            "Reduced cost: 0: it is the marginal application: its \(w) points per 1.000 kr. equal what the last krone earns, so it takes what is left.",
            "Den marginale ansøgning: dens \(w) point pr. 1.000 kr. svarer til, hvad den sidste krone giver andre steder, så den får det, der er tilbage."
        )
    }
    func moreEnvelope(_ t: String, _ extra: String) -> String {
        pick(
            "More envelope: every year's envelope times \(t) funds it fully (\(extra)).",
            "Større ramme: alle års rammer gange \(t) støtter den fuldt ud (\(extra)).")
    }
    func cheapestExtra(_ years: String, total: String) -> String {
        pick(
            "Cheapest: \(years), \(total) in all (each year on its own, the others as they are).",
            "Billigst: \(years), \(total) i alt (hvert år for sig, de øvrige år som nu).")
    }
    func moreEnvelopeUnreachable(_ limit: String) -> String {
        pick(
            "More envelope: even \(limit) times the envelopes does not fund it fully; a rule, not money, holds it back.",
            "Større ramme: selv \(limit) gange rammerne støtter den ikke fuldt ud; en regel, ikke pengene, holder den tilbage."
        )
    }
    func moreWeight(_ needed: String, _ now: String, _ k: String) -> String {
        pick(
            "More weight: a weight of \(needed) (now \(now), times \(k)) funds it fully within the envelopes.",
            "Større vægt: en vægt på \(needed) (nu \(now), gange \(k)) støtter den fuldt ud inden for rammerne.")
    }
    var moreWeightUnreachable: String {
        pick(
            "More weight: no weight funds it fully within these envelopes and rules.",
            "Større vægt: ingen vægt støtter den fuldt ud inden for disse rammer og regler.")
    }
    var targetGroupFactor: String { pick("T (target group)", "T (målgruppe)") }
    var qualityFactor: String { pick("Q (quality)", "Q (kvalitet)") }
    func largestOf(_ list: String) -> String { pick("largest of \(list)", "største af \(list)") }
    func firstOf(_ list: String) -> String { pick("the first of \(list)", "den første af \(list)") }
    func meanOf(_ list: String) -> String { pick("mean of \(list)", "gennemsnit af \(list)") }
    var objectiveFactor: String { pick("O (objectives)", "O (målsætninger)") }
    var assessmentFactor: String { pick("V (assessment)", "V (vurdering)") }
    func assessedAs(_ score: Int) -> String { pick("assessed \(score) of 5", "vurderet \(score) af 5") }
    var notAssessed: String { pick("not assessed", "ikke vurderet") }
    var noObjectiveNamed: String { pick("no objective named", "ingen målsætning angivet") }
    var noFocusArea: String { pick("no focus area", "intet indsatsområde") }
    var noQualityBonus: String { pick("no quality bonus", "intet kvalitetstillæg") }
    var pointsPer1000: String { pick("priority points per 1.000 kr.", "prioritetspoint pr. 1.000 kr.") }
    func check(_ reason: IneligibilityReason) -> String {
        switch reason {
        case .sofNotInSteeringGroup: pick("SOF in the steering group", "SOF i styregruppen")
        case .noObjective: pick("at least one objective", "mindst én målsætning")
        case .activitiesWithoutAccounting:
            pick("activity accounting (activity lines)", "regnskab for aktivitetsmidler (aktivitetsposter)")
        case .needNotDocumented: pick("need and relevance documented", "behov og relevans dokumenteret")
        }
    }

    // MARK: sweep and frontier

    func sweepLine(year: Int?, steps: Int) -> String {
        let what =
            year.map { pick("the \($0) envelope", "rammen for \($0)") }
            ?? pick("every year's envelope scaled", "alle års rammer skaleret")
        return pick(
            "\(sweep): \(what), \(steps) steps, each as a solve of that step alone gives it",
            "\(sweep): \(what), \(steps) trin, hvert som en løsning af netop det trin giver det")
    }
    func frontierExact(_ count: Int) -> String {
        pick(
            "Exact: parametric analysis of the LP (bound ranging on the envelope scale); \(count) breakpoints.",
            "Eksakt: parametrisk analyse af LP'en (grænseanalyse på rammens skala); \(count) knækpunkter.")
    }
    func frontierSaturated(_ scale: String) -> String {
        pick(
            "From scale \(scale) on, more money buys nothing: every eligible line is funded or a rule stops it.",
            "Fra skala \(scale) køber flere penge intet: hver støtteberettiget post er støttet, eller en regel stopper den."
        )
    }
    func frontierSampled(_ count: Int) -> String {
        pick(
            "Sampled, not exact: the scenario is a mixed-integer program, which has no duals to follow; \(count) samples.",
            "Stikprøver, ikke eksakt: scenariet er en heltalsmodel, som ikke har dualværdier at følge; \(count) stikprøver."
        )
    }
    func frontierScaleOne(_ total: String) -> String {
        pick(
            "Scale 1 is the scenario's own envelopes (\(total) in all); amounts in kr.",
            "Skala 1 er scenariets egne rammer (\(total) i alt); beløb i kr.")
    }

    // MARK: wish

    func wishRaised(_ k: String) -> String {
        pick(
            "Raised by a factor \(k) above the minimum: at the minimum the priority-point-maximising allocation spends money elsewhere first; each year was then brought down on its own as far as it still funds every target.",
            "Hævet med en faktor \(k) over minimum: ved minimum bruger den pointmaksimerende fordeling pengene andre steder først; hvert år er derefter sænket for sig, så langt alle målansøgninger stadig støttes."
        )
    }

    var wishProven: String {
        pick(
            "Proven minimum: no envelopes below the LP minimum fund every target under the rules, and the minimum rounded up to whole 1,000 kr. funds them.",
            "Bevist minimum: ingen rammer under LP-minimum kan støtte alle målansøgningerne efter reglerne, og minimum rundet op til hele 1.000 kr. støtter dem."
        )
    }
    func wishSearched(_ bound: String, _ gap: String) -> String {
        pick(
            "Searched, not proven: the LP minimum (\(bound) in all) is a lower bound, and the proposal asks at most \(gap) above it.",
            "Søgt, ikke bevist: LP-minimum (\(bound) i alt) er en nedre grænse, og forslaget ligger højst \(gap) over den."
        )
    }
    /// What the committee's decisions change in the envelopes asked, for the same target applications.
    func wishDecisionPrice(count: Int, change: Int, amount: String, without: String) -> String {
        let decisions = pick(
            "The committee's \(count) decision\(count == 1 ? "" : "s")",
            "Udvalgets \(count) \(count == 1 ? "beslutning" : "beslutninger")")
        let what =
            change > 0
            ? pick("add \(amount) to", "lægger \(amount) til")
            : change < 0
                ? pick("take \(amount) off", "trækker \(amount) fra")
                : pick("change nothing in", "ændrer intet i")
        return pick(
            "\(decisions) \(what) the envelopes asked (\(without) without them, for the same target applications).",
            "\(decisions) \(what) de rammer, der søges om (\(without) uden dem, for de samme målansøgninger).")
    }

    // MARK: the infeasibility diagnosis

    func infeasible(_ name: String) -> String {
        pick(
            "\(name): the scenario is infeasible: its rules cannot all hold within its envelopes.",
            "\(name): scenariet har ingen løsning: dets regler kan ikke alle overholdes inden for rammerne.")
    }
    var conflicting: String {
        pick(
            "Conflicting rules, and the smallest relaxation of each that makes the scenario feasible:",
            "Regler i konflikt, og den mindste lempelse af hver, der gør scenariet løsbart:")
    }
    func wishInfeasible(_ name: String, _ threshold: String, _ share: String) -> String {
        pick(
            "\(name): no envelopes fund every eligible application with weight ≥ \(threshold) at a share of at least \(share) under the scenario's rules; a rule such as max_projects, min_fraction, a floor or a cap stands in the way.",
            "\(name): ingen rammer kan støtte alle støtteberettigede ansøgninger med vægt ≥ \(threshold) med en andel på mindst \(share) efter scenariets regler; en regel som det højeste antal projekter, ansøgernes egne mindsteandele, et minimumsbeløb eller et loft står i vejen (\(PolicyRule.limitsOnFunding.map(\.code).joined(separator: ", ")))."
        )
    }
    /// Why `wish` has nothing to propose.
    public func wishFailure(_ failure: WishProposal.Failure, number: NumberFormat) -> String {
        switch failure {
        case .noTargets(let w):
            pick(
                "--threshold \(w) is above every eligible application's weight",
                "--threshold \(number.decimal(w, places: 3)) er over vægten for alle støtteberettigede ansøgninger")
        case .nothingEligible:
            pick(
                "no application is eligible under the scenario's rules with money to fund: there is nothing to ask for",
                "ingen ansøgning er støtteberettiget efter scenariets regler med midler at støtte: der er intet at søge om"
            )
        case .noEnvelopeFundsTargets:
            pick(
                "no envelope funds every target under the scenario's priorities",
                "ingen ramme støtter alle de ønskede ansøgninger med scenariets prioriteringer")
        }
    }

    /// The warning when branch-and-cut stopped before proving the optimum.
    public func stoppedEarly(_ name: String, gap: Double?, number: NumberFormat) -> String {
        let bound =
            gap.map {
                pick(
                    "proven within \(number.decimal($0 * 100, places: 2)) % of the optimum",
                    "højst \(number.decimal($0 * 100, places: 2)) % fra det optimale")
            }
            ?? pick(
                "no bound on its distance from the optimum is known yet",
                "hvor langt den er fra det optimale, vides endnu ikke")
        return pick(
            "warning: \(name): branch-and-cut stopped early (--time-limit or --mip-gap); the allocation is the best found, \(bound)",
            "advarsel: \(name): beregningen blev stoppet før tid (--time-limit eller --mip-gap); fordelingen er den bedste fundne, \(bound)"
        )
    }

    func noDiagnosis(_ why: String) -> String {
        pick("No diagnosis could be made: \(why)", "Der kunne ikke stilles en diagnose: \(why)")
    }
    func relaxedRules(_ keys: String) -> String {
        pick("Relaxed [rules] that make it feasible: \(keys)", "Lempede regler, der gør scenariet løsbart: \(keys)")
    }
    func shortBy(_ amount: String) -> String { pick("short by \(amount)", "mangler \(amount)") }
    func shortByPrimary(_ amount: String) -> String {
        pick("short by \(amount) of primary-area money", "mangler \(amount) til primære boligområder")
    }
    func overBy(_ amount: String) -> String { pick("over by \(amount)", "over med \(amount)") }
    func moreNeeded(_ count: Int) -> String {
        pick("\(count) more needed", "der skal være plads til \(count) projekter mere")
    }
    func lower(_ key: String, _ from: String, _ to: String) -> String {
        pick("lower \(key) from \(from) to \(to)", "sænk \(key) fra \(from) til \(to)")
    }
    func raise(_ key: String, _ from: String, _ to: String) -> String {
        pick("raise \(key) from \(from) to \(to)", "hæv \(key) fra \(from) til \(to)")
    }
    func lowerMinimumShare(_ from: String, _ to: String) -> String {
        pick("lower its minimum share from \(from) to \(to)", "sænk dens mindsteandel fra \(from) til \(to)")
    }

    // MARK: one rule changed alone

    /// "lower rules.min_fraction from 0.5 to 0.4375": the key, the value now and the value needed.
    func change(_ r: RuleChange, number: NumberFormat) -> String {
        let (now, needed) = (ruleValue(r.rule, r.current, number: number), ruleValue(r.rule, r.needed, number: number))
        return r.needed < r.current ? lower(r.rule.key, now, needed) : raise(r.rule.key, now, needed)
    }
    /// `explain`: the rules that fund the application fully when one alone is changed.
    func oneRuleFunds(_ changes: String) -> String {
        pick(
            "Or one rule alone, the envelopes and the other rules held: \(changes)".endingSentence,
            "Eller én regel alene, med rammerne og de andre regler uændrede: \(changes)".endingSentence)
    }
    var noRuleAloneFunds: String {
        pick(
            "No rule changed alone funds it fully; the money does.",
            "Ingen regel ændret alene giver den fuld støtte; det gør kun flere penge.")
    }
    var or: String { pick("or", "eller") }
    /// The diagnosis: the rules and decisions that make the scenario feasible on their own.
    func oneRuleFeasible(_ changes: String) -> String {
        pick(
            "Or one change alone, the other rules held: \(changes)".endingSentence,
            "Eller én ændring alene, med de andre regler uændrede: \(changes)".endingSentence)
    }
    func withoutDecision(_ id: String) -> String {
        pick("drop the decision on \(id)", "fjern udvalgets beslutning om \(id)")
    }
    var noOneRuleFeasible: String {
        pick(
            "No rule changed alone makes it feasible; the relaxations above are needed together.",
            "Ingen regel ændret alene gør scenariet løsbart; lempelserne ovenfor skal gælde sammen.")
    }
}

extension String {
    /// The sentence with its full stop, unless it ends in one already (an amount in "kr.").
    var endingSentence: String { hasSuffix(".") ? self : self + "." }
}

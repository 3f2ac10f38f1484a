#!/usr/bin/env python3
"""boligsocial against glpsol and HiGHS, measured in one run on one machine.

Called by Benchmarks/compare.sh (which installs what is missing and builds the release binary).
Every figure is a whole process, started fresh, timed by wall clock; the best of --repeat runs is
kept, and peak memory is the process's own maximum resident set (wait4). HiGHS runs through
highspy on the very model boligsocial wrote with --write-model; its in-solver time (read + solve,
without Python's start-up) is printed too. Rounds are generated (illustrative amounts, seeded).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from peers import HIGHS_MIP, HIGHS_SOLVE, HIGHS_SWEEP, HIGHS_WARM_SWEEP, PYTHON_CSV

# The memo's rules on a per-year model: each year its own share, at least 60% of the money to
# primary areas, and an area cap of 1.5 times an area's average share of the requests (one area
# per 20 applications), which binds for the larger areas.
RULES = """
[rules]
commitment = "per_year"
primary_share_min = 0.6
area_share_max = {cap}
"""


# The mixed-integer rounds: the generator's round (about one applicant in five with a least
# share of its own, `min_fraction`) under one share for all years, diminishing returns, carry-over
# and a floor for health, with the committee's `max_projects` (half the applications) or a least
# share for every applicant (`min_fraction`).
MIP_RULES = """
[rules]
commitment = "proportional"
returns = [1.0, 0.7, 0.4]
carry_over = true
{selection}

[rules.focus_floor]
health = {floor}
"""


def measured(command, repeat, timeout=None):
    """Best wall clock of `repeat` runs (None if a run outlives `timeout`), the largest peak
    resident memory of a run (MB, from wait4), and the standard output of the last run."""
    best, peak, out = None, 0.0, ""
    for _ in range(repeat):
        with tempfile.TemporaryFile() as stdout:
            start = time.perf_counter()
            process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.DEVNULL)
            timer = threading.Timer(timeout, process.kill) if timeout else None
            if timer:
                timer.start()
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            if timer:
                timer.cancel()
                if wall >= timeout:
                    return None, None, ""
            if process.returncode != 0:
                raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
            stdout.seek(0)
            out = stdout.read().decode()
        best = wall if best is None else min(best, wall)
        peak = max(peak, usage.ru_maxrss / 1024)
    return best, peak, out


def generate(binary, workdir, applications, cap):
    directory = os.path.join(workdir, f"round{applications}")
    subprocess.run([binary, "generate", "--lp", "--applications", str(applications), "--seed", "3", "--output", directory],
                   check=True, stdout=subprocess.DEVNULL)
    scenario = os.path.join(directory, "scenario.toml")
    with open(scenario, "a", encoding="utf-8") as f:
        f.write(RULES.format(cap=cap))
    return directory, scenario


def generate_mip(binary, workdir, applications, selection):
    """The generator's mixed-integer round under MIP_RULES with `selection` and a floor for health
    of 10.000 kr. a year per application."""
    directory = os.path.join(workdir, f"mip{applications}-{selection.split()[0]}")
    subprocess.run([binary, "generate", "--applications", str(applications), "--seed", "3", "--output", directory],
                   check=True, stdout=subprocess.DEVNULL)
    scenario = os.path.join(directory, "scenario.toml")
    with open(scenario, "a", encoding="utf-8") as f:
        f.write(MIP_RULES.format(selection=selection, floor=10_000 * applications))
    return directory, scenario


def for_glpsol(model):
    """A copy of an MPS model for glpsol, beside it: GLPK 5.0's MPS reader predates the OBJSENSE
    section, so the copy leaves it out and glpsol is told to maximise."""
    plain = model.replace(".mps", "-glpsol.mps")
    with open(model, encoding="utf-8") as src, open(plain, "w", encoding="utf-8") as dst:
        lines = src.readlines()
        at = next(i for i, line in enumerate(lines) if line.startswith("OBJSENSE"))
        dst.writelines(lines[:at] + lines[at + 2:])
    return plain


def ratio(a, b):
    return f"{a / b:.2f}x" if a and b else "n/a"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=".build/release/boligsocial")
    parser.add_argument("--sizes", default="10000,100000", help="round sizes for the solve comparison")
    parser.add_argument("--glpsol-timeout", type=float, default=900, help="seconds before glpsol is given up")
    parser.add_argument("--glpsol-max", type=int, default=10000, help="largest round glpsol is run on")
    parser.add_argument("--sweep-size", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--wish-size", type=int, default=5000, help="round size for wish against solve (a MIP round)")
    parser.add_argument("--mip-size", type=int, default=5000, help="round size for the mixed-integer rounds (and twice it for --mip-gap)")
    parser.add_argument("--mip-timeout", type=float, default=300, help="seconds before a MIP solve is given up")
    parser.add_argument("--sensitivity-size", type=int, default=1000, help="round size for sensitivity against solve")
    parser.add_argument("--serve-size", type=int, default=10000, help="round size for the what-if server's latency")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale-sizes", default="10000,100000,1000000", help="round sizes for the growth measurements")
    parser.add_argument("--only", default="", help="comma-separated sections to run: solve, sweep, mip, wish, sensitivity, serve, scale (default: all)")
    args = parser.parse_args()

    def want(section):
        return not args.only or section in args.only.split(",")
    binary = os.path.abspath(args.binary)
    workdir = tempfile.mkdtemp(prefix="boligsocial-compare-")
    python = sys.executable
    print(f"boligsocial against glpsol and HiGHS; whole processes, best of {args.repeat}, peak RSS per process")
    print(f"machine: {os.cpu_count()} cores; {platform_line()}")
    try:
        if want("solve"):
            print("\n## solve: load, build, solve, JSON (boligsocial) against the written model")
            for size in [int(s) for s in args.sizes.split(",")]:
                directory, scenario = generate(binary, workdir, size, cap=round(30 / size, 6))
                model = os.path.join(directory, "model.mps")
                subprocess.run([binary, "solve", scenario, "--format", "json", "--output", os.path.join(directory, "first.json"),
                                "--write-model", model], check=True, stdout=subprocess.DEVNULL)
                ours, ours_mb, _ = measured([binary, "solve", scenario, "--format", "json", "--output",
                                             os.path.join(directory, "out.json")], args.repeat)
                with open(os.path.join(directory, "out.json"), encoding="utf-8") as f:
                    points = float(next(line for line in f if '"priority_points"' in line).split(":")[1].strip(" ,\n"))
                highs, highs_mb, out = measured([python, "-c", HIGHS_SOLVE, model], args.repeat)
                highs_inner, highs_points = (float(x) for x in out.strip().splitlines()[-1].split())
                agree = abs(points - highs_points) <= 1e-6 * max(1.0, abs(points))
                glpsol, runs_glpsol = None, size <= args.glpsol_max and shutil.which("glpsol") is not None
                if runs_glpsol:
                    glpsol, _, _ = measured(["glpsol", "--freemps", for_glpsol(model), "--max", "-o", os.path.join(directory, "glpsol.txt")], args.repeat,
                                            timeout=args.glpsol_timeout)
                print(f"\n{size:,} applications ({os.path.getsize(model) / 1e6:.0f} MB MPS), objectives agree: {agree}")
                print(f"  boligsocial solve, whole process   {ours:8.3f} s  {ours_mb:7.1f} MB")
                print(f"  HiGHS (highspy), whole process      {highs:8.3f} s  {highs_mb:7.1f} MB   (read + solve inside: {highs_inner:.3f} s)")
                if runs_glpsol:
                    shown = f"{glpsol:8.3f} s" if glpsol is not None else f"> {args.glpsol_timeout:.0f} s (given up)"
                    print(f"  glpsol, default options             {shown}")
                print(f"  ratio boligsocial / HiGHS whole process:  {ratio(ours, highs)}")
                print(f"  ratio boligsocial / HiGHS read + solve:   {ratio(ours, highs_inner)}")
                print(f"  ratio boligsocial / HiGHS peak memory:    {ratio(ours_mb, highs_mb)}")
                if runs_glpsol:
                    shown = ratio(glpsol, ours) if glpsol is not None else "> " + ratio(args.glpsol_timeout, ours)
                    print(f"  ratio glpsol / boligsocial:               {shown}")

        if want("sweep"):
            print(f"\n## sweep: {args.steps} envelope steps on {args.sweep_size:,} applications")
            directory, scenario = generate(binary, workdir, args.sweep_size, cap=round(30 / args.sweep_size, 6))
            model = os.path.join(directory, "model.mps")
            subprocess.run([binary, "solve", scenario, "--format", "json", "--output", os.path.join(directory, "s.json"),
                            "--write-model", model], check=True, stdout=subprocess.DEVNULL)
            sweep, _, _ = measured([binary, "sweep", scenario, "--scale", f"0.5:1.5:{args.steps}", "--format", "json", "--output",
                                    os.path.join(directory, "sweep.json")], args.repeat)
            _, _, out = measured([python, "-c", HIGHS_SWEEP, model, str(args.steps), "0.5", "1.5"], 1)
            highs_sweep = float(out.strip().splitlines()[-1].split()[0])
            _, _, out = measured([python, "-c", HIGHS_WARM_SWEEP, model, str(args.steps), "0.5", "1.5"], args.repeat)
            highs_warm = float(out.strip().splitlines()[-1].split()[0])
            print(f"  boligsocial sweep (one process, warm starts)   {sweep:8.3f} s")
            print(f"  HiGHS, {args.steps} solves, model passed each time     {highs_sweep:8.3f} s (inside Python, start-up excluded)")
            print(f"  HiGHS kept, bounds changed in place, warm       {highs_warm:8.3f} s (inside Python, start-up excluded)")
            print(f"  ratio HiGHS / boligsocial:                      {ratio(highs_sweep, sweep)}")
            print(f"  ratio warm HiGHS / boligsocial:                 {ratio(highs_warm, sweep)}   (asked: at least 3x)")
            big_steps = 100_000
            big, _, _ = measured([binary, "sweep", scenario, "--scale", f"0.5:1.5:{big_steps}", "--format", "json", "--output",
                                  os.path.join(directory, "sweep-big.json")], args.repeat)
            print(f"  boligsocial sweep, {big_steps:,} steps            {big:8.3f} s   (asked: under 1 s)")

        if want("solve"):
            print("\n## loading applications.csv")
            size = max(int(s) for s in args.sizes.split(","))
            directory = os.path.join(workdir, f"round{size}")
            scenario = os.path.join(directory, "scenario.toml")
            csv_path = os.path.join(directory, "applications.csv")
            ours, _, _ = measured([binary, "validate", scenario], args.repeat)
            py, _, out = measured([python, "-c", PYTHON_CSV, csv_path], args.repeat)
            py_inner = float(out.strip().splitlines()[-1].split()[0])
            print(f"  {size:,} rows ({os.path.getsize(csv_path) / 1e6:.0f} MB)")
            print(f"  boligsocial validate (read, parse, check both files, hash them), whole process  {ours:6.3f} s")
            print(f"  Python csv.reader into lists, whole process                                  {py:6.3f} s   (inside: {py_inner:.3f} s)")
            print(f"  ratio Python / boligsocial whole process:  {ratio(py, ours)}")
            print(f"  ratio Python inside / boligsocial whole:   {ratio(py_inner, ours)}")

            print("\n## reading the same round from a workbook")
            here = os.path.dirname(os.path.abspath(__file__))
            books = [("as Excel stores it (shared strings, XlsxWriter)", "runde.xlsx", []),
                     ("every text in its cell (inline strings, openpyxl)", "inline.xlsx", ["--inline"])]
            runs = {"csv": ([binary, "validate", scenario], [])}
            for label, name, flags in books:
                subprocess.run([python, os.path.join(here, "round_workbook.py"), directory, os.path.join(directory, name)] + flags, check=True)
                workbook_scenario = os.path.join(directory, name.replace(".xlsx", ".toml"))
                with open(scenario, encoding="utf-8") as src, open(workbook_scenario, "w", encoding="utf-8") as dst:
                    for line in src:
                        if line.startswith("applications ="):
                            line = f'applications = "{name}#Ansøgninger"\n'
                        elif line.startswith("areas ="):
                            line = f'areas = "{name}#Områder"\n'
                        dst.write(line)
                runs[name] = ([binary, "validate", workbook_scenario], [])
            # Interleaved, so a slow spell of the machine falls on every kind alike; best and median.
            for _ in range(max(5, args.repeat)):
                for command, times in runs.values():
                    best, _, _ = measured(command, 1)
                    times.append(best)
            stats = {key: (min(times), statistics.median(times)) for key, (_, times) in runs.items()}
            print(f"  {size:,} applications, validate as a whole process, {len(runs['csv'][1])} interleaved runs each (best, median)")
            print(f"  the CSV files                                       {stats['csv'][0]:6.3f} s  {stats['csv'][1]:6.3f} s")
            for label, name, _ in books:
                size_mb = os.path.getsize(os.path.join(directory, name)) / 1e6
                print(f"  workbook {label:42s} {stats[name][0]:6.3f} s  {stats[name][1]:6.3f} s   ({size_mb:.0f} MB)")
                print(f"    ratio workbook / CSV: best {ratio(stats[name][0], stats['csv'][0])}, median "
                      f"{ratio(stats[name][1], stats['csv'][1])}   (asked: at most 3x)")

        if want("mip"):
            print(f"\n## mixed-integer rounds: {args.mip_size:,} applications, one share for all years, returns, carry-over, a floor")
            for label, selection in [("max_projects (half the applications)", f"max_projects = {args.mip_size // 2}"),
                                     ("min_fraction 0.5 for every applicant", "min_fraction = 0.5")]:
                directory, scenario = generate_mip(binary, workdir, args.mip_size, selection)
                model = os.path.join(directory, "model.mps")
                out_json = os.path.join(directory, "out.json")
                print(f"  {label}")
                try:
                    subprocess.run([binary, "solve", scenario, "--format", "json", "--output", out_json, "--write-model", model],
                                   check=True, stdout=subprocess.DEVNULL, timeout=args.mip_timeout)
                except subprocess.TimeoutExpired:
                    print(f"    boligsocial solve did not finish within {args.mip_timeout:.0f} s")
                    continue
                ours, ours_mb, _ = measured([binary, "solve", scenario, "--format", "json", "--output", out_json], args.repeat, args.mip_timeout)
                with open(out_json, encoding="utf-8") as f:
                    points = json.load(f)["priority_points"]
                _, highs_mb, out = measured([python, "-c", HIGHS_MIP, model, str(args.mip_timeout)], args.repeat)
                fields = out.strip().splitlines()[-1].split()
                highs_inner, highs_points, highs_status = float(fields[0]), float(fields[1]), fields[2]
                glpsol = None
                if shutil.which("glpsol"):
                    glpsol, _, _ = measured(["glpsol", "--freemps", for_glpsol(model), "--max", "-o", os.path.join(directory, "glpsol.txt")], 1, args.mip_timeout)
                agree = abs(points - highs_points) <= 1e-6 * max(1.0, abs(points))
                print(f"    boligsocial solve, whole process   {ours if ours is not None else float('nan'):8.3f} s   {ours_mb or 0:6.0f} MB")
                print(f"    HiGHS on the written model         {highs_inner:8.3f} s   {highs_mb or 0:6.0f} MB   ({highs_status})")
                print(f"    glpsol's defaults                  " + (f"{glpsol:8.3f} s" if glpsol is not None else f"> {args.mip_timeout:.0f} s"))
                print(f"    same optimum to 1e-6: {'yes' if agree else 'NO'} ({points:.6f} against {highs_points:.6f})")
                print(f"    ratio boligsocial / HiGHS:         {ratio(ours, highs_inner)}   (asked: at most 3x)")
            size = 2 * args.mip_size
            directory, scenario = generate_mip(binary, workdir, size, f"max_projects = {size // 2}")
            out_json = os.path.join(directory, "out.json")
            gap_time, _, _ = measured([binary, "solve", scenario, "--mip-gap", "0.001", "--format", "json", "--output", out_json], 1, args.mip_timeout)
            gap = None
            if gap_time is not None:
                with open(out_json, encoding="utf-8") as f:
                    answer = json.load(f)
                gap = answer.get("mip_gap", 0.0) if answer.get("status") == "feasible" else 0.0
            shown = f"{gap_time:.3f} s, proven gap {gap if gap is not None else 'n/a'}" if gap_time is not None else f"> {args.mip_timeout:.0f} s"
            print(f"  {size:,} applications, max_projects, --mip-gap 0.001: {shown}   (asked: within 10 s)")

        if want("wish"):
            print(f"\n## wish against solve: {args.wish_size:,} applications, the generator's mixed-integer round")
            directory = os.path.join(workdir, f"wish{args.wish_size}")
            subprocess.run([binary, "generate", "--applications", str(args.wish_size), "--seed", "3", "--output", directory],
                           check=True, stdout=subprocess.DEVNULL)
            scenario = os.path.join(directory, "scenario.toml")
            solve, _, _ = measured([binary, "solve", scenario, "--format", "json"], args.repeat)
            wish, _, _ = measured([binary, "wish", scenario, "--format", "json"], args.repeat)
            print(f"  boligsocial solve, whole process   {solve:8.3f} s")
            print(f"  boligsocial wish, whole process    {wish:8.3f} s")
            print(f"  ratio wish / solve:                {ratio(wish, solve)}   (asked: at most 5x)")

        if want("sensitivity"):
            print(f"\n## sensitivity against solve: {args.sensitivity_size:,} applications, the memo's rules (an LP round)")
            directory, scenario = generate(binary, workdir, args.sensitivity_size, cap=round(30 / args.sensitivity_size, 6))
            solve, _, _ = measured([binary, "solve", scenario, "--format", "json"], args.repeat)
            sensitivity, _, _ = measured([binary, "sensitivity", scenario, "--format", "json"], args.repeat)
            print(f"  boligsocial solve, whole process         {solve:8.3f} s")
            print(f"  boligsocial sensitivity, whole process   {sensitivity:8.3f} s   (every weight, both directions)")
            print(f"  ratio sensitivity / solve:               {ratio(sensitivity, solve)}   (asked: under 20x)")

        if want("scale"):
            print("\n## scale: 10^4, 10^5, 10^6 applications, the memo's per-year rules (an LP), `solve --verbose`")
            sizes = [int(x) for x in args.scale_sizes.split(",")]
            print(f"  {'applications':>12s}  {'load':>8s} {'build':>8s} {'solve':>8s} {'rounding':>8s} {'JSON':>8s} {'whole':>8s}  {'peak MB':>8s}")
            rounds = [(size,) + generate(binary, workdir, size, cap=round(30 / size, 6)) for size in sizes]
            best = {}
            # Best of --repeat at every size, the sizes taken in turn in each round of runs: all the
            # small runs first and the large ones after would give each its own moments of this
            # virtual machine, and the ratio would tilt with them.
            for _ in range(args.repeat):
                for size, directory, scenario in rounds:
                    start = time.perf_counter()
                    run = subprocess.run([binary, "solve", scenario, "--verbose", "--format", "json", "--output", os.path.join(directory, "scale.json")],
                                         capture_output=True, text=True, check=True)
                    wall = time.perf_counter() - start
                    stages = {line.split()[0]: (float(line.split()[1]), float(line.split()[4]))
                              for line in run.stderr.splitlines() if line[:1].isalpha() and " s   peak " in line}
                    if size not in best or wall < best[size][0]:
                        best[size] = (wall, stages)
            rows = []
            for size, directory, _ in rounds:
                wall, stages = best[size]
                peak = max(mb for _, mb in stages.values())
                rows.append((size, wall, peak))
                cells = " ".join(f"{stages.get(k, (float('nan'), 0))[0]:8.3f}" for k in ("load", "build", "solve", "rounding", "report"))
                print(f"  {size:12,d}  {cells} {wall:8.3f}  {peak:8.0f}")
                shutil.rmtree(directory, ignore_errors=True)
            for (a, ta, ma), (b, tb, mb) in zip(rows, rows[1:]):
                print(f"  {b:,} against {a:,} ({b // a}x the applications): time {tb / ta:.1f}x, peak memory {mb / ma:.1f}x"
                      f"   (asked at 10^6: at most 12x the 10^5 time and memory)")

        if want("serve"):
            print("\n## serve: re-solves asked over HTTP on 127.0.0.1, 8 clients at once, 1,000 requests")
            here = os.path.dirname(os.path.abspath(__file__))
            load = os.path.join(here, "..", "Tests", "CLITests", "Tools", "serve_load.py")
            shipped = os.path.join(here, "..", "Scenarios", "baseline.toml")
            big_dir, big = generate(binary, workdir, args.serve_size, cap=round(30 / args.serve_size, 6))
            for label, scenario, year in [("the shipped round (56 applications)", shipped, 2010), (f"{args.serve_size:,} applications", big, 2010)]:
                with open(scenario, encoding="utf-8") as f:
                    text = f.read()
                cases = []
                for factor in (0.8, 0.9, 1.1, 1.2):
                    out = subprocess.run([binary, "solve", scenario, "--scale-envelope", str(factor), "--format", "json"], check=True,
                                         capture_output=True, text=True).stdout
                    cases.append([{"scale": factor}, json.loads(out)["priority_points"]])
                cases_path = os.path.join(workdir, "serve-cases.json")
                with open(cases_path, "w", encoding="utf-8") as f:
                    json.dump(cases, f)
                server = subprocess.Popen([binary, "serve", scenario, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
                try:
                    line = server.stdout.readline()
                    url = line.split()[2]
                    results = [(clients, subprocess.run([sys.executable, load, url, str(clients), "1000", cases_path],
                                                        capture_output=True, text=True).stdout.strip()) for clients in (1, 8)]
                finally:
                    server.terminate()
                    server.wait()
                for clients, result in results:
                    print(f"  {label:40s} {clients} client{'s' if clients > 1 else ' '}  {result}   "
                          f"(goal: p95 under {'20' if 'shipped' in label else '300'} ms)")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def platform_line():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            model = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        model = "unknown CPU"
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            memory = int(next(line.split()[1] for line in f if line.startswith("MemTotal"))) / 1024 / 1024
    except (OSError, StopIteration):
        memory = 0
    return f"{model}, {memory:.0f} GiB"


if __name__ == "__main__":
    main()

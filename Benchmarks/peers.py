"""The peers' side of Benchmarks/compare.py: the Python programs it runs beside boligsocial, each
as a whole process of its own (HiGHS through highspy on the model boligsocial wrote, Python's csv).
Each prints its time inside Python (start-up excluded) and its result on its last line."""

HIGHS_SOLVE = r"""
import sys, time, highspy
start = time.perf_counter()
h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.readModel(sys.argv[1])  # the MPS's OBJSENSE section says MAX
h.run()
print(time.perf_counter() - start, h.getInfo().objective_function_value)
"""

# 1,000 separate HiGHS solves of the sweep's steps: the model read once, then for each step the
# envelope columns' bounds scaled and the whole model passed to a new Highs instance.
HIGHS_SWEEP = r"""
import sys, time, highspy
steps, low, high = int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
reader = highspy.Highs()
reader.setOptionValue("output_flag", False)
reader.readModel(sys.argv[1])
lp = reader.getLp()
names = list(lp.col_names_)
envelope = [j for j, name in enumerate(names) if name.startswith("E_")]
base = [lp.col_lower_[j] for j in envelope]
start = time.perf_counter()
last = None
for k in range(steps):
    scale = low + (high - low) * k / (steps - 1)
    for j, amount in zip(envelope, base):
        lp.col_lower_[j] = amount * scale
        lp.col_upper_[j] = amount * scale
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.passModel(lp)
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    h.run()
    last = h.getInfo().objective_function_value
print(time.perf_counter() - start, last)
"""

# The same steps with one Highs kept: the model read once, each step changes the envelope columns'
# bounds in place and runs again from the last basis (HiGHS's own warm start).
HIGHS_WARM_SWEEP = r"""
import sys, time, highspy
steps, low, high = int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.readModel(sys.argv[1])
lp = h.getLp()
envelope = [j for j, name in enumerate(lp.col_names_) if name.startswith("E_")]
base = [lp.col_lower_[j] for j in envelope]
start = time.perf_counter()
last = None
for k in range(steps):
    scale = low + (high - low) * k / (steps - 1)
    for j, amount in zip(envelope, base):
        h.changeColBounds(j, amount * scale, amount * scale)
    h.run()
    last = h.getInfo().objective_function_value
print(time.perf_counter() - start, last)
"""

# A MIP written by boligsocial, solved by HiGHS to the same proof as boligsocial's: relative gap 0
# (HiGHS's default stops at 1e-4, and then reported 481,709.21 points on a 500-application round
# whose optimum is 481,711.58), a time limit aside.
HIGHS_MIP = r"""
import sys, time, highspy
start = time.perf_counter()
h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.setOptionValue("mip_rel_gap", 0.0)
h.setOptionValue("time_limit", float(sys.argv[2]))
h.readModel(sys.argv[1])
h.run()
print(time.perf_counter() - start, h.getInfo().objective_function_value, h.getModelStatus())
"""

PYTHON_CSV = r"""
import csv, sys, time
start = time.perf_counter()
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
print(time.perf_counter() - start, len(rows))
"""

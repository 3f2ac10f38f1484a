"""Asks a running `boligsocial serve` many what-ifs at once: CLIENTS threads, REQUESTS in all, each
a POST /api/solve with one of the given envelope changes, from its own browser session. Every answer
must carry the priority points expected for its change (to 1e-6 relative). Prints the number of
requests, the failures, and the median and 95th-percentile latency in milliseconds.
Usage: serve_load.py URL CLIENTS REQUESTS EXPECTED.json   (EXPECTED: [[change, points], ...])"""
import json, sys, threading, time, urllib.request

url, clients, requests = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cases = json.load(open(sys.argv[4], encoding="utf-8"))
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
latencies, failures, lock = [], [], threading.Lock()


def client(k):
    for i in range(k, requests, clients):
        change, points = cases[i % len(cases)]
        request = urllib.request.Request(url + "api/solve", data=json.dumps(change).encode(), method="POST",
                                         headers={"Content-Type": "application/json", "X-Boligsocial-Session": f"load-{k}"})
        start = time.perf_counter()
        try:
            with opener.open(request, timeout=60) as r:
                answer = json.load(r)
            ok = abs(answer["priority_points"] - points) <= 1e-6 * max(1, abs(points))
        except Exception as error:  # noqa: BLE001 - every failure is counted and shown
            ok, answer = False, str(error)
        elapsed = (time.perf_counter() - start) * 1000
        with lock:
            latencies.append(elapsed)
            if not ok:
                failures.append((change, str(answer)[:200]))


threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
latencies.sort()
p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
print(f"requests {len(latencies)} failures {len(failures)} median_ms {latencies[len(latencies) // 2]:.1f} p95_ms {p95:.1f}")
for f in failures[:5]:
    print("failure", f)

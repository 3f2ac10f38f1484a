"""Asks a running `boligsocial serve` many what-ifs at once: CLIENTS processes (browsers are
separate processes too, and Python threads would queue behind one lock), REQUESTS in all, each a
POST /api/solve from the client's own browser session. A client goes round the given changes in
turn, starting at its own, so every request of a session moves its envelopes. Every answer must
carry the priority points expected for its change (to 1e-6 relative). Prints the number of
requests, the failures, and the median and 95th-percentile latency in milliseconds (from sending
the request to the answer's last byte), then the same of the server's own time (its
`Server-Timing` header: from reading the request to handing the answer over). Each client keeps its connection open between requests,
as a browser does.
Usage: serve_load.py URL CLIENTS REQUESTS EXPECTED.json   (EXPECTED: [[change, points], ...])"""
import http.client, json, multiprocessing, sys, time, urllib.parse


def client(job):
    url, k, clients, requests, cases = job
    where = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=120)
    latencies, failures, inside = [], [], []
    for n, i in enumerate(range(k, requests, clients)):
        change, points = cases[(k + n) % len(cases)]
        start = time.perf_counter()
        try:
            connection.request("POST", where.path + "api/solve", body=json.dumps(change).encode(),
                               headers={"Content-Type": "application/json", "X-Boligsocial-Session": f"load-{k}"})
            r = connection.getresponse()
            body = r.read()
            server = r.getheader("Server-Timing", "")
            # The latency is the server's: until the answer's last byte is in. Reading the JSON
            # is the client's own work (350 ms for the 15 MB of a 10,000-application answer).
            elapsed = (time.perf_counter() - start) * 1000
            if server.startswith("answer;dur="):
                inside.append(float(server.split("=", 1)[1]))
            answer = json.loads(body)
            ok = r.status == 200 and abs(answer["priority_points"] - points) <= 1e-6 * max(1, abs(points))
        except Exception as error:  # noqa: BLE001 - every failure is counted and shown
            elapsed = (time.perf_counter() - start) * 1000
            ok, answer = False, str(error)
            connection.close()
            connection = http.client.HTTPConnection(where.hostname, where.port, timeout=120)
        latencies.append(elapsed)
        if not ok:
            failures.append((change, str(answer)[:200]))
    connection.close()
    return latencies, failures, inside


def main():
    url, clients, requests = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(sys.argv[4], encoding="utf-8") as f:
        cases = json.load(f)
    # Spawned, not forked: a child forked while the pool's threads hold a lock can hang on it.
    with multiprocessing.get_context("spawn").Pool(clients) as pool:
        results = pool.map(client, [(url, k, clients, requests, cases) for k in range(clients)])
    latencies = sorted(x for lat, _, _ in results for x in lat)
    failures = [f for _, fail, _ in results for f in fail]
    inside = sorted(x for _, _, i in results for x in i) or [0.0]

    def p95(values):
        return values[max(0, int(len(values) * 0.95) - 1)]
    print(f"requests {len(latencies)} failures {len(failures)} median_ms {latencies[len(latencies) // 2]:.1f} p95_ms {p95(latencies):.1f}"
          f" server_median_ms {inside[len(inside) // 2]:.1f} server_p95_ms {p95(inside):.1f}")
    for f in failures[:5]:
        print("failure", f)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`./zhol bench`: Zhol against an nginx baseline in one run (issue #9), results in bench/results/.

The baseline is the fastest our topology could be: nginx (2 workers) as proxy A, mutual TLS 1.3 to
nginx as proxy B, then a static backend answering the same bytes as the demo provider; keep-alive
upstreams. The Zhol topology is the sandbox on random ports (one JVM: SS1, SS2, the central server, the
dev CA/OCSP/TSA and the demo provider). Both are driven by wrk -t1 with warm-up, equal durations, the
systems alternating round by round (baseline, Zhol, baseline, Zhol, ...). Workloads: small REST GET,
16 KiB REST POST, SOAP getPerson, latency at half of each system's measured maximum rate, and one large
streamed body each way (1 GiB by default) with the sandbox JVM's heap at -Xmx256m.

Needs wrk, nginx, openssl and curl (Debian/Ubuntu: apt-get install wrk nginx openssl curl); only the
Python standard library. Run `bench.py --help` for the options; `--smoke` is the tiny run of the test.
"""

import argparse
import datetime
import hashlib
import json
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TICK = os.sysconf("SC_CLK_TCK")
CLIENT = "DEV/GOV/2002/TAXES"
REGISTRY = "/r1/DEV/GOV/1001/REGISTRY"
SANDBOX_MAIN = "org.zhol.examples.sandbox.SandboxMain"
HEAP = "-Xmx256m"
POST_BYTES = 16 * 1024
WRK_TIMEOUT = "10s"
# The latency run paces each connection with a fixed pause; this many ms per connection and request
# keeps the pause's 1-ms granularity below 5 % of the interval.
PACE_MS = 20


T0 = time.monotonic()


def log(message):
    print("bench [%5.1f s]: %s" % (time.monotonic() - T0, message), file=sys.stderr, flush=True)


def fail(message):
    log(message)
    sys.exit(1)


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


# ---------------------------------------------------------------- /proc


def children(pid):
    """The direct children of pid (nginx's workers)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2:].split()[1]) == pid:
                found.append(int(entry))
    return found


def cpu_seconds(pids):
    """User plus system CPU time of the processes, in seconds."""
    total = 0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / TICK


def status_kb(pid, key):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def machine_busy():
    """(busy, total) jiffies of all CPUs, to tell how much else ran during a measurement."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields[:8]) - idle, sum(fields[:8])


class RssSampler:
    """Samples the summed VmRSS of some processes every 50 ms; `peak_mib` is the largest seen."""

    def __init__(self, pids):
        self.pids = pids
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self):
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(status_kb(p, "VmRSS") for p in self.pids()))
            self._stop.wait(0.05)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    @property
    def peak_mib(self):
        return round(self.peak_kb / 1024, 1)


def jstat(java_home, pid):
    """Heap and GC counters of a JVM (jstat -gc): used and committed heap in MiB, collections, GC seconds."""
    out = run([str(Path(java_home) / "bin" / "jstat"), "-gc", str(pid)]).stdout.split("\n")
    values = dict(zip(out[0].split(), out[1].split()))
    number = lambda key: float(values.get(key, "0").replace("-", "0"))
    used = sum(number(k) for k in ("S0U", "S1U", "EU", "OU"))
    committed = sum(number(k) for k in ("S0C", "S1C", "EC", "OC"))
    return {"heap_used_mib": round(used / 1024, 1), "heap_committed_mib": round(committed / 1024, 1),
            "gc_count": int(number("YGC") + number("FGC") + number("CGC")), "gc_seconds": number("GCT")}


def client_cpu():
    """CPU seconds of this harness's finished children (wrk, curl) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- the two systems


class Sandbox:
    """The Zhol topology: `./zhol sandbox --random-ports` (or SandboxMain on a given class path)."""

    def __init__(self, work, java, classpath, java_opts):
        self.work = work
        self.dir = work / "sandbox"
        self.out = work / "sandbox.out"
        if classpath:
            self.command = [java, *java_opts.split(), "-cp", classpath, SANDBOX_MAIN]
        else:
            self.command = [str(ROOT / "zhol"), "sandbox"]
        self.command += ["--random-ports", "--work-dir", str(self.dir)]
        # Without the launcher's class cache unless the caller asks for it: the cache is recorded under the
        # quick JIT, and large-body transfers ran 1.5-2x slower with it (digests on the non-intrinsic path
        # in the profile); this run measures the servers, not their start.
        self.env = dict(os.environ, JAVA_OPTS=java_opts)
        self.env.setdefault("ZHOL_AOT", "off")
        self.aot = self.env["ZHOL_AOT"]
        self.java_opts = java_opts
        self.process = None

    def start(self, timeout):
        shown = [("<%d class path entries>" % len(a.split(":"))) if len(a) > 200 else a for a in self.command]
        self.shown = " ".join(shown)
        log("starting the sandbox: " + self.shown)
        self.started = time.monotonic()
        with open(self.out, "w") as out:
            self.process = subprocess.Popen(self.command, stdout=out, stderr=subprocess.STDOUT, env=self.env,
                                            start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.out.read_text(errors="replace")
            if "Try it" in text and (self.dir / "sandbox.json").exists():
                break
            if self.process.poll() is not None:
                fail("the sandbox stopped:\n" + text)
            time.sleep(0.3)
        else:
            fail("the sandbox was not ready within %d s:\n%s" % (timeout, self.out.read_text(errors="replace")))
        self.ready_seconds = round(time.monotonic() - self.started, 1)
        state = json.loads((self.dir / "sandbox.json").read_text())
        self.ports = state["ports"]
        self.pid = self.process.pid  # the launcher execs the JVM, so this is the JVM once it is ready
        if Path(f"/proc/{self.pid}/comm").read_text().strip() != "java":
            fail("the sandbox's process %d is not the JVM" % self.pid)
        self.client_proxy = "http://127.0.0.1:%d" % self.ports["ss1"]["clientHttp"]
        self.demo = "http://127.0.0.1:%d" % self.ports["demo"]
        log("sandbox ready in %.1f s (pid %d)" % (self.ready_seconds, self.pid))

    def pids(self):
        return [self.pid]

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def nginx_string(text):
    """A single-quoted nginx string; `$` would start a variable, so it must not occur."""
    if "$" in text:
        fail("a backend answer contains '$', which nginx would read as a variable")
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


class Nginx:
    """The baseline: proxy A (plain HTTP in) -> mTLS 1.3 -> proxy B -> static backend, one nginx, 2 workers."""

    def __init__(self, work):
        self.prefix = work / "nginx"
        self.prefix.mkdir()
        self.port_a, self.port_b, self.port_backend = free_port(), free_port(), free_port()
        self.url = "http://127.0.0.1:%d" % self.port_a
        self.process = None

    def certificates(self):
        """A throwaway CA, proxy B's server certificate and proxy A's client certificate (EC P-256)."""
        p = self.prefix
        ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        run(["openssl", "req", "-x509", *ec, "-keyout", p / "ca.key", "-out", p / "ca.crt", "-days", "2",
             "-subj", "/CN=bench CA"])
        for name, usage in (("b", "serverAuth"), ("a", "clientAuth")):
            (p / f"{name}.ext").write_text(f"subjectAltName=DNS:proxy-{name}\nextendedKeyUsage={usage}\n")
            run(["openssl", "req", *ec, "-keyout", p / f"{name}.key", "-out", p / f"{name}.csr",
                 "-subj", f"/CN=proxy-{name}"])
            run(["openssl", "x509", "-req", "-in", p / f"{name}.csr", "-CA", p / "ca.crt", "-CAkey", p / "ca.key",
                 "-CAcreateserial", "-days", "2", "-out", p / f"{name}.crt", "-extfile", p / f"{name}.ext"])

    def configure(self, answers, demo_port):
        """answers: path -> (status, content type, body text), served by the static backend."""
        p = self.prefix
        user = "user %s;" % run(["id", "-un"]).stdout.strip() if os.geteuid() == 0 else ""
        backend = "\n".join(
            "    location = %s { default_type %s; return %d %s; }" % (path, '"%s"' % ctype, status, nginx_string(body))
            for path, (status, ctype, body) in answers.items())
        upstream = """proxy_http_version 1.1; proxy_set_header Connection "";"""
        streaming = "proxy_request_buffering off; proxy_buffering off; client_max_body_size 0;"
        tls_to_b = (f"proxy_ssl_certificate {p}/a.crt; proxy_ssl_certificate_key {p}/a.key; "
                    f"proxy_ssl_trusted_certificate {p}/ca.crt; proxy_ssl_verify on; proxy_ssl_name proxy-b; "
                    "proxy_ssl_protocols TLSv1.3; proxy_ssl_session_reuse on;")
        (p / "nginx.conf").write_text(f"""# generated by bench/bin/bench.py
{user}
worker_processes 2;
pid {p}/nginx.pid;
error_log {p}/error.log warn;
daemon off;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  keepalive_requests 1000000;
  client_body_buffer_size 64k;
  client_body_temp_path {p}/body;
  proxy_temp_path {p}/proxy;
  fastcgi_temp_path {p}/fastcgi; uwsgi_temp_path {p}/uwsgi; scgi_temp_path {p}/scgi;
  upstream proxy_b {{ server 127.0.0.1:{self.port_b}; keepalive 64; keepalive_requests 1000000; }}
  upstream backend {{ server 127.0.0.1:{self.port_backend}; keepalive 64; keepalive_requests 1000000; }}
  upstream demo {{ server 127.0.0.1:{demo_port}; keepalive 8; }}
  # proxy A: the client's side, plain HTTP as the client proxy of SS1
  server {{
    listen 127.0.0.1:{self.port_a};
    location / {{ proxy_pass https://proxy_b; {upstream} {tls_to_b} }}
    location /blobs/ {{ proxy_pass https://proxy_b; {upstream} {tls_to_b} {streaming} }}
  }}
  # proxy B: mutual TLS 1.3, as the server proxy of SS2
  server {{
    listen 127.0.0.1:{self.port_b} ssl;
    ssl_protocols TLSv1.3;
    ssl_certificate {p}/b.crt; ssl_certificate_key {p}/b.key;
    ssl_client_certificate {p}/ca.crt; ssl_verify_client on;
    ssl_session_cache shared:proxyb:1m;
    location / {{ proxy_pass http://backend; {upstream} }}
    # the large body goes on to the demo provider's blobs service, as through Zhol
    location /blobs/ {{ proxy_pass http://demo; {upstream} {streaming} }}
  }}
  # the static backend: the demo provider's answers, byte for byte
  server {{
    listen 127.0.0.1:{self.port_backend};
{backend}
  }}
}}
""")

    def start(self):
        command = ["nginx", "-p", str(self.prefix), "-c", str(self.prefix / "nginx.conf"), "-e",
                   str(self.prefix / "error.log")]
        self.command = command
        log("starting nginx: " + " ".join(command))
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        start_new_session=True)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                fail("nginx stopped: " + self.process.stderr.read().decode(errors="replace"))
            if len(children(self.process.pid)) >= 2:
                try:
                    with socket.create_connection(("127.0.0.1", self.port_a), timeout=1):
                        return
                except OSError:
                    pass
            time.sleep(0.1)
        fail("nginx did not start listening")

    def pids(self):
        return [self.process.pid, *children(self.process.pid)]

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # fast shutdown of master and workers
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# ---------------------------------------------------------------- load


WRK_DONE = r"""
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,' ..
    '"write":%d,"status":%d,"timeout":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"p999_us":%d,"max_us":%d,' ..
    '"mean_us":%.1f}\n', summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max, latency.mean))
end
"""


# The message id of the sandbox's SOAP example (SandboxGuide.EXAMPLE_ID).
SOAP_EXAMPLE_ID = "sandbox-getPerson-example"


def lua_string(text):
    return "[==[" + text + "]==]"


def wrk_script(path, method, headers, body_file, pause_ms=0, unique_id=None):
    """A wrk script. unique_id: a message id in the body that each request replaces with a fresh one (the
    server proxy accepts a client's message id once within its replay window, transport.md section 13)."""
    lines = ["-- generated by bench/bin/bench.py", 'wrk.method = "%s"' % method]
    for name, value in headers.items():
        lines.append("wrk.headers[ %s ] = %s" % (lua_string(name), lua_string(value)))
    if body_file:
        lines.append('local f = assert(io.open(%s, "rb")); wrk.body = f:read("*a"); f:close()'
                     % lua_string(str(body_file)))
    if unique_id:
        pattern = "".join("%" + c if not c.isalnum() else c for c in unique_id)
        lines += ["math.randomseed(os.time() + math.floor(os.clock() * 1000000))",
                  'local prefix = "bench-" .. os.time() .. "-" .. math.random(1, 1000000000) .. "-"',
                  "local counter = 0",
                  "function request()",
                  "  counter = counter + 1",
                  '  local body = string.gsub(wrk.body, "%s", prefix .. counter)' % pattern,
                  "  return wrk.format(nil, nil, nil, body)",
                  "end"]
    if pause_ms > 0:
        lines.append("function delay() return %d end" % pause_ms)
    path.write_text("\n".join(lines) + "\n" + WRK_DONE)
    return path


class Bench:

    def __init__(self, options, work, java_home):
        self.o = options
        self.work = work
        self.java_home = java_home
        self.runs = []
        self.commands = {}

    def measure(self, system, fn):
        """Runs fn() and adds what the system's processes and the machine spent meanwhile."""
        pids = system.pids()
        gc_before = jstat(self.java_home, system.pid) if isinstance(system, Sandbox) else None
        cpu_before, busy_before, wall_before = cpu_seconds(pids), machine_busy(), time.monotonic()
        client_before = client_cpu()
        result = fn()
        wall = time.monotonic() - wall_before
        pids = system.pids()
        busy_after = machine_busy()
        result["server_cpu_s"] = round(cpu_seconds(pids) - cpu_before, 2)
        result["client_cpu_s"] = round(client_cpu() - client_before, 2)
        result["machine_busy_cores"] = round(
            (busy_after[0] - busy_before[0]) / max(1, busy_after[1] - busy_before[1]) * os.cpu_count(), 2)
        # What the rest of the machine (other jobs) took meanwhile, in cores: it disturbs the measurement.
        result["other_cores"] = round(max(0.0, result["machine_busy_cores"]
                                          - (result["server_cpu_s"] + result["client_cpu_s"]) / max(wall, 0.001)), 2)
        result["wall_s"] = round(wall, 2)
        if gc_before is not None:
            gc_after = jstat(self.java_home, system.pid)
            result["gc_count"] = gc_after["gc_count"] - gc_before["gc_count"]
            result["gc_ms"] = round((gc_after["gc_seconds"] - gc_before["gc_seconds"]) * 1000, 1)
            result["heap_used_mib"] = gc_after["heap_used_mib"]
            result["heap_committed_mib"] = gc_after["heap_committed_mib"]
        return result

    def wrk(self, url, script, duration, connections):
        command = ["wrk", "-t1", "-c%d" % connections, "-d%ds" % duration, "--timeout", WRK_TIMEOUT, "-s",
                   str(script), url]
        done = run(command)
        out = done.stdout
        match = re.search(r"^BENCH (\{.*\})$", out, re.M)
        if not match:
            fail("wrk printed no result:\n" + out + done.stderr)
        r = json.loads(match.group(1))
        seconds = r["duration_us"] / 1e6
        errors = r["connect"] + r["read"] + r["write"] + r["status"] + r["timeout"]
        return {"command": " ".join(command), "requests": r["requests"], "rps": round(r["requests"] / seconds, 1),
                "p50_ms": r["p50_us"] / 1000, "p90_ms": r["p90_us"] / 1000, "p99_ms": r["p99_us"] / 1000,
                "p999_ms": r["p999_us"] / 1000, "max_ms": r["max_us"] / 1000, "mean_ms": round(r["mean_us"] / 1000, 3),
                "errors": errors, "error_detail": {k: r[k] for k in ("connect", "read", "write", "status", "timeout")}}

    def load(self, workload, targets, duration, connections, pause=None):
        """targets: system name -> (system, url, script). Baseline then Zhol, round by round."""
        for name, (system, url, script) in targets.items():
            if self.o.warmup <= 0:
                break
            log("%s: warm-up of %s (%d s)" % (workload, name, self.o.warmup))
            self.wrk(url, script(pause[name] if pause else 0), self.o.warmup,
                     connections[name] if isinstance(connections, dict) else connections)
        for round_no in range(1, self.o.rounds + 1):
            for name, (system, url, script) in targets.items():
                c = connections[name] if isinstance(connections, dict) else connections
                s = script(pause[name] if pause else 0)
                result = self.measure(system, lambda: self.wrk(url, s, duration, c))
                result["cpu_ms_per_request"] = (round(result["server_cpu_s"] * 1000 / result["requests"], 3)
                                                if result["requests"] else None)
                result.update(workload=workload, system=name, round=round_no, connections=c)
                if pause:
                    result["pause_ms"] = pause[name]
                self.commands.setdefault(workload, {})[name] = result["command"]
                self.runs.append(result)
                log("%s %s round %d: %.1f req/s, p50 %.2f ms, p99 %.2f ms, %s ms CPU/request, %d errors"
                    % (workload, name, round_no, result["rps"], result["p50_ms"], result["p99_ms"],
                       fmt(result["cpu_ms_per_request"], 3), result["errors"]))

    def transfer(self, system, direction, url, headers, size, blob):
        """One large body: upload (POST of a sparse file of zeros) or download, with curl."""
        command = ["curl", "-sS", "--fail-with-body", "-o", str(self.work / "answer"), "-w", "%{json}"]
        for header in headers:
            command += ["-H", header]
        if direction == "upload":
            command += ["-X", "POST", "-T", str(blob), "-H", "Content-Type: application/octet-stream",
                        "-H", "Expect:"]
        command += [url]

        def go():
            with RssSampler(system.pids) as rss:
                out = subprocess.run(command, capture_output=True, text=True)
            if out.returncode != 0:
                fail("%s of %d bytes failed: %s %s" % (direction, size, out.stderr,
                                                       (self.work / "answer").read_text(errors="replace")[:500]))
            w = json.loads(out.stdout)
            moved = w["size_upload"] if direction == "upload" else w["size_download"]
            return {"command": " ".join(command), "bytes": int(moved), "seconds": round(w["time_total"], 2),
                    "mb_per_s": round(moved / w["time_total"] / 1e6, 1), "peak_rss_mib": rss.peak_mib,
                    "http_code": w["http_code"]}

        return self.measure(system, go)


# ---------------------------------------------------------------- the run


def median(values):
    return round(statistics.median(values), 6) if values else None


def summarise(runs, workload, key):
    by_round = {}
    for r in runs:
        if r["workload"] == workload:
            if r.get(key) is not None:
                by_round.setdefault(r["round"], {})[r["system"]] = r[key]
    ratios = [round(v["zhol"] / v["baseline"], 5) for v in by_round.values()
              if v.get("baseline") and "zhol" in v]
    return {"baseline_median": median([v["baseline"] for v in by_round.values() if "baseline" in v]),
            "zhol_median": median([v["zhol"] for v in by_round.values() if "zhol" in v]),
            "ratio_per_round": ratios, "ratio_median": median(ratios)}


def versions(java_home, java_opts):
    def first_line(command):
        try:
            out = subprocess.run(command, capture_output=True, text=True)
            return (out.stdout + out.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return "unknown"
    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                if l.startswith("model name")), "unknown")
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return {"commit": commit + (" (with uncommitted changes)" if dirty else ""),
            "java": first_line([str(Path(java_home) / "bin" / "java"), "-version"]), "java_opts": java_opts,
            "nginx": first_line(["nginx", "-v"]), "wrk": first_line(["wrk", "-v"]),
            "openssl": first_line(["openssl", "version"]), "curl": first_line(["curl", "--version"]),
            "kernel": os.uname().release, "cpu": cpu, "cores": os.cpu_count(),
            "load_before": Path("/proc/loadavg").read_text().split()[:3]}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], prog="./zhol bench")
    p.add_argument("--duration", type=int, default=10, help="seconds of each measured wrk run (10)")
    p.add_argument("--warmup", type=int, default=30, help="seconds of warm-up per system and workload (30)")
    p.add_argument("--rounds", type=int, default=3, help="rounds of baseline then Zhol (3)")
    p.add_argument("--connections", type=int, default=32, help="wrk connections of the throughput runs (32)")
    p.add_argument("--body-mib", type=int, default=1024, help="the large body, MiB (1024)")
    p.add_argument("--large-rounds", type=int, default=3, help="rounds of the large body, each way (3)")
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "results", help="where the results go")
    p.add_argument("--name", default=None, help="file name stem (default DATE-bench)")
    p.add_argument("--sandbox-classpath", default=None,
                   help="run SandboxMain on this class path instead of `./zhol sandbox` (the tests)")
    p.add_argument("--java", default=None, help="the java binary for --sandbox-classpath")
    p.add_argument("--ready-timeout", type=int, default=300, help="longest wait for the sandbox, s (300)")
    p.add_argument("--render", type=Path, default=None,
                   help="only write the .md (and the .json's summary) again from a results .json")
    p.add_argument("--smoke", action="store_true",
                   help="a tiny run that only shows the harness works: no warm-up, 1-s runs, 1 round, an 8 MiB "
                        "body, the quick JIT")
    o = p.parse_args()
    if o.smoke:
        o.duration, o.warmup, o.rounds, o.body_mib, o.large_rounds = 1, 0, 1, 8, 1
    return o


def render(path):
    """Writes DIR/STEM.md and the summary of DIR/STEM.json again from the runs that the .json holds."""
    document = json.loads(path.read_text())
    o = argparse.Namespace(**document["meta"]["options"])
    o.out, o.name = path.parent, path.stem
    bench = argparse.Namespace(runs=document["runs"], commands=document["commands"],
                               half_load_targets=document["summary"]["latency"].get("target_rps", {}))
    write_results(o, document["meta"], bench, None)


def main():
    # A SIGTERM (a test's time-out, a Ctrl-C of the launcher) still stops nginx and the sandbox.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    o = parse_args()
    if o.render:
        render(o.render)
        return
    for tool in ("wrk", "nginx", "openssl", "curl"):
        if not shutil.which(tool):
            fail("%s is missing (Debian/Ubuntu: apt-get install wrk nginx openssl curl)" % tool)
    if o.java:
        java_home = str(Path(o.java).resolve().parents[1])
    elif os.environ.get("JAVA_HOME"):
        java_home = os.environ["JAVA_HOME"]
    else:
        fail("JAVA_HOME is not set (./zhol bench sets it)")
    java = o.java or str(Path(java_home) / "bin" / "java")
    # The optimising JIT for measurements; a smoke run keeps the launcher's quick one, which starts sooner.
    jit = "-XX:TieredStopAtLevel=1" if o.smoke else "-XX:TieredStopAtLevel=4"
    java_opts = " ".join(x for x in (HEAP, jit, os.environ.get("JAVA_OPTS", "")) if x)
    meta = versions(java_home, java_opts)
    started = datetime.datetime.now(datetime.timezone.utc)
    work = Path(tempfile.mkdtemp(prefix="zhol-bench-"))
    sandbox, nginx = Sandbox(work, java, o.sandbox_classpath, java_opts), Nginx(work)
    bench = Bench(o, work, java_home)
    failure = None
    try:
        sandbox.start(o.ready_timeout)
        meta["sandbox_command"] = sandbox.shown
        meta["zhol_aot"] = sandbox.aot
        meta["sandbox_ready_s"] = sandbox.ready_seconds
        nginx.certificates()
        answers, bodies, ids = backend_answers(sandbox, work)
        nginx.configure(answers, sandbox.ports["demo"])
        nginx.start()
        check_baseline(nginx, answers, bodies, ids)
        check_zhol(sandbox, bodies, ids)
        throughput(bench, sandbox, nginx, bodies, ids)
        half_load(bench, sandbox, nginx, ids)
        large_body(bench, sandbox, nginx, work, o)
    except (Exception, SystemExit) as e:  # fail() and SIGTERM exit; what was measured is still written
        failure = "%s: %s" % (type(e).__name__, e)
    finally:
        if sandbox.process and sandbox.process.poll() is None:
            meta["sandbox_peak_rss_mib"] = round(status_kb(sandbox.pid, "VmHWM") / 1024, 1)
        if nginx.process:
            meta["nginx_command"] = " ".join(nginx.command)
            meta["nginx_conf"] = (nginx.prefix / "nginx.conf").read_text()
        nginx.stop()
        sandbox.stop()
    meta["finished"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    meta["started"] = started.isoformat(timespec="seconds")
    meta["options"] = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(o).items()}
    if failure:
        meta["incomplete"] = failure
        if bench.runs:
            write_results(o, meta, bench, started)
        log("the run did not complete (%s); the work directory %s is kept" % (failure, work))
        sys.exit(1)
    write_results(o, meta, bench, started)
    shutil.rmtree(work, ignore_errors=True)


def backend_answers(sandbox, work):
    """The demo provider's own answers (asked directly), which the static backend repeats byte for byte."""
    guide = sandbox.out.read_text()
    person = re.search(r"/persons/([0-9]{11})\b", guide).group(1)
    found = json.loads(run(["curl", "-sS", "--fail", sandbox.demo + "/persons/?name="]).stdout)["persons"]
    poster = next(p for p in found if p["id"] != person)
    # The 16 KiB POST records the person's current address again, padded; the demo ignores extra fields.
    body = json.dumps({"address": poster["address"], "padding": ""}, ensure_ascii=False).encode()
    pad = POST_BYTES - len(body)
    body = json.dumps({"address": poster["address"], "padding": "x" * pad}, ensure_ascii=False).encode()
    assert len(body) == POST_BYTES, len(body)
    (work / "post.json").write_bytes(body)
    soap = sandbox.dir / "getPerson.xml"
    get = run(["curl", "-sS", "--fail", sandbox.demo + "/persons/" + person]).stdout
    post = run(["curl", "-sS", "--fail", "-H", "Content-Type: application/json", "--data-binary",
                "@" + str(work / "post.json"), sandbox.demo + "/persons/%s/address-changes" % poster["id"]]).stdout
    envelope = run(["curl", "-sS", "--fail", "-H", "Content-Type: text/xml; charset=UTF-8", "--data-binary",
                    "@" + str(soap), sandbox.demo + "/soap"]).stdout
    answers = {"/persons/" + person: (200, "application/json", get),
               "/persons/%s/address-changes" % poster["id"]: (201, "application/json", post),
               "/soap": (200, "text/xml; charset=UTF-8", envelope)}
    return answers, {"post": work / "post.json", "soap": soap}, {"get": person, "post": poster["id"]}


def check_zhol(sandbox, bodies, ids):
    """Each Zhol path answers as the demo provider does (status and body), before any load."""
    client = ["-H", "X-Road-Client: " + CLIENT]
    rest = sandbox.client_proxy + REGISTRY + "/persons/"
    got = run(["curl", "-sS", "--fail", *client, rest + ids["get"]]).stdout
    if json.loads(got)["id"] != ids["get"]:
        fail("Zhol's GET answer is not the person: " + got)
    posted = run(["curl", "-sS", "--fail", "-w", "\n%{http_code}", *client, "-H", "Content-Type: application/json",
                  "--data-binary", "@" + str(bodies["post"]), rest + ids["post"] + "/address-changes"]).stdout
    if not posted.endswith("\n201") or json.loads(posted.rsplit("\n", 1)[0])["personId"] != ids["post"]:
        fail("Zhol's POST answer is not the recorded change: " + posted)
    soap = run(["curl", "-sS", "--fail", "-H", "Content-Type: text/xml; charset=UTF-8", "--data-binary",
                "@" + str(bodies["soap"]), sandbox.client_proxy + "/"]).stdout
    if "getPersonResponse" not in soap or "<p:id>%s</p:id>" % ids["get"] not in soap:
        fail("Zhol's SOAP answer is not getPersonResponse: " + soap[:500])


def check_baseline(nginx, answers, bodies, ids):
    """Each baseline path answers through both proxies what the demo provider answers."""
    got = run(["curl", "-sS", "--fail", nginx.url + "/persons/" + ids["get"]]).stdout
    if got != answers["/persons/" + ids["get"]][2]:
        fail("the baseline's GET answer differs from the demo provider's: " + got)
    soap = run(["curl", "-sS", "--fail", "-H", "Content-Type: text/xml", "--data-binary", "@" + str(bodies["soap"]),
                nginx.url + "/soap"]).stdout
    if soap != answers["/soap"][2]:
        fail("the baseline's SOAP answer differs from the demo provider's")


def throughput(bench, sandbox, nginx, bodies, ids):
    w = bench.work
    client = {"X-Road-Client": CLIENT}
    zhol_rest = sandbox.client_proxy + REGISTRY + "/persons/"
    post_headers = {"Content-Type": "application/json"}
    soap_headers = {"Content-Type": "text/xml; charset=UTF-8"}
    workloads = {
        "get": (lambda p: wrk_script(w / "get-b.lua", "GET", {}, None, p), nginx.url + "/persons/" + ids["get"],
                lambda p: wrk_script(w / "get-z.lua", "GET", client, None, p), zhol_rest + ids["get"]),
        "post16k": (lambda p: wrk_script(w / "post-b.lua", "POST", post_headers, bodies["post"]),
                    nginx.url + "/persons/%s/address-changes" % ids["post"],
                    lambda p: wrk_script(w / "post-z.lua", "POST", {**client, **post_headers}, bodies["post"]),
                    zhol_rest + ids["post"] + "/address-changes"),
        "soap": (lambda p: wrk_script(w / "soap-b.lua", "POST", soap_headers, bodies["soap"]), nginx.url + "/soap",
                 lambda p: wrk_script(w / "soap-z.lua", "POST", soap_headers, bodies["soap"],
                                           unique_id=SOAP_EXAMPLE_ID),
                 sandbox.client_proxy + "/"),
    }
    bench.scripts = workloads
    for name, (base_script, base_url, zhol_script, zhol_url) in workloads.items():
        bench.load(name, {"baseline": (nginx, base_url, base_script), "zhol": (sandbox, zhol_url, zhol_script)},
                   bench.o.duration, bench.o.connections)


def half_load(bench, sandbox, nginx, ids):
    """GETs paced at half of each system's median GET rate, from `connections` connections each pausing
    `pause` ms between its requests; a short calibration run first subtracts the mean latency from the pause."""
    base_script, base_url, zhol_script, zhol_url = bench.scripts["get"]
    targets = {"baseline": (nginx, base_url, base_script), "zhol": (sandbox, zhol_url, zhol_script)}
    connections, pause, rate = {}, {}, {}
    for name in targets:
        best = statistics.median(r["rps"] for r in bench.runs if r["workload"] == "get" and r["system"] == name)
        rate[name] = max(best / 2, 0.5)  # a tiny smoke run may complete nothing in its second
        connections[name] = max(1, round(rate[name] * PACE_MS / 1000))
        interval_ms = 1000 * connections[name] / rate[name]
        system, url, script = targets[name]
        trial = bench.wrk(url, script(max(1, round(interval_ms))), max(1, min(3, bench.o.warmup)), connections[name])
        # Never below half the interval: on an overloaded machine the calibration's latency is large, and a
        # pause near 0 would offer far more than half the load.
        pause[name] = max(1, round(interval_ms / 2), round(interval_ms - trial["mean_ms"]))
        log("half load of %s: %.1f req/s wanted, %d connections pausing %d ms (calibration: %.1f req/s)"
            % (name, rate[name], connections[name], pause[name], trial["rps"]))
    bench.half_load_targets = {k: round(v, 1) for k, v in rate.items()}
    saved_warmup, bench.o.warmup = bench.o.warmup, 0
    try:
        bench.load("latency", targets, bench.o.duration, connections, pause)
    finally:
        bench.o.warmup = saved_warmup


def large_body(bench, sandbox, nginx, work, o):
    size = o.body_mib << 20
    blob = work / "blob.bin"
    with open(blob, "wb") as f:
        f.truncate(size)  # sparse: reading it costs no disk
    digest = hashlib.sha256()
    zeros = bytes(1 << 20)
    for _ in range(o.body_mib):
        digest.update(zeros)
    expected = digest.hexdigest()
    client = ["X-Road-Client: " + CLIENT]
    urls = {"upload": {"baseline": (nginx, nginx.url + "/blobs/digest", []),
                       "zhol": (sandbox, sandbox.client_proxy + REGISTRY + "/blobs/digest", client)},
            "download": {"baseline": (nginx, nginx.url + "/blobs/%d" % size, []),
                         "zhol": (sandbox, sandbox.client_proxy + REGISTRY + "/blobs/%d" % size, client)}}
    for round_no in range(1, o.large_rounds + 1):
        for direction, systems in urls.items():
            for name, (system, url, headers) in systems.items():
                log("large body: %s of %d MiB through %s, round %d" % (direction, o.body_mib, name, round_no))
                r = bench.transfer(system, direction, url, headers, size, blob)
                if direction == "upload":
                    answer = json.loads((work / "answer").read_text())
                    r["verified"] = answer == {"bytes": size, "sha256": expected}
                else:
                    r["verified"] = r["bytes"] == size and (work / "answer").stat().st_size == size
                if not r["verified"]:
                    fail("the %s through %s did not arrive whole: %s" % (direction, name, r))
                r.update(workload="large-" + direction, system=name, round=round_no)
                bench.commands.setdefault("large-" + direction, {})[name] = r["command"]
                bench.runs.append(r)
                log("  %.1f MB/s, peak RSS %.1f MiB" % (r["mb_per_s"], r["peak_rss_mib"]))


# ---------------------------------------------------------------- results


def write_results(o, meta, bench, started):
    runs = bench.runs
    summary = {}
    for workload in ("get", "post16k", "soap", "latency"):
        summary[workload] = {key: summarise(runs, workload, key)
                             for key in ("rps", "p50_ms", "p99_ms", "p999_ms", "cpu_ms_per_request")}
    summary["latency"]["target_rps"] = getattr(bench, "half_load_targets", {})
    for direction in ("upload", "download"):
        summary["large-" + direction] = {"mb_per_s": summarise(runs, "large-" + direction, "mb_per_s"),
                                         "peak_rss_mib": summarise(runs, "large-" + direction, "peak_rss_mib")}
    stem = o.name or started.strftime("%Y-%m-%d") + "-bench"
    o.out.mkdir(parents=True, exist_ok=True)
    document = {"meta": meta, "summary": summary, "commands": bench.commands, "runs": runs}
    (o.out / (stem + ".json")).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    (o.out / (stem + ".md")).write_text(markdown(o, meta, summary, bench), encoding="utf-8")
    log("written %s.md and .json in %s" % (stem, o.out))


def fmt(value, digits=1):
    if value is None:
        return "–"
    if isinstance(value, float) and value < 0.1 and value != 0:
        return "%.4f" % value
    return ("%." + str(digits) + "f") % value


def ratio(value):
    return "–" if value is None else "%.3g" % value


def markdown(o, meta, summary, bench):
    runs = bench.runs
    out = []
    add = out.append
    add("# Zhol against an nginx baseline, %s" % meta["started"][:10])
    add("")
    if meta.get("incomplete"):
        add("**Incomplete run:** %s. What was measured before is below." % meta["incomplete"])
        add("")
    add("`./zhol bench` (bench/bin/bench.py)%s. Baseline: nginx with 2 workers as proxy A (plain HTTP in), "
        "mutual TLS 1.3 to nginx as proxy B, then a static backend answering the demo provider's bytes; "
        "keep-alive upstreams. Zhol: the sandbox in one JVM (SS1, SS2, the central server, the dev CA/OCSP/TSA "
        "and the demo provider) with `%s`, so both security servers share one %s heap, which is stricter than "
        "issue #9's limit of 256 MiB for each. Everything, wrk included, shares the same %d cores. Each "
        "workload: warm-up of each system (%d s), then %d round(s) of baseline then Zhol, %d s each, wrk -t1."
        % (" — a smoke run, its figures mean nothing" if o.smoke else "", meta["java_opts"], HEAP[4:],
           meta["cores"], o.warmup, o.rounds, o.duration))
    add("")
    add("CPU per request is the user+system time of the server processes (the sandbox JVM; nginx's master "
        "and workers) over the run, divided by the requests; it includes each side's backend (the demo "
        "provider in the JVM; the static server in nginx). `busy` is how many of the machine's cores were "
        "busy in the run, everything counted; `others` is that minus the server processes and the client (wrk or "
        "curl): the cores that other jobs on the machine took meanwhile, which disturb the measurement.")
    add("")
    add("## Summary (medians of the rounds; ratio = Zhol / baseline, per round, then its median)")
    add("")
    add("| workload | measure | baseline | Zhol | ratio per round | median ratio |")
    add("|---|---|---|---|---|---|")
    labels = {"get": "REST GET", "post16k": "REST POST 16 KiB", "soap": "SOAP getPerson",
              "latency": "REST GET at half load"}
    measures = (("rps", "req/s", 1), ("p50_ms", "p50 ms", 2), ("p99_ms", "p99 ms", 2), ("p999_ms", "p99.9 ms", 2),
                ("cpu_ms_per_request", "CPU ms/request", 3))
    for workload, label in labels.items():
        for key, measure, digits in measures:
            s = summary[workload][key]
            add("| %s | %s | %s | %s | %s | %s |" % (
                label, measure, fmt(s["baseline_median"], digits), fmt(s["zhol_median"], digits),
                ", ".join(ratio(r) for r in s["ratio_per_round"]), ratio(s["ratio_median"])))
    for direction in ("upload", "download"):
        s = summary["large-" + direction]
        add("| %d MiB %s | MB/s | %s | %s | %s | %s |" % (
            o.body_mib, direction, fmt(s["mb_per_s"]["baseline_median"]), fmt(s["mb_per_s"]["zhol_median"]),
            ", ".join(ratio(r) for r in s["mb_per_s"]["ratio_per_round"]), ratio(s["mb_per_s"]["ratio_median"])))
        add("| %d MiB %s | peak RSS MiB | %s | %s | | |" % (
            o.body_mib, direction, fmt(s["peak_rss_mib"]["baseline_median"]), fmt(s["peak_rss_mib"]["zhol_median"])))
    add("")
    add("## Throughput runs (wrk -t1 -c%d)" % o.connections)
    add("")
    add("| workload | run | req/s | p50 ms | p99 ms | p99.9 ms | CPU ms/req | busy | others | GC (n, ms) | heap used/committed MiB | errors |")
    add("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in runs:
        if r["workload"] in ("get", "post16k", "soap", "latency"):
            gc = "%d, %s" % (r["gc_count"], fmt(r["gc_ms"])) if "gc_count" in r else "–"
            heap = "%s / %s" % (fmt(r["heap_used_mib"]), fmt(r["heap_committed_mib"])) if "heap_used_mib" in r else "–"
            label = r["workload"] + ("" if r["workload"] != "latency" else " (c%d, %d ms pause)"
                                     % (r["connections"], r["pause_ms"]))
            add("| %s | %s %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                label, r["system"], r["round"], fmt(r["rps"]), fmt(r["p50_ms"], 2), fmt(r["p99_ms"], 2),
                fmt(r["p999_ms"], 2), fmt(r["cpu_ms_per_request"], 3), fmt(r["machine_busy_cores"], 2),
                fmt(r.get("other_cores"), 2), gc, heap,
                r["errors"] if r["errors"] == 0 else "%d %s" % (r["errors"], r["error_detail"])))
    add("")
    add("Latency at half load: GETs paced at half of each system's median GET rate (baseline %s req/s, Zhol %s "
        "req/s wanted; the achieved rate is the req/s column). Each connection pauses a fixed time after each "
        "answer (a wrk `delay()`), calibrated by a short run; this is a closed loop, so a stall delays the "
        "requests behind it instead of counting them late (no coordinated-omission correction)."
        % (fmt(summary["latency"]["target_rps"].get("baseline")), fmt(summary["latency"]["target_rps"].get("zhol"))))
    add("")
    add("## Large body (%d MiB, curl, one at a time)" % o.body_mib)
    add("")
    add("Upload: `POST /blobs/digest` of a sparse file of zeros; the demo provider digests it and both the length "
        "and the SHA-256 are checked. Download: `GET /blobs/{bytes}`; the length is checked. The baseline carries "
        "the same body through both nginx proxies (unbuffered) to the same demo provider. Peak RSS: the largest "
        "resident size sampled every 50 ms during the transfer (the sandbox JVM, or nginx's processes summed).")
    add("")
    add("| direction | run | MB/s | seconds | peak RSS MiB | server CPU s | busy | others | GC (n, ms) | heap used/committed MiB |")
    add("|---|---|---|---|---|---|---|---|---|---|")
    for r in runs:
        if r["workload"].startswith("large-"):
            gc = "%d, %s" % (r["gc_count"], fmt(r["gc_ms"])) if "gc_count" in r else "–"
            heap = "%s / %s" % (fmt(r["heap_used_mib"]), fmt(r["heap_committed_mib"])) if "heap_used_mib" in r else "–"
            add("| %s | %s %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                r["workload"][6:], r["system"], r["round"], fmt(r["mb_per_s"]), fmt(r["seconds"], 2),
                fmt(r["peak_rss_mib"]), fmt(r["server_cpu_s"], 2), fmt(r["machine_busy_cores"], 2),
                fmt(r.get("other_cores"), 2), gc, heap))
    add("")
    add("## Set-up")
    add("")
    for key in ("commit", "java", "java_opts", "nginx", "wrk", "openssl", "curl", "kernel", "cpu", "cores",
                "load_before", "sandbox_ready_s", "sandbox_peak_rss_mib", "started", "finished"):
        add("- %s: %s" % (key.replace("_", " "), meta.get(key)))
    add("- sandbox: `%s` (JAVA_OPTS=`%s`, ZHOL_AOT=%s)" % (meta.get("sandbox_command"), meta["java_opts"],
                                                         meta.get("zhol_aot")))
    add("- nginx: `%s` (configuration in the .json file, `meta.nginx_conf`)" % meta.get("nginx_command"))
    add("- the Lua scripts set the method, headers and body; the 16 KiB POST body is the person's current address "
        "padded with an extra JSON field; SOAP posts the sandbox's getPerson.xml")
    for workload, systems in bench.commands.items():
        for name, command in systems.items():
            add("- %s, %s: `%s`" % (workload, name, command))
    add("")
    return "\n".join(out)


if __name__ == "__main__":
    main()

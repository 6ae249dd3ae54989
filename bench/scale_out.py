"""Two app replicas behind nginx (ip_hash, websocket upgrade), and the load test through it.

    .venv/bin/python bench/scale_out.py [--sessions 25] [--duration 60]

Starts two replicas of the app on two free loopback ports, writes an nginx.conf into a temp
dir (upstream with ``ip_hash``, the Upgrade/Connection headers a websocket needs, long read
timeouts, no buffering), runs Debian's nginx as a non-daemon child on a third loopback port,
runs bench/load_test.py's sessions through it with one source address per session
(127.0.<n>.1, since ip_hash keys on the first three octets), then reports the load test and how
the sessions were spread over the replicas (from nginx's access log). Everything started here
is stopped on exit, also on Ctrl-C; the temp dir is removed. Loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "src"), str(PROJECT / "bench")]

import load_test  # noqa: E402

from tests.e2e.harness import AppServer, free_port  # noqa: E402

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
NGINX_CONF = """\
# Written by bench/scale_out.py; see README "Deployment behind a load balancer".
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    log_format upstream '$remote_addr -> $upstream_addr $status "$request"';
    access_log {tmp}/access.log upstream;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;

    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ''      close;
    }}
    upstream dashboard {{
        ip_hash;                      # a client keeps its replica (session state lives there)
        server 127.0.0.1:{port_a};
        server 127.0.0.1:{port_b};
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://dashboard;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;          # websocket: /_stcore/stream
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 86400s;                       # a session's socket stays open
            proxy_send_timeout 86400s;
            proxy_buffering off;
        }}
    }}
}}
"""


def wait_healthy(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} not healthy within {timeout}s")


def stop(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGQUIT)  # nginx: graceful shutdown
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=25)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--think", type=float, nargs=2, default=(0.5, 1.5))
    args = parser.parse_args()
    # Ctrl-C or a kill: unwind through the finally blocks below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(130))

    replicas = [AppServer("replica-a"), AppServer("replica-b")]
    nginx: subprocess.Popen[bytes] | None = None
    with tempfile.TemporaryDirectory(prefix="scale-out-") as folder:
        tmp = Path(folder)
        tmp.chmod(0o755)
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (tmp / name).mkdir(mode=0o777)
            (tmp / name).chmod(0o777)  # nginx workers run as an unprivileged user
        port = free_port()
        try:
            for replica in replicas:
                replica.start()
            conf = tmp / "nginx.conf"
            conf.write_text(
                NGINX_CONF.format(
                    tmp=tmp, port=port, port_a=replicas[0].port, port_b=replicas[1].port
                ),
                encoding="utf-8",
            )
            subprocess.run(
                [NGINX, "-t", "-p", str(tmp), "-c", str(conf), "-e", str(tmp / "error.log")],
                check=True,
                capture_output=True,
            )
            nginx = subprocess.Popen(
                [NGINX, "-p", str(tmp), "-c", str(conf), "-e", str(tmp / "error.log")],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            url = f"http://127.0.0.1:{port}"
            wait_healthy(url)
            for replica in replicas:  # caches filled before the clock starts, on both
                asyncio.run(load_test.warm(replica.url))
            load_args = argparse.Namespace(
                url=url,
                sessions=args.sessions,
                duration=args.duration,
                think=tuple(args.think),
                spread_sources=True,
            )
            wall, cpu = time.perf_counter(), time.process_time()
            stats = asyncio.run(load_test.load(load_args))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        finally:
            stop(nginx)
            for replica in replicas:
                replica.stop()
        log = (tmp / "access.log").read_text(encoding="utf-8") if nginx else ""
        errors_log = (tmp / "error.log").read_text(encoding="utf-8") if nginx else ""

    print(
        f"\nScale-out: nginx (ip_hash) on :{port} -> replicas :{replicas[0].port}, "
        f":{replicas[1].port}"
    )
    load_test.report(stats, load_args, wall, cpu)
    sockets = Counter(
        match.group(1) for match in re.finditer(r"-> (\S+) 101 \"GET /_stcore/stream", log)
    )
    print("\nwebsocket sessions per replica (nginx access log, status 101):")
    for upstream, count in sorted(sockets.items()):
        print(f"  {upstream:<22}{count:>4}")
    bad = [line for line in log.splitlines() if re.search(r" (5\d\d) \"", line)]
    print(
        f"HTTP 5xx through nginx: {len(bad)}; nginx error log lines: "
        f"{len([line for line in errors_log.splitlines() if '[error]' in line])}"
    )
    sys.exit(1 if stats.errors or bad else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A stub GBIF API for the benchmark: answers every request after DELAY_MS with a recorded-shape answer from
render-service's test resources (any /occurrence/search query gets the same page; record paths their record).
Loopback only. Usage: stub-gbif.py PORT DELAY_MS FIXTURE_DIR"""
import json, sys, time, threading
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from urllib.parse import urlsplit, parse_qs

port, delay_ms, fixtures = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
def load(name):
    with open(f"{fixtures}/{name}", "rb") as f:
        return f.read()
SEARCH, OCCURRENCE, DATASET, ORG = (load("occurrence-search.json"), load("occurrence.json"), load("dataset.json"),
                                    load("organization.json"))
COUNT, DATASETS, COLLECTIONS = load("count-occurrence-be.json"), load("dataset-search.json"), load("collection-search.json")
requests = 0
lock = threading.Lock()

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def do_GET(self):
        global requests
        with lock:
            requests += 1
        time.sleep(delay_ms / 1000)
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        path = url.path
        if path == "/stub/requests":
            body = str(requests).encode()
        elif path.endswith("/occurrence/search"):
            body = COUNT if query.get("limit") == ["0"] else SEARCH
        elif path.endswith("/dataset/search"):
            body = DATASETS
        elif "/grscicoll/" in path:
            body = COLLECTIONS
        elif "/occurrence/" in path:
            body = OCCURRENCE
        elif "/dataset/" in path:
            body = DATASET
        elif "/organization/" in path:
            body = ORG
        else:
            self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers(); return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()

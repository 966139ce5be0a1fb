#!/usr/bin/env python3
"""Writes the seed corpora in fuzz/seeds/<target>/ from the spec's `x-oaiMeta` examples.

Usage: fuzz/make-seeds.py [SPEC]   (default ../shared/openapi/openai-admin-subset.yaml)

Response examples seed `schema_validate` and `pagination` (lists); request bodies (`curl -d`)
and query strings seed `params`; the examples prefixed with a status (two bytes, little endian)
and the mock's error bodies seed `error_body`; retry headers from the spec and the official
SDK's behaviour seed `retry_headers`. The seeds are committed; rerun after the spec changes.
"""
import json
import os
import re
import sys
import urllib.parse

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    HERE, "..", "..", "shared", "openapi", "openai-admin-subset.yaml")


def write(target, name, data):
    folder = os.path.join(HERE, "seeds", target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def examples(spec):
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            meta = op.get("x-oaiMeta") if isinstance(op, dict) else None
            if meta and isinstance(meta.get("examples"), dict):
                yield f"{method}{path}", meta["examples"]


def slug(text):
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def main():
    with open(SPEC) as f:
        spec = yaml.safe_load(f)
    count = 0
    for op, ex in examples(spec):
        name = slug(op)
        response = ex.get("response")
        if isinstance(response, str) and response.strip():
            write("schema_validate", name, response)
            write("error_body", name, (200).to_bytes(2, "little") + response.encode())
            if '"list"' in response:
                write("pagination", name, response)
                compact = json.loads(response)
                compact["has_more"] = True
                if "last_id" in compact or "first_id" in compact:
                    compact["last_id"] = "user_abc/../?#%20é"
                else:
                    compact["next"] = "cursor/../?#%20é"
                write("pagination", name + "_more", json.dumps(compact, ensure_ascii=False))
            count += 1
        curl = (ex.get("request") or {}).get("curl", "")
        body = re.search(r"-d '(.*?)'", curl, re.S)
        if body:
            write("params", name, body.group(1))
            count += 1
        query = ""
        for arg in curl.split():
            if arg.startswith("https://") and "?" in arg:
                query = arg.split("?", 1)[1]
        if query:
            pairs = urllib.parse.parse_qsl(query)
            params = {}
            for key, value in pairs:
                if key.endswith("[]"):
                    params.setdefault(key[:-2], []).append(value)
                else:
                    params[key] = int(value) if value.isdigit() else value
            write("params", name + "_query", json.dumps(params))
            count += 1
    errors = {
        "not_found": (404, {"error": {"message": "No group found with id 'a/b?#'.",
                                       "type": "invalid_request_error", "param": None,
                                       "code": None}}),
        "bad_request": (400, {"error": {"message": "Invalid limit", "type":
                                         "invalid_request_error", "param": "limit",
                                         "code": "integer_below_min_value"}}),
        "rate_limit": (429, {"error": {"message": "Rate limit reached", "type": "requests",
                                        "param": None, "code": "rate_limit_exceeded"}}),
        "server": (503, {"error": {"message": "The server is overloaded", "type":
                                    "server_error", "param": None, "code": None}}),
    }
    for name, (status, body) in errors.items():
        write("error_body", name, status.to_bytes(2, "little") + json.dumps(body).encode())
    write("error_body", "html", (502).to_bytes(2, "little") + b"<html><body>Bad gateway</body></html>")
    write("error_body", "empty", (500).to_bytes(2, "little"))
    write("params", "client_options", json.dumps({
        "adminAPIKey": "sk-admin", "baseURL": "http://127.0.0.1:8787/v1", "organization": "org",
        "project": "proj", "maxRetries": 3, "timeout": 5000,
        "defaultHeaders": {"X-A": "1", "X-B": None}, "dangerouslyAllowBrowser": True}))
    write("params", "call_options", json.dumps({"maxRetries": 0, "timeout": 1,
                                                "headers": {"x": "y"}}))
    # status, x-should-retry, retry-after-ms, retry-after, retries_done, now_ms, jitter
    retry = {
        "seconds": "429\n-\n-\n2\n0\n0\n0.5",
        "ms": "503\n-\n150\n9\n1\n0\n0",
        "date": "503\n-\n-\nSun, 06 Nov 1994 08:49:40 GMT\n0\n784111777000\n0.1",
        "past_date": "503\nfalse\n-\nThu, 01 Jan 1970 00:00:00 GMT\n3\n1700000000000\n0.99",
        "should_retry": "400\ntrue\nx\nsoon\n4294967295\n-1\n2",
        "fraction": "500\n-\n0.25\n1.\n2\n0\n0",
    }
    for name, text in retry.items():
        write("retry_headers", name, text)
    print(f"{count} seeds from {SPEC}, plus hand-written error, options and retry seeds")


main()

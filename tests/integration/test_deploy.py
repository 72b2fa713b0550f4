# SPDX-License-Identifier: LGPL-2.1-or-later
"""The files of data/deploy/ are valid: YAML and JSON parse and have what the docs promise,
nginx accepts its config (`nginx -t`, with test certificates and paths), and systemd accepts
the units (`systemd-analyze verify`). A tool that is not installed skips its test."""

import json
import os
import re
import shutil
import subprocess

import pytest

ROOT = os.environ.get("CBLUE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
DEPLOY = os.path.join(ROOT, "data", "deploy")
yaml = pytest.importorskip("yaml")


def load_yaml(*parts):
    with open(os.path.join(DEPLOY, *parts), encoding="utf-8") as f:
        return yaml.safe_load(f)


def test_docker_compose_is_the_whole_stack():
    compose = load_yaml("docker-compose.yml")
    services = compose["services"]
    for name in ("redis", "postgres", "api1", "api2", "worker1", "worker2", "nginx", "prometheus", "grafana"):
        assert name in services, name
    for name in ("api1", "api2"):
        assert "--role=api" in services[name]["command"]
        assert services[name]["environment"]["CBLUE_REDIS_URL"].startswith("redis://")
        assert services[name]["environment"]["CBLUE_DATABASE_URL"].startswith("postgresql://")
    for name in ("worker1", "worker2"):
        assert services[name]["command"][0] == "worker"
    # the files it mounts exist
    for service in services.values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("./") and not source.startswith("./tls"):
                assert os.path.exists(os.path.join(DEPLOY, source)), source


def test_prometheus_scrapes_each_process_and_has_the_alerts():
    for name in ("prometheus.yml", "docker.yml"):
        config = load_yaml("prometheus", name)
        jobs = {job["job_name"]: job for job in config["scrape_configs"]}
        assert set(jobs) == {"cblue-api", "cblue-worker"}
        assert config["rule_files"] == ["alerts.yml"]
    alerts = load_yaml("prometheus", "alerts.yml")
    rules = {rule["alert"]: rule for group in alerts["groups"] for rule in group["rules"]}
    for name in ("CblueHighErrorRate", "CblueHighLatencyP95", "CblueInstanceDown"):
        assert name in rules
    for rule in rules.values():
        assert rule["expr"].strip() and rule["annotations"]["summary"]
        # balanced parentheses at least: promtool is not packaged in Debian 12's main
        assert rule["expr"].count("(") == rule["expr"].count(")"), rule["alert"]
    assert "histogram_quantile(0.95" in rules["CblueHighLatencyP95"]["expr"]


def test_grafana_dashboard():
    with open(os.path.join(DEPLOY, "grafana", "cblue-dashboard.json"), encoding="utf-8") as f:
        dashboard = json.load(f)
    assert dashboard["uid"] and dashboard["panels"]
    exprs = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    for metric in ("http_requests_total", "http_request_duration_seconds_bucket", "job_queue_length",
                   "job_processing_duration_seconds_bucket", "up{"):
        assert any(metric in e for e in exprs), metric
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    for name in ("datasources/prometheus.yml", "dashboards/cblue.yml"):
        assert load_yaml("grafana", "provisioning", *name.split("/"))["apiVersion"] == 1


def _nginx():
    return shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)


def _certificate(tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("openssl not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


@pytest.mark.parametrize("name", ["cblue.conf", "docker.conf"])
def test_nginx_accepts_the_config(tmp_path, name):
    nginx = _nginx()
    if nginx is None:
        pytest.skip("nginx not installed")
    cert, key = _certificate(tmp_path)
    with open(os.path.join(DEPLOY, "nginx", name), encoding="utf-8") as f:
        site = f.read()
    site = re.sub(r"ssl_certificate\s+\S+;", f"ssl_certificate {cert};", site)
    site = re.sub(r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {key};", site)
    # container names do not resolve here
    site = site.replace("server api1:8080", "server 127.0.0.1:8081").replace("server api2:8080",
                                                                            "server 127.0.0.1:8082")
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(f"""
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    include {tmp_path}/site.conf;
}}
""")
    proc = subprocess.run([nginx, "-t", "-q", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert "[emerg]" not in proc.stderr and "[warn]" not in proc.stderr, proc.stderr


@pytest.mark.parametrize("unit", ["cblue-api@.service", "cblue-worker@.service"])
def test_systemd_units_verify(tmp_path, unit):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze not installed")
    cblue = os.environ.get("CBLUE_BIN")
    if not cblue:
        pytest.skip("CBLUE_BIN not set")
    with open(os.path.join(DEPLOY, "systemd", unit), encoding="utf-8") as f:
        text = f.read()
    for key in ("DynamicUser=yes", "ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes",
                "RestrictAddressFamilies=", "SystemCallFilter=@system-service", "CapabilityBoundingSet="):
        assert key in text, key
    # verify needs an executable: the one built here
    (tmp_path / unit).write_text(text.replace("/usr/bin/cblue", cblue))
    instance = unit.replace("@.", "@9101.")
    proc = subprocess.run([analyze, "verify", str(tmp_path / instance)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    ours = [line for line in proc.stderr.splitlines() if unit in line]
    assert not ours, ours

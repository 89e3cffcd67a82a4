"""The nginx site and systemd unit an operator installs, filled in from the templates beside
this file, and the small nginx main configuration that runs the site without root."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

TEMPLATES = Path(__file__).with_name("templates")
SITE_TEMPLATE = TEMPLATES / "nginx-site.conf"
UNIT_TEMPLATE = TEMPLATES / "therapy-app@.service"
PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")
# The app takes uploads (imports) of up to 50 MB (server.maxUploadSize in ui/config.toml);
# nginx refuses larger bodies before they reach a process.
DEFAULT_MAX_BODY = "50m"


@dataclass(frozen=True)
class Site:
    """Where nginx listens, the app processes behind it, and the operator's certificate."""

    app_ports: tuple[int, ...]
    https_port: int
    http_port: int
    certificate: Path
    certificate_key: Path
    server_name: str = "_"
    address: str = "0.0.0.0"  # noqa: S104 (a server faces its clients; tests pass 127.0.0.1)
    max_body: str = DEFAULT_MAX_BODY
    down: frozenset[int] = field(default_factory=frozenset)


def fill(template: str, values: dict[str, str]) -> str:
    """The template with each @@NAME@@ replaced; a name without a value is an error."""

    def value(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return PLACEHOLDER.sub(value, template)


def site_config(site: Site) -> str:
    """The nginx site; processes in ``site.down`` stay listed but get no browsers."""
    servers = "\n".join(
        f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=10s"
        f"{' down' if port in site.down else ''};"
        for port in site.app_ports
    )
    return fill(
        SITE_TEMPLATE.read_text(encoding="utf-8"),
        {
            "SERVERS": servers,
            "ADDRESS": site.address,
            "HTTP_PORT": str(site.http_port),
            "HTTPS_PORT": str(site.https_port),
            "SERVER_NAME": site.server_name,
            "CERTIFICATE": str(site.certificate),
            "CERTIFICATE_KEY": str(site.certificate_key),
            "MAX_BODY": site.max_body,
        },
    )


def unit_file(therapy_app: Path) -> str:
    """The systemd unit template (one instance per port) running this ``therapy-app``."""
    return fill(UNIT_TEMPLATE.read_text(encoding="utf-8"), {"THERAPY_APP": str(therapy_app)})


def main_config(run_dir: Path, site_file: Path) -> str:
    """An nginx.conf that keeps everything (pid, logs, temporary files) under ``run_dir``, so
    nginx runs as an ordinary user on unprivileged ports."""
    return f"""worker_processes 1;
pid {run_dir}/nginx.pid;
error_log {run_dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log {run_dir}/access.log;
    client_body_temp_path {run_dir}/body;
    proxy_temp_path {run_dir}/proxy;
    fastcgi_temp_path {run_dir}/fastcgi;
    uwsgi_temp_path {run_dir}/uwsgi;
    scgi_temp_path {run_dir}/scgi;
    include {site_file};
}}
"""

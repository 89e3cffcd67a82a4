"""`therapy-app clinic ...`: the nginx site and systemd unit an operator installs, and the same
arrangement started on one machine.

NOTE: the services are imported inside `up`, so the other commands start quickly.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path  # noqa: TC003 (Typer reads the annotations at run time)
from typing import Annotated

import typer

from therapy_app.deploy import clinic, site

clinic_app = typer.Typer(
    help="Run the app as a clinic does: several processes behind nginx.", no_args_is_help=True
)

Processes = Annotated[int, typer.Option(help="How many app processes (1-16).")]
FirstPort = Annotated[int, typer.Option(help="Port of the first app process; the others follow.")]
HttpsPort = Annotated[int, typer.Option(help="Port nginx serves https on.")]
HttpPort = Annotated[int, typer.Option(help="Port nginx redirects from, to https.")]
Certificate = Annotated[Path, typer.Option("--cert", help="The site's certificate (PEM).")]
CertificateKey = Annotated[Path, typer.Option("--key", help="The certificate's key (PEM).")]


def _site(
    processes: int,
    first_port: int,
    https_port: int,
    http_port: int,
    cert: Path,
    key: Path,
    **options: str,
) -> site.Site:
    if not 1 <= processes <= 16:  # noqa: PLR2004
        msg = "Choose 1 to 16 processes."
        raise typer.BadParameter(msg, param_hint="--processes")
    for path, hint in ((cert, "--cert"), (key, "--key")):
        if not path.is_file():
            msg = f"{path} is not a file; give the PEM file the operator provides."
            raise typer.BadParameter(msg, param_hint=hint)
    ports = tuple(range(first_port, first_port + processes))
    if https_port in ports or http_port in ports or not all(0 < p < 65536 for p in ports):
        msg = "The app ports, the https port and the http port must differ and be valid."
        raise typer.BadParameter(msg, param_hint="--first-port")
    return site.Site(ports, https_port, http_port, cert.resolve(), key.resolve(), **options)


@clinic_app.command("site")
def site_command(
    cert: Certificate,
    key: CertificateKey,
    processes: Processes = 3,
    first_port: FirstPort = 8501,
    https_port: HttpsPort = 443,
    http_port: HttpPort = 80,
    server_name: Annotated[str, typer.Option(help="The site's host name.")] = "_",
) -> None:
    """Print the nginx site for app processes on consecutive loopback ports.

    Example: therapy-app clinic site --cert /etc/ssl/clinic.crt --key /etc/ssl/clinic.key
    """
    chosen = _site(processes, first_port, https_port, http_port, cert, key, server_name=server_name)
    typer.echo(site.site_config(chosen), nl=False)


@clinic_app.command("unit")
def unit_command() -> None:
    """Print the systemd unit template (one instance per port) for this installation.

    Example: therapy-app clinic unit > /etc/systemd/system/therapy-app@.service
    """
    typer.echo(site.unit_file(Path(sys.argv[0]).resolve()), nl=False)


@clinic_app.command("up")
def up_command(
    cert: Certificate,
    key: CertificateKey,
    run_dir: Annotated[Path, typer.Option(help="Folder for nginx's files and the app logs.")],
    processes: Processes = 3,
    first_port: FirstPort = 8601,
    https_port: HttpsPort = 8643,
    http_port: HttpPort = 8680,
    every: Annotated[float, typer.Option(help="Seconds between health checks.")] = 1.0,
) -> None:
    """Start the app processes and nginx on loopback, take a process whose health check
    fails out of rotation, and stop everything on Ctrl-C or SIGTERM. Prints one JSON line
    when the site answers.

    Example: therapy-app clinic up --cert clinic.crt --key clinic.key --run-dir /tmp/clinic
    """
    from therapy_app.services.context import open_app

    chosen = _site(processes, first_port, https_port, http_port, cert, key, address="127.0.0.1")
    open_app().dispose()  # the key and the schema, once, before the processes share them
    running = clinic.start(chosen, run_dir.resolve())
    ready = {
        "url": f"https://127.0.0.1:{https_port}",
        "processes": {port: app.pid for port, app in running.apps.items()},
        "nginx": running.proxy.pid if running.proxy else None,
    }
    typer.echo(json.dumps(ready, sort_keys=True))
    clinic.serve_until_stopped(running, every, lambda line: typer.echo(line, err=True))
    typer.echo("stopped", err=True)

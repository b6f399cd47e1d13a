"""A throwaway PostgreSQL/PostGIS server for the tests: a cluster in a temporary folder on a free local port, with
trust authentication for the test user, removed when it is stopped.

The server programs are Debian's (``postgresql`` and ``postgresql-postgis``, installed by ``tools/setup_env.sh``).
PostgreSQL refuses to run as root: as root the cluster belongs to the ``postgres`` system user.
"""
from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

USER = "wip"
DATABASE = "wip"


def server_programs() -> Path | None:
    """The folder of the newest installed PostgreSQL server's programs that has PostGIS beside it, or None."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(Path(path).parent.name),
                         reverse=True):
        version = Path(folder).parent.name
        if Path(folder, "initdb").exists() and glob.glob(f"/usr/share/postgresql/{version}/extension/postgis.control"):
            return Path(folder)
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgisServer:
    """``start()`` creates and starts the cluster with a database that has PostGIS; ``stop()`` stops it (the data
    stay until ``remove()``, so a test can start it again); ``uri`` is the connection for QGIS."""

    def __init__(self, programs: Path):
        self.programs = programs
        self.root = Path(tempfile.mkdtemp(prefix="wip_postgis_"))
        self.data = self.root / "data"
        self.port = free_port()
        self.owner = pwd.getpwnam("postgres") if os.geteuid() == 0 else None
        if self.owner is not None:
            os.chown(self.root, self.owner.pw_uid, self.owner.pw_gid)

    @property
    def uri(self) -> str:
        return f"host=127.0.0.1 port={self.port} dbname={DATABASE} user={USER}"

    def _run(self, program: str, *arguments: str) -> str:
        def as_owner():
            os.setgid(self.owner.pw_gid)
            os.setuid(self.owner.pw_uid)

        result = subprocess.run([str(self.programs / program), *arguments], capture_output=True, text=True,
                                cwd=self.root, preexec_fn=as_owner if self.owner is not None else None,
                                timeout=120, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"{program} failed: {result.stderr or result.stdout}")
        return result.stdout

    def start(self) -> None:
        if not self.data.exists():
            self._run("initdb", "-D", str(self.data), "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-o",
                  f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
        if DATABASE not in self.sql("SELECT datname FROM pg_database", database="postgres").split():
            self.sql(f"CREATE DATABASE {DATABASE}", database="postgres")
            self.sql("CREATE EXTENSION postgis")

    def sql(self, statement: str, database: str = DATABASE) -> str:
        """Run ``statement`` with psql as the test user; its rows as text, one per line."""
        return self._run("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                         str(self.port), "-U", USER, "-d", database, "-c", statement)

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(RuntimeError):  # already stopped
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

"""The clinic benchmark's own PostgreSQL server: started, restarted (Fault C) and removed."""

from sqlalchemy import create_engine, text

from therapy_app.bench.postgres import start_private_server


def _answer(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT 1")).scalar_one()
    finally:
        engine.dispose()


def test_a_private_server_starts_restarts_and_is_removed() -> None:
    server = start_private_server()
    try:
        assert _answer(server.url) == 1
        server.restart()
        assert _answer(server.url) == 1
    finally:
        server.stop()
    assert not server.folder.exists()

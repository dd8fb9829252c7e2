"""Run in a fresh process by ``web_bench``: load the demo partnership's performance data into the
benchmark's database and sign in ``--users`` board members; prints their session cookies."""

from __future__ import annotations

import json
import os
import sys

from lineofsight.partnership.actors import SYSTEM


def main(users: int, quick: bool) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lineofsight.config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from lineofsight.datasets import demo as datasets_demo
    from lineofsight.partnership import demo as partnership_demo
    from lineofsight.partnership import services
    from lineofsight.partnership.models import User
    from lineofsight.partnership.roles import Role
    from lineofsight.performance import demo as performance_demo
    from lineofsight.performance.models import ComputeRun

    call_command("migrate", interactive=False, verbosity=0)
    partnership_demo.load()
    if not ComputeRun.objects.filter(status=ComputeRun.Status.COMPLETE).exists():
        if quick:
            datasets_demo.load(seed=5, scale=0.1, years=range(2019, 2022))
        else:
            datasets_demo.load(seed=5)
        performance_demo.load(seed=5)
    board = User.objects.get(username="board")
    cookies = []
    for number in range(1, users + 1):
        username = f"bench.board{number:02d}"
        user = User.objects.filter(username=username).first() or services.create_user(
            actor=SYSTEM,
            username=username,
            password=None,
            agency=board.agency,
            roles=[Role.BOARD_MEMBER],
        )
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    print(json.dumps(cookies))


if __name__ == "__main__":
    main(int(sys.argv[1]), "--quick" in sys.argv)

"""``lineofsight reminders``: email today's reminders (returns and actions due or late).

Run it once a day from a timer (docs/deploy.md).  It also issues (and emails) the training
follow-up evaluations that are due (``workforce.services.send_all_due_follow_ups``).
``--enqueue`` queues the tasks for ``lineofsight worker`` instead of sending here.  Running it
twice the same day sends nothing new.
"""

from __future__ import annotations

import argparse

from lineofsight.cli import django_setup


def run(args: argparse.Namespace) -> int:
    django_setup()
    if args.enqueue:
        from lineofsight.reminders.tasks import send_reminders_task

        result = send_reminders_task.enqueue()
        print(f"Reminders queued for the worker (task {result.id}).")
        from lineofsight.workforce.tasks import send_follow_ups_task

        queued = send_follow_ups_task.enqueue()
        print(f"Training follow-ups queued for the worker (task {queued.id}).")
        return 0
    from lineofsight.reminders.services import send_reminders

    sent = send_reminders()
    print(f"Sent {sent} reminder email{'' if sent == 1 else 's'}.")
    from lineofsight.workforce.services import send_all_due_follow_ups

    links = send_all_due_follow_ups()
    print(f"Issued {links} training follow-up link{'' if links == 1 else 's'}.")
    return 0


HELP = "email today's reminders of returns and actions due in 7 days or late"
DESCRIPTION = (
    "Email each agency lead (who has not opted out) the returns and actions of "
    "their agency due in the next 7 days or late. Each item is logged; nothing is sent twice "
    "for the same item on the same day. Run daily from a timer (docs/deploy.md)."
)


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--enqueue", action="store_true", help="queue the task for `lineofsight worker` instead"
    )

"""Who may do what with case reviews (one place for the rules).

- Reading reviews, their children, recommendations and notes: ``learning.view`` (declared on the
  views; the selectors scope and audit what they return).
- Recording, changing and closing reviews, adding children, recommendations and notes:
  ``learning.manage`` (partnership business support and administrators; ``SYSTEM``).
"""

from __future__ import annotations

from typing import Any

from lineofsight.actions.policies import can_manage_learning as may_manage


def allowed(user: Any) -> dict[str, bool]:
    """What the review pages may offer ``user`` (templates read this, never the permissions)."""
    return {"manage": may_manage(user)}

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.auth.password_validation import validate_password
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from lineofsight.lib.models import partnership_key, unique
from lineofsight.partnership.roles import TWO_FACTOR_ROLES, Role

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager
    from django_otp.plugins.otp_totp.models import TOTPDevice


class Partnership(models.Model):
    """The safeguarding children partnership this installation serves (one per installation)."""

    name = models.CharField(max_length=200)
    la_code = models.CharField(
        "local authority code",
        max_length=3,
        validators=[RegexValidator(r"^\d{3}$", "Enter the three-digit DfE local authority code")],
        help_text="The DfE (old) local authority code, for example 371",
    )
    financial_year_start_month = models.PositiveSmallIntegerField(
        "financial year starts in month",
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text="1 for January ... 12 for December; April (4) in most partnerships",
    )

    def __str__(self) -> str:
        return self.name


class Population(models.Model):
    """Under-18 population of the partnership's area, by year (ONS mid-year estimate)."""

    partnership = partnership_key("populations")
    year = models.PositiveIntegerField(help_text="Mid-year estimate year, e.g. 2020")
    under_18 = models.PositiveIntegerField(validators=[MinValueValidator(1)])

    class Meta:
        constraints = [unique("partnership", "year", name="one_population_per_year")]
        ordering = ["year"]

    def __str__(self) -> str:
        return f"{self.year}: {self.under_18:,}"


class Agency(models.Model):
    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        POLICE = "police", "Police"
        HEALTH = "health", "Health (integrated care board)"
        HEALTH_PROVIDER = "health_provider", "Health provider"
        CHILDRENS_TRUST = "childrens_trust", "Children's services trust"
        EDUCATION = "education", "Schools and education"
        PROBATION = "probation", "Probation"
        DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse service"
        VOLUNTARY = "voluntary", "Voluntary and community sector"
        PARTNERSHIP_TEAM = "partnership_team", "Partnership business unit"

    partnership = partnership_key("agencies")
    name = models.CharField(max_length=200)
    code = models.SlugField(max_length=40, help_text="Short code used in partner returns")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    retired_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the agency stopped being a partner; its records are kept",
    )

    class Meta:
        verbose_name_plural = "agencies"
        ordering = ["name"]
        constraints = [unique("partnership", "code", name="agency_code_unique")]

    def __str__(self) -> str:
        return self.name


class AgencyReturn(models.Model):
    """A return an agency submits (its format name, as in ``datasets.models.FORMAT_NAMES``).

    Editable on the administration pages.  An agency with no rows here submits what the setting
    ``SUBMISSION_FORMATS_BY_AGENCY_KIND`` gives its kind (``datasets.submitters``).
    """

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="returns")
    format = models.CharField(max_length=40)

    class Meta:
        constraints = [unique("agency", "format", name="agency_return_once")]

    def __str__(self) -> str:
        return f"{self.agency}: {self.format}"


class ValidatedUserManager(UserManager["User"]):
    """Django's manager, but ``create_user``/``create_superuser`` (and so ``createsuperuser
    --noinput``) set the password through ``User.set_password``, which validates it."""

    def _create_user_object(
        self, username: str, email: str | None, password: str | None, **extra_fields: Any
    ) -> User:
        # Django 5.2's hook behind create_user/create_superuser; django-stubs does not list it yet
        user = super()._create_user_object(  # type: ignore[misc]
            username, email, None, **extra_fields
        )
        user.set_password(password)
        return user


class User(AbstractUser):
    """A person who signs in. Belongs to one agency; holds one or more roles.

    Passwords: every way of setting one (services, the demo, ``createsuperuser``,
    ``changepassword``, forms, ``User.objects.create_user``) ends in ``set_password``, which applies
    ``AUTH_PASSWORD_VALIDATORS`` and raises ``ValidationError`` for a weak password.
    """

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="users", null=True, blank=True
    )

    email_reminders = models.BooleanField(
        "email me reminders",
        default=True,
        help_text="Returns and actions due in 7 days or late (lineofsight reminders)",
    )

    objects = ValidatedUserManager()  # type: ignore[misc]

    if TYPE_CHECKING:
        # django-otp (untyped): its TOTPDevice.user reverse relation, and the check its
        # OTPMiddleware attaches to every request's user.
        totpdevice_set: RelatedManager[TOTPDevice]
        is_verified: Callable[[], bool]

    def set_password(self, raw_password: str | None) -> None:
        """Hash and set ``raw_password`` after the password validators accept it (``None`` makes
        the password unusable, as in Django)."""
        if raw_password is not None:
            validate_password(raw_password, self)
        super().set_password(raw_password)

    def check_password(self, raw_password: str | None) -> bool:
        """Django's check, but re-hashing an accepted password (a newer hasher) does not validate
        it again: a password already in use must never stop its owner signing in."""

        def rehash(raw: str) -> None:
            AbstractUser.set_password(self, raw)
            self._password = None
            self.save(update_fields=["password"])

        return check_password(raw_password, self.password, rehash)

    def role_set(self) -> frozenset[Role]:
        if not hasattr(self, "_role_cache"):
            self._role_cache = frozenset(
                Role(r) for r in self.role_assignments.values_list("role", flat=True)
            )
        return self._role_cache

    def has_role(self, role: Role) -> bool:
        return role in self.role_set()

    @property
    def needs_two_factor(self) -> bool:
        return bool(self.role_set() & TWO_FACTOR_ROLES)


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(max_length=40, choices=Role.choices)

    class Meta:
        constraints = [unique("user", "role", name="role_once_per_user")]

    def __str__(self) -> str:
        return f"{self.user} as {self.get_role_display()}"

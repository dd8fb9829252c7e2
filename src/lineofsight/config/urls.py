from django.urls import include, path

from lineofsight.partnership import views as partnership_views

handler400 = "lineofsight.govuk.errors.bad_request"
handler403 = "lineofsight.govuk.errors.permission_denied"
handler404 = "lineofsight.govuk.errors.page_not_found"
handler500 = "lineofsight.govuk.errors.server_error"

urlpatterns = [
    path("", partnership_views.home, name="home"),
    path("accessibility/", partnership_views.accessibility, name="accessibility"),
    path("health/", partnership_views.health, name="health"),
    path("accounts/", include("lineofsight.accounts.urls")),
    path("administration/", include("lineofsight.partnership.admin_urls")),
    path("audit/", include("lineofsight.audit.urls")),
    path("data/", include("lineofsight.datasets.urls")),
    path("performance/", include("lineofsight.performance.urls")),
    path("learning/", include("lineofsight.actions.learning_urls")),
    path("actions/", include("lineofsight.actions.urls")),
    path("reviews/", include("lineofsight.reviews.urls")),
    path("assurance/", include("lineofsight.assurance.urls")),
    path("delivery-plan/", include("lineofsight.delivery.urls")),
    path("reports/", include("lineofsight.reports.urls")),
    path("cdop/", include("lineofsight.cdop.urls")),
    path("governance/", include("lineofsight.governance.urls")),
    path("voice/", include("lineofsight.voice.urls")),
    path("lado/", include("lineofsight.lado.urls")),
    path("training/", include("lineofsight.workforce.urls")),
]

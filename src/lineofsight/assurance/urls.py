from django.urls import include, path

from lineofsight.actions.views import raise_action
from lineofsight.assurance.views import audits, challenges, section11

# Each kind of record's pages under its own prefix (/assurance/audits/..., /assurance/challenges/).
audit_patterns = [
    path("", audits.audit_list, name="audits"),
    path("new/", audits.audit_create, name="audit_create"),
    path("<int:pk>/", audits.audit_detail, name="audit"),
    path("<int:pk>/edit/", audits.audit_edit, name="audit_edit"),
    path("<int:pk>/cases/new/", audits.case_create, name="case_create"),
    path("cases/<int:pk>/edit/", audits.case_edit, name="case_edit"),
    path("<int:pk>/findings/new/", audits.finding_create, name="finding_create"),
    path("findings/<int:pk>/edit/", audits.finding_edit, name="finding_edit"),
    path("findings/<int:pk>/action/", raise_action, {"source": "audit"}, name="finding_action"),
]
section11_patterns = [
    path("", section11.round_list, name="section11"),
    path("new/", section11.round_create, name="section11_round_create"),
    path("<int:pk>/", section11.round_detail, name="section11_round"),
    path("<int:pk>/summary/", section11.round_edit, name="section11_round_edit"),
    path("<int:pk>/my-return/", section11.respond, name="section11_respond"),
    path("returns/<int:pk>/", section11.return_detail, name="section11_return"),
    path("returns/<int:pk>/reopen/", section11.return_reopen, name="section11_reopen"),
    path("points/<int:pk>/action/", raise_action, {"source": "section11"}, name="section11_action"),
]
challenge_patterns = [
    path("", challenges.challenge_list, name="challenges"),
    path("new/", challenges.challenge_create, name="challenge_create"),
    path("<int:pk>/", challenges.challenge_detail, name="challenge"),
    path("<int:pk>/edit/", challenges.challenge_edit, name="challenge_edit"),
    path("<int:pk>/action/", raise_action, {"source": "challenge"}, name="challenge_action"),
]

app_name = "assurance"
urlpatterns = [
    path("audits/", include(audit_patterns)),
    path("section-11/", include(section11_patterns)),
    path("challenges/", include(challenge_patterns)),
]

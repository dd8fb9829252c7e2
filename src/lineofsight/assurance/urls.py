from django.urls import path

from lineofsight.actions.views import raise_action
from lineofsight.assurance.views import audits, challenges, section11

app_name = "assurance"
urlpatterns = [
    path("audits/", audits.audit_list, name="audits"),
    path("audits/new/", audits.audit_create, name="audit_create"),
    path("audits/<int:pk>/", audits.audit_detail, name="audit"),
    path("audits/<int:pk>/edit/", audits.audit_edit, name="audit_edit"),
    path("audits/<int:pk>/cases/new/", audits.case_create, name="case_create"),
    path("audits/cases/<int:pk>/edit/", audits.case_edit, name="case_edit"),
    path("audits/<int:pk>/findings/new/", audits.finding_create, name="finding_create"),
    path("audits/findings/<int:pk>/edit/", audits.finding_edit, name="finding_edit"),
    path(
        "audits/findings/<int:pk>/action/",
        raise_action,
        {"source": "audit"},
        name="finding_action",
    ),
    path("section-11/", section11.round_list, name="section11"),
    path("section-11/new/", section11.round_create, name="section11_round_create"),
    path("section-11/<int:pk>/", section11.round_detail, name="section11_round"),
    path("section-11/<int:pk>/summary/", section11.round_edit, name="section11_round_edit"),
    path("section-11/<int:pk>/my-return/", section11.respond, name="section11_respond"),
    path("section-11/returns/<int:pk>/", section11.return_detail, name="section11_return"),
    path("section-11/returns/<int:pk>/reopen/", section11.return_reopen, name="section11_reopen"),
    path(
        "section-11/points/<int:pk>/action/",
        raise_action,
        {"source": "section11"},
        name="section11_action",
    ),
    path("challenges/", challenges.challenge_list, name="challenges"),
    path("challenges/new/", challenges.challenge_create, name="challenge_create"),
    path("challenges/<int:pk>/", challenges.challenge_detail, name="challenge"),
    path("challenges/<int:pk>/edit/", challenges.challenge_edit, name="challenge_edit"),
    path(
        "challenges/<int:pk>/action/",
        raise_action,
        {"source": "challenge"},
        name="challenge_action",
    ),
]

from django.urls import path

from lineofsight.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("generate/", views.generate, name="generate"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/download/", views.download, name="download"),
    path("<int:pk>/publication/", views.publication, name="publication"),
    path("narratives/", views.narratives, name="narratives"),
    path("narratives/<slug:section>/<str:period>/", views.narrative_edit, name="narrative"),
    path(
        "narratives/<slug:section>/<str:period>/submit/",
        views.narrative_submit,
        name="narrative_submit",
    ),
    path(
        "narratives/<slug:section>/<str:period>/approve/",
        views.narrative_approve,
        name="narrative_approve",
    ),
]

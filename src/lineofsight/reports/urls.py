from django.urls import include, path

from lineofsight.reports import views

# One section's narrative for one period, under /reports/narratives/<section>/<period>/.
narrative_patterns = [
    path("", views.narrative_edit, name="narrative"),
    path("submit/", views.narrative_submit, name="narrative_submit"),
    path("approve/", views.narrative_approve, name="narrative_approve"),
]

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("generate/", views.generate, name="generate"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/download/", views.download, name="download"),
    path("<int:pk>/publication/", views.publication, name="publication"),
    path("narratives/", views.narratives, name="narratives"),
    path("narratives/<slug:section>/<str:period>/", include(narrative_patterns)),
]

from django.urls import include, path

from lineofsight.performance import views

# One indicator's pages, under /performance/<indicator id>/.
indicator_patterns = [
    path("", views.indicator, name="indicator"),
    path("target/", views.target, name="target"),
    path("raise-action/", views.raise_action, name="raise_action"),
    path("change-points/", views.change_point, name="change_point"),
    path("change-points/<int:pk>/remove/", views.remove_change_point, name="remove_change_point"),
    path("results.<str:export_format>", views.export, name="export"),
]

app_name = "performance"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("recompute/", views.recompute_now, name="recompute"),
    path("overview.<str:export_format>", views.overview_export, name="overview_export"),
    path("<slug:indicator_id>/", include(indicator_patterns)),
]

from django.urls import path

from lineofsight.performance import views

app_name = "performance"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("recompute/", views.recompute_now, name="recompute"),
    path("overview.<str:export_format>", views.overview_export, name="overview_export"),
    path("<slug:indicator_id>/", views.indicator, name="indicator"),
    path("<slug:indicator_id>/target/", views.target, name="target"),
    path("<slug:indicator_id>/raise-action/", views.raise_action, name="raise_action"),
    path("<slug:indicator_id>/change-points/", views.change_point, name="change_point"),
    path(
        "<slug:indicator_id>/change-points/<int:pk>/remove/",
        views.remove_change_point,
        name="remove_change_point",
    ),
    path("<slug:indicator_id>/results.<str:export_format>", views.export, name="export"),
]

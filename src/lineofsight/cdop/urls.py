from django.urls import path

from lineofsight.cdop import views

app_name = "cdop"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/reports/new/", views.add_report, name="add_report"),
    path("<int:pk>/reports/<int:report>/returned/", views.report_returned, name="report_returned"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/learning/new/", views.add_learning, name="add_learning"),
    path("meetings/", views.meetings, name="meetings"),
    path("meetings/new/", views.create_meeting, name="create_meeting"),
    path("meetings/<int:meeting>/", views.meeting, name="meeting"),
    path("statistics/", views.statistics, name="statistics"),
    path("statistics/national/", views.comparator, name="comparator"),
    path("settings/", views.alert_settings, name="settings"),
]

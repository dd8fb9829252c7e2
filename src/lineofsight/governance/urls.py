from django.urls import path

from lineofsight.governance import views

app_name = "governance"
urlpatterns = [
    path("", views.home, name="home"),
    path("settings/", views.settings_page, name="settings"),
    path("groups/", views.groups, name="groups"),
    path("groups/new/", views.create_group, name="create_group"),
    path("groups/<int:pk>/", views.group, name="group"),
    path("groups/<int:pk>/members/new/", views.add_member, name="add_member"),
    path("groups/<int:pk>/members/<int:member>/remove/", views.remove_member, name="remove_member"),
    path("groups/<int:pk>/meetings/new/", views.create_meeting, name="create_meeting"),
    path("meetings/", views.meetings, name="meetings"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("attendance/", views.attendance_page, name="attendance"),
    path("assurance/", views.reports, name="reports"),
    path("assurance/new/", views.create_report, name="create_report"),
    path("assurance/<int:pk>/", views.report, name="report"),
    path("assurance/<int:pk>/received/", views.receive_report, name="receive_report"),
    path("inspections/", views.inspections, name="inspections"),
    path("inspections/new/", views.create_inspection, name="create_inspection"),
    path("inspections/<int:pk>/", views.inspection, name="inspection"),
    path("inspections/<int:pk>/findings/new/", views.add_finding, name="add_finding"),
    path("funding/", views.funding, name="funding"),
    path("funding/new/", views.set_funding_year, name="set_funding_year"),
    path("funding/<int:year>/", views.funding_year, name="funding_year"),
    path("funding/<int:year>/contributions/new/", views.set_contribution, name="set_contribution"),
    path("funding/<int:year>/spending/new/", views.set_spending, name="set_spending"),
    path("procedures/", views.procedures, name="procedures"),
    path("procedures/new/", views.create_procedure, name="create_procedure"),
    path("procedures/<int:pk>/", views.procedure, name="procedure"),
    path("procedures/<int:pk>/review/", views.review_procedure, name="review_procedure"),
]

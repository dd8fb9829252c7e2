from django.urls import path

from lineofsight.workforce import views

app_name = "workforce"
urlpatterns = [
    path("", views.home, name="list"),
    path("courses/new/", views.course_create, name="course_create"),
    path("courses/<int:pk>/", views.course, name="course"),
    path("courses/<int:pk>/edit/", views.course_edit, name="course_edit"),
    path("courses/<int:pk>/questions/new/", views.question_create, name="question_create"),
    path("courses/<int:pk>/sessions/new/", views.session_create, name="session_create"),
    path("sessions/<int:pk>/", views.session, name="session"),
    path("sessions/<int:pk>/book/", views.book, name="book"),
    path("sessions/<int:pk>/bookings/<int:booking>/cancel/", views.cancel, name="cancel"),
    path("sessions/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("follow-ups/send/", views.send_follow_ups, name="send_follow_ups"),
    path("statistics/", views.statistics, name="statistics"),
    path("charges/", views.charges, name="charges"),
    path("charging-policy/", views.policy, name="policy"),
    path("gap-analysis/", views.gaps, name="gaps"),
    path("gap-analysis/new/", views.requirement, name="requirement"),
    path("reflective-logs/", views.logs, name="logs"),
    path("reflective-logs/<int:pk>/rate/", views.rate, name="rate"),
    path("evaluate/done/", views.evaluated, name="evaluated"),
    path("evaluate/<str:token>/", views.evaluate, name="evaluate"),
]

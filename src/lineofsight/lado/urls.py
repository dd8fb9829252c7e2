from django.urls import path

from lineofsight.lado import views

app_name = "lado"
urlpatterns = [
    path("", views.referral_list, name="list"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="referral"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/decision/", views.decision, name="decision"),
    path("<int:pk>/meetings/new/", views.add_meeting, name="add_meeting"),
    path("<int:pk>/progress/", views.progress, name="progress"),
    path("<int:pk>/outcome/", views.outcome, name="outcome"),
    path("consultations/", views.consultations, name="consultations"),
    path("consultations/new/", views.create_consultation, name="create_consultation"),
    path("consultations/<int:consultation>/", views.consultation, name="consultation"),
    path("consultations/<int:consultation>/refer/", views.convert, name="convert"),
    path("statistics/", views.statistics, name="statistics"),
    path("statistics/earlier/", views.earlier_year, name="earlier_year"),
    path("standards/", views.standards, name="standards"),
    path("lists/", views.lists, name="lists"),
]

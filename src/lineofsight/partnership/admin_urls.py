from django.urls import path

from lineofsight.partnership import admin_views as views

app_name = "administration"
urlpatterns = [
    path("", views.index, name="index"),
    path("agencies/", views.agencies, name="agencies"),
    path("agencies/add/", views.agency_add, name="agency_add"),
    path("agencies/<int:pk>/", views.agency_edit, name="agency"),
    path("agencies/<int:pk>/retire/", views.agency_retire, name="agency_retire"),
    path("agencies/<int:pk>/returns/", views.agency_returns, name="agency_returns"),
    path("users/", views.users, name="users"),
    path("users/invite/", views.user_invite, name="user_invite"),
    path("users/<int:pk>/", views.user_edit, name="user"),
    path("users/<int:pk>/resend/", views.user_resend, name="user_resend"),
    path("population/", views.population, name="population"),
    path("financial-year/", views.financial_year, name="financial_year"),
    path("return-schedule/", views.schedule, name="schedule"),
    path("return-schedule/year/", views.schedule_year, name="schedule_year"),
]

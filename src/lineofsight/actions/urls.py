from django.urls import path

from lineofsight.actions import views

app_name = "actions"
urlpatterns = [
    path("", views.action_list, name="list"),
    path("new/", views.create, name="create"),
    path("summary/", views.board_summary, name="summary"),
    path("agency/<int:pk>/", views.agency_due, name="agency"),
    path("<int:pk>/", views.action_detail, name="detail"),
    path("<int:pk>/update/", views.add_update, name="update"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("raise/<str:source>/<int:pk>/", views.raise_action, name="raise"),
]

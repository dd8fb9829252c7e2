from django.urls import path

from lineofsight.datasets import views

app_name = "datasets"
urlpatterns = [
    path("", views.submission_list, name="list"),
    path("upload/", views.upload, name="upload"),
    path("<int:pk>/", views.submission_detail, name="detail"),
]

from django.urls import path

from lineofsight.datasets import views

app_name = "datasets"
urlpatterns = [
    path("", views.submission_list, name="list"),
    path("upload/", views.upload, name="upload"),
    path("<int:pk>/", views.submission_detail, name="detail"),
    path("formats/", views.return_formats, name="formats"),
    path("formats/<str:name>", views.reference_file, name="reference_file"),
]

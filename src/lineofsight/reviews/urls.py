from django.urls import path

from lineofsight.reviews import views

app_name = "reviews"
urlpatterns = [
    path("", views.review_list, name="list"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/rapid-review/", views.rapid_review, name="rapid_review"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/children/new/", views.add_child, name="add_child"),
    path("<int:pk>/recommendations/new/", views.add_recommendation, name="add_recommendation"),
    path(
        "<int:pk>/recommendations/<int:number>/action/",
        views.recommendation_action,
        name="recommendation_action",
    ),
    path("<int:pk>/progress/", views.add_note, name="add_note"),
]

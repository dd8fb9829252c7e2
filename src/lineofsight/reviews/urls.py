from django.urls import include, path

from lineofsight.reviews import views

# One review's pages, under /reviews/<pk>/.
review_patterns = [
    path("", views.detail, name="detail"),
    path("rapid-review/", views.rapid_review, name="rapid_review"),
    path("edit/", views.edit, name="edit"),
    path("children/new/", views.add_child, name="add_child"),
    path("recommendations/new/", views.add_recommendation, name="add_recommendation"),
    path(
        "recommendations/<int:number>/action/",
        views.recommendation_action,
        name="recommendation_action",
    ),
    path("progress/", views.add_note, name="add_note"),
]

app_name = "reviews"
urlpatterns = [
    path("", views.review_list, name="list"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", include(review_patterns)),
]

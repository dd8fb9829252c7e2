from django.urls import path

from lineofsight.voice import views

app_name = "voice"
urlpatterns = [
    path("", views.home, name="home"),
    path("scrutiny/", views.activities, name="activities"),
    path("scrutiny/new/", views.create_activity, name="create_activity"),
    path("scrutiny/<int:pk>/", views.activity, name="activity"),
    path("scrutiny/<int:pk>/edit/", views.edit_activity, name="edit_activity"),
    path(
        "scrutiny/<int:pk>/recommendations/new/",
        views.add_recommendation,
        name="add_recommendation",
    ),
    path("feedback/", views.feedback, name="feedback"),
    path("feedback/new/", views.create_feedback, name="create_feedback"),
    path("feedback/<int:pk>/", views.feedback_detail, name="feedback_detail"),
    path("feedback/<int:pk>/what-changed/", views.what_changed, name="what_changed"),
    path("you-said-we-did/", views.you_said_we_did, name="you_said_we_did"),
    path("surveys/", views.surveys, name="surveys"),
    path("surveys/new/", views.create_survey, name="create_survey"),
    path("surveys/<int:pk>/", views.survey, name="survey"),
    path("forum/", views.forum, name="forum"),
    path("forum/new/", views.create_forum, name="create_forum"),
]

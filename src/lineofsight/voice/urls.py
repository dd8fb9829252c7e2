from django.urls import include, path

from lineofsight.voice import views

# Each kind of record's pages under its own prefix (/voice/scrutiny/..., /voice/feedback/...).
activity_patterns = [
    path("", views.activities, name="activities"),
    path("new/", views.create_activity, name="create_activity"),
    path("<int:pk>/", views.activity, name="activity"),
    path("<int:pk>/edit/", views.edit_activity, name="edit_activity"),
    path("<int:pk>/recommendations/new/", views.add_recommendation, name="add_recommendation"),
]
feedback_patterns = [
    path("", views.feedback, name="feedback"),
    path("new/", views.create_feedback, name="create_feedback"),
    path("<int:pk>/", views.feedback_detail, name="feedback_detail"),
    path("<int:pk>/what-changed/", views.what_changed, name="what_changed"),
]
survey_patterns = [
    path("", views.surveys, name="surveys"),
    path("new/", views.create_survey, name="create_survey"),
    path("<int:pk>/", views.survey, name="survey"),
]

app_name = "voice"
urlpatterns = [
    path("", views.home, name="home"),
    path("scrutiny/", include(activity_patterns)),
    path("feedback/", include(feedback_patterns)),
    path("you-said-we-did/", views.you_said_we_did, name="you_said_we_did"),
    path("surveys/", include(survey_patterns)),
    path("forum/", views.forum, name="forum"),
    path("forum/new/", views.create_forum, name="create_forum"),
]

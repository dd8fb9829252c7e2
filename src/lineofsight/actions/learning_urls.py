from django.urls import path

from lineofsight.actions import learning_views

app_name = "learning"
urlpatterns = [
    path("", learning_views.home, name="home"),
    path("themes/", learning_views.theme_list, name="themes"),
    path("themes/<slug:slug>/", learning_views.theme_detail, name="theme"),
]

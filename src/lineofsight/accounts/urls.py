from django.urls import path

from lineofsight.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="login"),
    path("sign-out/", views.sign_out, name="logout"),
    path("two-factor/set-up/", views.two_factor_setup, name="two_factor_setup"),
    path("two-factor/verify/", views.two_factor_verify, name="two_factor_verify"),
    path("two-factor/reset/", views.two_factor_reset, name="two_factor_reset"),
    path("password/change/", views.change_password, name="change_password"),
    path("password/forgotten/", views.forgotten_password, name="forgotten_password"),
    path("password/set/<uidb64>/<token>/", views.set_password, name="set_password"),
    path("reminders/", views.reminders, name="reminders"),
]

from django.urls import path

from amends.web.recovery import views

urlpatterns = [
    path("accounts/recover/", views.recover, name="recover"),
    path("accounts/recovery-codes/new/", views.regenerate, name="recovery_regenerate"),
]

from django.urls import path

from amends.web.listen import views

urlpatterns = [
    path("repairs/<int:repair_id>/listen/", views.listen, name="listen"),
    path("repairs/<int:repair_id>/listen/emotions/", views.emotions_fragment, name="listen_emotions"),
    path("repairs/<int:repair_id>/listen/reply/", views.reply_fragment, name="listen_reply"),
]

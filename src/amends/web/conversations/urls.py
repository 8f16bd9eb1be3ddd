from django.urls import path

from amends.web.conversations import views

P = "repairs/<int:repair_id>/talks/"

urlpatterns = [
    path(P, views.conversation_list, name="conversations"),
    path(P + "start/", views.conversation_start, name="conversation_start"),
    path(P + "<int:conversation_id>/", views.conversation_resume, name="conversation"),
    path(P + "<int:conversation_id>/turn/", views.conversation_turn, name="conversation_turn"),
    path(P + "<int:conversation_id>/agreement/", views.conversation_agreement, name="conversation_agreement"),
    path(P + "<int:conversation_id>/timer/", views.conversation_timer, name="conversation_timer"),
    path(P + "<int:conversation_id>/<slug:step>/", views.conversation_step, name="conversation_step"),
    path("repairs/<int:repair_id>/for-me/", views.shame_page, name="shame_page"),
    path("guide/conversations/", views.guide_conversations, name="guide_conversations"),
    path("guide/conversations/<slug:talk>/", views.guide_conversation, name="guide_conversation"),
]

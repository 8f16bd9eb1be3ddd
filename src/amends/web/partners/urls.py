from django.urls import path

from amends.web.partners import views

urlpatterns = [
    path("repairs/<int:repair_id>/partner/", views.partner_page, name="partner"),
    path("repairs/<int:repair_id>/partner/invite/", views.partner_invite, name="partner_invite"),
    path(
        "repairs/<int:repair_id>/partner/invitations/<int:invitation_id>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("repairs/<int:repair_id>/partner/leave/", views.partner_leave, name="partner_leave"),
    path("repairs/<int:repair_id>/welcome/", views.welcome, name="welcome"),
    path("repairs/<int:repair_id>/shared/", views.shared_view, name="shared_view"),
    path("repairs/<int:repair_id>/pause/", views.pause_page, name="pause"),
    path("repairs/<int:repair_id>/step/<slug:slug>/share/", views.share_answer, name="share_answer"),
    path("repairs/<int:repair_id>/apology/<int:draft_id>/share/", views.share_draft, name="share_draft"),
    path("join/", views.join, name="join"),
    path("privacy/", views.privacy_page, name="privacy"),
    path("privacy/export.zip", views.export_download, name="export_download"),
    path("privacy/delete/", views.delete_account, name="delete_account"),
    path("privacy/tokens/", views.token_create, name="token_create"),
    path("privacy/tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("privacy/lock/", views.lock_settings, name="lock_settings"),
    path("lock/", views.unlock, name="unlock"),
]

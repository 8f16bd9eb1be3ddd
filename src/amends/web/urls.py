from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path

from amends.web import coach_views, installable, pages
from amends.web.access import own_space
from amends.web.accounts import views as account_views
from amends.web.repairs import views as repair_views

handler404 = "amends.web.pages.not_found"
handler500 = "amends.web.pages.server_error"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", repair_views.home, name="home"),
    path("accounts/signup/", account_views.signup, name="signup"),
    path("accounts/login/", own_space(account_views.LoginView.as_view()), name="login"),
    path("accounts/logout/", own_space(account_views.clear_site_data(auth_views.LogoutView.as_view())), name="logout"),
    path(
        "accounts/password/",
        own_space(auth_views.PasswordChangeView.as_view(success_url="/accounts/password/done/")),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        own_space(auth_views.PasswordChangeDoneView.as_view()),
        name="password_change_done",
    ),
    path("settings/", account_views.settings_view, name="settings"),
    path("repairs/new/", repair_views.repair_new, name="repair_new"),
    path("repairs/<int:repair_id>/", repair_views.repair_detail, name="repair"),
    path("repairs/<int:repair_id>/step/<slug:slug>/", repair_views.step_view, name="step"),
    path("repairs/<int:repair_id>/step/<slug:slug>/autosave/", repair_views.autosave, name="autosave"),
    path("repairs/<int:repair_id>/step/<slug:slug>/reopen/", repair_views.step_reopen, name="step_reopen"),
    path("repairs/<int:repair_id>/step/<slug:slug>/ask/", repair_views.step_ask, name="step_ask"),
    path("repairs/<int:repair_id>/coach/apology/", coach_views.apology_feedback, name="apology_feedback"),
    path("repairs/<int:repair_id>/apology/compare/", coach_views.compare_drafts, name="compare_drafts"),
    path("guide/", pages.guide, name="guide"),
    path("help/", pages.help_page, name="help"),
    path("neutral/", pages.neutral, name="neutral"),
    path("manifest.webmanifest", installable.manifest, name="manifest"),
    path("sw.js", installable.service_worker, name="service_worker"),
    path("offline/", installable.offline, name="offline"),
    path("healthz", pages.healthz, name="healthz"),
    path("readyz", pages.readyz, name="readyz"),
]

urlpatterns += [
    path("", include("amends.web.api.urls")),
    path("", include("amends.web.partners.urls")),
    path("", include("amends.web.trust.urls")),
    path("", include("amends.web.safety_web.urls")),
    path("", include("amends.web.listen.urls")),
    path("", include("amends.web.reminders.urls")),
    path("", include("amends.web.recovery.urls")),
    path("", include("amends.web.conversations.urls")),
    path("", include("amends.web.incidents.urls")),
]

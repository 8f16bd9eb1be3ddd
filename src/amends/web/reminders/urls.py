from __future__ import annotations

from django.urls import URLPattern, path

from amends.web.reminders import views

urlpatterns: list[URLPattern] = [
    path("settings/reminders/", views.save_settings, name="reminders_settings"),
    path("settings/reminders/calendar/", views.calendar_feed_settings, name="reminders_calendar"),
    path("reminders/poll/", views.poll, name="reminders_poll"),
    path("reminders/calendar/<str:secret>.ics", views.feed, name="reminders_feed"),
]

from django.urls import path

from amends.web.safety_web import repair_views, views

urlpatterns = [
    path("safety/", views.overview, name="safety"),
    path("safety/screen/<slug:name>/", views.screen, name="safety_screen"),
    path("safety/result/<int:result_id>/", views.result, name="safety_result"),
    path("safety/result/<int:result_id>/acute/", views.acute, name="safety_acute"),
    path("safety/now/", views.help_now, name="safety_now"),
    path("safety/concerns/", views.concerns, name="safety_concerns"),
    path("safety/plan/", views.plan, name="safety_plan"),
    path("repairs/<int:repair_id>/help/", repair_views.need_help, name="need_help"),
    path("repairs/<int:repair_id>/arguments/", repair_views.arguments, name="arguments"),
    path("repairs/<int:repair_id>/playbook/", repair_views.playbook, name="playbook"),
    path("repairs/<int:repair_id>/playbook/toggle/", repair_views.playbook_toggle, name="playbook_toggle"),
]

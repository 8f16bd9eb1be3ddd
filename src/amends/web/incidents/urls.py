from django.urls import path

from amends.web.incidents import views

P = "repairs/<int:repair_id>/incidents/"
urlpatterns = [
    path(P, views.incident_list, name="incidents"),
    path(P + "new/", views.incident_new, name="incident_new"),
    path(P + "<int:incident_id>/", views.incident_detail, name="incident"),
    path(P + "<int:incident_id>/share/", views.incident_share, name="incident_share"),
    path(P + "<int:incident_id>/step/<slug:slug>/", views.incident_step, name="incident_step"),
    path(P + "<int:incident_id>/step/<slug:slug>/share/", views.incident_answer_share, name="incident_answer_share"),
    path(P + "<int:incident_id>/step/<slug:slug>/autosave/", views.incident_autosave, name="incident_autosave"),
]

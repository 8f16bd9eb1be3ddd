"""Routes for the trust pages (/repairs/<id>/trust/...) and their JSON API (/api/repairs/<id>/...)."""

from __future__ import annotations

from django.urls import path

from amends.web.trust import api, question_views, views

P = "repairs/<int:repair_id>/trust/"
A = "api/repairs/<int:repair_id>/"

urlpatterns = [
    path(P, views.trust_dashboard, name="trust_dashboard"),
    path(P + "charts/<slug:name>.svg", views.chart_svg, name="trust_chart_svg"),
    path(P + "timeline/", views.timeline, name="trust_timeline"),
    path(P + "commitments/", views.commitments, name="trust_commitments"),
    path(P + "commitments/check/", views.commitment_check, name="trust_commitment_check"),
    path(P + "commitments/<int:commitment_id>/edit/", views.commitment_edit, name="trust_commitment_edit"),
    path(P + "check-ins/", views.check_ins, name="trust_checkins"),
    path(P + "confirm/", views.confirm, name="trust_confirm"),
    path(P + "check-ins/<int:check_in_id>/messages/", views.dispute_message, name="trust_dispute_message"),
    path(P + "questions/", question_views.questions, name="trust_questions"),
    path(P + "questions/<int:question_id>/", question_views.question, name="trust_question"),
    path(P + "answers/<int:answer_id>/mark/", question_views.mark_answer, name="trust_mark_answer"),
    path(P + "notes/", views.notes, name="trust_notes"),
    path(P + "notes/<int:note_id>/share/", views.note_share, name="trust_note_share"),
    path(P + "notes/<int:note_id>/delete/", views.note_delete, name="trust_note_delete"),
    path(P + "check-in/", views.questionnaires, name="trust_questionnaires"),
    path(P + "check-in/<slug:instrument>/", views.questionnaire, name="trust_questionnaire"),
    path(P + "responses/<int:response_id>/share/", views.share_response, name="trust_share_response"),
    # JSON API
    path(A + "commitments/", api.commitments, name="api_trust_commitments"),
    path(A + "check-ins/", api.check_ins, name="api_trust_checkins"),
    path(A + "check-ins/<int:check_in_id>/confirmation/", api.confirmation, name="api_trust_confirmation"),
    path(A + "questions/", api.questions, name="api_trust_questions"),
    path(A + "questions/<int:question_id>/answers/", api.answers, name="api_trust_answers"),
    path(A + "dashboard/", api.dashboard_summary, name="api_trust_dashboard"),
]

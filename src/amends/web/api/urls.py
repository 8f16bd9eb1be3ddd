from django.urls import path

from amends.web.api import views

urlpatterns = [
    path("api/openapi.json", views.openapi, name="api_openapi"),
    path("api/coach/apology", views.coach_apology, name="api_coach_apology"),
    path("api/coach/emotions", views.coach_emotions, name="api_coach_emotions"),
    path("api/coach/reply", views.coach_reply, name="api_coach_reply"),
    path("api/safety/scan", views.safety_scan, name="api_safety_scan"),
]

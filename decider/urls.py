from django.contrib import admin
from django.urls import path

from decider import views
from decider.api import api

urlpatterns = [
    path("", views.questionnaire, name="questionnaire"),
    path("preview/", views.preview, name="preview"),
    path("assessments/<uuid:pk>/", views.assessment, name="assessment"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

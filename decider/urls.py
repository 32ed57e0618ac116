from django.contrib import admin
from django.urls import path

from decider.api import api
from decider.views import assessments, catalog, decompositions, reviews

urlpatterns = [
    path("", assessments.questionnaire, name="questionnaire"),
    path("preview/", assessments.preview, name="preview"),
    path("assessments/<uuid:pk>/", assessments.assessment, name="assessment"),
    path("anti-patterns/", catalog.anti_patterns, name="anti_patterns"),
    path("review/", reviews.review_form, name="review_form"),
    path("review/analyse/", reviews.analyse_draft, name="review_analyse"),
    path("reviews/<uuid:pk>/", reviews.review, name="review"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

urlpatterns += [
    path("decompose/", decompositions.decompose_page, name="decompose"),
    path("decompositions/<uuid:pk>/", decompositions.decomposition, name="decomposition"),
    path("decompositions/<uuid:pk>/rerun/", decompositions.rerun, name="decomposition_rerun"),
]

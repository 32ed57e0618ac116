from django.conf import settings
from django.contrib import admin
from django.urls import path

from decider import errors
from decider.api.site import api
from decider.views import (
    assessments,
    catalog,
    comparisons,
    decompositions,
    glossary,
    health,
    recent,
    reviews,
    tasks,
)

urlpatterns = [
    path("", assessments.questionnaire, name="questionnaire"),
    path("preview/", assessments.preview, name="preview"),
    path("assessments/<uuid:pk>/", assessments.assessment, name="assessment"),
    path("assessments/<uuid:pk>/what-if/", assessments.what_if, name="what_if"),
    path("assessments/<uuid:before>/compare/<uuid:after>/", comparisons.compare, name="compare"),
    path("anti-patterns/", catalog.anti_patterns, name="anti_patterns"),
    path("review/", reviews.review_form, name="review_form"),
    path("review/analyse/", reviews.analyse_draft, name="review_analyse"),
    path("reviews/<uuid:pk>/", reviews.review, name="review"),
    path(
        "assessments/<uuid:pk>/slide.<str:fmt>",
        assessments.assessment_slide,
        name="assessment_slide",
    ),
    path("reviews/<uuid:pk>/slide.<str:fmt>", reviews.review_slide, name="review_slide"),
    path("glossary/", glossary.glossary, name="glossary"),
    path("recent/", recent.recent, name="recent"),
    path("api/v1/", api.urls),
]

urlpatterns += [
    path("decompose/", decompositions.decompose_page, name="decompose"),
    path("decompositions/<uuid:pk>/", decompositions.decomposition, name="decomposition"),
    path("decompositions/<uuid:pk>/rerun/", decompositions.rerun, name="decomposition_rerun"),
]

urlpatterns += [
    path("healthz", health.healthz, name="healthz"),
    path("tasks/<str:task_id>/", tasks.progress, name="task_progress"),
    path("renders/<str:task_id>/", tasks.inline_render, name="render_inline"),
]

if settings.ADMIN_ENABLED:
    urlpatterns += [path("admin/", admin.site.urls)]

handler400 = errors.bad_request
handler403 = errors.permission_denied
handler404 = errors.page_not_found
handler500 = errors.server_error

from django.contrib import admin

from decider.models import Assessment, Decomposition, Review


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["id", "__str__", "created"]
    readonly_fields = ["id", "created"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["id", "__str__", "created"]
    readonly_fields = ["id", "created"]


@admin.register(Decomposition)
class DecompositionAdmin(admin.ModelAdmin):
    list_display = ["id", "__str__", "created"]
    readonly_fields = ["id", "created"]

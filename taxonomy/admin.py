from django.contrib import admin

from .models import DrugClass


@admin.register(DrugClass)
class DrugClassAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    prepopulated_fields = {"slug": ["name"]}

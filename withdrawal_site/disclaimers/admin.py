from django.contrib import admin

from .models import Disclaimer


@admin.register(Disclaimer)
class DisclaimerAdmin(admin.ModelAdmin):
    list_display = ["title", "key", "updated_at"]
    readonly_fields = ["updated_at"]
    fields = ["key", "title", "summary", "body", "updated_at"]

    def has_delete_permission(self, request, obj=None) -> bool:
        # Pages rely on every key existing; edit the text instead.
        return False

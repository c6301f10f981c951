from django.contrib import admin

from .models import Disclaimer


@admin.register(Disclaimer)
class DisclaimerAdmin(admin.ModelAdmin):
    list_display = ["title", "key", "language", "updated_at"]
    list_filter = ["language", "key"]
    readonly_fields = ["updated_at"]
    fields = ["key", "language", "title", "summary", "body", "updated_at"]

    def has_delete_permission(self, request, obj=None) -> bool:
        # Pages rely on every key existing; edit the text instead.
        return False

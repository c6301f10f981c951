from django.urls import path

from . import views

app_name = "journal"

# <str:secret> takes anything, so a malformed link reaches the view and gets the same 404 as a wrong one.
urlpatterns = [
    path("journal/", views.start, name="index"),
    path("journal/new/", views.start, name="new"),
    path("journal/new/from-file/", views.start_from_file, name="new_from_file"),
    path("journal/<str:secret>/", views.detail, name="detail"),
    path("journal/<str:secret>/welcome/", views.welcome, name="welcome"),
    path("journal/<str:secret>/entries/new/", views.entry_add, name="entry_add"),
    path("journal/<str:secret>/entries/<int:entry_id>/", views.entry_edit, name="entry_edit"),
    path("journal/<str:secret>/entries/<int:entry_id>/delete/", views.entry_delete, name="entry_delete"),
    path("journal/<str:secret>/summary/", views.summary, name="summary"),
    path("journal/<str:secret>/journal.csv", views.download_csv, name="download_csv"),
    path("journal/<str:secret>/journal.json", views.download_json, name="download_json"),
    path("journal/<str:secret>/import/", views.import_entries, name="import"),
    path("journal/<str:secret>/delete/", views.delete, name="delete"),
    # Anything else under /journal/ gets the same private 404, never Django's plain one
    # (which would let the page's stylesheet request carry the address in a Referer).
    path("journal/<path:rest>/", views.not_found),
]

from django.urls import path

from . import views

app_name = "moderation"
urlpatterns = [
    path("contribute/", views.contribute, name="contribute"),
    path("contribute/status/<slug:reference>/", views.status, name="status"),
    path("contribute/status/<slug:reference>/withdraw/", views.withdraw, name="withdraw"),
    path("contribute/<slug:kind>/", views.contribute_kind, name="contribute_kind"),
    path("moderation/", views.queue, name="queue"),
    path("moderation/history/<str:username>/", views.history, name="history"),
    path("moderation/<int:pk>/", views.review, name="review"),
    path("moderation/<int:pk>/edit/", views.edit, name="edit"),
    path("moderation/<int:pk>/claim/", views.claim, name="claim"),
    path("moderation/<int:pk>/release/", views.release, name="release"),
]

from django.urls import path

from . import views

app_name = "reviews"
urlpatterns = [
    path("moderation/review-due/", views.due_list, name="due_list"),
    path(
        "moderation/review-due/<slug:kind>/<int:pk>/reviewed/",
        views.reviewed_without_change,
        name="reviewed_without_change",
    ),
]

from django.urls import path
from django.views.generic import TemplateView

app_name = "moderation"
urlpatterns = [
    path("contribute/", TemplateView.as_view(template_name="placeholder.html"), name="contribute"),
    path(
        "contribute/<slug:kind>/",
        TemplateView.as_view(template_name="placeholder.html"),
        name="contribute_kind",
    ),
]

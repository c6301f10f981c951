from django.urls import path
from django.views.generic import TemplateView

app_name = "resources"
urlpatterns = [
    path("drugs/", TemplateView.as_view(template_name="placeholder.html"), name="drug_list"),
    path("tapering/", TemplateView.as_view(template_name="placeholder.html"), name="method_list"),
    path("tapering/planner/", TemplateView.as_view(template_name="placeholder.html"), name="planner"),
]

from django.urls import path
from django.views.generic import TemplateView

app_name = "charities"
urlpatterns = [
    path("support/", TemplateView.as_view(template_name="placeholder.html"), name="list"),
    path("crisis/", TemplateView.as_view(template_name="charities/crisis.html"), name="crisis"),
]

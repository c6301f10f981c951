from django.urls import path

from . import views

app_name = "taxonomy"
urlpatterns = [
    path("tags/<str:slug>/", views.tag_detail, name="tag"),
]

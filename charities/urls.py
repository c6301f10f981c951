from django.urls import path

from . import views

app_name = "charities"
urlpatterns = [
    path("support/", views.support_list, name="list"),
    path("support/<slug:slug>/", views.support_detail, name="detail"),
    path("crisis/", views.crisis, name="crisis"),
]

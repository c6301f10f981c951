from django.urls import path

from . import views

app_name = "disclaimers"
urlpatterns = [path("disclaimer/", views.disclaimer_page, name="detail")]

from django.urls import path

from . import views
from .feeds import LatestArticlesFeed

app_name = "articles"
urlpatterns = [
    path("articles/", views.article_list, name="list"),
    path("articles/<slug:slug>/", views.article_detail, name="detail"),
    path("tags/<str:slug>/", views.tag_detail, name="tag"),
    path("feeds/articles/", LatestArticlesFeed(), name="feed"),
]

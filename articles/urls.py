from django.urls import path

from taxonomy.views import tag_detail

from . import views
from .feeds import LatestArticlesFeed

app_name = "articles"
urlpatterns = [
    path("articles/", views.article_list, name="list"),
    path("articles/<slug:slug>/", views.article_detail, name="detail"),
    # The tag page's name from before it moved to taxonomy ("taxonomy:tag"): same address,
    # kept so links reversed by the old name still work.
    path("tags/<str:slug>/", tag_detail, name="tag"),
    path("feeds/articles/", LatestArticlesFeed(), name="feed"),
]

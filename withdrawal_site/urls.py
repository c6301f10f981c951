from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views
from .sitemaps import all_sitemaps

admin.site.site_header = _("Withdrawal Commons administration")
admin.site.site_title = _("Withdrawal Commons admin")

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("privacy/", views.privacy, name="privacy"),
    path("notice/dismiss/", views.dismiss_notice, name="dismiss_notice"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": all_sitemaps()}, name="sitemap"),
    path("accounts/", include("withdrawal_site.accounts.urls")),
    path("admin/", admin.site.urls),
    path("", include("withdrawal_site.disclaimers.urls")),
    path("", include("withdrawal_site.search.urls")),
    path("", include("articles.urls")),
    path("", include("resources.urls")),
    path("", include("charities.urls")),
    path("", include("moderation.urls")),
    path("", include("journal.urls")),
    path("", include("reviews.urls")),  # /moderation/review-due/ (editors' content reviews)
]

# Error pages that render without the database (a signed-in 404 or an outage never 500s).
handler404 = "withdrawal_site.views.page_not_found"
handler500 = "withdrawal_site.views.server_error"

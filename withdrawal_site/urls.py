from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views
from .sitemaps import all_sitemaps

admin.site.site_header = _("Withdrawal Commons administration")
admin.site.site_title = _("Withdrawal Commons admin")

# Unprefixed, one address in every language: machine endpoints, staff pages, and
# the private addresses (journal secrets, contribution status links) that were
# handed to someone and must keep working whatever language they now read in.
urlpatterns = [
    path("notice/dismiss/", views.dismiss_notice, name="dismiss_notice"),
    path("language/<str:code>/", views.choose_language, name="choose_language"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": all_sitemaps()}, name="sitemap"),
    path("accounts/", include("withdrawal_site.accounts.urls")),
    path("admin/", admin.site.urls),
    path("", include("moderation.urls")),
    path("", include("journal.urls")),
    path("", include("reviews.urls")),  # /moderation/review-due/ (editors' content reviews)
]

# Public reading pages: English at the root, each other offered language under
# its prefix (/es/, /pl/). LocaleMiddleware never redirects by Accept-Language
# with prefix_default_language=False (an unprefixed path is always English).
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("privacy/", views.privacy, name="privacy"),
    path("", include("withdrawal_site.disclaimers.urls")),
    path("", include("withdrawal_site.search.urls")),
    path("", include("taxonomy.urls")),
    path("", include("articles.urls")),
    path("", include("resources.urls")),
    path("", include("charities.urls")),
    prefix_default_language=False,
)

# Error pages that render without the database (a signed-in 404 or an outage never 500s).
handler404 = "withdrawal_site.views.page_not_found"
handler500 = "withdrawal_site.views.server_error"

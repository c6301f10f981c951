"""LocaleMiddleware for a site whose public pages are under i18n_patterns and whose private ones are not.

Django's LocaleMiddleware, with prefix_default_language=False, treats every
unprefixed path as English: right for the public pages (English lives at the
root, and a shared link or a search engine never gets redirected by the
browser's language). The one-address sections (contribution form and status
links, the journal, staff pages) have no /es/ or /pl/ version, so there the
visitor's own choice from the switcher (the language cookie) applies instead, or
else the browser's language, as long as it is offered.
"""

from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from withdrawal_site import languages

ONE_ADDRESS_PREFIXES = ("/contribute/", "/journal/", "/moderation/", "/accounts/", "/admin/")


class SiteLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        super().process_request(request)
        if request.path_info.startswith(ONE_ADDRESS_PREFIXES):
            chosen = languages.chosen_language(request) or languages.browser_language(request)
            if chosen:
                translation.activate(chosen)
                request.LANGUAGE_CODE = translation.get_language()

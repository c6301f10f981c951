"""This app's entries in /sitemap.xml."""

SITEMAPS: dict = {}

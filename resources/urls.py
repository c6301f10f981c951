from django.urls import path

from . import views

app_name = "resources"
urlpatterns = [
    path("drugs/", views.drug_list, name="drug_list"),
    path("drugs/<slug:slug>/", views.drug_detail, name="drug_detail"),
    path("tapering/", views.method_list, name="method_list"),
    # Before tapering/<slug>/, or "planner" would be taken for a method's slug.
    path("tapering/planner/", views.taper_planner, name="planner"),
    path("tapering/planner/check/", views.plan_check, name="plan_check"),
    path("tapering/<slug:slug>/", views.method_detail, name="method_detail"),
    path("tips/", views.tip_list, name="tip_list"),
    path("tips/<slug:slug>/", views.tip_detail, name="tip_detail"),
    path("experiences/", views.experience_list, name="experience_list"),
    path("experiences/<slug:slug>/", views.experience_detail, name="experience_detail"),
    path("resources/", views.link_list, name="link_list"),
    path("resources/<slug:slug>/", views.link_detail, name="link_detail"),
    path("reference/benzodiazepine-equivalents/", views.benzo_equivalents, name="benzo_equivalents"),
]

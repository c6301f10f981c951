import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from charities.models import Schedule, Service

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
NINE, FIVE = datetime.time(9), datetime.time(17)
MIDNIGHT = datetime.time(0)


def at(year, month, day, hour, minute=0, zone="UTC"):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone))


def schedule(weekday, opens, closes, zone):
    return Schedule(weekday=weekday, opens_at=opens, closes_at=closes, timezone=zone)


def test_hours_are_read_in_the_schedules_own_time_zone():
    london = schedule(0, NINE, FIVE, "Europe/London")  # Monday 09:00-17:00
    # Monday 13 January 2025 (winter: London is UTC+0)
    assert london.is_open_at(at(2025, 1, 13, 9, 0))
    assert not london.is_open_at(at(2025, 1, 13, 8, 59))
    # Monday 14 July 2025 (summer: London is UTC+1), 08:30 UTC is 09:30 in London
    assert london.is_open_at(at(2025, 7, 14, 8, 30))
    assert not london.is_open_at(at(2025, 7, 14, 16, 30))  # 17:30 in London


def test_the_same_moment_is_open_in_one_zone_and_closed_in_another():
    moment = at(2025, 1, 13, 15, 0)  # Monday 15:00 UTC
    assert schedule(0, NINE, FIVE, "Europe/Warsaw").is_open_at(moment)  # 16:00
    assert not schedule(0, NINE, FIVE, "Asia/Tokyo").is_open_at(moment)  # 00:00 Tuesday
    assert schedule(0, NINE, FIVE, "America/New_York").is_open_at(moment)  # 10:00


def test_overnight_and_all_day_hours():
    overnight = schedule(4, datetime.time(22), datetime.time(6), "Europe/London")  # Friday night
    assert overnight.is_open_at(at(2025, 1, 17, 23))  # Friday 23:00
    assert overnight.is_open_at(at(2025, 1, 18, 5, 59))  # Saturday 05:59
    assert not overnight.is_open_at(at(2025, 1, 18, 6))
    all_day = schedule(6, MIDNIGHT, MIDNIGHT, "Europe/Madrid")
    assert all_day.is_open_at(at(2025, 1, 19, 0, 0, "Europe/Madrid"))
    assert all_day.is_open_at(at(2025, 1, 19, 23, 59, "Europe/Madrid"))
    assert not all_day.is_open_at(at(2025, 1, 20, 0, 0, "Europe/Madrid"))


def test_queryset_open_at_keeps_only_open_services(make_listing):
    london = make_listing("London day", schedules=[(0, NINE, FIVE, "Europe/London")])
    make_listing("Tokyo day", schedules=[(0, NINE, FIVE, "Asia/Tokyo")])
    make_listing("No hours, only a note", hours_note="Evenings")
    open_services = Service.objects.listed().open_at(at(2025, 1, 13, 12))
    assert list(open_services) == [london]


def test_open_now_filter_on_the_page(client, make_listing, monkeypatch):
    make_listing("London day", schedules=[(0, NINE, FIVE, "Europe/London")])
    make_listing("Tokyo day", schedules=[(0, NINE, FIVE, "Asia/Tokyo")])
    make_listing("No hours")
    monkeypatch.setattr("charities.views.timezone.now", lambda: at(2025, 1, 13, 12))
    response = client.get(reverse("charities:list"), {"open_now": "1"})
    assert [s.organization.name for s in response.context["services"]] == ["London day"]
    response = client.get(reverse("charities:list"))
    assert len(response.context["services"]) == 3

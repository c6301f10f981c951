import pytest
from django.core.exceptions import ValidationError

from charities.models import Phone
from charities.phones import normalise_phone

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw", "country", "stored"),
    [
        ("0117 966 3629", "GB", "+441179663629"),
        ("+44 117 966 3629", "", "+441179663629"),
        ("(0161) 831-2400", "GB", "+441618312400"),
        ("71 343 00 00", "PL", "+48713430000"),
    ],
)
def test_numbers_are_stored_in_e164(make_listing, raw, country, stored):
    service = make_listing(phone=raw, phone_country=country or "GB")
    phone = service.phones.get()
    assert phone.number == stored
    assert phone.is_short_code is False
    assert phone.tel_href == f"tel:{stored}"


@pytest.mark.parametrize(
    ("raw", "country", "digits"),
    [("116 123", "GB", "116123"), ("988", "US", "988"), ("116 111", "PL", "116111"), ("024", "ES", "024")],
)
def test_short_codes_are_kept_as_dialled_digits_with_their_country(raw, country, digits):
    result = normalise_phone(raw, country)
    assert (result.number, result.is_short_code, result.country) == (digits, True, country)


def test_short_code_links_to_the_digits(make_listing):
    phone = make_listing(phone="116 123", country="GB").phones.get()
    assert phone.tel_href == "tel:116123"
    assert phone.display == "116 123"


@pytest.mark.parametrize(
    ("raw", "country"), [("12", "GB"), ("not a number", "GB"), ("116123", ""), ("0117 966", "GB"), ("", "GB")]
)
def test_unreadable_numbers_are_refused(raw, country):
    with pytest.raises(ValidationError):
        normalise_phone(raw, country)


def test_model_validation_names_the_number_field(make_listing):
    service = make_listing()
    phone = Phone(service=service, number="12", country="GB")
    with pytest.raises(ValidationError) as error:
        phone.full_clean()
    assert "number" in error.value.message_dict


def test_national_number_shows_in_national_format_at_home(make_listing):
    phone = make_listing(phone="01274 723863", country="GB").phones.get()
    assert phone.display == "01274 723863"

"""The private link: long enough, looked up by its hash, and one 404 for every wrong form of it."""

import pytest
from django.db import connection
from django.urls import reverse

from journal import crypto
from journal.models import Journal

pytestmark = pytest.mark.django_db


def detail_url(secret: str) -> str:
    return reverse("journal:detail", kwargs={"secret": secret})


def test_the_secret_has_at_least_128_random_bits_in_each_part():
    secret = crypto.new_secret()
    assert crypto.LOOKUP_BYTES * 8 >= 128 and crypto.KEY_BYTES * 8 >= 128
    assert len(secret.lookup) == crypto.LOOKUP_LENGTH and len(secret.key_part) == crypto.KEY_LENGTH
    assert len(secret.value) == crypto.SECRET_LENGTH == 65
    assert len({crypto.new_secret().value for _ in range(50)}) == 50


def test_only_the_hash_of_the_lookup_part_is_stored(make_journal):
    secret, journal = make_journal()
    parsed = crypto.parse_secret(secret)
    assert journal.lookup_hash == crypto.lookup_hash(parsed.lookup)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM journal_journal")
        row = repr(cursor.fetchall())
    assert parsed.lookup not in row and parsed.key_part not in row and secret not in row


def test_lookup_is_one_query_by_equality_on_the_hash(make_journal, client, django_assert_max_num_queries):
    secret, _journal = make_journal()
    client.get(detail_url(secret))  # the daily "last opened" write happens once
    with django_assert_max_num_queries(2) as captured:
        assert client.get(detail_url(secret)).status_code == 200
    lookup = captured.captured_queries[0]["sql"]
    assert "lookup_hash" in lookup and "=" in lookup
    assert crypto.parse_secret(secret).lookup not in lookup


def test_a_journal_opens_with_its_link(secret, client):
    response = client.get(detail_url(secret))
    assert response.status_code == 200
    assert b"Your taper journal" in response.content


def _not_found_body(client, secret: str) -> bytes:
    response = client.get(detail_url(secret))
    assert response.status_code == 404
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    return response.content.replace(secret.encode(), b"")


def test_wrong_truncated_and_missing_links_give_the_same_404(secret, client):
    missing = crypto.new_secret().value
    wrong_key = secret[: crypto.LOOKUP_LENGTH] + crypto.new_secret().key_part  # right lookup, wrong key
    wrong_lookup = crypto.new_secret().lookup + secret[crypto.LOOKUP_LENGTH :]
    truncated = secret[:-1]
    longer = secret + "A"
    odd = "not a secret at all!"
    bodies = {
        _not_found_body(client, value) for value in (missing, wrong_key, wrong_lookup, truncated, longer, odd)
    }
    assert len(bodies) == 1
    assert Journal.objects.count() == 1


def test_every_journal_subpage_needs_the_right_link(secret, client):
    wrong = secret[:-2] + ("AA" if secret[-2:] != "AA" else "BB")
    for name in (
        "detail",
        "welcome",
        "entry_add",
        "summary",
        "download_csv",
        "download_json",
        "import",
        "delete",
    ):
        assert client.get(reverse(f"journal:{name}", kwargs={"secret": wrong})).status_code == 404, name
    assert client.post(reverse("journal:delete", kwargs={"secret": wrong})).status_code == 404
    assert Journal.objects.count() == 1


def test_a_tampered_key_check_does_not_open():
    secret = crypto.new_secret()
    salt = crypto.new_salt()
    key = crypto.derive_key(secret.key_part, salt)
    blob = crypto.encrypt(key, b"x", context="c")
    assert crypto.decrypt(key, blob, context="c") == b"x"
    tampered = blob[:-1] + bytes([blob[-1] ^ 1])
    for bad_blob, bad_context in ((tampered, "c"), (blob, "other")):
        with pytest.raises(crypto.DecryptionError):
            crypto.decrypt(key, bad_blob, context=bad_context)


def test_unknown_addresses_under_journal_get_the_private_404(secret, client):
    for path in (f"/journal/{secret}/entries/abc/", f"/journal/{secret}/nothing/here/", "/journal/a/b/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response["Referrer-Policy"] == "no-referrer", path
        assert response["Cache-Control"] == "private, no-store", path
    assert client.get(f"/journal/{secret}").status_code == 301  # APPEND_SLASH still helps a pasted link


def test_secrets_and_keys_stay_out_of_reprs(make_journal):
    from journal import services

    value, _journal = make_journal()
    opened = services.open_journal(secret=value)
    parsed = crypto.parse_secret(value)
    for text in (repr(opened), repr(parsed), str(opened.journal)):
        assert parsed.lookup not in text and parsed.key_part not in text
        assert repr(opened.key) not in text and opened.journal.lookup_hash not in text


def test_other_methods_get_private_answers_too(secret, client):
    assert client.head(detail_url(secret)).status_code == 200
    response = client.put(detail_url(secret))
    assert response.status_code == 405
    assert response["Referrer-Policy"] == "no-referrer" and response["Cache-Control"] == "private, no-store"
    assert client.put(detail_url(secret[:-1])).status_code == 404

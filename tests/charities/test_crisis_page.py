

def test_the_directory_links_text_lines_as_sms_too(client, crisis_data):
    text_line = Service.objects.get(organization__name="988 Suicide & Crisis Lifeline (text)")
    response = client.get(text_line.organization.get_absolute_url())
    assertContains(response, '<a href="sms:988">988</a> (Text 988)', html=True)
    assertNotContains(response, 'href="tel:988"')
    shout = Service.objects.get(organization__name="Shout")
    assertContains(client.get(shout.organization.get_absolute_url()), 'href="sms:85258?&amp;body=SHOUT"')

"""Sensible default texts, so every page has its disclaimer from the first deploy.

Admins edit them afterwards; this migration never overwrites an edited text.
"""

from django.db import migrations

from withdrawal_site.markdown import render_markdown

DEFAULTS = {
    "site": (
        "Information, not medical advice",
        "Withdrawal Commons shares information and lived experience. It is not medical "
        "advice. Talk to a prescriber before changing any medication.",
        """Withdrawal Commons is a community-curated collection of information about reducing
and coming off psychiatric drugs. It is written by lay people, volunteers and people
with lived experience, and checked by volunteer editors.

**Nothing on this site is medical advice.** It cannot take account of your health,
your history or your medication. Stopping or reducing a psychiatric drug suddenly can
be dangerous. Please discuss any change with the prescriber who knows you.

Where we give numbers (doses, half-lives, equivalences), we say where they come from.
Sources often disagree, and a number that is right for one person can be wrong for
another.

**If you are in crisis**, or thinking about harming yourself, contact a crisis line or
emergency services now. Our [crisis page](/crisis/) lists lines by country.""",
    ),
    "tapering": (
        "About tapering information",
        "These methods describe what people in the withdrawal community do. They are not "
        "a plan for you: agree any change with your prescriber.",
        """Tapering methods here describe how people in the lay withdrawal community make and
measure small doses. They are shared as information. Whether and how to reduce a
drug, and how fast, is a decision to make with your prescriber, who can also help
with liquid forms, compounding and tapering strips.

The taper planner does arithmetic only. It knows nothing about you, your drug or
your symptoms.""",
    ),
    "community": (
        "One person's experience",
        "Tips and stories here are one person's experience, shared to help others feel "
        "less alone. What helped them may not suit you.",
        """Community tips and lived experiences are written by members of the public and checked
by volunteer editors for safety and tone, not for medical accuracy. They describe what
happened to one person. Please do not copy anyone else's taper; talk to your
prescriber about your own.""",
    ),
    "directory": (
        "We list, we don't endorse",
        "We list these services to help you find support; we do not endorse them. Please "
        "check details with the service before you rely on them.",
        """The support directory lists charities, helplines, groups and networks that people have
found useful. Listing is not endorsement. Opening hours, phone numbers and services
change: each listing shows when it was last verified, and listings not verified for a
year are marked as possibly out of date. If you spot a problem, please report it from
the listing's page.""",
    ),
    "crisis": (
        "If you are in danger now",
        "If you might act on thoughts of harming yourself, or someone else is in danger, "
        "call your local emergency number now.",
        """If you are in immediate danger, call your local emergency number (112 in the
European Union, 999 in the United Kingdom, 911 in the United States and Canada).

The lines on this page are run by other organisations. We check them, but numbers
and hours can change; each line shows when we last verified it.""",
    ),
}


def create_defaults(apps, schema_editor):
    Disclaimer = apps.get_model("disclaimers", "Disclaimer")
    for key, (title, summary, body) in DEFAULTS.items():
        Disclaimer.objects.get_or_create(
            key=key,
            defaults={
                "title": title,
                "summary": summary,
                "body": body,
                # Historical models have no custom save(); render here
                # through the same single pipeline.
                "body_html": render_markdown(body),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("disclaimers", "0001_initial")]
    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]

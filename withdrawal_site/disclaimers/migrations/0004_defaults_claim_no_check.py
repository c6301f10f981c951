"""The default disclaimers claimed checks that had not happened; say only what is true.

"Checked by volunteer editors" and "We check them" described reviews nobody had
done. Texts still exactly as 0002 wrote them are replaced; a text an admin has
edited is left alone.
"""

from django.core.cache import cache
from django.db import migrations

from withdrawal_site.markdown import render_markdown

OLD_SITE = """Withdrawal Commons is a community-curated collection of information about reducing
and coming off psychiatric drugs. It is written by lay people, volunteers and people
with lived experience, and checked by volunteer editors."""
NEW_SITE = """Withdrawal Commons is a community-curated collection of information about reducing
and coming off psychiatric drugs. It is written by lay people, volunteers and people
with lived experience. Each page says whether an editor has reviewed it, and when;
a page that has not been reviewed says so."""

OLD_COMMUNITY = """Community tips and lived experiences are written by members of the public and checked
by volunteer editors for safety and tone, not for medical accuracy."""
NEW_COMMUNITY = """Community tips and lived experiences are written by members of the public. Nobody
checks them for medical accuracy, and sample content written for the demo is labelled
as such."""

OLD_CRISIS = """The lines on this page are run by other organisations. We check them, but numbers
and hours can change; each line shows when we last verified it."""
NEW_CRISIS = """The lines on this page are run by other organisations. Numbers and hours can change;
each line shows when and where it was last checked, or that it has not been."""

REPLACEMENTS = {"site": (OLD_SITE, NEW_SITE), "community": (OLD_COMMUNITY, NEW_COMMUNITY), "crisis": (OLD_CRISIS, NEW_CRISIS)}


def _swap(apps, *, forwards: bool) -> None:
    Disclaimer = apps.get_model("disclaimers", "Disclaimer")
    for key, (old, new) in REPLACEMENTS.items():
        before, after = (old, new) if forwards else (new, old)
        disclaimer = Disclaimer.objects.filter(key=key).first()
        if disclaimer is None or before not in disclaimer.body:
            continue
        disclaimer.body = disclaimer.body.replace(before, after)
        # Historical models have no custom save(); render through the same single pipeline.
        disclaimer.body_html = render_markdown(disclaimer.body)
        disclaimer.save()
        cache.delete(f"disclaimer:{key}")


class Migration(migrations.Migration):
    dependencies = [("disclaimers", "0003_staff_permissions")]
    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: _swap(apps, forwards=True),
            lambda apps, schema_editor: _swap(apps, forwards=False),
        )
    ]

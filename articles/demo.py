"""Demo content for `manage.py load_demo`: real, calm, plain-language articles.

`load()` is idempotent: articles are looked up by slug, created when missing and
brought up to date with corrected text while no editor has reviewed them, so a
second run changes nothing and a reviewed article is never overwritten. Every number in these texts comes from
/work/shared/data/reference_facts.md and names its source.
"""

from datetime import datetime

from django.utils import timezone

from .models import Article

BYLINE = "Withdrawal Commons editors"

SOURCE_HOROWITZ = (
    "Horowitz MA, Taylor D. Tapering of SSRI treatment to mitigate withdrawal symptoms. "
    "[The Lancet Psychiatry 2019;6:538-46](https://doi.org/10.1016/S2215-0366(19)30032-X)."
)
SOURCE_MAUDSLEY = (
    "Horowitz MA, Taylor DM. The Maudsley Deprescribing Guidelines (section on the pattern of tapering). "
    "They cover antidepressants, benzodiazepines, gabapentinoids and Z-drugs only."
)
SOURCE_WITHDRAWAL_PROJECT = (
    "The Withdrawal Project, Inner Compass Initiative: "
    "[how laypeople tweak their tapers](https://withdrawal.theinnercompass.org/)."
)
SOURCE_ASHTON = (
    "Ashton CH. [Benzodiazepines: How They Work and How to Withdraw](https://www.benzo.org.uk/manual/) "
    "(the Ashton Manual)."
)
SOURCE_ASAM = (
    "American Society of Addiction Medicine and partners, Joint Clinical Practice Guideline on "
    "Benzodiazepine Tapering (2025), table 7 (Ashton and VA/DoD equivalents side by side)."
)
SOURCE_NHS_SCOTLAND = (
    "NHS Scotland, Right Decisions: benzodiazepine and z-drug equivalent doses (adapted from the "
    "Ashton Manual and the Maudsley guidelines)."
)
SOURCE_PROZAC = (
    "Summary of Product Characteristics, Prozac (fluoxetine): fluoxetine and norfluoxetine stay in "
    "the body for weeks."
)
SOURCE_ALCOHOL = (
    "Summaries of Product Characteristics for diazepam, zopiclone (Zimovane), gabapentin (Neurontin) and "
    "pregabalin (Lyrica): interactions with alcohol."
)
SOURCE_GROOT_VAN_OS = (
    "Groot PC, van Os J. Antidepressant tapering strips to help people come off medication more "
    "safely. Psychosis 2018;10(2):142-5."
)


def _sources(*items: str) -> str:
    return "\n".join(f"- {item}" for item in items)


ARTICLES = [
    {
        "slug": "what-is-withdrawal",
        "title": "What withdrawal from psychiatric drugs is",
        "summary": (
            "Why the body can react when a psychiatric drug is reduced or stopped, what people "
            "commonly notice, and why it is not a sign of weakness."
        ),
        "tags": ["withdrawal", "getting started"],
        "published": (2026, 3, 2),
        "body": """\
Many people take a psychiatric drug for months or years: an antidepressant, a
benzodiazepine, a sleeping pill, an antipsychotic or another medicine. Over that
time the brain and body adapt to the drug being there. When the dose goes down,
or the drug stops, the body has to adapt again. The symptoms that can come with
that readjustment are what people call withdrawal.

Withdrawal is a physical process. It is not a character flaw, it does not mean
you were "addicted" in the everyday sense of the word, and it does not mean you
did anything wrong by taking the medicine in the first place.

# What people notice

People describe a wide range of experiences. Some notice very little. Others
have symptoms that are hard to live with for a while. Commonly reported ones
include:

- trouble sleeping, vivid dreams
- anxiety, agitation or a sense of inner restlessness
- low mood, tearfulness or irritability
- dizziness, "brain zaps" (brief electric-shock-like sensations) and nausea
- flu-like aches, tiredness and headaches
- difficulty concentrating

Symptoms often start within days of a change. After a drug that leaves the body
slowly, such as fluoxetine or diazepam, they can start later, sometimes weeks
after the change. They can come and go in waves, with calmer stretches
("windows") in between.

# Why pace matters

How strongly someone reacts seems to depend partly on how quickly the dose
changes. That is one reason many people, and a growing number of guidelines,
favour reducing slowly and in small steps rather than stopping suddenly. Our
article on tapering slowly explains the reasoning in more detail.

# What this means for you

Everyone's situation is different: the drug, how long it has been taken, other
health conditions and life circumstances all matter. This site shares general
information and the community's experience. Any change to a medication is
something to plan with a prescriber who knows your history.

If you feel unsafe at any point, the crisis page lists people you can reach
straight away.
""",
        "sources": _sources(SOURCE_HOROWITZ, SOURCE_MAUDSLEY, SOURCE_ASHTON, SOURCE_PROZAC),
    },
    {
        "slug": "why-people-taper-slowly",
        "title": "Why people taper slowly, by a fraction of the current dose",
        "summary": (
            'The reasoning behind small, proportional reductions ("hyperbolic" tapering), what '
            "published guidance and the withdrawal community describe, and what the numbers look like."
        ),
        "tags": ["tapering", "antidepressants", "research"],
        "published": (2026, 3, 9),
        "body": """\
A common picture of coming off a drug is a straight line: equal steps down, for
example 100, 75, 50, 25 and then 0% of the dose. Many people who have been
through withdrawal, and a number of researchers, describe a different approach:
reducing by a *fraction of the dose you are taking now*, so that the steps get
smaller as the dose gets lower. (Halving the dose again and again is already a
proportional cut, just a very large one: 50% of the current dose at each step.)

# The reasoning

Horowitz and Taylor, writing in The Lancet Psychiatry in 2019 about SSRIs, drew
on brain imaging (PET) studies that measured how much of the serotonin
transporter, the SSRIs' target, is occupied at different doses. The
relationship is not a straight line. At low doses, a small change in milligrams
makes a large difference to occupancy, which falls steeply at the bottom end.
They concluded that reductions should be *hyperbolic*, proportional to the
current dose, and continue down to doses far below the usual minimum
therapeutic dose before stopping.

The Maudsley Deprescribing Guidelines make a related point. They describe an
equal-steps taper of sertraline (50, 37.5, 25, 12.5, then 0 mg) as likely to give
increasingly severe withdrawal towards the end, because each equal step in
milligrams is a bigger step in effect than the one before. They also note that
the last dose before stopping may need to be well under the smallest tablet, for
example 1 mg of sertraline.

# What the numbers look like

Here is how a sequence of 10% cuts, each taken from the dose at that moment,
plays out from 20 mg. This is a common community illustration of the arithmetic,
not a schedule for anyone to follow:

| step | dose (mg) |
|---|---|
| start | 20 |
| 1 | 18 |
| 2 | 16.2 |
| 3 | 14.58 |
| 4 | 13.12 |
| 5 | 11.81 |
| 6 | 10.63 |
| 7 | 9.57 |
| 8 | 8.61 |
| 9 | 7.75 |

Each step removes less than the one before, which is the whole idea.

# How fast

Published suggestions differ, and it helps to see them side by side:

- The Maudsley Deprescribing Guidelines describe reducing by 10 to 25% of the
  most recent dose every 2 to 4 weeks.
- The Withdrawal Project describes how many laypeople instead cut 5 to 10% of the
  previous month's dose each month.

People often adjust as they go: holding a dose for longer when symptoms are
hard, and moving on when they feel settled. There is no single right pace.

# Things to keep in mind

Small doses can be hard to make from standard tablets; our article on how people
make small doses describes the methods the community uses. And the pace, the
size of each step and the method are all things to work out together with a
prescriber.
""",
        "sources": _sources(SOURCE_HOROWITZ, SOURCE_MAUDSLEY, SOURCE_WITHDRAWAL_PROJECT),
    },
    {
        "slug": "withdrawal-or-relapse",
        "title": "Withdrawal or relapse? Telling them apart",
        "summary": (
            "When symptoms appear after a dose change, it can be hard to know whether they come "
            "from withdrawal or from the original condition returning. Some questions that can help."
        ),
        "tags": ["withdrawal", "prescribers"],
        "published": (2026, 4, 6),
        "body": """\
When someone reduces a psychiatric drug and starts to feel unwell, an
understandable first thought is: "the illness is coming back". Sometimes that is
true. But withdrawal symptoms can look very similar to anxiety or depression,
and mistaking one for the other can lead to confusing decisions.

# Questions people find useful

None of these settles the matter on its own, but together they can help you and
your prescriber think it through:

- **Timing.** Did the symptoms start soon after a dose change? Withdrawal often
  follows changes closely; a returning condition tends to build up more gradually.
- **New kinds of symptoms.** Sensations you never had before the medicine, such
  as dizziness, "brain zaps", or electric or flu-like feelings, point more
  towards withdrawal.
- **Pattern.** Withdrawal often comes in waves with better days between them.
- **Response to a small change.** People describe that withdrawal symptoms can
  ease when the pace of reduction slows. Whether to change a dose is a decision
  for you and your prescriber.

# Keeping a simple diary

Writing down the dose, the date of each change, sleep, and the main symptoms of
each day on a scale from 0 to 10 can make patterns visible. It also gives your
prescriber something concrete to look at together with you, which many people
find makes appointments easier.

# When to seek help quickly

Whatever the cause, thoughts of harming yourself, or feeling you cannot keep
yourself safe, are reasons to seek help straight away. The crisis page lists
services that answer now.
""",
        "sources": _sources(SOURCE_HOROWITZ, SOURCE_MAUDSLEY),
    },
    {
        "slug": "talking-with-your-prescriber",
        "title": "Talking with your prescriber about reducing",
        "summary": (
            "How to prepare for an appointment about coming off a medication, what to bring, and "
            "questions that help you plan a reduction together."
        ),
        "tags": ["prescribers", "getting started", "tapering"],
        "published": (2026, 4, 20),
        "body": """\
A good working relationship with a prescriber (a GP, psychiatrist, nurse
prescriber or pharmacist) is one of the most useful things you can have when
reducing a medication. Appointments are often short, so a little preparation can
help you get the most from them.

# Before the appointment

- Write down which drugs you take, the doses, and roughly how long you have
  taken them.
- Note any previous attempts to reduce or stop: what happened, and how quickly
  the dose was changed.
- Think about what matters most to you: why you would like to reduce now, and
  what would make the process feel manageable.
- If it helps, bring someone you trust, or ask whether you can take notes.

# Questions you might ask

- Is now a reasonable time to start, given what else is going on in my life?
- How big would the first step be, and how long would I stay on each dose?
- Could we reduce by a fraction of my current dose, as described in published
  work such as Horowitz and Taylor (2019) and the Maudsley Deprescribing
  Guidelines?
- Is there a liquid form, or a pharmacy that can make smaller doses, if I need
  steps smaller than the tablets allow?
- What should I do if symptoms become hard to manage, and how can I reach you?

# If you feel unheard

Some people find their prescriber is unfamiliar with slow tapering. Bringing
printed sources can help the conversation; so can asking for a second opinion.
Our schedule planner can sketch the arithmetic of a taper so you have something
concrete to discuss. It is a talking point, not a plan: the plan is one you make
together.
""",
        "sources": _sources(SOURCE_HOROWITZ, SOURCE_MAUDSLEY),
    },
    {
        "slug": "how-people-make-small-doses",
        "title": "How people make small doses",
        "summary": (
            "Tablets rarely come in the small strengths a slow taper needs. The methods people "
            "describe: liquids, weighing, counting beads, compounding pharmacies and tapering strips."
        ),
        "tags": ["tapering", "small-doses"],
        "published": (2026, 5, 11),
        "body": """\
Reducing by a fraction of the current dose quickly leads to amounts that no
standard tablet provides. The Maudsley Deprescribing Guidelines note that the
final dose before stopping may need to be well under the smallest tablet, for
example 1 mg of sertraline. This article describes methods people in the
withdrawal community use, as they describe them: it is not a set of
instructions. Which one is suitable depends on the drug and its form, so the
first step people describe, every time, is asking a pharmacist or prescriber.

# Liquid forms

Some drugs are available as an oral solution or suspension, which makes small
changes much easier to measure with an oral syringe. It is worth asking whether
one exists for your medicine.

# Liquid titration

Where no ready-made liquid exists, some people suspend a crushed tablet in a
measured volume of liquid, for example 100 ml in a measuring cylinder marked in
1 ml steps, and remove the volume that corresponds to the cut. With 100 ml, each
millilitre holds 1/100 of the tablet. Not every tablet can be crushed or mixed
safely (modified-release tablets, for example), which is why a pharmacist's view
matters.

# Cut and weigh

Others crush or cut tablets and weigh the powder on a digital scale that reads
to 0.001 g, working out the share of the tablet by weight. People point out its
limits: a coating adds weight that holds no drug, the drug may not be spread
evenly through the tablet, and even a good scale can be out by a few
milligrams, which is a large share of a small weight.

# Counting beads

Some capsules contain small beads. People describe opening the capsule and
leaving out a counted share of the beads to lower the dose step by step. Some
modified-release stimulant capsules hold a mix of immediate-release and
slower-release beads, so leaving beads out at random changes how the dose acts
over the day; a pharmacist can say what a capsule holds.

# Compounding pharmacies

A compounding pharmacy can make custom strengths, or a liquid, on prescription.
Availability and cost vary a lot between countries.

# Tapering strips

Tapering strips are 28-day rolls of daily pouches. Each pouch holds the same
dose as the day before or a slightly lower one, printed with the day and the
dose. They were developed in the Netherlands by Peter Groot and Jim van Os. They
are prescription only, and the schedule is chosen by doctor and patient
together.
""",
        "sources": _sources(SOURCE_MAUDSLEY, SOURCE_WITHDRAWAL_PROJECT, SOURCE_GROOT_VAN_OS),
    },
    {
        "slug": "living-with-protracted-withdrawal",
        "title": "Living with protracted withdrawal",
        "summary": (
            "For some people withdrawal symptoms last for months or longer. What others in the "
            "community say has helped them cope day to day."
        ),
        "tags": ["withdrawal", "coping", "community"],
        "published": (2026, 6, 8),
        "body": """\
For many people withdrawal symptoms settle within weeks. For some they last much
longer, sometimes many months, occasionally more. This is often called
protracted withdrawal. The Ashton Manual, written from years of running a
benzodiazepine withdrawal clinic, describes symptoms that ease only gradually,
and stresses that they do improve with time.

If this is where you are, you are not imagining it, and you are not alone.

# Waves and windows

Many people describe recovery as uneven: stretches of symptoms ("waves") and
stretches of feeling more like themselves ("windows"). Over months, the windows
tend to grow longer. Keeping a short diary can make that slow progress visible
on days when it is hard to believe in.

# Things people say help

These are shared experiences, not treatments:

- **Gentle routine.** Regular meals, light daylight, and a steady sleep window,
  even when sleep itself is poor.
- **Pacing.** Doing a little less than feels possible on a good day, so a good
  day does not lead to a crash.
- **Going easy on caffeine.** Some people notice that caffeine makes symptoms
  worse for them.
- **Being careful with alcohol.** Alcohol is not a stimulant: it is a
  depressant, and the product information for benzodiazepines, Z-drugs,
  gabapentin and pregabalin warns against combining them with it.
- **Distraction and kindness.** Simple, absorbing activities, and not judging
  yourself for what you cannot do right now.
- **Being understood.** Talking with others who have been through the same thing;
  our article on finding support lists places to start.

# Working with professionals

A prescriber or GP who accepts that withdrawal can be prolonged makes a great
difference. If new symptoms appear, it is still important to have them checked,
rather than assuming everything is withdrawal.
""",
        "sources": _sources(SOURCE_ASHTON, SOURCE_ALCOHOL),
    },
    {
        "slug": "supporting-someone-who-is-tapering",
        "title": "Supporting someone who is tapering",
        "summary": (
            "For partners, family and friends: what withdrawal can be like from the inside, and "
            "practical, low-pressure ways to help."
        ),
        "tags": ["family and friends", "coping", "community"],
        "published": (2026, 7, 6),
        "body": """\
When someone close to you is reducing a psychiatric drug, it can be worrying to
watch, especially if they seem more anxious, tired or low than usual. You do not
need to be an expert to help. Being steady, patient and believing them matters
more than having answers.

# Understanding what is happening

Withdrawal symptoms are a physical readjustment, not a lack of effort. They can
change from day to day, and a good week can be followed by a difficult one. The
person may not be able to do everything they usually do for a while.

# Practical help

- **Ask what would help today**, rather than guessing: a meal, a lift, company,
  or simply quiet.
- **Take on small tasks** that feel large to them right now: shopping, phone
  calls, paperwork.
- **Offer to come to appointments**, to take notes or help remember questions.
- **Keep a light touch** on conversations about progress; checking in every hour
  can add pressure.

# Looking after yourself

Supporting someone over weeks or months is tiring. It is fine to have limits, to
ask others to share the load, and to seek support for yourself. Several
organisations in our support directory welcome family members too.

# If you are worried about safety

If the person talks about harming themselves, or you believe they are in
danger, contact a crisis service or emergency services. The crisis page lists
lines by country.
""",
        "sources": "",
    },
    {
        "slug": "where-to-find-support",
        "title": "Where to find support",
        "summary": (
            "Peer forums, charities, helplines and informed practitioners: the kinds of support "
            "people draw on while tapering, and how to find them."
        ),
        "tags": ["support", "community", "getting started"],
        "published": (2026, 8, 3),
        "body": """\
Coming off a psychiatric drug can feel lonely, particularly when friends,
family or even professionals have not heard of long or difficult withdrawal.
Support exists, and many people say finding it was the turning point.

# Peer support

Online forums and groups bring together people at every stage of tapering.
Members share what worked for them, help interpret symptoms, and offer company
on hard days. Remember that each story is one person's experience: what suited
someone else may not suit you.

# Charities and helplines

Some charities focus on prescribed drug dependence and withdrawal. They may
offer helplines, one-to-one support, information packs, or help finding an
informed prescriber. Our support directory lists organisations by country, type
and language.

# Informed practitioners

In some places there are networks of doctors, pharmacists and therapists with
experience of supporting slow tapering. Directories of these are listed in the
support section where we know of them.

# Reliable information

Two long-standing resources that many people start with are the Ashton Manual,
on benzodiazepines, and The Withdrawal Project, which collects community
knowledge on tapering many kinds of psychiatric drugs.

# In a crisis

If you are in immediate danger or cannot keep yourself safe, contact a crisis
line or emergency services now. The crisis link at the top of every page lists
them.
""",
        "sources": _sources(SOURCE_ASHTON, SOURCE_WITHDRAWAL_PROJECT),
    },
    {
        "slug": "benzodiazepine-equivalence-tables",
        "title": "Benzodiazepine equivalence tables, and why they disagree",
        "summary": (
            'What an "equivalent dose" means, why published tables give different figures, and '
            "how they are used when switching between benzodiazepines."
        ),
        "tags": ["benzodiazepines", "z-drugs", "research"],
        "published": (2026, 9, 7),
        "body": """\
Benzodiazepines differ a lot in strength and in how long they last in the body.
Equivalence tables try to say how much of one drug has roughly the same effect
as a given amount of another, usually diazepam. The Ashton Manual describes
switching from a shorter-acting benzodiazepine to diazepam, which leaves the
body slowly, before tapering, and uses such a table to do it.

# The tables do not agree

Equivalents are approximations, and published sources differ. The ASAM 2025
guideline sets two of them side by side. Amounts equal to diazepam 10 mg:

| drug | Ashton | VA/DoD |
|---|---|---|
| alprazolam | 0.5 mg | 1 mg |
| chlordiazepoxide | 25 mg | |
| clonazepam | 0.5 mg | 1 mg |
| clorazepate | 15 mg | |
| lorazepam | 1 mg | 2 mg |
| oxazepam | 20 mg | 30 mg |
| temazepam | 20 mg | 15 mg |
| triazolam | 0.5 mg | 0.25 mg |

For some drugs the figures differ by a factor of two. Table 7 gives
chlordiazepoxide and clorazepate in its Ashton column only.

NHS Scotland's Right Decisions service gives another set, for amounts equal to
diazepam 5 mg, including the z-drugs: zolpidem 10 mg, zopiclone 7.5 mg,
lorazepam 0.5 mg, clonazepam 0.25 mg, temazepam 10 mg, nitrazepam 5 mg,
oxazepam 10 mg and chlordiazepoxide 12.5 mg. Its table is adapted from the
Ashton Manual and the Maudsley guidelines, so where its figure matches Ashton's
that is not an independent confirmation. NHS Scotland also sets clonazepam and
clobazam prescribed for epilepsy apart: changes to them belong with the epilepsy
specialist.

# Why they differ

People respond differently, the drugs act for different lengths of time, and
the tables come from clinical experience as much as from measurement. A table
gives a starting point for a conversation; it does not tell anyone what their
own dose should be.

# In practice

Any switch from one benzodiazepine to another is usually done gradually, in
stages, and adjusted to how the person feels. It is something to plan with a
prescriber, who can take account of your full history.
""",
        "sources": _sources(SOURCE_ASHTON, SOURCE_ASAM, SOURCE_NHS_SCOTLAND),
    },
]


def _moment(year: int, month: int, day: int) -> datetime:
    return timezone.make_aware(datetime(year, month, day, 9, 0))


def load() -> None:
    """Create the demo articles, and bring unreviewed existing ones up to date with corrected text.

    An article an editor has reviewed is theirs and is left alone; an unchanged
    article is not saved again, so a second run changes nothing. The Spanish and
    Polish articles come after the English ones, which they name as their originals.
    """
    from .demo_translations import TRANSLATED_ARTICLES

    for entry in [*ARTICLES, *TRANSLATED_ARTICLES]:
        _load_one(entry)


def _load_one(entry: dict) -> None:
    original_slug = entry.get("translation_of")
    values = {
        "title": entry["title"],
        "summary": entry["summary"],
        "body": entry["body"],
        "sources": entry["sources"],
        "translation_of": Article.objects.filter(slug=original_slug).first() if original_slug else None,
    }
    article = Article.objects.filter(slug=entry["slug"]).first()
    if article is None:
        article = Article.objects.create(
            slug=entry["slug"],
            **values,
            byline=BYLINE,
            status=Article.Status.PUBLISHED,
            published_at=_moment(*entry["published"]),
            # Demo text has not been reviewed by an editor; the page says so.
            last_reviewed=None,
            language=entry.get("language", "en"),
        )
        article.tags.set(entry["tags"])
        return
    if article.last_reviewed is not None:
        return
    changed = [name for name, value in values.items() if getattr(article, name) != value]
    if changed:
        for name in changed:
            setattr(article, name, values[name])
        article.save()

"""Spanish and Polish versions of every disclaimer, so /es/ and /pl/ pages show them in their language.

They say what the English texts (as 0004 left them) say, nothing more, following
locale/GLOSSARY.md (tú / ty). A version that already exists, edited or not, is left
alone; going back removes only versions still exactly as written here.
"""

from django.core.cache import cache
from django.db import migrations

from withdrawal_site.markdown import render_markdown

TEXTS = {
    "es": {
        "site": (
            "Información, no consejo médico",
            "Withdrawal Commons comparte información y experiencias vividas. No es consejo médico. "
            "Habla con tu médico antes de cambiar cualquier medicamento.",
            """Withdrawal Commons es una colección de información, cuidada por la comunidad, sobre cómo
reducir y dejar los psicofármacos. La escriben personas no profesionales, voluntarias y con
experiencia vivida. Cada página dice si alguien del equipo editorial la ha revisado, y cuándo;
una página que nadie ha revisado lo dice.

**Nada de lo que hay en este sitio es consejo médico.** No puede tener en cuenta tu salud, tu
historia ni tu medicación. Dejar o reducir un psicofármaco de golpe puede ser peligroso. Habla
de cualquier cambio con tu médico o la persona que te receta y te conoce.

Cuando damos cifras (dosis, semividas, equivalencias), decimos de dónde vienen. Las fuentes a
menudo no coinciden, y una cifra que es correcta para una persona puede no serlo para otra.

**Si estás en crisis**, o piensas en hacerte daño, contacta ahora con una línea de crisis o con
los servicios de emergencia. Nuestra [página de crisis](/es/crisis/) muestra las líneas por país.""",
        ),
        "tapering": (
            "Sobre la información de reducción gradual",
            "Estos métodos describen lo que hacen las personas de la comunidad de la retirada. No son "
            "un plan para ti: acuerda cualquier cambio con tu médico.",
            """Los métodos de reducción gradual de esta sección describen cómo preparan y miden dosis
pequeñas las personas no profesionales de la comunidad de la retirada. Se comparten como
información. Si reducir un medicamento, cómo y a qué ritmo es una decisión que tomas con tu
médico, que también puede ayudarte con las formas líquidas, las fórmulas magistrales y las tiras
de reducción gradual (tapering strips).

El planificador de reducción solo hace cálculos. No sabe nada de ti, de tu medicamento ni de tus
síntomas.""",
        ),
        "community": (
            "La experiencia de una persona",
            "Los consejos y las historias de aquí son la experiencia de una persona, compartida para "
            "que otras se sientan menos solas. Lo que le ayudó puede no servirte a ti.",
            """Los consejos y las experiencias de la comunidad los escribe el público. Nadie comprueba
su exactitud médica, y el contenido de muestra escrito para la demostración está marcado como
tal. Describen lo que le pasó a una persona. Por favor, no copies la reducción de otra persona;
habla de la tuya con tu médico.""",
        ),
        "directory": (
            "Los incluimos, no los respaldamos",
            "Incluimos estos servicios para ayudarte a encontrar apoyo; no los respaldamos. Por favor, "
            "confirma los datos con el servicio antes de contar con ellos.",
            """El directorio de apoyo recoge organizaciones benéficas, líneas de ayuda, grupos y redes
que a otras personas les han resultado útiles. Aparecer en él no significa que lo respaldemos.
Los horarios, los teléfonos y los servicios cambian: cada ficha muestra cuándo se verificó por
última vez, y las fichas que no se han verificado en un año aparecen marcadas como posiblemente
desactualizadas. Si ves un problema, avísanos, por favor, desde la página de la ficha.""",
        ),
        "crisis": (
            "Si estás en peligro ahora",
            "Si sientes que podrías llevar a cabo la idea de hacerte daño, o si otra persona está en "
            "peligro, llama ahora al número de emergencias de tu zona.",
            """Si estás en peligro inmediato, llama al número de emergencias de tu zona (112 en la
Unión Europea, 999 en el Reino Unido, 911 en Estados Unidos y Canadá).

Las líneas de esta página las gestionan otras organizaciones. Los números y los horarios pueden
cambiar; cada línea muestra cuándo y dónde se comprobó por última vez, o que no se ha comprobado.""",
        ),
    },
    "pl": {
        "site": (
            "Informacja, a nie porada medyczna",
            "Withdrawal Commons dzieli się informacjami i doświadczeniami ludzi. To nie jest porada "
            "medyczna. Zanim zmienisz jakikolwiek lek, porozmawiaj z lekarzem.",
            """Withdrawal Commons to tworzony przez społeczność zbiór informacji o stopniowym
zmniejszaniu dawki i odstawianiu leków psychiatrycznych. Piszą go osoby niebędące specjalistami,
wolontariusze i ludzie z własnym doświadczeniem. Każda strona podaje, czy i kiedy przejrzał ją
ktoś z redakcji; strona, której nikt nie przejrzał, mówi to wprost.

**Nic na tej stronie nie jest poradą medyczną.** Strona nie może uwzględnić twojego zdrowia,
twojej historii ani twoich leków. Nagłe odstawienie leku psychiatrycznego lub nagłe zmniejszenie
jego dawki może być niebezpieczne. Każdą zmianę omów, proszę, z lekarzem, który przepisuje ci lek
i który cię zna.

Gdy podajemy liczby (dawki, okresy półtrwania, równoważniki), piszemy, skąd pochodzą. Źródła
często się różnią, a liczba właściwa dla jednej osoby może być niewłaściwa dla innej.

**Jeśli przeżywasz kryzys** albo myślisz o zrobieniu sobie krzywdy, skontaktuj się teraz
z telefonem zaufania lub ze służbami ratunkowymi. Na naszej [stronie kryzysowej](/pl/crisis/)
są telefony według krajów.""",
        ),
        "tapering": (
            "O informacjach na temat stopniowego zmniejszania dawki",
            "Te metody opisują, co robią ludzie ze społeczności osób odstawiających leki. To nie jest "
            "plan dla ciebie: każdą zmianę uzgodnij z lekarzem.",
            """Opisane tu metody stopniowego zmniejszania dawki pokazują, jak osoby niebędące
specjalistami, ze społeczności osób odstawiających leki, przygotowują i odmierzają małe dawki.
Dzielimy się nimi jako informacją. Czy zmniejszać dawkę leku, jak i w jakim tempie, decydujesz
razem z lekarzem, który przepisuje ci lek. Może on też pomóc w sprawie postaci płynnych, leków
recepturowych i pasków do stopniowego odstawiania (tapering strips).

Planer zmniejszania dawki tylko liczy. Nie wie nic o tobie, twoim leku ani twoich objawach.""",
        ),
        "community": (
            "Doświadczenie jednej osoby",
            "Porady i historie tutaj to doświadczenie jednej osoby, którym dzieli się ona, żeby inni "
            "czuli się mniej samotni. To, co jej pomogło, może nie pasować do ciebie.",
            """Porady i doświadczenia społeczności piszą zwykli ludzie. Nikt nie sprawdza ich pod
kątem poprawności medycznej, a przykładowe treści napisane na potrzeby wersji demonstracyjnej są
tak oznaczone. Opisują, co przydarzyło się jednej osobie. Nie kopiuj, proszę, cudzego planu
zmniejszania dawki; o swoim porozmawiaj z lekarzem.""",
        ),
        "directory": (
            "Wymieniamy, ale nie polecamy",
            "Wymieniamy te miejsca, żeby pomóc ci znaleźć wsparcie; nie polecamy ich. Zanim zaczniesz "
            "na nich polegać, sprawdź, proszę, szczegóły bezpośrednio u nich.",
            """Katalog wsparcia wymienia organizacje charytatywne, linie wsparcia, grupy i sieci,
które ludzie uznali za pomocne. Wpis w katalogu nie oznacza, że polecamy to miejsce. Godziny
otwarcia, numery telefonów i usługi się zmieniają: każdy wpis pokazuje, kiedy go ostatnio
zweryfikowano, a wpisy niezweryfikowane od roku są oznaczone jako możliwie nieaktualne. Jeśli
zauważysz problem, zgłoś go, proszę, ze strony wpisu.""",
        ),
        "crisis": (
            "Jeśli jesteś teraz w niebezpieczeństwie",
            "Jeśli czujesz, że możesz zrobić sobie krzywdę, albo ktoś inny jest w niebezpieczeństwie, "
            "zadzwoń teraz pod lokalny numer alarmowy.",
            """Jeśli jesteś w bezpośrednim niebezpieczeństwie, zadzwoń pod lokalny numer alarmowy
(112 w Unii Europejskiej, 999 w Wielkiej Brytanii, 911 w Stanach Zjednoczonych i Kanadzie).

Telefony na tej stronie prowadzą inne organizacje. Numery i godziny mogą się zmieniać; przy
każdym telefonie widać, kiedy i gdzie ostatnio go sprawdzono, albo że go nie sprawdzono.""",
        ),
    },
}


def _forget_cache() -> None:
    try:
        cache.delete_many(
            [f"disclaimer:{key}:{language}" for key in TEXTS["es"] for language in ("en", "es", "pl")]
        )
    except Exception:  # the cache is only a copy; an unreachable one holds nothing to forget
        pass


def create_versions(apps, schema_editor):
    Disclaimer = apps.get_model("disclaimers", "Disclaimer")
    for language, texts in TEXTS.items():
        for key, (title, summary, body) in texts.items():
            Disclaimer.objects.get_or_create(
                key=key,
                language=language,
                # Historical models have no custom save(); render through the same single pipeline.
                defaults={
                    "title": title,
                    "summary": summary,
                    "body": body,
                    "body_html": render_markdown(body),
                },
            )
    _forget_cache()


def remove_unedited_versions(apps, schema_editor):
    Disclaimer = apps.get_model("disclaimers", "Disclaimer")
    for language, texts in TEXTS.items():
        for key, (title, summary, body) in texts.items():
            Disclaimer.objects.filter(
                key=key, language=language, title=title, summary=summary, body=body
            ).delete()
    _forget_cache()


class Migration(migrations.Migration):
    dependencies = [("disclaimers", "0006_one_version_per_language")]
    operations = [migrations.RunPython(create_versions, remove_unedited_versions)]

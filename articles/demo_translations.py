"""Demo articles in Spanish and Polish, written for this site in each language.

Not translations of the source documents: each is written afresh in plain,
warm language with the form of address of locale/GLOSSARY.md (Spanish "tú",
Polish "ty", no gendered forms for the reader). Every medical statement says
only what its source says; the sources are the ones the English demo
articles cite (articles/demo.py), from docs/reference_facts.md. Decimal
numbers use the decimal comma, as the pages around them do.

`translation_of` names the slug of the version these are the same article
as ("Also in: Español, Polski"); the Maudsley article has no English
version, so the Polish one points at the Spanish one.
"""

from .demo import (
    SOURCE_ALCOHOL,
    SOURCE_ASHTON,
    SOURCE_HOROWITZ,
    SOURCE_MAUDSLEY,
    SOURCE_WITHDRAWAL_PROJECT,
    _sources,
)

TRANSLATED_ARTICLES = [
    # Spanish ---------------------------------------------------------------------------------
    {
        "slug": "por-que-reducir-poco-a-poco",
        "language": "es",
        "translation_of": "why-people-taper-slowly",
        "title": "Por qué se reduce poco a poco, un porcentaje de la dosis actual",
        "summary": (
            "La idea de las reducciones pequeñas y proporcionales (reducción hiperbólica), lo que "
            "dicen las fuentes publicadas y cómo se ven los números."
        ),
        "tags": ["tapering", "antidepressants", "research"],
        "published": (2026, 7, 6),
        "body": """\
Mucha gente imagina que dejar un medicamento es bajar en línea recta: pasos
iguales, por ejemplo del 100 % al 75 %, al 50 %, al 25 % y a cero. Muchas
personas que han pasado por la retirada, y también algunos investigadores,
describen otra forma: reducir cada vez un *porcentaje de la dosis que tomas
ahora*. Así los pasos se hacen más pequeños a medida que la dosis baja. Se
llama reducción proporcional, o reducción hiperbólica.

# La razón

En 2019, Horowitz y Taylor escribieron en The Lancet Psychiatry sobre los
antidepresivos ISRS. Se basaron en estudios de imagen cerebral (PET) que miden
qué parte del transportador de serotonina, la diana de estos medicamentos,
está ocupada con cada dosis. La relación no es una línea recta: con dosis
bajas, un cambio pequeño en miligramos cambia mucho la ocupación. Por eso
concluyeron que las reducciones deberían ser hiperbólicas, proporcionales a la
dosis actual, y llegar a dosis muy por debajo de la dosis terapéutica mínima
habitual antes de dejar el medicamento.

Las Guías Maudsley de Deprescripción describen una reducción de sertralina en
pasos iguales (50; 37,5; 25; 12,5 y 0 mg) como probable causa de síntomas de
retirada cada vez más fuertes hacia el final. También dicen que la última
dosis antes de dejarlo puede tener que ser mucho menor que el comprimido más
pequeño, por ejemplo 1 mg de sertralina.

# Cómo se ven los números

Así quedan unas reducciones del 10 %, calculadas siempre sobre la dosis del
momento, empezando en 20 mg. Es un ejemplo habitual en la comunidad para
mostrar la aritmética, no un plan para nadie:

| paso | dosis (mg) |
|---|---|
| inicio | 20 |
| 1 | 18 |
| 2 | 16,2 |
| 3 | 14,58 |
| 4 | 13,12 |
| 5 | 11,81 |
| 6 | 10,63 |
| 7 | 9,57 |
| 8 | 8,61 |
| 9 | 7,75 |

Cada paso quita menos que el anterior. Esa es la idea.

# A qué ritmo

Las fuentes publicadas no proponen lo mismo, y ayuda verlas juntas:

- Las Guías Maudsley describen reducir entre un 10 y un 25 % de la dosis más
  reciente cada 2 a 4 semanas.
- The Withdrawal Project cuenta que muchas personas reducen cada mes entre un
  5 y un 10 % de la dosis del mes anterior.

Mucha gente ajusta el ritmo sobre la marcha: se queda más tiempo en una dosis
cuando los síntomas son difíciles, y sigue cuando se siente estable. No hay un
único ritmo correcto.

# Ten en cuenta

Las dosis pequeñas pueden ser difíciles de preparar con los comprimidos
normales. El ritmo, el tamaño de cada paso y la forma de prepararlo son cosas
para decidir junto con tu médico.
""",
        "sources": _sources(SOURCE_HOROWITZ, SOURCE_MAUDSLEY, SOURCE_WITHDRAWAL_PROJECT),
    },
    {
        "slug": "retirada-prolongada-olas-y-ventanas",
        "language": "es",
        "translation_of": "living-with-protracted-withdrawal",
        "title": "Retirada prolongada: olas, ventanas y un plan a tu medida",
        "summary": (
            "Para algunas personas los síntomas de retirada duran meses o más. Qué son las olas y "
            "las ventanas, y cómo hacer tu propio plan de cuidado."
        ),
        "tags": ["withdrawal", "coping", "community"],
        "published": (2026, 7, 13),
        "body": """\
Para muchas personas, los síntomas de retirada se calman en unas semanas. Para
otras duran mucho más: a veces muchos meses, y en ocasiones más. Esto se suele
llamar retirada prolongada (síntomas prolongados). El Manual Ashton, escrito a
partir de años de trabajo en una clínica de retirada de benzodiacepinas,
describe síntomas que se alivian solo poco a poco, y subraya que mejoran con
el tiempo.

Si estás en este punto, no es cosa de tu imaginación. Muchas personas pasan
por lo mismo.

# Olas y ventanas

Mucha gente describe la recuperación como un camino irregular. Hay temporadas
con síntomas (las "olas") y temporadas en las que te sientes más como antes
(las "ventanas"). Con los meses, las ventanas suelen hacerse más largas. Esto
es lo que cuentan las personas de la comunidad, no una promesa para cada caso.

# Tu plan de cuidado

Un plan a tu medida es una lista corta, escrita en un día tranquilo, para
leerla en un día difícil. Cada persona hace el suyo. Estas son ideas que otras
personas comparten; no son tratamientos:

- **Qué me ayuda en una ola.** Por ejemplo: una rutina suave, comidas
  regulares, luz del día y un horario de sueño estable, aunque el sueño sea malo.
- **Cómo me cuido en una ventana.** Hacer un poco menos de lo que parece
  posible en un buen día, para que un buen día no acabe en un bajón.
- **Qué evito.** Algunas personas notan que la cafeína empeora sus síntomas.
  El alcohol no es un estimulante, sino un depresor: las fichas técnicas del
  diazepam, la zopiclona, la gabapentina y la pregabalina advierten de que no
  se combinen con alcohol.
- **A quién llamo.** Una persona de confianza, un grupo de apoyo, tu médico.
- **Cómo veo el camino.** Un diario corto (fecha, dosis, sueño y cómo te
  sientes del 0 al 10) puede mostrar el progreso lento en los días en que
  cuesta creer en él.

# Con los profesionales

Un médico que acepta que la retirada puede durar mucho marca una gran
diferencia. Si aparece un síntoma nuevo, es importante que te lo revisen, en
vez de dar por hecho que todo es retirada.

Si en algún momento no te sientes a salvo, la página de crisis tiene números
que atienden ahora.
""",
        "sources": _sources(SOURCE_ASHTON, SOURCE_ALCOHOL),
    },
    {
        "slug": "guias-maudsley-de-deprescripcion",
        "language": "es",
        "translation_of": None,
        "title": "Las Guías Maudsley de Deprescripción: qué cambian",
        "summary": (
            "Qué dicen estas guías sobre la forma de reducir un medicamento, y en qué se apartan "
            "de la imagen habitual de bajar en pasos iguales."
        ),
        "tags": ["tapering", "research", "prescribers"],
        "published": (2026, 7, 20),
        "body": """\
Las Guías Maudsley de Deprescripción (The Maudsley Deprescribing Guidelines),
de Horowitz y Taylor, tratan de cómo reducir y dejar medicamentos. Cubren solo
cuatro grupos: antidepresivos, benzodiacepinas, gabapentinoides y fármacos Z.
Sobre otros medicamentos, como los antipsicóticos, no dicen nada.

# Qué cambian

La imagen habitual es bajar en pasos iguales. Las guías la ponen en duda con
un ejemplo: una reducción de sertralina de 50; 37,5; 25; 12,5 y 0 mg, en pasos
iguales, probablemente da síntomas de retirada cada vez más fuertes hacia el
final. Cada paso igual en miligramos es un paso más grande en efecto que el
anterior.

En su lugar, describen reducir un porcentaje de la dosis más reciente: entre
un 10 y un 25 % cada 2 a 4 semanas. Así los pasos se hacen más pequeños a
medida que baja la dosis.

También dicen algo que sorprende a mucha gente: la última dosis antes de
dejarlo puede tener que ser mucho menor que el comprimido más pequeño, por
ejemplo 1 mg de sertralina. Para llegar ahí, mucha gente necesita una forma
líquida u otra manera de preparar dosis pequeñas.

# De dónde viene la idea

La misma idea aparece en un artículo anterior de Horowitz y Taylor en The
Lancet Psychiatry (2019): con dosis bajas, un cambio pequeño en miligramos
cambia mucho la ocupación del transportador de serotonina, y por eso proponen
reducciones proporcionales a la dosis actual.

# Qué significa para ti

Las guías no son un plan para una persona concreta. Son un buen punto de
partida para hablar con tu médico: puedes llevar este resumen y sus fuentes a
la consulta.
""",
        "sources": _sources(SOURCE_MAUDSLEY, SOURCE_HOROWITZ),
    },
    {
        "slug": "hablar-con-tu-medico",
        "language": "es",
        "translation_of": "talking-with-your-prescriber",
        "title": "Hablar con tu médico sobre reducir",
        "summary": (
            "Cómo preparar una consulta sobre dejar un medicamento, qué llevar y qué preguntas "
            "ayudan a planear la reducción juntos."
        ),
        "tags": ["prescribers", "getting started", "tapering"],
        "published": (2026, 7, 27),
        "body": """\
Una buena relación con la persona que te receta (tu médico de cabecera, tu
psiquiatra, una enfermera o un farmacéutico) es de lo más útil cuando reduces
un medicamento. Las consultas suelen ser cortas, así que prepararlas un poco
ayuda a aprovecharlas.

# Antes de la consulta

- Apunta qué medicamentos tomas, las dosis y, más o menos, desde cuándo.
- Anota si ya intentaste reducir o dejar alguno: qué pasó y a qué velocidad se
  cambió la dosis.
- Piensa qué es lo más importante para ti: por qué quieres reducir ahora y qué
  haría el proceso más llevadero.
- Si te ayuda, ve con alguien de confianza, o pregunta si puedes tomar notas.

# Preguntas que puedes hacer

- ¿Es un buen momento para empezar, con todo lo que pasa en mi vida?
- ¿De qué tamaño sería el primer paso, y cuánto tiempo duraría cada dosis?
- ¿Podemos reducir un porcentaje de mi dosis actual, como describen Horowitz y
  Taylor (2019) y las Guías Maudsley de Deprescripción?
- Si necesito pasos más pequeños que los comprimidos, ¿hay una forma líquida o
  una farmacia que elabore fórmulas magistrales?
- ¿Qué hago si los síntomas se vuelven difíciles, y cómo contacto con la
  consulta?

# Si sientes que no te escuchan

Algunos médicos conocen poco la reducción lenta. Llevar las fuentes impresas
puede ayudar en la conversación; también puedes pedir una segunda opinión.
Nuestro planificador muestra la aritmética de una reducción, para que tengas
algo concreto de qué hablar. Es un punto de partida, no un plan: el plan lo
haces junto con tu médico.
""",
        "sources": _sources(SOURCE_HOROWITZ, SOURCE_MAUDSLEY),
    },
    # Polish ----------------------------------------------------------------------------------
    {
        "slug": "dlaczego-zmniejszac-dawke-powoli",
        "language": "pl",
        "translation_of": "why-people-taper-slowly",
        "title": "Dlaczego dawkę zmniejsza się powoli, o odsetek aktualnej dawki",
        "summary": (
            "Skąd pomysł na małe, proporcjonalne kroki (redukcja hiperboliczna), co mówią "
            "opublikowane źródła i jak wyglądają liczby."
        ),
        "tags": ["tapering", "antidepressants", "research"],
        "published": (2026, 7, 6),
        "body": """\
Wiele osób wyobraża sobie odstawianie leku jak linię prostą: równe kroki, na
przykład 100%, 75%, 50%, 25% i zero. Wiele osób, które mają odstawienie za
sobą, i część badaczy opisuje inny sposób: zmniejszanie dawki za każdym razem
o *odsetek dawki, którą bierzesz teraz*. Wtedy kroki robią się coraz mniejsze,
im niższa jest dawka. To redukcja proporcjonalna, nazywana też redukcją
hiperboliczną.

# Skąd to się bierze

W 2019 roku Horowitz i Taylor napisali w The Lancet Psychiatry o lekach
przeciwdepresyjnych z grupy SSRI. Oparli się na badaniach obrazowych mózgu
(PET), które mierzą, jaka część transportera serotoniny, czyli miejsca
działania tych leków, jest zajęta przy różnych dawkach. Ta zależność nie jest
linią prostą: przy małych dawkach mała zmiana w miligramach bardzo zmienia
zajęcie transportera. Dlatego uznali, że redukcja powinna być hiperboliczna,
czyli proporcjonalna do aktualnej dawki, i sięgać dawek dużo niższych niż
zwykła najmniejsza dawka lecznicza, zanim lek się odstawi.

Wytyczne Maudsley dotyczące odstawiania leków opisują zmniejszanie sertraliny
równymi krokami (50; 37,5; 25; 12,5 i 0 mg) jako sposób, który prawdopodobnie
da coraz silniejsze objawy odstawienne pod koniec. Piszą też, że ostatnia
dawka przed odstawieniem może musieć być dużo mniejsza niż najmniejsza
tabletka, na przykład 1 mg sertraliny.

# Jak wyglądają liczby

Tak wyglądają kolejne obniżki o 10%, liczone zawsze od dawki z danej chwili,
zaczynając od 20 mg. To częsty w społeczności przykład samej arytmetyki, a nie
plan dla kogokolwiek:

| krok | dawka (mg) |
|---|---|
| początek | 20 |
| 1 | 18 |
| 2 | 16,2 |
| 3 | 14,58 |
| 4 | 13,12 |
| 5 | 11,81 |
| 6 | 10,63 |
| 7 | 9,57 |
| 8 | 8,61 |
| 9 | 7,75 |

Każdy krok zabiera mniej niż poprzedni. O to właśnie chodzi.

# W jakim tempie

Opublikowane źródła proponują różne tempo. Warto zobaczyć je obok siebie:

- Wytyczne Maudsley opisują zmniejszanie o 10 do 25% ostatniej dawki co 2 do
  4 tygodni.
- The Withdrawal Project opisuje, że wiele osób zmniejsza dawkę co miesiąc o
  5 do 10% dawki z poprzedniego miesiąca.

Wiele osób zmienia tempo po drodze: dłużej zostaje na jednej dawce, gdy
objawy są trudne, i idzie dalej, gdy czuje się stabilnie. Nie ma jednego
właściwego tempa.

# Pamiętaj

Małe dawki trudno przygotować ze zwykłych tabletek. Tempo, wielkość każdego
kroku i sposób przygotowania dawek warto ustalić razem z lekarzem, który
przepisuje ci lek.
""",
        "sources": _sources(SOURCE_HOROWITZ, SOURCE_MAUDSLEY, SOURCE_WITHDRAWAL_PROJECT),
    },
    {
        "slug": "przedluzone-objawy-odstawienne-fale-i-okna",
        "language": "pl",
        "translation_of": "living-with-protracted-withdrawal",
        "title": "Przedłużone objawy odstawienne: fale, okna i własny plan zdrowienia",
        "summary": (
            "U niektórych osób objawy odstawienne trwają miesiącami lub dłużej. Czym są fale i "
            "okna i jak ułożyć własny plan dbania o siebie."
        ),
        "tags": ["withdrawal", "coping", "community"],
        "published": (2026, 7, 13),
        "body": """\
U wielu osób objawy odstawienne mijają w ciągu kilku tygodni. U innych trwają
dużo dłużej: czasem wiele miesięcy, a niekiedy jeszcze dłużej. Mówi się wtedy
o przedłużonych objawach odstawiennych. Podręcznik Ashton (Ashton Manual),
napisany na podstawie lat pracy w poradni odstawiania benzodiazepin, opisuje
objawy, które słabną tylko stopniowo, i podkreśla, że z czasem się poprawiają.

Jeśli jesteś w tym miejscu: to nie dzieje się tylko w twojej głowie. Wiele
osób przechodzi przez to samo.

# Fale i okna

Wiele osób opisuje zdrowienie jako nierówną drogę. Są okresy objawów ("fale")
i okresy, w których czujesz się bardziej sobą ("okna"). Z miesiącami okna
zwykle się wydłużają. Tak opowiadają osoby ze społeczności; to nie jest
obietnica dla każdego.

# Twój plan zdrowienia

Własny plan to krótka lista, spisana w spokojny dzień, do przeczytania w
trudny dzień. Każdy układa go po swojemu. Oto pomysły, którymi dzielą się
inni; to nie są metody leczenia:

- **Co mi pomaga w czasie fali.** Na przykład łagodny rytm dnia, regularne
  posiłki, światło dzienne i stałe pory snu, nawet gdy sen jest słaby.
- **Jak dbam o siebie w oknie.** Robić trochę mniej, niż wydaje się możliwe w
  dobry dzień, żeby dobry dzień nie skończył się spadkiem sił.
- **Czego unikam.** Niektóre osoby zauważają, że kofeina nasila ich objawy.
  Alkohol nie pobudza, tylko działa hamująco: charakterystyki produktu
  leczniczego diazepamu, zopiklonu, gabapentyny i pregabaliny ostrzegają przed
  łączeniem ich z alkoholem.
- **Do kogo dzwonię.** Zaufana osoba, grupa wsparcia, lekarz.
- **Jak widzę postęp.** Krótki dziennik (data, dawka, sen i samopoczucie w
  skali od 0 do 10) może pokazać powolny postęp w dni, gdy trudno w niego
  uwierzyć.

# Współpraca z lekarzem

Lekarz, który przyjmuje, że odstawienie może trwać długo, to ogromna różnica.
Jeśli pojawi się nowy objaw, warto go sprawdzić, zamiast od razu zakładać, że
to odstawienie.

Jeśli w którymś momencie nie czujesz się bezpiecznie, na stronie kryzysowej są
numery, pod którymi ktoś odbierze od razu.
""",
        "sources": _sources(SOURCE_ASHTON, SOURCE_ALCOHOL),
    },
    {
        "slug": "wytyczne-maudsley-co-zmieniaja",
        "language": "pl",
        "translation_of": "guias-maudsley-de-deprescripcion",
        "title": "Wytyczne Maudsley dotyczące odstawiania leków: co zmieniają",
        "summary": (
            "Co te wytyczne mówią o sposobie zmniejszania dawki i czym różnią się od zwykłego "
            "obrazu równych kroków."
        ),
        "tags": ["tapering", "research", "prescribers"],
        "published": (2026, 7, 20),
        "body": """\
Wytyczne Maudsley dotyczące odstawiania leków (The Maudsley Deprescribing
Guidelines), autorstwa Horowitza i Taylora, mówią o tym, jak zmniejszać dawkę
i odstawiać leki. Obejmują tylko cztery grupy: leki przeciwdepresyjne,
benzodiazepiny, gabapentynoidy i leki z grupy Z. O innych lekach, na przykład
przeciwpsychotycznych, nie mówią nic.

# Co zmieniają

Zwykły obraz to schodzenie równymi krokami. Wytyczne podważają go na
przykładzie: zmniejszanie sertraliny z 50 do 37,5, 25, 12,5 i 0 mg, równymi
krokami, prawdopodobnie da coraz silniejsze objawy odstawienne pod koniec.
Każdy równy krok w miligramach jest w działaniu większy niż poprzedni.

Zamiast tego opisują zmniejszanie o odsetek ostatniej dawki: o 10 do 25% co 2 do 4
tygodni. Wtedy kroki robią się mniejsze, im niższa jest dawka.

Piszą też coś, co zaskakuje wiele osób: ostatnia dawka przed odstawieniem może
musieć być dużo mniejsza niż najmniejsza tabletka, na przykład 1 mg
sertraliny. Żeby tam dojść, wiele osób potrzebuje postaci płynnej albo innego
sposobu na przygotowanie małych dawek.

# Skąd ten pomysł

Ta sama myśl pojawia się we wcześniejszym artykule Horowitza i Taylora w The
Lancet Psychiatry (2019): przy małych dawkach mała zmiana w miligramach bardzo
zmienia zajęcie transportera serotoniny, dlatego proponują redukcję
proporcjonalną do aktualnej dawki.

# Co to znaczy dla ciebie

Wytyczne nie są planem dla konkretnej osoby. To dobry punkt wyjścia do
rozmowy z lekarzem: możesz zabrać na wizytę to streszczenie i jego źródła.
""",
        "sources": _sources(SOURCE_MAUDSLEY, SOURCE_HOROWITZ),
    },
    {
        "slug": "rozmowa-z-lekarzem",
        "language": "pl",
        "translation_of": "talking-with-your-prescriber",
        "title": "Jak rozmawiać z lekarzem o zmniejszaniu dawki",
        "summary": (
            "Jak przygotować się do wizyty w sprawie odstawiania leku, co ze sobą zabrać i jakie "
            "pytania pomagają wspólnie zaplanować redukcję."
        ),
        "tags": ["prescribers", "getting started", "tapering"],
        "published": (2026, 7, 27),
        "body": """\
Dobra współpraca z osobą, która przepisuje ci lek (lekarzem rodzinnym,
psychiatrą, pielęgniarką albo farmaceutą), to jedna z najbardziej pomocnych
rzeczy, gdy zmniejszasz dawkę. Wizyty są zwykle krótkie, więc odrobina
przygotowania pomaga dobrze je wykorzystać.

# Przed wizytą

- Zapisz, jakie leki bierzesz, w jakich dawkach i mniej więcej od kiedy.
- Zanotuj wcześniejsze próby zmniejszenia dawki lub odstawienia: co się
  działo i jak szybko zmieniano dawkę.
- Zastanów się, co jest dla ciebie najważniejsze: dlaczego chcesz zmniejszać
  dawkę teraz i co sprawiłoby, że będzie łatwiej.
- Jeśli to pomaga, weź ze sobą zaufaną osobę albo zapytaj, czy możesz robić
  notatki.

# Pytania, które możesz zadać

- Czy to dobry moment na początek, biorąc pod uwagę to, co dzieje się w moim
  życiu?
- Jak duży byłby pierwszy krok i jak długo trwałby każdy krok?
- Czy możemy zmniejszać dawkę o odsetek aktualnej dawki, jak opisują Horowitz
  i Taylor (2019) oraz Wytyczne Maudsley?
- Jeśli będą potrzebne mniejsze kroki, niż pozwalają tabletki, czy jest
  postać płynna albo apteka przygotowująca leki recepturowe?
- Co robić, jeśli objawy staną się trudne, i jak skontaktować się z
  gabinetem?

# Gdy czujesz, że nikt cię nie słucha

Nie każdy lekarz zna powolne odstawianie. Wydrukowane źródła mogą pomóc w
rozmowie; możesz też poprosić o drugą opinię. Nasz planer pokazuje arytmetykę
redukcji, żeby było o czym konkretnie rozmawiać. To punkt wyjścia, a nie plan:
plan układacie razem.
""",
        "sources": _sources(SOURCE_HOROWITZ, SOURCE_MAUDSLEY),
    },
]

/**
 * Demodata for Verksted: prosjektet «Arbeid først – understøttet av pålitelig forvaltning».
 *
 * Kilde: /work/shared/seeds/003_f3506469c4054a17.txt (følgeevalueringsrapport, Høgskolen i Innlandet / NAV Innlandet).
 * Linjer brukt:
 *   - Prosjektbeskrivelse: L1–31 (sammendrag), L218–240 (forord, inkl. NSD-godkjenning L238–240), L289–300.
 *   - Faser: L619–654 (2.1.2 Evalueringens to faser), L218–224 (evalueringsperiode desember 2020 – januar 2023),
 *     L709, L971 (kapitteloverskrifter), L17–43 og L701–707 (kontorer og deltakere).
 *   - Samtykke: L1266–1278, L1404–1418 (anonymitet, pseudonym, frivillighet, mulighet til å trekke seg).
 *   - Foreløpige funn (de seks temaene fra Fase 1): L1884–1916 (oversikt), L1918–1977 (3.1), L1979–2119 (3.2),
 *     L2121–2733 (3.3), L2123–2191 og L2932–2973 (aktivitetsplanen), L2735–3080 (3.4), L3082–3272 (3.5).
 *   - Sitater: L2149–2161, L2353–2355, L2494–2495, L2621–2622, L2741–2742, L2786–2788, L2865–2867, L2922–2923, L2946,
 *     L3060–3061, L3153–3155, L3251–3252.
 *   - Q-utsagn: vedlegg 3 «Utsagn i kommunikasjonsuniverset», L6984–7106 (utsagn 1–36 på L6992–7106).
 *     Teksten er ordrett; bare linjeskift fra PDF-uttrekket er slått sammen (skrivefeil i originalen, f.eks. «mg» i 21, er beholdt).
 *
 * Rene data: ingen importer, ingen I/O.
 */

export interface DemoFinding {
  title: string;
  summary: string;
  quotes: string[];
  reflectionQuestion: string;
  theme: string;
}

/** Datoer i ISO-format (yyyy-mm-dd). */
export interface DemoPhase {
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
}

export interface DemoStatement {
  code: number;
  text: string;
}

export const demoProject: {
  name: string;
  description: string;
  ethicsReference: string;
  consentText: string;
} = {
  name: "Arbeid først – understøttet av pålitelig forvaltning",
  description:
    "Følgeevaluering av NAV Innlandets prosjekt, som skulle styrke NAV-veilederes kompetanse i pålitelig forvaltning i oppfølging og veiledning av søkere og mottakere av arbeidsavklaringspenger (AAP) gjennom kompetanseaktiviteter. " +
    "Evalueringen undersøker hvilke kvaliteter ved kompetanseaktivitetene som fremmer eller hemmer arbeidsretting i veiledningen, og hvordan veiledere opplever egen kompetanse og myndiggjøring. " +
    "Ti NAV-kontorer i Innlandet deltok; Fase 1 brukte refleksiv tematisk analyse og Fase 2 Q-metode.",
  ethicsReference:
    "Undersøkelsen ble godkjent av Norsk senter for forskningsdata (NSD) med prosjektnummer 495028.",
  consentText:
    "Det er frivillig å delta. I utviklingsverksted og Q-sortering deltar du anonymt, og svarene dine kan ikke spores tilbake til deg. " +
    "I kollegaveiledning oppgir du bare fornavnet ditt, slik at gruppen kan gi deg ordet. " +
    "Du kan når som helst trekke deg underveis uten å oppgi grunn. " +
    "Ikke skriv navn eller fødselsnummer på brukere eller kolleger, eller andre opplysninger som kan identifisere dem. " +
    "Innspillene brukes som tilbakemelding til forskerne i det pågående prosjektet.",
};

export const demoPhases: DemoPhase[] = [
  {
    name: "Fase 1: Refleksiv tematisk analyse",
    description:
      "Forskerne observerte kompetanseaktiviteter og oppfølgingssamtaler og intervjuet NAV-veiledere, brukere og ledere ved ti NAV-kontorer i Innlandet. " +
      "Målet var å få kunnskap om sammenhenger mellom temaene i kompetanseaktivitetene og hvordan brukere, veiledere og ledere erfarte kvaliteten på forvaltningen av AAP. " +
      "Fasen ledet fram til det første utviklingsverkstedet 15. mars 2022.",
    startsOn: "2020-12-01",
    endsOn: "2022-03-15",
  },
  {
    name: "Fase 2: Q-metode",
    description:
      "25 NAV-veiledere sorterte 36 utsagn hentet fra temaene i Fase 1, ut fra hvor godt utsagnene samsvarte med egne erfaringer. " +
      "Målet var å utforske om det var systematiske forskjeller i veilederes subjektive erfaring av hvor relevante kompetanseaktivitetene var for pålitelig forvaltning av AAP. " +
      "Fasen startet etter det første utviklingsverkstedet og varte fram til det andre utviklingsverkstedet 22. november 2022.",
    startsOn: "2022-03-16",
    endsOn: "2022-11-22",
  },
];

/** De seks temaene fra Fase 1 (rapportens kapittel 3), formulert som foreløpige funn. */
export const demoFindings: DemoFinding[] = [
  {
    theme: "Språk, omtale og holdninger",
    title: "Måten vi omtaler mennesket på kan prege holdninger og arbeidsretting",
    summary:
      "Lovverket og NAV omtaler det enkelte mennesket ulikt: som medlem, søker, stønadsmottaker eller bruker. " +
      "Forskerne spør om det å bli omtalt som «bruker» kan gjøre at mennesker ikke kjenner seg igjen, og om språket kan påvirke holdninger, saksutredning og vurderinger. " +
      "Holdningene veilederne møter brukerne med, kan åpne eller lukke for temaer som er viktige for å beholde eller skaffe seg arbeid.",
    quotes: [
      "Og det å lære bruker å ta ansvar for eget liv. Det å ikke skulle lene seg på alle andre, men at det da er en selv som faktisk må gjøre.",
      "da hadde hun på en måte ikke sett meg. Hun så bare det.",
    ],
    reflectionQuestion:
      "Hvilken forskjell gjør det i praksis om vi omtaler personen som medlem, søker, mottaker eller bruker – kjenner dere igjen at språket former holdningene våre?",
  },
  {
    theme: "Saksutredninger, vurderinger og beslutninger",
    title: "Skillet mellom veileder og saksbehandler gir likebehandling, men kan filtrere bort viktig informasjon",
    summary:
      "En ny rutine der et eget saksbehandlerteam utreder søknader skulle gi lik behandling av like saker, og veilederne opplevde at den stort sett fungerte. " +
      "Samtidig kunne relevante opplysninger falle bort mellom veileder og saksbehandler, og ved avslag kjente søkerne seg ofte ikke igjen i saksutredningen, noe som ga veilederne merarbeid. " +
      "Lang venting på vedtak, oppfølging og tiltak ble sett som et betydelig hinder for arbeidsrettingen.",
    quotes: [
      "Men vi kan jo oppfatte ting forskjellig. Da gjør jo, så at det sitter folk som ikke veit hvem jeg er som skal være med å bestemme vegen videre for meg da, synes jeg er litt rart, men jeg skjønner jo, jeg skjønner jo det.",
      "Ikke at noen drar ut tida, men de har sine behandlingsmåter og det tar sin tid, og derfor får en prøve å ikke forsinke prosessen sjøl.",
    ],
    reflectionQuestion:
      "Hvordan sikrer vi at opplysningene som betyr noe for brukerens sak, kommer fram til den som utreder og beslutter – og hvor mister vi dem i dag?",
  },
  {
    theme: "Arbeidsretting i oppfølging og veiledning",
    title: "Arbeidsretting er en balansegang mellom progresjon og brukerens premisser",
    summary:
      "Brukerne ønsker stort sett å komme i arbeid tilpasset egen helse, og veilederne ser det som sitt oppdrag å motivere og hjelpe dem å se løsninger. " +
      "Veilederne balanserer mellom å skape progresjon og å bremse brukere som tar på seg for mye, med mål om at de skal kunne stå lengst mulig i arbeid. " +
      "Det er uklart hva arbeidsrettet veiledning innebærer og hvordan arbeidet deles med tiltaksarrangører, og treårsrammen for AAP oppleves som en systembegrensning.",
    quotes: [
      "Jeg tenker det er veldig viktig at jeg passer på at jeg ikke overkjører. Men at det hele tiden er på hennes premisser.",
      "det tenkes ikke bare den korteste veien lenger ut i arbeid. Man skal ha den vegen at man skal kunne stå lengst mulig.",
    ],
    reflectionQuestion:
      "Hva betyr arbeidsrettet veiledning hos dere i praksis, og når er det riktig å skyve på – og når er det riktig å bremse?",
  },
  {
    theme: "Aktivitetsplanen",
    title: "Aktivitetsplanen gir oversikt, men kan bli firkantet for brukeren",
    summary:
      "Veilederne opplever aktivitetsplanen som et viktig verktøy for åpen dialog og oversikt, i en rolle der de både skal informere om rettigheter og begrensninger og forvalte regelverket. " +
      "De fleste brukerne følte seg ivaretatt, men enkelte opplevde at planen ikke viste deres reelle utfordringer. " +
      "Da kan planen miste mening og eierskap for brukeren og bli et lite relevant bidrag i arbeidsrettingen.",
    quotes: [
      "Jeg er jo satt på å forvalte et regelverk med oppi dette her så vi må jo jobbe for å komme videre i forhold til det på en måte som er tjenlig for henne.",
      "Men den planen som vi skrev da den husker jeg var veldig firkantet.",
    ],
    reflectionQuestion:
      "Kjenner dere igjen at aktivitetsplanen kan bli firkantet – hva skal til for at brukeren opplever at planen viser hennes egne utfordringer og muligheter?",
  },
  {
    theme: "Kommunikasjon og samhandling",
    title: "Relasjon og tillit åpner for samtaler som avgjør arbeidsavklaringen",
    summary:
      "Veilederne ser det å bygge en god relasjon fra første møte som avgjørende, og flere framhever verdien av å møte brukeren ansikt til ansikt. " +
      "Brukere som blir sett, hørt og forstått i sårbare temaer, åpner seg for samtaler som kan få stor betydning for arbeidsrettingen, mens brukere som går i forsvar fordi de ikke kjenner seg igjen i hvordan de blir forstått, har vanskeligere for å komme tilbake i arbeid. " +
      "Hvordan en henvendelse kommuniseres, for eksempel innkalling eller spørsmål om behov for samtale, kan også gjøre en vesentlig forskjell.",
    quotes: [
      "Det aller viktigste er jo å bygge relasjon, tenker jeg, til den som du skal jobbe sammen med videre.",
      "Så det er klart at ingenting av dette hadde kommet hvis ikke denne relasjon og kjemien hadde vært så god.",
    ],
    reflectionQuestion:
      "Hva kjennetegner samtalene der brukeren tør å åpne seg – og hva i rammene våre gjør det vanskeligere å bygge en slik relasjon?",
  },
  {
    theme: "Kompetanseaktiviteten som læringsarena",
    title: "Kollegial erfaringsdeling gjør veilederne tryggere i forvaltningen",
    summary:
      "Deltakerne fant det nyttig å sammenligne egne vurderinger og vedtak med kollegers, og å friske opp lovverket; de fleste aktivitetene tok utgangspunkt i lovtekst og rundskriv. " +
      "Drøfting med kolleger ga tryggere vurderinger av hva som er rimelig å kreve av brukere, og en dobbeltsidig læring mellom erfarne og nye. " +
      "Samtidig savnet veilederne at saksbehandlerne deltok, og mange brukere per veileder begrenser tiden til oppfølging.",
    quotes: [
      "Sånn at de som ikke kan, kan stille spørsmål. Det kan bli en dobbeltsidig læring.",
      "Og at ikke alt går på autopilot. For det er noe med at vi trykker og skroller i veg, uten at vi tenker noe på det.",
    ],
    reflectionQuestion:
      "Hva har kompetanseaktivitetene faktisk endret i måten dere vurderer og følger opp saker på – og hvem burde vært med for at læringen skulle gitt mer?",
  },
];

/** De 36 utsagnene i vedlegg 3 («Utsagn i kommunikasjonsuniverset»), nummerert som i vedlegget. */
export const demoStatements: DemoStatement[] = [
  { code: 1, text: "Antall brukere jeg følger opp begrenser bruken av tid til oppfølging og veiledning av hver enkelt bruker" },
  { code: 2, text: "Min veiledning ivaretar hver brukers individuelle behov og rettigheter selv om jeg følger opp mange brukere" },
  { code: 3, text: "Spesialiserte saksbehandlere er å foretrekke framfor kombinering av funksjoner på NAV-veileder som saksbehandling, oppfølging og veiledning" },
  { code: 4, text: "Kompetanseaktiviteten utfordret min forståelse av lovverk og rundskriv. Jeg ble mer bevisst på hvorfor vi gjør som vi gjør." },
  { code: 5, text: "Brukeres venting på utfallet av søknader om hjelp og tiltak er et vesentlig hinder i arbeidsrettingen" },
  { code: 6, text: "Å bli møtt med forståelse som bruker, handler om at de opplever at veilederne hører og skjønner hva de sier når de snakker om sine muligheter og begrensninger i sårbare temaer." },
  { code: 7, text: "Min erfaring er et utbredt ønske blant brukere som mottar AAP om å komme i arbeid" },
  { code: 8, text: "Kompetanseaktivtetene har vært viktig for oppfriskning av mine kunnskaper om lovverk og forskrifter" },
  { code: 9, text: "I motsetninger mellom brukeres behov og lovteksten ligger loven til grunn for videre oppfølging" },
  { code: 10, text: "Jeg liker bedre at min leder underviser oss i temaer innen arbeidsretting, enn at vi veileder hverandre." },
  { code: 11, text: "Kompleksiteten i arbeidsavklaring gjør det lett å vektlegge brukers helse i en type arbeid framfor arbeidsretting mot annen type arbeid" },
  { code: 12, text: "Oppfølging av arbeidsavklaring handler om å sikre forståelse av lovverket og av servicerutiner slik at vi forvalter regelverket på en mest mulig riktig måte" },
  { code: 13, text: "Jeg er ikke så god på å se om det er endringer i lover og rundskriv, men slår opp i særlige tilfeller" },
  { code: 14, text: "Det er vanskelig å vite hva som er nedsatt arbeidsevne med mer enn 50%" },
  { code: 15, text: "For å finne fram til tiltak tar jeg i betraktning brukers verdier, interesser, motivasjon, faktiske helse og utsikter til bedring" },
  { code: 16, text: "Vi bruker den riktige forskriften, men vi «forstrenger» den litt. Den gikk egentlig fra å være veldig stram til å være veldig løs." },
  { code: 17, text: "Noen brukere opplever sin situasjon så \"mørk\" at de trenger en veileder som er i stand til å få kontakt med dem" },
  { code: 18, text: "Kompetanseaktivitetene har gitt meg ny kunnskap om lover og forskrifter" },
  { code: 19, text: "Om et tiltak ikke fungerer, finner bruker og jeg fram til et annet" },
  { code: 20, text: "Jeg har hatt konstruktive samtaler med leger om muligheter for arbeid til tross for begrensningene i en brukers diagnose" },
  { code: 21, text: "Det er viktig for mg å veilede brukere til selvinnsikt hvor de får et realistisk syn på egen arbeidsevne" },
  { code: 22, text: "Når brukere ikke får det de ønsker eller mener de har krav på, er det ofte en løsning å snakke om lovverket og de kravene som stilles. Jeg forsøker alltid å hjelpe folk videre på et eller annet vis" },
  { code: 23, text: "Det er viktig at NAV-veileder kjenner brukeres begrensninger, hva hun jobber med for å komme videre og hva vedkommendes motivasjon er" },
  { code: 24, text: "Kompetanseaktiviteten gjorde meg oppmerksom på hva som er rimelig å forvente og kreve av mottakere av AAP" },
  { code: 25, text: "Min erfaring er at en viktig oppgave er å veilede bruker til å skape alternative framtidsutsikter" },
  { code: 26, text: "Hvis man legger seg til en vane å spørre kollegaer heller enn å sjekke regelverket er det fort gjort å overse endringer" },
  { code: 27, text: "Jeg føler stort personlig ansvar for brukerne i min portefølje" },
  { code: 28, text: "I kompetanseaktivitetene fikk jeg bekreftet at mine måter å følge opp og veilede søkere/mottakere av AAP er i samsvar med de fordringer som NAV har" },
  { code: 29, text: "Kompetanseaktivitetene ga meg mulighet til å sammenligne min oppfølging og veiledning av søkere/mottakere av AAP med kollegaers" },
  { code: 30, text: "Det er viktig for veileder å være åpen og støttende på brukers forslag til tiltak, og samtidig være klar på hvilke føringer lover og forskrifter gir for støtte til tiltak fra NAV" },
  { code: 31, text: "Jeg ser at flere brukere kan være redde for å gjøre noe galt" },
  { code: 32, text: "Permisjoner og tilsetting av vikarer svekker oppfølging og veiledning ved kontoret ved at brukere må skifte eller forholde seg til flere veiledere" },
  { code: 33, text: "Jeg vil heller søke kunnskap selv enn å delta på kompetanseaktiviteter" },
  { code: 34, text: "Det tenkes ikke bare den korteste veien ut i arbeid, men at brukeren skal ha den vegen som gjør at de skal kunne stå lengst mulig i arbeid." },
  { code: 35, text: "Kompetanseaktivitetene skapte et fellesskap mellom kollegaer hvor terskelen var lav for både å bidra med og etterspørre kunnskap" },
  { code: 36, text: "Systembegrensninger, blant annet i form av lengden på AAP- perioden, begrenser spillerommet mitt som veileder, og kan også medføre økt stress for brukerne." },
];

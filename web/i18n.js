// i18n: every text of the UI, in Dutch (the default) and English.
//
// Elements carry their text as a key, so switching language rewrites the
// page in place without rebuilding it (forms keep what was typed, focus
// stays where it is):
//   data-i18n="key"              textContent = t(key, args)
//   data-i18n-args='{"n":3}'     arguments for {n} in the text; an argument
//                                {"key":"role.admin"} is translated too
//   data-i18n-attr="aria-label:key;title:key"   attributes, same args
//   data-i18n-date="2025-01-31T12:00:00Z"       a date, formatted per language
//   data-i18n-date-style="day"   the day only (a YYYY-MM-DD as it is, a
//                                moment as the day in the Netherlands);
//                                "date": the same, short
//   data-text-nl="…" data-text-en="…"           data that comes in both
//                                languages (catalogue texts), see localized()
// The choice is kept in localStorage under 'schakel.lang' and mirrored in
// <html lang>.  A text ending in '.one' is used instead of the plain key
// when args.count === 1.

const STORAGE_KEY = 'schakel.lang';
export const LANGS = ['nl', 'en'];

const nl = {
	'app.name': 'schakel',
	'app.tagline': 'Samenwerken in de keten rond slachtoffers van mensenhandel',
	'skip': 'Naar de hoofdinhoud',
	'noscript': 'schakel heeft JavaScript nodig.',
	'lang.switch': 'English',
	'lang.switch.label': 'Switch to English',
	'logout': 'Afmelden',
	'user.label': 'Aangemeld als',
	'user.summary': '{name}, {role} bij {org}',
	'nav.label': 'Hoofdmenu',
	'demo.instance': 'Demo-omgeving: alle gegevens zijn verzonnen.',
	'demo.account': 'Dit demo-account heeft geen tweede factor.',
	'loading': 'Bezig met laden…',
	'required': '(verplicht)',
	'title.suffix': 'schakel',

	'login.title': 'Aanmelden',
	'login.intro': 'Meld u aan met uw gebruikersnaam, wachtwoord en de code uit uw authenticator-app.',
	'login.username': 'Gebruikersnaam',
	'login.password': 'Wachtwoord',
	'login.totp': 'Code uit uw authenticator-app',
	'login.totp.hint': 'Zes cijfers. Demo-accounts hebben geen code nodig.',
	'login.submit': 'Aanmelden',
	'login.failed': 'Gebruikersnaam, wachtwoord of code klopt niet.',
	'login.throttled': 'Te veel pogingen. Probeer het over {count} minuten opnieuw.',
	'login.throttled.one': 'Te veel pogingen. Probeer het over 1 minuut opnieuw.',
	'login.expired': 'Uw sessie is verlopen. Meld u opnieuw aan.',
	'login.loggedout': 'U bent afgemeld.',
	'login.noaccount': 'Geen account?',
	'login.noaccount.text': 'Bent u professional en hebt u geen account in schakel? Dan kunt u een signaal ook zonder account melden.',
	'login.public': 'Melden zonder account',
	'login.public.status': 'Volg een signaal dat u zonder account hebt gemeld',

	'start.title': 'Start',
	'start.welcome': 'Welkom, {name}.',
	'start.as': 'U werkt in schakel als {role} bij {org}.',
	'start.does': 'Wat u doet',
	'start.sees': 'Wat u ziet',
	'start.chain': 'schakel verbindt de organisaties in de keten rond slachtoffers van mensenhandel: van het eerste signaal tot passende hulp. Hulp hangt nooit af van een aangifte of van de verblijfsstatus.',
	'start.needtoknow': 'Iedereen ziet alleen wat nodig is voor het eigen werk. Elke inzage wordt vastgelegd.',

	'role.reporter': 'melder',
	'role.advisor': 'adviseur',
	'role.coordinator': 'zorgcoördinator',
	'role.provider': 'hulpverlener',
	'role.assessor': 'beoordelaar',
	'role.policy': 'beleid',
	'role.rapporteur': 'rapporteur',
	'role.admin': 'beheerder',

	'role.reporter.does': 'U bent een professional, zoals leraar, huisarts, politie, arbeidsinspecteur of jongerenwerker. U geeft signalen van mensenhandel door en vraagt advies aan het advies- en meldpunt.',
	'role.reporter.sees': 'U ziet uw eigen signalen en hun status, nooit het dossier zelf.',
	'role.advisor.does': 'U werkt bij het advies- en meldpunt. U beoordeelt binnenkomende signalen, geeft advies en opent een casus als dat nodig is.',
	'role.advisor.sees': 'U ziet de signalen en casussen uit de regio van uw meldpunt.',
	'role.coordinator.does': 'U bent zorgcoördinator mensenhandel. U werkt aan casussen: zorgplannen, verwijzingen, de overgang naar volwassenenzorg en overdrachten tussen regio\'s.',
	'role.coordinator.sees': 'U ziet de casussen van uw regio en de casussen die aan u zijn toegewezen.',
	'role.provider.does': 'U werkt bij een hulpverlener, zoals opvang, jeugdhulp, een expertteam of de ggz. U neemt verwijzingen aan of wijst ze af, meldt de voortgang en legt plaatsingen vast.',
	'role.provider.sees': 'U ziet alleen wat naar uw organisatie is verwezen.',
	'role.assessor.does': 'U doet multidisciplinaire beoordelingen voor de identificatie van slachtoffers. Daarvoor is geen aangifte nodig.',
	'role.assessor.sees': 'U ziet de casussen die ter beoordeling zijn voorgelegd.',
	'role.policy.does': 'U werkt voor een gemeente of regio. U legt zorgcontracten vast en houdt het register van expertise bij.',
	'role.policy.sees': 'U ziet alleen samengevoegde, beschermde cijfers, nooit een afzonderlijk dossier.',
	'role.rapporteur.does': 'U volgt als nationaal rapporteur de aanpak van mensenhandel in heel Nederland.',
	'role.rapporteur.sees': 'U ziet alleen landelijke samengevoegde, beschermde cijfers.',
	'role.admin.does': 'U beheert organisaties, gebruikers en referentiegegevens.',
	'role.admin.sees': 'U ziet geen inhoud van signalen of casussen.',

	'orgtype.advice_point': 'Advies- en meldpunt',
	'orgtype.municipality': 'Gemeente',
	'orgtype.care_coordination': 'Zorgcoördinatie mensenhandel',
	'orgtype.provider': 'Hulpverlener',
	'orgtype.police': 'Politie',
	'orgtype.labour_inspectorate': 'Arbeidsinspectie',
	'orgtype.assessment_committee': 'Beoordelingscommissie',
	'orgtype.other': 'Overig',

	'orgs.title': 'Organisaties',
	'orgs.list': 'Alle organisaties',
	'orgs.empty': 'Er zijn nog geen organisaties.',
	'orgs.col.name': 'Naam',
	'orgs.col.type': 'Soort',
	'orgs.col.municipality': 'Gemeente',
	'orgs.add': 'Organisatie toevoegen',
	'orgs.name': 'Naam',
	'orgs.type': 'Soort organisatie',
	'orgs.municipality': 'Gemeente',
	'orgs.municipality.hint': 'De gemeente waar de organisatie gevestigd is.',
	'orgs.choose.type': 'Kies een soort',
	'orgs.choose.municipality': 'Kies een gemeente',
	'orgs.submit': 'Organisatie toevoegen',
	'orgs.added': 'Organisatie {name} is toegevoegd.',

	'users.title': 'Gebruikers',
	'users.list': 'Alle gebruikers',
	'users.empty': 'Er zijn nog geen gebruikers.',
	'users.col.username': 'Gebruikersnaam',
	'users.col.role': 'Rol',
	'users.col.org': 'Organisatie',
	'users.col.status': 'Status',
	'users.col.totp': 'Tweede factor',
	'users.col.lastlogin': 'Laatst aangemeld',
	'users.col.actions': 'Acties',
	'users.active': 'actief',
	'users.disabled': 'uitgeschakeld',
	'users.demo': 'demo-account',
	'users.yes': 'ja',
	'users.no': 'nee',
	'users.never': 'nooit',
	'users.you': '(u)',
	'users.disable': 'Uitschakelen',
	'users.disable.label': 'Uitschakelen: {name}',
	'users.disable.confirm': 'Gebruiker {name} uitschakelen? Deze gebruiker kan dan niet meer aanmelden.',
	'users.disable.yes': 'Ja, uitschakelen',
	'users.disable.yes.label': 'Ja, uitschakelen: {name}',
	'users.disable.no': 'Annuleren',
	'users.disabled.done': 'Gebruiker {name} is uitgeschakeld.',
	'users.add': 'Gebruiker toevoegen',
	'users.username': 'Gebruikersnaam',
	'users.role': 'Rol',
	'users.org': 'Organisatie',
	'users.password': 'Wachtwoord',
	'users.password.hint': 'Kies een lang wachtwoord dat nergens anders gebruikt wordt.',
	'users.choose.role': 'Kies een rol',
	'users.choose.org': 'Kies een organisatie',
	'users.submit': 'Gebruiker toevoegen',
	'users.created': 'Gebruiker {name} is aangemaakt',
	'users.totp.intro': 'Dit is de koppeling voor de authenticator-app van deze gebruiker. Ze wordt maar één keer getoond.',
	'users.totp.warning': 'Geef de koppeling en het wachtwoord veilig en los van elkaar door, bijvoorbeeld persoonlijk. Niet per e-mail of chat. Wie deze koppeling heeft, kan de codes van deze gebruiker maken.',
	'users.totp.uri': 'Koppeling voor de authenticator-app',
	'users.totp.done': 'Ik heb de koppeling veilig doorgegeven',

	'signal.new.title': 'Signaal melden',
	'signal.new.intro': 'Maakt u zich zorgen dat iemand wordt uitgebuit? Meld het hier. U hoeft het niet zeker te weten. Het advies- en meldpunt in de regio beoordeelt uw signaal en u ziet bij Mijn signalen wat ermee gebeurt.',
	'signal.new.required': 'Alleen de gemeente en ten minste één aangevinkt signaal of een beschrijving zijn verplicht. Vul verder in wat u weet.',
	'signal.where': 'Waar en hoe dringend',
	'signal.what': 'Wat u hebt gezien',
	'signal.who': 'Over wie het gaat',
	'signal.who.intro': 'Vul in wat u weet; alles is optioneel. Deze gegevens worden versleuteld opgeslagen en alleen het meldpunt van de regio ziet ze.',
	'signal.municipality': 'Gemeente waar de persoon verblijft',
	'signal.municipality.hint': 'Typ de eerste letters van de gemeente om er snel naartoe te gaan.',
	'signal.municipality.choose': 'Kies een gemeente',
	'signal.noticed_on': 'Datum waarop u het merkte',
	'signal.noticed_on.hint': 'Vandaag is al ingevuld.',
	'signal.urgency': 'Hoe dringend is het?',
	'urgency.acute': 'Acuut gevaar',
	'urgency.acute.hint': 'Iemand is nu in gevaar.',
	'urgency.days': 'Binnen enkele dagen',
	'urgency.days.hint': 'Er moet snel iets gebeuren, maar niet vandaag.',
	'urgency.not_urgent': 'Niet urgent',
	'urgency.not_urgent.hint': 'U hebt zorgen en wilt dat er naar gekeken wordt.',
	'emergency.title': 'Bij acuut gevaar: wacht niet op dit formulier, bel direct.',
	'emergency.112': 'bij direct gevaar voor iemands leven of veiligheid (politie, ambulance).',
	'emergency.vt': 'Veilig Thuis, gratis en dag en nacht bereikbaar, voor advies en om te melden.',
	'emergency.after': 'Meld het daarna hier. Het meldpunt beoordeelt een acuut signaal dezelfde dag.',
	'signal.indicators': 'Signalen die u hebt gezien of gehoord',
	'signal.indicators.hint': 'Open een groep en vink aan wat u zelf hebt gezien of gehoord. Eén signaal is genoeg.',
	'signal.indicators.count': '{count} van {total} aangevinkt',
	'signal.forms': 'Welke vorm van uitbuiting vermoedt u?',
	'signal.forms.hint': 'Kies er zoveel als u wilt, of geen als u het niet weet.',
	'signal.description': 'Wat hebt u gezien of gehoord?',
	'signal.description.hint': 'In uw eigen woorden. Verplicht als u geen signaal hebt aangevinkt.',
	'signal.actions_taken': 'Wat hebt u al gedaan?',
	'signal.actions_taken.hint': 'Bijvoorbeeld: een gesprek gevoerd, de aandachtsfunctionaris ingelicht of de politie gebeld.',
	'signal.need_what': 'Vink ten minste één signaal aan of beschrijf wat u hebt gezien.',
	'signal.submit': 'Signaal versturen',
	'signal.persons': 'Personen',
	'signal.persons.none': 'Er zijn geen personen vermeld.',
	'signal.none': 'geen',
	'signal.outcome.none': 'nog geen',
	'person.victim': 'Mogelijk slachtoffer',
	'person.suspect.n': 'Mogelijke uitbuiter {n}',
	'person.victim.heading': 'Persoon {n}: mogelijk slachtoffer',
	'person.suspect.heading': 'Persoon {n}: mogelijke uitbuiter',
	'person.other.heading': 'Persoon {n}: andere betrokkene',
	'person.add_suspect': 'Mogelijke uitbuiter toevoegen',
	'person.remove': 'Mogelijke uitbuiter {n} verwijderen',
	'person.name': 'Naam',
	'person.birth_date': 'Geboortedatum',
	'person.estimated_age': 'Geschatte leeftijd',
	'person.estimated_age.hint': 'In jaren, als u de geboortedatum niet weet.',
	'person.sex': 'Geslacht',
	'person.nationality': 'Nationaliteit',
	'person.not_given': 'Weet ik niet',
	'person.id_number': 'BSN of V-nummer',
	'person.id_number.hint': 'Alleen als u het zeker weet.',
	'person.phone': 'Telefoonnummer',
	'person.languages': 'Talen',
	'person.languages.hint': 'Welke talen spreekt deze persoon?',
	'person.markers': 'Wat geldt voor deze persoon?',
	'person.markers.hint': 'Alleen wat u weet.',
	'sex.female': 'vrouw',
	'sex.male': 'man',
	'sex.other': 'anders',
	'sex.unknown': 'onbekend',
	'nationality.dutch': 'Nederlands',
	'nationality.eu': 'uit een ander EU-land',
	'nationality.non_eu': 'van buiten de EU',
	'nationality.unknown': 'onbekend',
	'signal.done.title': 'Signaal ontvangen',
	'signal.done.number': 'Uw signaal is ontvangen onder nummer {id}. Dank u wel.',
	'signal.done.due': 'Wordt beoordeeld uiterlijk op',
	'signal.done.next': 'Bij Mijn signalen ziet u wanneer het meldpunt uw signaal oppakt en wat de uitkomst is.',
	'signal.done.mine': 'Naar Mijn signalen',
	'signal.done.again': 'Nog een signaal melden',
	'signal.col.id': 'Nummer',
	'signal.col.created': 'Gemeld op',
	'signal.col.municipality': 'Gemeente',
	'signal.col.urgency': 'Urgentie',
	'signal.col.status': 'Status',
	'signal.col.outcome': 'Uitkomst',
	'signal.col.due': 'Termijn',
	'signal.col.forms': 'Vormen',
	'status.received': 'Ontvangen',
	'status.in_triage': 'In triage',
	'status.taken_up': 'Opgepakt',
	'status.closed': 'Afgesloten',
	'decision.no_action': 'Geen verdere actie',
	'decision.advice_given': 'Advies gegeven',
	'decision.open_case': 'Casus geopend',
	'decision.forward_police': 'Doorgestuurd naar de politie',
	'decision.forward_inspectorate': 'Doorgestuurd naar de Arbeidsinspectie',
	'decision.acute_safety': 'Acute veiligheidsactie genomen',

	'signals.title': 'Mijn signalen',
	'signals.intro': 'De signalen die u hebt gemeld en wat het meldpunt ermee doet. De inhoud van een casus ziet u hier niet.',
	'signals.new': 'Een nieuw signaal melden',
	'signals.list': 'Uw signalen',
	'signals.empty': 'U hebt nog geen signalen gemeld.',

	'signals.question': '{count} vragen van het meldpunt',
	'signals.question.one': 'Vraag van het meldpunt',
	'signals.questions.notice': 'Het meldpunt heeft vragen over {count} van uw signalen. Open een signaal om te antwoorden.',
	'signals.questions.notice.one': 'Het meldpunt heeft een vraag over een van uw signalen. Open het signaal om te antwoorden.',
	'signals.detail.title': 'Signaal {id}',
	'signals.back': 'Terug naar Mijn signalen',
	'view.intro': 'Wat u hebt gemeld en wat het meldpunt ermee doet. U ziet de uitkomst, niet de afweging van het meldpunt.',
	'view.open_questions': 'Het meldpunt heeft {count} vragen voor u. U kunt ze hieronder beantwoorden.',
	'view.open_questions.one': 'Het meldpunt heeft een vraag voor u. U kunt die hieronder beantwoorden.',
	'view.description': 'Wat u zag of hoorde',
	'view.actions_taken': 'Wat u al deed',

	'questions.to_reporter': 'Vragen aan de melder',
	'questions.from_point': 'Vragen van het meldpunt',
	'questions.none': 'Er zijn de melder nog geen vragen gesteld.',
	'questions.from_point.none': 'Het meldpunt heeft u over dit signaal geen vragen gesteld.',
	'question.heading': 'Vraag {n}',
	'question.asked_by': 'Gesteld door',
	'question.asked_at': 'Gesteld op',
	'question.text': 'Vraag',
	'question.answer': 'Antwoord',
	'question.answer.none': 'nog geen antwoord',
	'question.answered_at': 'Beantwoord op',
	'question.ask.form': 'Een vraag stellen aan de melder',
	'question.ask.label': 'Uw vraag aan de melder',
	'question.ask.hint': 'De melder leest uw vraag in schakel bij Mijn signalen en kan die één keer beantwoorden. Vraag alleen wat u voor de beoordeling nodig hebt.',
	'question.ask.submit': 'Vraag stellen',
	'question.ask.done': 'Uw vraag is verstuurd. De melder ziet die bij Mijn signalen.',
	'question.ask.closed': 'Dit signaal is afgesloten. U kunt de melder geen vragen meer stellen.',
	'question.ask.conflict': 'De vraag is niet verstuurd: het signaal is intussen afgesloten.',
	'question.no_account': 'Deze melder heeft gemeld zonder account en kan in schakel geen vragen lezen. Bel {name} ({org}) terug op {phone}.',
	'question.answer.label': 'Uw antwoord',
	'question.answer.hint': 'Het meldpunt leest uw antwoord in schakel. U kunt één keer antwoorden en het antwoord daarna niet meer wijzigen.',
	'question.answer.submit': 'Antwoord versturen',
	'question.answer.done': 'Uw antwoord is verstuurd.',
	'question.answer.taken': 'Deze vraag is al beantwoord.',
	'contact.unverified': 'zonder account',
	'contact.phone': 'Telefoonnummer melder',
	'concerned.title': 'Ook betrokken bij deze persoon',
	'concerned.intro': 'Andere professionals hebben een signaal over dezelfde persoon gemeld. U ziet alleen wie zij zijn en hoe u hen bereikt; verder wordt niets van hun signaal gedeeld.',
	'concerned.col.name': 'Naam',
	'concerned.col.org': 'Organisatie',
	'concerned.col.phone': 'Telefoonnummer',

	'advice.title': 'Advies vragen',
	'advice.intro': 'Twijfelt u of er sprake is van uitbuiting, of wat u kunt doen? Vraag het advies- en meldpunt om advies. Het meldpunt van de gemeente waar het speelt antwoordt; het antwoord leest u hieronder.',
	'advice.anonymous': 'Noem geen namen of andere gegevens waarmee iemand herkenbaar is.',
	'advice.anonymous.detail': 'Dus geen naam, geboortedatum, adres, telefoonnummer of BSN. Wilt u vertellen om wie het gaat? Meld dan een signaal.',
	'advice.municipality': 'Gemeente waar het speelt',
	'advice.municipality.hint': 'Het meldpunt van deze gemeente beantwoordt uw vraag. Typ de eerste letters om er snel naartoe te gaan.',
	'advice.question': 'Vraag',
	'advice.question.hint': 'Beschrijf de situatie en wat u wilt weten, in minstens 10 tekens.',
	'advice.question.short': 'Gebruik minstens 10 tekens.',
	'advice.submit': 'Vraag versturen',
	'advice.sent': 'Uw vraag is verstuurd. Het antwoord verschijnt hieronder bij Uw vragen.',
	'advice.mine': 'Uw vragen',
	'advice.mine.empty': 'U hebt nog geen vragen gesteld.',
	'advice.asked_on': 'Vraag {id}, gesteld op',
	'advice.asked_on.plain': 'Gesteld op',
	'advice.status.open': 'Wacht op antwoord',
	'advice.status.answered': 'Beantwoord',
	'advice.answer': 'Antwoord',
	'advice.answer.none': 'nog geen antwoord',
	'advice.answered_by': 'Beantwoord door',
	'advice.answered_at': 'Beantwoord op',
	'advice.asker': 'Gesteld door',
	'advice.queue.title': 'Adviesvragen',
	'advice.queue.intro': 'Vragen van professionals uit de regio van uw meldpunt, de open vragen eerst. De vragen noemen niemand bij naam; vraag in uw antwoord ook niet naar gegevens waarmee iemand herkenbaar is.',
	'advice.queue.open': 'Open vragen',
	'advice.queue.answered': 'Beantwoorde vragen',
	'advice.queue.summary': '{count} vragen wachten op antwoord.',
	'advice.queue.summary.one': '1 vraag wacht op antwoord.',
	'advice.queue.empty': 'Er wachten geen vragen.',
	'advice.queue.answered.empty': 'Er zijn nog geen beantwoorde vragen.',
	'advice.answer.yours': 'Uw antwoord',
	'advice.answer.hint': 'De vraagsteller leest het antwoord in schakel. U kunt het daarna niet meer wijzigen.',
	'advice.answer.submit': 'Antwoord versturen',
	'advice.answer.done': 'Uw antwoord is verstuurd.',
	'advice.answer.taken': 'Deze vraag is intussen al beantwoord.',
	'advice.suggest': 'Vraag de vraagsteller dit als signaal te melden',
	'advice.suggest.hint': 'De vraagsteller ziet bij uw antwoord de knop om het als signaal te melden, nu met de persoon erbij.',
	'advice.suggested': 'Het meldpunt vraagt u dit als signaal te melden.',
	'advice.suggested.short': 'Gevraagd om te melden als signaal',
	'advice.signal': 'Signaal',
	'advice.signal.link': 'Signaal {id}',
	'advice.to_signal': 'Meld dit als signaal',
	'advice.to_signal.unknown': 'Deze vraag staat niet bij uw vragen.',
	'advice.to_signal.wait': 'Deze vraag wacht nog op antwoord. Is het dringend? Meld dan meteen een signaal.',
	'advice.to_signal.done': 'Deze vraag is al gemeld als signaal:',
	'advice.back': 'Terug naar Advies vragen',
	'signal.from_advice.title': 'Advies melden als signaal',
	'signal.from_advice.heading': 'Uw vraag en het antwoord',
	'signal.from_advice.intro': 'Gemeente en beschrijving zijn al ingevuld vanuit uw vraag; pas ze aan waar nodig en vul in om wie het gaat. Het meldpunt ziet uw vraag en het antwoord bij het signaal.',
	'signal.from_advice': 'Uit adviesvraag',
	'signal.help_needs': 'Welke hulp lijkt nodig?',
	'signal.help_needs.hint': 'Niet verplicht. Vink aan wat u denkt dat de persoon nodig heeft; het meldpunt en de zorgcoördinator kijken er later naar.',
	'signal.help_needs.open': 'Hulpbehoeften tonen',
	'signal.help_needs.count': '({count} aangevinkt)',

	'waiting.questions': 'Het meldpunt heeft {count} vragen over uw signalen.',
	'waiting.questions.one': 'Het meldpunt heeft een vraag over uw signaal.',
	'waiting.questions.link': 'Naar Mijn signalen',
	'waiting.advice': 'Het meldpunt vraagt u {count} adviesvragen als signaal te melden.',
	'waiting.advice.one': 'Het meldpunt vraagt u een adviesvraag als signaal te melden.',
	'waiting.advice.link': 'Naar Advies vragen',
	'overview.title': 'Overzicht van uw meldpunt',
	'overview.overdue': '{count} signalen zijn over hun termijn.',
	'overview.overdue.one': '1 signaal is over zijn termijn.',
	'overview.to_queue': 'Naar de wachtrij',
	'overview.deadlines': 'Hoe lang de beoordeling mag duren',
	'overview.received': 'Wachten op oppakken',
	'overview.in_triage': 'In beoordeling',
	'overview.overdue.label': 'Over de termijn',
	'overview.due_today': 'Termijn verloopt vandaag',
	'overview.acute': 'Acuut gevaar, nog niet besloten',
	'overview.waiting': 'Vragen die wachten op de melder',
	'overview.advice': 'Open adviesvragen',
	'overview.signals': '{count} signalen',
	'overview.signals.one': '1 signaal',
	'overview.questions': '{count} vragen',
	'overview.questions.one': '1 vraag',

	'deadlines.title': 'Termijnen',
	'deadlines.intro': 'Hoe lang elke stap mag duren. De termijn telt in werkdagen: maandag tot en met vrijdag, behalve nationale feestdagen, tot het eind van de dag in Nederland.',
	'deadlines.intro.admin': 'Een wijziging geldt voor wat daarna binnenkomt. Termijnen die al lopen, blijven zoals ze waren.',
	'deadlines.intro.read': 'Alleen een beheerder kan een termijn wijzigen.',
	'deadlines.now': 'Termijn',
	'deadlines.changed': 'Laatst gewijzigd',
	'deadlines.workdays': 'Werkdagen',
	'deadlines.workdays.hint': 'Het aantal werkdagen na de dag van binnenkomst, van 0 tot en met 60. Bij 0: dezelfde dag als dat een werkdag is, anders de eerstvolgende werkdag.',
	'deadlines.workdays.bad': 'Vul een geheel getal in van 0 tot en met 60.',
	'deadlines.workdays.words': 'binnen {count} werkdagen',
	'deadlines.workdays.words.one': 'binnen 1 werkdag',
	'deadlines.same_day': 'Dezelfde kalenderdag, ook in het weekend',
	'deadlines.same_day.hint': 'Gaat voor het aantal werkdagen.',
	'deadlines.same_day.words': 'dezelfde dag, ook in het weekend',
	'deadlines.save': 'Opslaan',
	'deadlines.saved': 'De termijn is gewijzigd. Hij geldt voor wat vanaf nu binnenkomt.',
	'rule.triage_acute': 'Beoordeling bij acuut gevaar',
	'rule.triage_days': 'Beoordeling bij binnen enkele dagen',
	'rule.triage_not_urgent': 'Beoordeling als het niet dringend is',

	'public.title': 'Melden zonder account',
	'public.intro': 'Bent u professional en maakt u zich zorgen dat iemand wordt uitgebuit? Meld het hier, ook zonder account. U hoeft het niet zeker te weten. Het advies- en meldpunt in de regio beoordeelt uw signaal en kan u terugbellen.',
	'public.follow.link': 'Al gemeld? Volg uw signaal',
	'public.again.link': 'Een signaal melden zonder account',
	'public.login.link': 'Hebt u een account? Meld u aan',
	'public.required': 'Verplicht zijn uw naam, organisatie en telefoonnummer, de gemeente, en ten minste één aangevinkt signaal of een beschrijving. Vul verder in wat u weet.',
	'public.unavailable': 'Het formulier kan nu niet worden geladen. Probeer het later opnieuw, of bel het meldpunt.',
	'public.you': 'Over uzelf',
	'public.you.intro': 'Het meldpunt belt u misschien terug om uw signaal te bespreken. Alleen het meldpunt ziet deze gegevens.',
	'public.reporter_name': 'Uw naam',
	'public.reporter_name.hint': 'Uw voor- en achternaam.',
	'public.reporter_org': 'Uw organisatie',
	'public.reporter_org.hint': 'Bijvoorbeeld de school, praktijk of instelling waar u werkt.',
	'public.reporter_phone': 'Uw telefoonnummer',
	'public.reporter_phone.hint': 'Een nummer waarop het meldpunt u overdag kan bereiken.',
	'public.min2': 'Gebruik minstens 2 tekens.',
	'public.min6': 'Gebruik minstens 6 tekens.',
	'public.throttled': 'Er is te vaak verstuurd vanaf dit adres. Probeer het over {count} minuten opnieuw, of bel Veilig Thuis: 0800-2000 (gratis, dag en nacht). Bij acuut gevaar: bel 112.',
	'public.throttled.one': 'Er is te vaak verstuurd vanaf dit adres. Probeer het over 1 minuut opnieuw, of bel Veilig Thuis: 0800-2000 (gratis, dag en nacht). Bij acuut gevaar: bel 112.',
	'public.done.received': 'Uw signaal is ontvangen. Dank u wel.',
	'public.done.codes': 'Uw codes',
	'public.done.write': 'Schrijf deze twee codes op. Ze worden maar één keer getoond.',
	'public.done.why': 'Met de ontvangstcode en de geheime code samen volgt u de status van uw signaal. Wie beide codes heeft, kan die status zien: geef ze aan niemand.',
	'public.done.next': 'Het meldpunt kan u bellen over uw signaal. Bij Volg uw signaal ziet u met beide codes wanneer het meldpunt uw signaal oppakt en wanneer het is afgesloten.',
	'public.receipt': 'Ontvangstcode',
	'public.receipt.hint': 'Begint met S-, bijvoorbeeld S-7K3Q-M9PX.',
	'public.receipt.bad': 'Vul de ontvangstcode in zoals u die kreeg: S-, vier tekens, een streepje en nog vier tekens.',
	'public.secret': 'Geheime code',
	'public.secret.hint': 'De lange code van 43 tekens. Let op hoofdletters en kleine letters.',
	'public.secret.bad': 'De geheime code heeft 43 tekens: letters, cijfers, - en _.',
	'public.status.title': 'Volg uw signaal',
	'public.status.intro': 'Vul de ontvangstcode en de geheime code in die u kreeg toen u het signaal meldde. U ziet dan wat het meldpunt met uw signaal doet, niet de inhoud.',
	'public.status.submit': 'Status bekijken',
	'public.status.result': 'Status van uw signaal',
	'public.status.notfound': 'Er is geen signaal met deze ontvangstcode en geheime code. Controleer beide codes.',
	'public.status.explain.received': 'Het meldpunt heeft uw signaal ontvangen en gaat het beoordelen.',
	'public.status.explain.in_triage': 'Een adviseur van het meldpunt beoordeelt uw signaal nu.',
	'public.status.explain.taken_up': 'Het meldpunt heeft uw signaal opgepakt en werkt er verder aan.',
	'public.status.explain.closed': 'Het meldpunt heeft uw signaal afgehandeld.',
	'public.status.explain.other': 'Het meldpunt werkt aan uw signaal.',

	'queue.title': 'Triage',
	'queue.intro': 'Signalen uit de regio van uw meldpunt die wachten op beoordeling: de meest urgente eerst, daarna de oudste.',
	'queue.list': 'Wachtende signalen',
	'queue.summary': '{count} signalen wachten op triage.',
	'queue.summary.one': '1 signaal wacht op triage.',
	'queue.summary.late': '{count} signalen wachten op triage, waarvan {late} over de termijn.',
	'queue.empty': 'Er wachten geen signalen.',
	'queue.col.claimed': 'Opgepakt door',
	'queue.col.persons': 'Personen',
	'queue.col.reporter': 'Melder',
	'queue.open': 'Signaal {id}',
	'queue.overdue': 'Te laat',
	'queue.detail.title': 'Signaal {id}',
	'detail.noticed_on': 'Opgemerkt op',
	'detail.indicators': 'Aangevinkte signalen',
	'detail.forms': 'Vermoede vormen van uitbuiting',
	'detail.description': 'Wat de melder zag of hoorde',
	'detail.actions_taken': 'Wat de melder al deed',
	'queue.back': 'Terug naar Triage',
	'queue.acute': 'Acuut gevaar gemeld: beoordeel dit signaal vandaag.',
	'queue.triage': 'Beoordelen',
	'queue.claim': 'Oppakken',
	'queue.claim.intro': 'Pak het signaal op om het te beoordelen. Uw collega\'s zien dan dat u het doet.',
	'queue.claim.done': 'U hebt het signaal opgepakt.',
	'queue.claim.taken': 'Dit signaal is intussen al opgepakt.',
	'queue.claimed.other': 'Dit signaal is opgepakt door {name}.',
	'decide.intro': 'Leg uw besluit vast. De melder ziet de uitkomst, niet uw toelichting.',
	'decide.decision': 'Besluit',
	'decide.choose': 'Kies een besluit',
	'decide.option.no_action': 'Geen verdere actie',
	'decide.option.advice_given': 'Advies gegeven aan de melder',
	'decide.option.open_case': 'Casus openen (naar de zorgcoördinator van de regio)',
	'decide.option.forward_police': 'Doorsturen naar de politie',
	'decide.option.forward_inspectorate': 'Doorsturen naar de Arbeidsinspectie',
	'decide.option.acute_safety': 'Acute veiligheidsactie genomen',
	'decide.reason': 'Toelichting',
	'decide.reason.hint': 'Verplicht bij geen verdere actie.',
	'decide.legal_basis': 'Grondslag of toestemming',
	'decide.legal_basis.hint': 'Op grond waarvan u de gegevens deelt: de wettelijke grondslag, of de toestemming van de betrokkene.',
	'decide.submit': 'Besluit vastleggen',
	'decide.done': 'Het besluit is vastgelegd. Status: {status}.',

	'error.title': 'Dat ging niet goed',
	'error.fields': 'Controleer de gemarkeerde velden.',
	'error.400': 'De gegevens kloppen niet.',
	'error.401': 'U bent niet aangemeld.',
	'error.403': 'U hebt hiervoor geen toestemming.',
	'error.404': 'Dit bestaat niet (meer).',
	'error.409': 'Dit bestaat al of is intussen gewijzigd.',
	'error.413': 'Dit is te groot.',
	'error.429': 'Te veel verzoeken. Probeer het straks opnieuw.',
	'error.500': 'Er ging iets mis op de server. Probeer het later opnieuw.',
	'error.network': 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
	'field.required': 'Vul dit veld in.',
	'field.choose': 'Maak een keuze.',
	'field.totp': 'Vul de zes cijfers uit uw app in, of laat het veld leeg.',
	'reason.required': 'Vul dit veld in.',
	'reason.min': 'Gebruik minstens {n} tekens.',
	'reason.max': 'Gebruik hoogstens {n} tekens.',
	'reason.maxbytes': 'Dit is te lang (hoogstens {n} bytes).',
	'reason.taken': 'Deze naam is al in gebruik.',
	'reason.unknown': 'Deze waarde bestaat niet.',
	'reason.choice': 'Kies een waarde uit de lijst.',
	'reason.username': 'Gebruik 3 tot 64 tekens: a-z, 0-9, punt (.), koppelteken (-) en laag streepje (_).',
	'reason.has_username': 'Het wachtwoord mag de gebruikersnaam niet bevatten.',
	'reason.repeated': 'Het wachtwoord mag niet uit één herhaald teken bestaan.',
	'reason.common': 'Dit wachtwoord is te bekend. Kies een langer of minder voorspelbaar wachtwoord.',
	'reason.integer': 'Vul een geheel getal in.',
	'reason.text': 'Gebruik gewone tekst.',
	'reason.between': 'Vul een getal van {n} tot en met {m} in.',
	'reason.date': 'Vul een bestaande datum in.',
	'reason.future': 'Deze datum ligt in de toekomst.',
	'reason.id_number': 'Vul een geldig BSN (9 cijfers) of V-nummer (10 cijfers) in, of laat het veld leeg.',
	'reason.need_what': 'Vink ten minste één signaal aan of beschrijf wat u hebt gezien.',
};

const en = {
	'app.name': 'schakel',
	'app.tagline': 'Working together in the chain around victims of human trafficking',
	'skip': 'Skip to main content',
	'noscript': 'schakel needs JavaScript.',
	'lang.switch': 'Nederlands',
	'lang.switch.label': 'Schakel over naar Nederlands',
	'logout': 'Log out',
	'user.label': 'Logged in as',
	'user.summary': '{name}, {role} at {org}',
	'nav.label': 'Main menu',
	'demo.instance': 'Demo environment: all data is synthetic.',
	'demo.account': 'This demo account has no second factor.',
	'loading': 'Loading…',
	'required': '(required)',
	'title.suffix': 'schakel',

	'login.title': 'Log in',
	'login.intro': 'Log in with your username, password and the code from your authenticator app.',
	'login.username': 'Username',
	'login.password': 'Password',
	'login.totp': 'Code from your authenticator app',
	'login.totp.hint': 'Six digits. Demo accounts need no code.',
	'login.submit': 'Log in',
	'login.failed': 'Username, password or code is not correct.',
	'login.throttled': 'Too many attempts. Try again in {count} minutes.',
	'login.throttled.one': 'Too many attempts. Try again in 1 minute.',
	'login.expired': 'Your session has expired. Please log in again.',
	'login.loggedout': 'You have logged out.',
	'login.noaccount': 'No account?',
	'login.noaccount.text': 'Are you a professional without an account in schakel? You can report a signal without an account too.',
	'login.public': 'Report without an account',
	'login.public.status': 'Follow a signal you reported without an account',

	'start.title': 'Start',
	'start.welcome': 'Welcome, {name}.',
	'start.as': 'You work in schakel as {role} at {org}.',
	'start.does': 'What you do',
	'start.sees': 'What you see',
	'start.chain': 'schakel links the organisations in the chain around victims of human trafficking: from the first signal to fitting help. Help never depends on a police report or on residence status.',
	'start.needtoknow': 'Everyone sees only what their own work needs. Every access is recorded.',

	'role.reporter': 'reporter',
	'role.advisor': 'advisor',
	'role.coordinator': 'care coordinator',
	'role.provider': 'care provider',
	'role.assessor': 'assessor',
	'role.policy': 'policy',
	'role.rapporteur': 'rapporteur',
	'role.admin': 'administrator',

	'role.reporter.does': 'You are a professional, such as a teacher, GP, police officer, labour inspector or youth worker. You pass on signals of human trafficking and ask the advice and reporting point for advice.',
	'role.reporter.sees': 'You see your own signals and their status, never the case file itself.',
	'role.advisor.does': 'You work at the advice and reporting point. You triage incoming signals, give advice and open a case when needed.',
	'role.advisor.sees': 'You see the signals and cases of your reporting point\'s region.',
	'role.coordinator.does': 'You are a care coordinator for human trafficking. You work on cases: care plans, referrals, the transition to adult care and transfers between regions.',
	'role.coordinator.sees': 'You see the cases of your region and the cases assigned to you.',
	'role.provider.does': 'You work at a care provider, such as a shelter, youth care, an expert team or mental health care. You accept or decline referrals, report progress and record placements.',
	'role.provider.sees': 'You see only what was referred to your organisation.',
	'role.assessor.does': 'You carry out multidisciplinary assessments to identify victims. No police report is needed for that.',
	'role.assessor.sees': 'You see the cases submitted for assessment.',
	'role.policy.does': 'You work for a municipality or region. You record care contracts and keep the expertise registry.',
	'role.policy.sees': 'You see only aggregated, protected figures, never an individual record.',
	'role.rapporteur.does': 'As the national rapporteur you monitor the approach to human trafficking across the Netherlands.',
	'role.rapporteur.sees': 'You see only national aggregated, protected figures.',
	'role.admin.does': 'You manage organisations, users and reference data.',
	'role.admin.sees': 'You see no content of signals or cases.',

	'orgtype.advice_point': 'Advice and reporting point',
	'orgtype.municipality': 'Municipality',
	'orgtype.care_coordination': 'Care coordination for trafficking',
	'orgtype.provider': 'Care provider',
	'orgtype.police': 'Police',
	'orgtype.labour_inspectorate': 'Labour inspectorate',
	'orgtype.assessment_committee': 'Assessment committee',
	'orgtype.other': 'Other',

	'orgs.title': 'Organisations',
	'orgs.list': 'All organisations',
	'orgs.empty': 'There are no organisations yet.',
	'orgs.col.name': 'Name',
	'orgs.col.type': 'Type',
	'orgs.col.municipality': 'Municipality',
	'orgs.add': 'Add an organisation',
	'orgs.name': 'Name',
	'orgs.type': 'Type of organisation',
	'orgs.municipality': 'Municipality',
	'orgs.municipality.hint': 'The municipality where the organisation is based.',
	'orgs.choose.type': 'Choose a type',
	'orgs.choose.municipality': 'Choose a municipality',
	'orgs.submit': 'Add organisation',
	'orgs.added': 'Organisation {name} has been added.',

	'users.title': 'Users',
	'users.list': 'All users',
	'users.empty': 'There are no users yet.',
	'users.col.username': 'Username',
	'users.col.role': 'Role',
	'users.col.org': 'Organisation',
	'users.col.status': 'Status',
	'users.col.totp': 'Second factor',
	'users.col.lastlogin': 'Last login',
	'users.col.actions': 'Actions',
	'users.active': 'active',
	'users.disabled': 'disabled',
	'users.demo': 'demo account',
	'users.yes': 'yes',
	'users.no': 'no',
	'users.never': 'never',
	'users.you': '(you)',
	'users.disable': 'Disable',
	'users.disable.label': 'Disable: {name}',
	'users.disable.confirm': 'Disable user {name}? This user will no longer be able to log in.',
	'users.disable.yes': 'Yes, disable',
	'users.disable.yes.label': 'Yes, disable: {name}',
	'users.disable.no': 'Cancel',
	'users.disabled.done': 'User {name} has been disabled.',
	'users.add': 'Add a user',
	'users.username': 'Username',
	'users.role': 'Role',
	'users.org': 'Organisation',
	'users.password': 'Password',
	'users.password.hint': 'Choose a long password that is not used anywhere else.',
	'users.choose.role': 'Choose a role',
	'users.choose.org': 'Choose an organisation',
	'users.submit': 'Add user',
	'users.created': 'User {name} has been created',
	'users.totp.intro': 'This is the link for this user\'s authenticator app. It is shown only once.',
	'users.totp.warning': 'Hand over the link and the password securely and separately, for example in person. Not by e-mail or chat. Whoever has this link can generate this user\'s codes.',
	'users.totp.uri': 'Link for the authenticator app',
	'users.totp.done': 'I have handed over the link securely',

	'signal.new.title': 'Report a signal',
	'signal.new.intro': 'Are you worried that someone is being exploited? Report it here. You do not need to be sure. The advice and reporting point of the region assesses your signal, and My signals shows what happens with it.',
	'signal.new.required': 'Only the municipality and at least one ticked signal or a description are required. Fill in whatever else you know.',
	'signal.where': 'Where and how urgent',
	'signal.what': 'What you noticed',
	'signal.who': 'Who it is about',
	'signal.who.intro': 'Fill in what you know; everything is optional. This data is stored encrypted and only the reporting point of the region sees it.',
	'signal.municipality': 'Municipality where the person stays',
	'signal.municipality.hint': 'Type the first letters of the municipality to get there quickly.',
	'signal.municipality.choose': 'Choose a municipality',
	'signal.noticed_on': 'Date you noticed it',
	'signal.noticed_on.hint': 'Today is filled in already.',
	'signal.urgency': 'How urgent is it?',
	'urgency.acute': 'Acute danger',
	'urgency.acute.hint': 'Someone is in danger now.',
	'urgency.days': 'Within a few days',
	'urgency.days.hint': 'Something must happen soon, but not today.',
	'urgency.not_urgent': 'Not urgent',
	'urgency.not_urgent.hint': 'You are worried and want it looked at.',
	'emergency.title': 'In acute danger: do not wait for this form, call now.',
	'emergency.112': 'when someone\'s life or safety is in immediate danger (police, ambulance).',
	'emergency.vt': 'Veilig Thuis, free of charge, day and night, for advice and to report.',
	'emergency.after': 'Then report it here. The reporting point assesses an acute signal the same day.',
	'signal.indicators': 'Signals you have seen or heard',
	'signal.indicators.hint': 'Open a group and tick what you have seen or heard yourself. One signal is enough.',
	'signal.indicators.count': '{count} of {total} ticked',
	'signal.forms': 'What form of exploitation do you suspect?',
	'signal.forms.hint': 'Choose as many as you like, or none if you do not know.',
	'signal.description': 'What have you seen or heard?',
	'signal.description.hint': 'In your own words. Required if you ticked no signal.',
	'signal.actions_taken': 'What have you done already?',
	'signal.actions_taken.hint': 'For example: talked with the person, informed the safeguarding officer or called the police.',
	'signal.need_what': 'Tick at least one signal or describe what you noticed.',
	'signal.submit': 'Send signal',
	'signal.persons': 'People',
	'signal.persons.none': 'No people are named.',
	'signal.none': 'none',
	'signal.outcome.none': 'none yet',
	'person.victim': 'Possible victim',
	'person.suspect.n': 'Suspected exploiter {n}',
	'person.victim.heading': 'Person {n}: possible victim',
	'person.suspect.heading': 'Person {n}: suspected exploiter',
	'person.other.heading': 'Person {n}: other person involved',
	'person.add_suspect': 'Add a suspected exploiter',
	'person.remove': 'Remove suspected exploiter {n}',
	'person.name': 'Name',
	'person.birth_date': 'Date of birth',
	'person.estimated_age': 'Estimated age',
	'person.estimated_age.hint': 'In years, if you do not know the date of birth.',
	'person.sex': 'Sex',
	'person.nationality': 'Nationality',
	'person.not_given': 'I do not know',
	'person.id_number': 'BSN or V-number',
	'person.id_number.hint': 'Only if you are sure.',
	'person.phone': 'Phone number',
	'person.languages': 'Languages',
	'person.languages.hint': 'Which languages does this person speak?',
	'person.markers': 'What applies to this person?',
	'person.markers.hint': 'Only what you know.',
	'sex.female': 'female',
	'sex.male': 'male',
	'sex.other': 'other',
	'sex.unknown': 'unknown',
	'nationality.dutch': 'Dutch',
	'nationality.eu': 'from another EU country',
	'nationality.non_eu': 'from outside the EU',
	'nationality.unknown': 'unknown',
	'signal.done.title': 'Signal received',
	'signal.done.number': 'Your signal has been received as number {id}. Thank you.',
	'signal.done.due': 'Will be assessed by',
	'signal.done.next': 'My signals shows when the reporting point takes up your signal and what the outcome is.',
	'signal.done.mine': 'Go to My signals',
	'signal.done.again': 'Report another signal',
	'signal.col.id': 'Number',
	'signal.col.created': 'Reported on',
	'signal.col.municipality': 'Municipality',
	'signal.col.urgency': 'Urgency',
	'signal.col.status': 'Status',
	'signal.col.outcome': 'Outcome',
	'signal.col.due': 'Deadline',
	'signal.col.forms': 'Forms',
	'status.received': 'Received',
	'status.in_triage': 'In triage',
	'status.taken_up': 'Taken up',
	'status.closed': 'Closed',
	'decision.no_action': 'No further action',
	'decision.advice_given': 'Advice given',
	'decision.open_case': 'Case opened',
	'decision.forward_police': 'Forwarded to the police',
	'decision.forward_inspectorate': 'Forwarded to the labour inspectorate',
	'decision.acute_safety': 'Acute safety action taken',

	'signals.title': 'My signals',
	'signals.intro': 'The signals you reported and what the reporting point does with them. The content of a case is not shown here.',
	'signals.new': 'Report a new signal',
	'signals.list': 'Your signals',
	'signals.empty': 'You have not reported any signals yet.',

	'signals.question': '{count} questions from the reporting point',
	'signals.question.one': 'Question from the reporting point',
	'signals.questions.notice': 'The reporting point has questions about {count} of your signals. Open a signal to answer.',
	'signals.questions.notice.one': 'The reporting point has a question about one of your signals. Open the signal to answer.',
	'signals.detail.title': 'Signal {id}',
	'signals.back': 'Back to My signals',
	'view.intro': 'What you reported and what the reporting point does with it. You see the outcome, not the point\'s deliberation.',
	'view.open_questions': 'The reporting point has {count} questions for you. You can answer them below.',
	'view.open_questions.one': 'The reporting point has a question for you. You can answer it below.',
	'view.description': 'What you saw or heard',
	'view.actions_taken': 'What you did already',

	'questions.to_reporter': 'Questions to the reporter',
	'questions.from_point': 'Questions from the reporting point',
	'questions.none': 'The reporter has not been asked any questions yet.',
	'questions.from_point.none': 'The reporting point has not asked you any questions about this signal.',
	'question.heading': 'Question {n}',
	'question.asked_by': 'Asked by',
	'question.asked_at': 'Asked on',
	'question.text': 'Question',
	'question.answer': 'Answer',
	'question.answer.none': 'not answered yet',
	'question.answered_at': 'Answered on',
	'question.ask.form': 'Ask the reporter a question',
	'question.ask.label': 'Your question to the reporter',
	'question.ask.hint': 'The reporter reads your question in schakel under My signals and can answer it once. Ask only what you need for the assessment.',
	'question.ask.submit': 'Ask question',
	'question.ask.done': 'Your question has been sent. The reporter sees it under My signals.',
	'question.ask.closed': 'This signal is closed. You can no longer ask the reporter questions.',
	'question.ask.conflict': 'The question was not sent: the signal has been closed in the meantime.',
	'question.no_account': 'This reporter reported without an account and cannot read questions in schakel. Call {name} ({org}) back on {phone}.',
	'question.answer.label': 'Your answer',
	'question.answer.hint': 'The reporting point reads your answer in schakel. You can answer once and cannot change the answer afterwards.',
	'question.answer.submit': 'Send answer',
	'question.answer.done': 'Your answer has been sent.',
	'question.answer.taken': 'This question has already been answered.',
	'contact.unverified': 'without an account',
	'contact.phone': 'Reporter\'s phone number',
	'concerned.title': 'Also concerned about this person',
	'concerned.intro': 'Other professionals have reported a signal about the same person. You see only who they are and how to reach them; nothing else of their signal is shared.',
	'concerned.col.name': 'Name',
	'concerned.col.org': 'Organisation',
	'concerned.col.phone': 'Phone number',

	'advice.title': 'Ask for advice',
	'advice.intro': 'Not sure whether someone is being exploited, or what you can do? Ask the advice and reporting point for advice. The point of the municipality where it happens answers; you read the answer below.',
	'advice.anonymous': 'Do not mention names or other details by which someone can be recognised.',
	'advice.anonymous.detail': 'So no name, date of birth, address, phone number or BSN. Do you want to say who it is about? Then report a signal.',
	'advice.municipality': 'Municipality where it happens',
	'advice.municipality.hint': 'The reporting point of this municipality answers your question. Type the first letters to get there quickly.',
	'advice.question': 'Question',
	'advice.question.hint': 'Describe the situation and what you want to know, in at least 10 characters.',
	'advice.question.short': 'Use at least 10 characters.',
	'advice.submit': 'Send question',
	'advice.sent': 'Your question has been sent. The answer appears below under Your questions.',
	'advice.mine': 'Your questions',
	'advice.mine.empty': 'You have not asked any questions yet.',
	'advice.asked_on': 'Question {id}, asked on',
	'advice.asked_on.plain': 'Asked on',
	'advice.status.open': 'Waiting for an answer',
	'advice.status.answered': 'Answered',
	'advice.answer': 'Answer',
	'advice.answer.none': 'no answer yet',
	'advice.answered_by': 'Answered by',
	'advice.answered_at': 'Answered on',
	'advice.asker': 'Asked by',
	'advice.queue.title': 'Advice requests',
	'advice.queue.intro': 'Questions from professionals in your reporting point\'s region, open questions first. The questions name nobody; do not ask for details by which someone can be recognised in your answer either.',
	'advice.queue.open': 'Open questions',
	'advice.queue.answered': 'Answered questions',
	'advice.queue.summary': '{count} questions wait for an answer.',
	'advice.queue.summary.one': '1 question waits for an answer.',
	'advice.queue.empty': 'No questions are waiting.',
	'advice.queue.answered.empty': 'No questions have been answered yet.',
	'advice.answer.yours': 'Your answer',
	'advice.answer.hint': 'The person who asked reads the answer in schakel. You cannot change it afterwards.',
	'advice.answer.submit': 'Send answer',
	'advice.answer.done': 'Your answer has been sent.',
	'advice.answer.taken': 'This question has been answered in the meantime.',
	'advice.suggest': 'Ask the asker to report this as a signal',
	'advice.suggest.hint': 'With your answer the asker sees the button to report it as a signal, now with the person.',
	'advice.suggested': 'The reporting point asks you to report this as a signal.',
	'advice.suggested.short': 'Asked to report it as a signal',
	'advice.signal': 'Signal',
	'advice.signal.link': 'Signal {id}',
	'advice.to_signal': 'Report this as a signal',
	'advice.to_signal.unknown': 'This question is not among your questions.',
	'advice.to_signal.wait': 'This question is still waiting for an answer. Is it urgent? Then report a signal straight away.',
	'advice.to_signal.done': 'This question has been reported as a signal already:',
	'advice.back': 'Back to Ask for advice',
	'signal.from_advice.title': 'Report advice as a signal',
	'signal.from_advice.heading': 'Your question and the answer',
	'signal.from_advice.intro': 'Municipality and description are filled in from your question; change them where needed and fill in who it is about. The reporting point sees your question and the answer with the signal.',
	'signal.from_advice': 'From a question for advice',
	'signal.help_needs': 'What help seems needed?',
	'signal.help_needs.hint': 'Optional. Tick what you think the person needs; the reporting point and the care coordinator look at it later.',
	'signal.help_needs.open': 'Show help needs',
	'signal.help_needs.count': '({count} ticked)',

	'waiting.questions': 'The reporting point has {count} questions about your signals.',
	'waiting.questions.one': 'The reporting point has a question about your signal.',
	'waiting.questions.link': 'Go to My signals',
	'waiting.advice': 'The reporting point asks you to report {count} questions for advice as signals.',
	'waiting.advice.one': 'The reporting point asks you to report a question for advice as a signal.',
	'waiting.advice.link': 'Go to Ask for advice',
	'overview.title': 'Overview of your point',
	'overview.overdue': '{count} signals are past their deadline.',
	'overview.overdue.one': '1 signal is past its deadline.',
	'overview.to_queue': 'Go to the queue',
	'overview.deadlines': 'How long triage may take',
	'overview.received': 'Waiting to be taken up',
	'overview.in_triage': 'In triage',
	'overview.overdue.label': 'Past the deadline',
	'overview.due_today': 'Deadline ends today',
	'overview.acute': 'Acute danger, not yet decided',
	'overview.waiting': 'Questions waiting for the reporter',
	'overview.advice': 'Open questions for advice',
	'overview.signals': '{count} signals',
	'overview.signals.one': '1 signal',
	'overview.questions': '{count} questions',
	'overview.questions.one': '1 question',

	'deadlines.title': 'Deadlines',
	'deadlines.intro': 'How long each step may take. Deadlines count working days: Monday to Friday except national public holidays, until the end of the day in the Netherlands.',
	'deadlines.intro.admin': 'A change applies to what comes in after it. Deadlines already running stay as they were.',
	'deadlines.intro.read': 'Only an administrator can change a deadline.',
	'deadlines.now': 'Deadline',
	'deadlines.changed': 'Last changed',
	'deadlines.workdays': 'Working days',
	'deadlines.workdays.hint': 'The number of working days after the day it comes in, from 0 to 60. With 0: the same day if that is a working day, else the next working day.',
	'deadlines.workdays.bad': 'Enter a whole number from 0 to 60.',
	'deadlines.workdays.words': 'within {count} working days',
	'deadlines.workdays.words.one': 'within 1 working day',
	'deadlines.same_day': 'The same calendar day, also at weekends',
	'deadlines.same_day.hint': 'Goes before the number of working days.',
	'deadlines.same_day.words': 'the same day, also at weekends',
	'deadlines.save': 'Save',
	'deadlines.saved': 'The deadline has been changed. It applies to what comes in from now on.',
	'rule.triage_acute': 'Triage in acute danger',
	'rule.triage_days': 'Triage within a few days',
	'rule.triage_not_urgent': 'Triage when not urgent',

	'public.title': 'Report without an account',
	'public.intro': 'Are you a professional and worried that someone is being exploited? Report it here, also without an account. You do not need to be sure. The advice and reporting point of the region assesses your signal and may call you back.',
	'public.follow.link': 'Reported already? Follow your signal',
	'public.again.link': 'Report a signal without an account',
	'public.login.link': 'Do you have an account? Log in',
	'public.required': 'Required are your name, organisation and phone number, the municipality, and at least one ticked signal or a description. Fill in whatever else you know.',
	'public.unavailable': 'The form cannot be loaded now. Please try again later, or call the reporting point.',
	'public.you': 'About yourself',
	'public.you.intro': 'The reporting point may call you back to discuss your signal. Only the reporting point sees these details.',
	'public.reporter_name': 'Your name',
	'public.reporter_name.hint': 'Your first name and surname.',
	'public.reporter_org': 'Your organisation',
	'public.reporter_org.hint': 'For example the school, practice or institution where you work.',
	'public.reporter_phone': 'Your phone number',
	'public.reporter_phone.hint': 'A number on which the reporting point can reach you during the day.',
	'public.min2': 'Use at least 2 characters.',
	'public.min6': 'Use at least 6 characters.',
	'public.throttled': 'Too much has been sent from this address. Please try again in {count} minutes, or call Veilig Thuis: 0800-2000 (free of charge, day and night). In acute danger: call 112.',
	'public.throttled.one': 'Too much has been sent from this address. Please try again in 1 minute, or call Veilig Thuis: 0800-2000 (free of charge, day and night). In acute danger: call 112.',
	'public.done.received': 'Your signal has been received. Thank you.',
	'public.done.codes': 'Your codes',
	'public.done.write': 'Write down these two codes. They are shown only once.',
	'public.done.why': 'With the receipt code and the secret code together you can follow the status of your signal. Anyone who has both codes can see that status: do not give them to anyone.',
	'public.done.next': 'The reporting point may call you about your signal. Under Follow your signal you see, with both codes, when the reporting point takes up your signal and when it is closed.',
	'public.receipt': 'Receipt code',
	'public.receipt.hint': 'Starts with S-, for example S-7K3Q-M9PX.',
	'public.receipt.bad': 'Enter the receipt code as you received it: S-, four characters, a hyphen and four more characters.',
	'public.secret': 'Secret code',
	'public.secret.hint': 'The long code of 43 characters. Capitals and small letters differ.',
	'public.secret.bad': 'The secret code has 43 characters: letters, digits, - and _.',
	'public.status.title': 'Follow your signal',
	'public.status.intro': 'Enter the receipt code and the secret code you received when you reported the signal. You then see what the reporting point does with your signal, not its content.',
	'public.status.submit': 'Show status',
	'public.status.result': 'Status of your signal',
	'public.status.notfound': 'There is no signal with this receipt code and secret code. Check both codes.',
	'public.status.explain.received': 'The reporting point has received your signal and will assess it.',
	'public.status.explain.in_triage': 'An advisor of the reporting point is assessing your signal now.',
	'public.status.explain.taken_up': 'The reporting point has taken up your signal and is working on it.',
	'public.status.explain.closed': 'The reporting point has dealt with your signal.',
	'public.status.explain.other': 'The reporting point is working on your signal.',

	'queue.title': 'Triage',
	'queue.intro': 'Signals from your reporting point\'s region that wait for assessment: the most urgent first, then the oldest.',
	'queue.list': 'Waiting signals',
	'queue.summary': '{count} signals wait for triage.',
	'queue.summary.one': '1 signal waits for triage.',
	'queue.summary.late': '{count} signals wait for triage, {late} of them past the deadline.',
	'queue.empty': 'No signals are waiting.',
	'queue.col.claimed': 'Claimed by',
	'queue.col.persons': 'People',
	'queue.col.reporter': 'Reporter',
	'queue.open': 'Signal {id}',
	'queue.overdue': 'Overdue',
	'queue.detail.title': 'Signal {id}',
	'detail.noticed_on': 'Noticed on',
	'detail.indicators': 'Signals ticked',
	'detail.forms': 'Suspected forms of exploitation',
	'detail.description': 'What the reporter saw or heard',
	'detail.actions_taken': 'What the reporter did already',
	'queue.back': 'Back to Triage',
	'queue.acute': 'Acute danger reported: assess this signal today.',
	'queue.triage': 'Assess',
	'queue.claim': 'Claim',
	'queue.claim.intro': 'Claim the signal to assess it. Your colleagues then see that you are on it.',
	'queue.claim.done': 'You have claimed the signal.',
	'queue.claim.taken': 'This signal has been claimed in the meantime.',
	'queue.claimed.other': 'This signal has been claimed by {name}.',
	'decide.intro': 'Record your decision. The reporter sees the outcome, not your explanation.',
	'decide.decision': 'Decision',
	'decide.choose': 'Choose a decision',
	'decide.option.no_action': 'No further action',
	'decide.option.advice_given': 'Advice given to the reporter',
	'decide.option.open_case': 'Open a case (to the region\'s care coordinator)',
	'decide.option.forward_police': 'Forward to the police',
	'decide.option.forward_inspectorate': 'Forward to the labour inspectorate',
	'decide.option.acute_safety': 'Acute safety action taken',
	'decide.reason': 'Explanation',
	'decide.reason.hint': 'Required for no further action.',
	'decide.legal_basis': 'Legal basis or consent',
	'decide.legal_basis.hint': 'On what grounds you share the data: the legal basis, or the consent of the person concerned.',
	'decide.submit': 'Record decision',
	'decide.done': 'The decision has been recorded. Status: {status}.',

	'error.title': 'Something went wrong',
	'error.fields': 'Please check the marked fields.',
	'error.400': 'The data is not correct.',
	'error.401': 'You are not logged in.',
	'error.403': 'You are not allowed to do this.',
	'error.404': 'This does not exist (any more).',
	'error.409': 'This already exists or has been changed in the meantime.',
	'error.413': 'This is too large.',
	'error.429': 'Too many requests. Please try again later.',
	'error.500': 'Something went wrong on the server. Please try again later.',
	'error.network': 'The server cannot be reached. Check the connection and try again.',
	'field.required': 'Please fill in this field.',
	'field.choose': 'Please make a choice.',
	'field.totp': 'Enter the six digits from your app, or leave the field empty.',
	'reason.required': 'Please fill in this field.',
	'reason.min': 'Use at least {n} characters.',
	'reason.max': 'Use at most {n} characters.',
	'reason.maxbytes': 'This is too long (at most {n} bytes).',
	'reason.taken': 'This name is already in use.',
	'reason.unknown': 'This value does not exist.',
	'reason.choice': 'Choose a value from the list.',
	'reason.username': 'Use 3 to 64 characters: a-z, 0-9, dot (.), hyphen (-) and underscore (_).',
	'reason.has_username': 'The password must not contain the username.',
	'reason.repeated': 'The password must not be one character repeated.',
	'reason.common': 'This password is too common. Choose a longer or less predictable one.',
	'reason.integer': 'Enter a whole number.',
	'reason.text': 'Use plain text.',
	'reason.between': 'Enter a number from {n} to {m}.',
	'reason.date': 'Enter a date that exists.',
	'reason.future': 'This date is in the future.',
	'reason.id_number': 'Enter a valid BSN (9 digits) or V-number (10 digits), or leave the field empty.',
	'reason.need_what': 'Tick at least one signal or describe what you noticed.',
};

const dict = { nl, en };
let current = initial();
const listeners = [];

function initial() {
	let saved = null;
	try {
		saved = window.localStorage.getItem(STORAGE_KEY);
	} catch {
		saved = null;	// storage disabled: stay with the default
	}
	return LANGS.includes(saved) ? saved : 'nl';
}

export function lang() {
	return current;
}

// True when key has a text (in either language).
export function has(key) {
	return key in nl || key in en;
}

export function t(key, args = {}) {
	let k = key;
	if (args.count === 1 && `${key}.one` in dict[current])
		k = `${key}.one`;
	const s = dict[current][k] ?? nl[k] ?? key;
	return s.replace(/\{(\w+)\}/g, (m, name) => {
		if (!(name in args))
			return m;
		const v = args[name];
		// {key: 'role.admin'} is itself translated
		if (v !== null && typeof v === 'object' && 'key' in v)
			return has(v.key) ? t(v.key) : String(v.fallback ?? v.key);
		return String(v);
	});
}

// The server explains a field error in an English sentence; the known
// ones map to a key (and arguments) so they can be shown in Dutch too.
// Returns null for a sentence not known here.
const REASONS = [
	[/^(is required|must not be empty)$/, 'reason.required'],
	[/^must be at least (\d+) characters$/, 'reason.min'],
	[/^must be at most (\d+) characters$/, 'reason.max'],
	[/^must be at most (\d+) bytes$/, 'reason.maxbytes'],
	[/^is already taken$/, 'reason.taken'],
	[/^is not a known /, 'reason.unknown'],
	[/^must be one of /, 'reason.choice'],
	[/^must be 3 to 64 characters /, 'reason.username'],
	[/^must not contain the user ?name$/, 'reason.has_username'],
	[/^must not be one character repeated$/, 'reason.repeated'],
	[/^is too common/, 'reason.common'],
	[/^must be an integer$/, 'reason.integer'],
	[/^must (be a string|be valid UTF-8|not contain (NUL|control))/,
	    'reason.text'],
	[/^must be between (\d+) and (\d+)$/, 'reason.between'],
	[/^must be [a-z_]+(?:, [a-z_]+)* or [a-z_]+$/, 'reason.choice'],
	[/^is not a date/, 'reason.date'],
	[/^is in the future$/, 'reason.future'],
	[/^is neither a valid BSN/, 'reason.id_number'],
	[/^check at least one indicator/, 'reason.need_what'],
];

export function reasonKey(reason) {
	for (const [re, key] of REASONS) {
		const m = re.exec(String(reason ?? ''));
		if (!m)
			continue;
		const args = {};
		if (m[1] !== undefined && /^\d+$/.test(m[1]))
			args.n = Number(m[1]);
		if (m[2] !== undefined && /^\d+$/.test(m[2]))
			args.m = Number(m[2]);
		return { key, args };
	}
	return null;
}

// A moment (seconds since the epoch, or an ISO string) as date and time;
// with style 'day' the day only, written out, and with 'date' the day
// only, short (for tables).  A plain YYYY-MM-DD is that day; a moment is
// the day it falls on in the Netherlands (deadlines end there).
export function formatDate(value, style) {
	if (value === null || value === undefined || value === '')
		return '';
	const locale = current === 'nl' ? 'nl-NL' : 'en-GB';
	const dateStyle = style === 'date' ? 'medium' : 'long';
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
		const day = new Date(`${value}T00:00:00Z`);
		if (Number.isNaN(day.getTime()))
			return value;
		return new Intl.DateTimeFormat(locale, { dateStyle,
		    timeZone: 'UTC' }).format(day);
	}
	if (typeof value === 'string' && /^\d+$/.test(value))
		value = Number(value);	// seconds since the epoch
	const d = typeof value === 'number' ? new Date(value * 1000) :
	    new Date(value);
	if (Number.isNaN(d.getTime()))
		return String(value);
	if (style === 'day' || style === 'date')
		return new Intl.DateTimeFormat(locale, { dateStyle,
		    timeZone: 'Europe/Amsterdam' }).format(d);
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium', timeStyle: 'short',
	}).format(d);
}

// Fills an element marked by localized() in the current language; when
// that language has no text, the other one, marked with its lang.
function fillLocalized(el) {
	const other = current === 'nl' ? 'en' : 'nl';
	const want = el.getAttribute(`data-text-${current}`) ?? '';
	if (want !== '') {
		el.textContent = want;
		el.removeAttribute('lang');
	} else {
		el.textContent = el.getAttribute(`data-text-${other}`) ?? '';
		el.setAttribute('lang', other);
	}
}

// Marks el with data in both languages (a catalogue text from the
// server) and fills it in; a language switch rewrites it like a key.
// Returns el.
export function localized(el, nl, en) {
	el.setAttribute('data-text-nl', String(nl ?? ''));
	el.setAttribute('data-text-en', String(en ?? ''));
	fillLocalized(el);
	return el;
}

function argsOf(el) {
	const raw = el.getAttribute('data-i18n-args');
	if (!raw)
		return {};
	try {
		return JSON.parse(raw);
	} catch {
		return {};
	}
}

// Rewrites every marked element under root (root included) in the
// current language.
export function translate(root = document) {
	const all = [];
	if (root.nodeType === Node.ELEMENT_NODE)
		all.push(root);
	all.push(...root.querySelectorAll(
	    '[data-i18n], [data-i18n-attr], [data-i18n-date], ' +
	    '[data-text-nl]'));
	for (const el of all) {
		const args = argsOf(el);
		const key = el.getAttribute('data-i18n');
		if (key)
			el.textContent = t(key, args);
		const attrs = el.getAttribute('data-i18n-attr');
		if (attrs) {
			for (const pair of attrs.split(';')) {
				const [name, k] = pair.split(':');
				if (name && k)
					el.setAttribute(name.trim(), t(k.trim(), args));
			}
		}
		if (el.hasAttribute('data-i18n-date'))
			el.textContent = formatDate(
			    el.getAttribute('data-i18n-date'),
			    el.getAttribute('data-i18n-date-style'));
		if (el.hasAttribute('data-text-nl'))
			fillLocalized(el);
	}
}

// Marks el with key (and args) and fills it in; returns el.
export function label(el, key, args) {
	el.setAttribute('data-i18n', key);
	if (args && Object.keys(args).length > 0)
		el.setAttribute('data-i18n-args', JSON.stringify(args));
	else
		el.removeAttribute('data-i18n-args');
	el.textContent = t(key, args ?? {});
	return el;
}

export function onChange(fn) {
	listeners.push(fn);
}

export function setLang(next) {
	if (!LANGS.includes(next))
		return;
	current = next;
	try {
		window.localStorage.setItem(STORAGE_KEY, next);
	} catch {
		// storage disabled: the choice lasts for this page only
	}
	document.documentElement.lang = next;
	translate(document);
	for (const fn of listeners)
		fn(next);
}

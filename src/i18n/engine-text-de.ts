import type { EngineMessages } from './engine-text-en.ts';
import type { Translation } from './messages.ts';

// The engine's words in German, as a German board would hear them in a debrief: the "Sie" form,
// Aufsichtsbehörde, Ausfallzeit, Umsatzverlust. Not word for word: each reads as German first.

export const ENGINE_TEXT_DE: Translation<EngineMessages> = {
  'reason.timeout': 'Die Uhr entscheiden lassen bei „{title}“',
  'reason.regulatorOnTime': '{name} fristgerecht informiert',
  'reason.regulatorLate': '{name} verspätet informiert – immer noch besser als Schweigen',
  'reason.regulatorMissed': 'Meldefrist versäumt: {name}',
  'reason.revenueLost': 'Umsatzverlust: {lost} von {atRisk} gefährdetem Umsatz',
  'reason.customersAffected': 'Betroffene Kunden: {affected} von {customers}',
  'reason.downtime': 'Ausfallzeit: {minutes} Min.; verkraftbar wären {tolerance} Min.',
  'reason.complianceExposure': 'Compliance-Risiko: {exposure} von 100',
  'reason.stakeholderConfidence': 'Vertrauen der Beteiligten: {start} zu Beginn, {end} am Ende',

  'objective.fromEvidence': 'Punkte gewonnen: {gained}, verloren: {lost} – bei den Entscheidungen, die dieses Ziel geprüft haben.',
  'objective.fromScore': 'Keine Entscheidung hat dieses Ziel direkt geprüft; bewertet nach dem Wert für {dimension} ({score}).',

  'rating.P': 'Ohne Schwierigkeiten erfüllt',
  'rating.S': 'Mit einigen Schwierigkeiten erfüllt',
  'rating.M': 'Mit erheblichen Schwierigkeiten erfüllt',
  'rating.U': 'Nicht erfüllt',

  'verdict.strategic-partner.label': 'Strategischer Partner',
  'verdict.strategic-partner.text': 'Mit Ihnen im Krisenstab: früh, offen und einen Schritt voraus.',
  'verdict.trusted-advisor.label': 'Vertrauter Berater',
  'verdict.trusted-advisor.text': 'Verlässlich unter Druck, mit ein paar Lücken, die es noch zu schließen gilt.',
  'verdict.dependable-vendor.label': 'Solider Dienstleister',
  'verdict.dependable-vendor.text': 'Hat repariert, was kaputt war, ist aber meist hinterhergelaufen, statt zu führen.',
  'verdict.reactive-fixer.label': 'Reaktiver Ticketabarbeiter',
  'verdict.reactive-fixer.text': 'Mit Tickets beschäftigt, während das Unternehmen das Risiko trug.',
  'verdict.liability.label': 'Risikofaktor',
  'verdict.liability.text': 'Die Reaktion hat den Schaden öfter vergrößert als begrenzt.',
  'verdict.biggest-regret.label': 'Größter Fehlgriff',
  'verdict.biggest-regret.text': 'In der Warteschleife, als es darauf ankam: Diesen Partner würde das Unternehmen nicht noch einmal anrufen.',

  'option.unavailable': 'Mit dem, was bei Ihnen vorhanden ist, nicht möglich',

  'regulator.clockStarted': 'Meldung fällig bis T+{deadline} Min.',
  'regulator.notifiedOnTime': 'fristgerecht',
  'regulator.notifiedLate': 'nach Ablauf der Frist',
  'regulator.notifiedEarly': 'bevor die Frist lief',
  'regulator.missed': 'Meldefrist versäumt',

  'lesson.sentence': 'Mit {partner} hätten dieselben Entscheidungen den Vorfall {time}{staff} und {cost}.',
  'lesson.sooner': '{span} früher beendet',
  'lesson.later': '{span} später beendet',
  'lesson.sameTime': 'zur selben Zeit beendet',
  'lesson.staffFewer': ', {hours} Personenstunden weniger Arbeitsausfall verursacht',
  'lesson.staffMore': ', {hours} Personenstunden mehr Arbeitsausfall verursacht',
  'lesson.costLess': '{money} weniger Umsatz gekostet',
  'lesson.costMore': '{money} mehr Umsatz gekostet',
  'lesson.costSame': 'gleich viel Umsatz gekostet',

  'rubric.heading': 'Wie War Room einen Durchlauf bewertet',
  'rubric.scores.title': 'Drei Werte, jeweils bis 100',
  'rubric.scores.what':
    'Jeder Durchlauf wird danach bewertet, wie der IT-Partner kommuniziert hat, wie weit er vorausgedacht hat und was der Vorfall das Unternehmen gekostet hat. Der Gesamtwert ist der Durchschnitt der drei.',
  'rubric.scores.why':
    'Jeder Punkt geht auf etwas zurück, das in Ihrem Durchlauf geschehen ist: eine Entscheidung, eine Vorsorgemaßnahme, eine Frist oder den Zustand des Unternehmens am Ende. Die Nachbesprechung führt jeden einzeln mit seinem Grund auf.',
  'rubric.communication.start':
    'Beginnt bei {base}. Entscheidungen, die allen Beteiligten klar, ehrlich und rechtzeitig sagen, wie es um das Problem, die Optionen, die Kosten und den Zeitplan steht, bringen Punkte; Schweigen, Schönfärberei und späte Nachrichten kosten Punkte.',
  'rubric.communication.onTime': 'Eine Aufsichtsbehörde fristgerecht informieren: {points}',
  'rubric.communication.missed': 'Die Frist einer Aufsichtsbehörde verstreichen lassen: {missed}; eine verspätete Meldung bringt immer noch {late}, denn spät ist besser als Schweigen',
  'rubric.communication.early': 'Eine Aufsichtsbehörde zu informieren, bevor etwas Meldepflichtiges geschehen ist, bringt nichts: Die Frist lief noch nicht',
  'rubric.proactivity.start':
    'Beginnt bei {base}. Vor dem Vorfall eingekaufte Vorsorge, frühe Erkennung, geübte Abläufe und der Blick auf das nächste Problem bringen Punkte; abzuwarten, bis es schlimmer wird, kostet Punkte.',
  'rubric.proactivity.timeout': 'Eine Entscheidung mit Zeitlimit auslaufen lassen, sodass die Standardoption greift: jedes Mal {points}',
  'rubric.impact.start':
    'Beginnt bei {base} und verliert Punkte für das, was der Vorfall bis zum Ende gekostet hat, jeweils bis zu einer Obergrenze. Umsatzverlust und Ausfallzeit wachsen weiter, solange Dienste ausgefallen sind; eine langsame Reaktion kostet also mehr.',
  'rubric.impact.downtime':
    'Die Ausfallzeit folgt dem Geschäft: Eine Minute zählt nach dem größeren der beiden Anteile an Umsatz und an Kunden, die in diesem Moment ausgefallen sind (nach dem Umsatz- und Kundenanteil jedes Dienstes; ein eingeschränkter Dienst zählt mit seinem eigenen Anteil für den eingeschränkten Betrieb, der Hälfte, sofern das Szenario nichts anderes vorgibt). Eine Minute, in der alles ausgefallen ist, zählt voll; ein Dienst, der weder Umsatz noch Kunden trägt, etwa eine Datenbank oder ein Netzwerk, zählt nur über die Dienste, die von ihm abhängen.',
  'rubric.impact.revenue': 'Umsatzverlust, gemessen am gefährdeten Umsatz im Szenario: bis zu {points}',
  'rubric.impact.customers': 'Betroffene Kunden im schlimmsten Moment, gemessen an allen Kunden: bis zu {points}',
  'rubric.impact.downtimeLimit': 'Ausfallzeit, gemessen am Doppelten dessen, was das Geschäft verkraften kann: bis zu {points}',
  'rubric.impact.compliance': 'Compliance-Risiko (versäumte Fristen, nicht gemeldete Verstöße): bis zu {points}',
  'rubric.impact.reputation': 'Verlorenes Vertrauen der Beteiligten (durchschnittlicher Stimmungsabfall, 50 Punkte = volle Strafe): bis zu {points}',
  'rubric.verdict.title': 'Das Urteil über Ihren Partner',
  'rubric.verdict.scale': 'Der Gesamtwert ordnet den Partner, mit dem Sie gespielt haben, auf einer Skala vom strategischen Partner bis zum größten Fehlgriff ein.',
  'rubric.verdict.step': 'ab {min}: {label}. {text}',
  'rubric.objectives.title': 'Lernziele',
  'rubric.objectives.what':
    'Jedes Szenario nennt, was Sie üben sollen, und jedes Lernziel gehört zu einem der drei Werte. Entscheidungen, die ein Lernziel prüfen, zählen als Beleg dafür.',
  'rubric.objectives.how':
    'Ein Lernziel wird nach dem Anteil der Belegpunkte bewertet, die Sie gewonnen statt verloren haben: {byEvidence}. Gibt es in Ihrem Durchlauf keine Belege, zählt der Wert seiner Dimension: {byScore}.',
  'rubric.objectives.from': '{rating} ab {min}',
  'rubric.objectives.rating': '{rating}: {label}',

  // Warum der Verlauf, die Prüfung des Startwerts und die Anpassung etwas ablehnen.
  'refusal.quoted': '„{text}“',
  'refusal.notAnInput': 'eine Eingabe muss ein Objekt mit einem Typ sein',
  'refusal.extraFields': 'eine Eingabe vom Typ {type} hat kein Feld {fields}',
  'refusal.measuresNotList': 'die Vorbereitung muss eine Liste von höchstens {max} Maßnahmen-IDs sein',
  'refusal.noOptionId': 'eine Entscheidung muss die ID einer Option nennen',
  'refusal.votesNotMap': 'Stimmen müssen den IDs der Optionen eine Anzahl zuordnen',
  'refusal.votesOutOfRange': 'Stimmen sind ganze Zahlen von 0 bis {max} für die Optionen der Entscheidung',
  'refusal.tickOutOfRange': 'die Uhr läuft in ganzen Minuten weiter, von 1 bis {max} ({days} Tage) auf einmal',
  'refusal.extendOutOfRange': 'ein Timer wird um ganze Minuten verlängert, von 1 bis {max} ({days} Tage)',
  'refusal.unknownInput': 'unbekannte Art von Eingabe: {type}',
  'refusal.noInputType': '(keine)',
  'refusal.prepOver': 'die Vorbereitung ist vorbei: Der Vorfall hat begonnen',
  'refusal.unknownMeasures': 'es gibt keine vorbereitende Maßnahme {measures}; zur Wahl stehen {known}',
  'refusal.measureTwice': 'jede Maßnahme lässt sich nur einmal einkaufen',
  'refusal.overBudget': 'diese Maßnahmen kosten {cost}, das Budget beträgt aber nur {budget}',
  'refusal.notStarted': 'der Vorfall hat noch nicht begonnen: Schließen Sie zuerst die Vorbereitung ab',
  'refusal.noDecision': 'es wartet keine Entscheidung auf eine Antwort',
  'refusal.unknownOption': 'es gibt keine Option „{option}“ im Abschnitt „{beat}“; zur Wahl stehen {options}',
  'refusal.badVotes': 'Stimmen sind ganze Zahlen ab 0 für Optionen dieser Entscheidung',
  'refusal.optionUnavailable': 'Option „{option}“ steht nicht zur Verfügung',
  'refusal.optionUnavailableBecause': 'Option „{option}“ steht nicht zur Verfügung: {reason}',
  'refusal.cannotChooseNow': 'Option „{option}“ lässt sich jetzt nicht wählen',
  'refusal.noTimer': 'es läuft keine Entscheidung mit Frist',
  'refusal.noInject': 'in diesem Abschnitt wartet keine Einspielung auf die Freigabe',
  'refusal.nothingToSkip': 'es wartet keine Entscheidung, die sich überspringen ließe',
  'seed.outOfRange': 'erlaubt sind ganze Zahlen von 0 bis {max}',
  'tailoring.companyTooLong': 'der Firmenname ist länger als {max} Zeichen',
  'tailoring.sectorTooLong': 'die Branche ist länger als {max} Zeichen',
  'tailoring.unknownCurrency': 'es gibt keine Währung „{currency}“ (möglich: {allowed})',
  'tailoring.tooManyPeople': 'höchstens {max} Personen lassen sich umbenennen',
  'tailoring.personNameTooLong': 'der neue Name für „{id}“ ist länger als {max} Zeichen',
  'tailoring.unknownPerson': 'es gibt keine Person „{id}“ in „{scenario}“',
};

// Word lists and comment templates for the demo data. Names are common British and European names;
// e-mail addresses use reserved example domains, phone numbers the UK drama range (07700 900xxx).

export const FIRST_NAMES = [
  "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Noah", "Mia", "Jack", "Ivy", "Leo", "Lily",
  "Arthur", "Freya", "Muhammad", "Florence", "Oscar", "Willow", "Charlie", "Rosie", "Jacob", "Sophia",
  "Thomas", "Evie", "Henry", "Grace", "William", "Poppy", "Alfie", "Ella", "Archie", "Emily", "Theo",
  "Elsie", "Freddie", "Daisy", "James", "Chloe", "Joshua", "Harper", "Samuel", "Sienna", "Daniel",
  "Matilda", "Lucas", "Aisha", "Ethan", "Priya", "Adam", "Zara", "Ryan", "Hannah", "Mohammed", "Ruby",
  "Liam", "Sofia", "Aaron", "Fatima", "Owen", "Niamh", "Callum", "Siobhan", "Rhys", "Megan", "Kieran",
  "Chiara", "Lukas", "Léa", "Mateo", "Anna", "Jonas", "Camille", "Pablo", "Marta", "Wei", "Yuki",
  "Tomasz", "Olga", "Kofi", "Amara",
];

export const LAST_NAMES = [
  "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson",
  "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Thomas", "Clarke",
  "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes",
  "Moore", "Clark", "King", "Harrison", "Lewis", "Baker", "Lee", "Allen", "Morris", "Khan", "Scott",
  "Watson", "Davis", "Parker", "James", "Bennett", "Young", "Phillips", "Richardson", "Mitchell",
  "Bailey", "Carter", "Cook", "Singh", "Shaw", "Bell", "Collins", "Morgan", "Kelly", "Begum", "Murphy",
  "O'Brien", "Campbell", "Stewart", "MacDonald", "Reid", "Ahmed", "Ali", "Nowak", "Müller", "Schmidt",
  "Dubois", "García", "Rossi", "Silva", "Kowalski", "Chen", "Nguyen", "Okafor", "Mensah",
];

export const REGIONS = [
  "London", "South East", "South West", "East of England", "Midlands", "North West", "North East",
  "Yorkshire", "Scotland", "Wales", "Northern Ireland",
];
export const REGION_WEIGHTS = [16, 14, 8, 9, 15, 11, 4, 8, 8, 5, 2];

export const EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "mail.example"];

export type Tone = "praise" | "neutral" | "angry";
export type Locale = "en" | "de" | "fr" | "es";

export const COMMENTS: Record<Locale, Record<Tone, string[]>> = {
  en: {
    praise: [
      "Really quick and friendly, thank you.",
      "Sorted in one go, no fuss.",
      "The agent knew exactly what to do.",
      "Best service I've had from a provider in years.",
      "Fast, clear and polite. Keep it up.",
      "Great value and the connection has been rock solid.",
      "Everything worked first time.",
      "Helpful staff who actually listened.",
      "Easy to follow and nothing to chase.",
      "I'd recommend you to anyone asking.",
    ],
    neutral: [
      "It was fine, nothing special.",
      "Took a bit longer than I expected but got there.",
      "OK overall. The app could be clearer.",
      "Price is alright, service is average.",
      "Did what I needed.",
      "Not bad, but I had to explain my issue twice.",
      "Decent, though the wait was a little long.",
      "Reasonable. Would like cheaper plans.",
    ],
    angry: [
      "Waited over 40 minutes and still no answer.",
      "I was promised a call back that never came.",
      "Charged twice this month and nobody can explain why.",
      "Third time I've reported the same fault.",
      "Nobody takes ownership, I keep getting passed around.",
      "Connection drops every evening. Useless.",
      "Far too expensive for what you get.",
      "Had to repeat my account details to three different people.",
      "Cancelled the engineer twice without telling me.",
      "The app kept crashing during activation.",
    ],
  },
  de: {
    praise: ["Schnell und freundlich, danke!", "Alles hat auf Anhieb funktioniert.", "Sehr kompetente Beratung."],
    neutral: ["War in Ordnung.", "Hat etwas länger gedauert als erwartet.", "Ganz okay, die App könnte übersichtlicher sein."],
    angry: ["Niemand hat mich zurückgerufen.", "Zweimal abgebucht und keiner kann es erklären.", "Viel zu lange Wartezeit."],
  },
  fr: {
    praise: ["Rapide et aimable, merci !", "Tout a fonctionné du premier coup.", "Conseiller très compétent."],
    neutral: ["Correct, sans plus.", "Un peu long mais c'est réglé.", "Bien, mais l'application pourrait être plus claire."],
    angry: ["Personne ne m'a rappelé.", "Facturé deux fois ce mois-ci.", "Attente beaucoup trop longue."],
  },
  es: {
    praise: ["Rápido y amable, ¡gracias!", "Todo funcionó a la primera.", "Muy buena atención."],
    neutral: ["Estuvo bien, nada especial.", "Tardó un poco más de lo esperado.", "Correcto, aunque la app podría ser más clara."],
    angry: ["Nadie me devolvió la llamada.", "Me cobraron dos veces este mes.", "Demasiado tiempo de espera."],
  },
};

/** English complaints or praise specific to a touchpoint, used instead of the generic ones half the time. */
export const TOUCHPOINT_COMMENTS: Record<string, Partial<Record<Tone, string[]>>> = {
  "Phone support call back": {
    angry: [
      "Promised a call back within 2 hours, waited two days.",
      "Nobody called back. Had to ring again and start from scratch.",
      "The call back came while I was at work, outside the slot I chose.",
    ],
  },
  "Home broadband activation": {
    angry: [
      "The activation in the app got stuck at 80% for an hour.",
      "Router lights were green but no internet for two days.",
      "The app said I was activated. I wasn't.",
    ],
  },
  "Bill dispute form": {
    angry: [
      "Submitted a dispute three weeks ago, still no decision.",
      "The dispute form lost everything I typed when it timed out.",
      "No acknowledgement after sending the dispute form.",
    ],
  },
  "In-store device setup": {
    praise: [
      "They moved all my photos and contacts while I had a coffee. Brilliant.",
      "The store team set up my new phone in 15 minutes. Above and beyond.",
      "Walked out with everything working, even my banking app.",
    ],
  },
};

export const INTERACTION_NOTES: Record<string, string[]> = {
  resolved: [
    "Explained the charges, customer happy.",
    "Reset the router remotely, connection back.",
    "Applied the loyalty discount.",
    "Booked the engineer for Thursday AM.",
    "Walked through the app setup.",
    "Refund processed.",
  ],
  follow_up: [
    "Needs a call back once the fault ticket updates.",
    "Waiting for the billing team to confirm the credit.",
    "Customer will send a photo of the router lights.",
    "Check again after the network works tonight.",
  ],
  escalated: [
    "Escalated to network team, repeat fault.",
    "Passed to the complaints team, customer very upset.",
    "Escalated to billing: double charge.",
  ],
  no_action: ["Customer only wanted information.", "Duplicate contact, already handled.", "Customer hung up."],
};

export const ROOT_CAUSES = [
  "billing error",
  "long wait",
  "product defect",
  "missed call back",
  "network outage",
  "engineer no-show",
  "unclear pricing",
  "staff attitude",
];

export const RESOLUTIONS = [
  "Called the customer, apologised and applied a one-month credit.",
  "Corrected the bill and refunded the overcharge.",
  "Booked a priority engineer visit; fault fixed.",
  "Replaced the router; customer confirmed stable connection.",
  "Explained the pricing change and moved the customer to a cheaper plan.",
  "Fed back to the team lead; customer accepted the apology.",
];

export const QUESTION_TEXT = {
  nps: {
    en: "How likely are you to recommend Northwind Telecom to a friend or colleague?",
    de: "Wie wahrscheinlich ist es, dass Sie Northwind Telecom einem Freund oder Kollegen empfehlen?",
    fr: "Quelle est la probabilité que vous recommandiez Northwind Telecom à un ami ou un collègue ?",
    es: "¿Qué probabilidad hay de que recomiende Northwind Telecom a un amigo o colega?",
  },
  why: {
    en: "What is the main reason for your score?",
    de: "Was ist der wichtigste Grund für Ihre Bewertung?",
    fr: "Quelle est la principale raison de votre note ?",
    es: "¿Cuál es el motivo principal de su puntuación?",
  },
  csat: {
    en: "How satisfied were you with the help you received today?",
    de: "Wie zufrieden waren Sie mit der Hilfe, die Sie heute erhalten haben?",
    fr: "Dans quelle mesure êtes-vous satisfait de l'aide reçue aujourd'hui ?",
    es: "¿Qué tan satisfecho quedó con la ayuda que recibió hoy?",
  },
  ces: {
    en: "The company made it easy for me to handle my issue",
    de: "Das Unternehmen hat es mir leicht gemacht, mein Anliegen zu erledigen",
    fr: "L'entreprise m'a facilité la résolution de mon problème",
    es: "La empresa me facilitó resolver mi problema",
  },
  comment: {
    en: "Anything you would like to tell us?",
    de: "Möchten Sie uns noch etwas mitteilen?",
    fr: "Souhaitez-vous nous dire autre chose ?",
    es: "¿Hay algo más que quiera contarnos?",
  },
};

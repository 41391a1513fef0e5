"""Bilingual phrase banks for the generated projects.

Every text of a generated milestone is assembled from these pieces with a seeded RNG, in
French and English together, so that the two languages say the same thing (``pressgen check``
compares their figures) and no two paragraphs of a project are alike. The texts hold no
digits except years: a hand-written figure would have to be formatted per language.

Slots: ``{city}``, ``{network}``, ``{handle}``, ``{place}``, ``{event}``, ``{aud}`` (French
with its article, English bare), ``{year}``. French slots follow only prepositions that do not
contract with the article (« dans le », « pour les », never « à le »).
"""

from __future__ import annotations

Pair = tuple[str, str]

# (French, English) city names; the first one is also a plain-ASCII base for handles.
CITIES: list[Pair] = [
    ("Paris", "Paris"), ("Londres", "London"), ("Bruxelles", "Brussels"), ("Genève", "Geneva"),
    ("Montréal", "Montreal"), ("Lisbonne", "Lisbon"), ("Vienne", "Vienna"), ("Varsovie", "Warsaw"),
    ("Copenhague", "Copenhagen"), ("Édimbourg", "Edinburgh"), ("Séville", "Seville"),
    ("Florence", "Florence"), ("Venise", "Venice"), ("Naples", "Naples"), ("Munich", "Munich"),
    ("Cologne", "Cologne"), ("Anvers", "Antwerp"), ("Athènes", "Athens"), ("Prague", "Prague"),
    ("Barcelone", "Barcelona"), ("Milan", "Milan"), ("Turin", "Turin"), ("Gênes", "Genoa"),
    ("Berlin", "Berlin"), ("Hambourg", "Hamburg"), ("Amsterdam", "Amsterdam"),
    ("Rotterdam", "Rotterdam"), ("Stockholm", "Stockholm"), ("Oslo", "Oslo"),
    ("Helsinki", "Helsinki"), ("Dublin", "Dublin"), ("Rome", "Rome"), ("Madrid", "Madrid"),
    ("Bâle", "Basel"), ("Lyon", "Lyon"), ("Marseille", "Marseille"), ("Bordeaux", "Bordeaux"),
    ("Lille", "Lille"), ("Nantes", "Nantes"), ("Strasbourg", "Strasbourg"),
    ("Toulouse", "Toulouse"), ("Nice", "Nice"), ("Québec", "Quebec City"), ("Dakar", "Dakar"),
    ("Tunis", "Tunis"), ("Le Caire", "Cairo"), ("Alger", "Algiers"), ("Rabat", "Rabat"),
    ("La Nouvelle-Orléans", "New Orleans"), ("Mexico", "Mexico City"), ("Cracovie", "Krakow"),
    ("Budapest", "Budapest"), ("Bucarest", "Bucharest"), ("Sofia", "Sofia"), ("Porto", "Porto"),
    ("Valence", "Valencia"), ("Bologne", "Bologna"), ("Zurich", "Zurich"), ("Lausanne", "Lausanne"),
    ("Liège", "Liège"), ("Gand", "Ghent"), ("Luxembourg", "Luxembourg"), ("Rennes", "Rennes"),
    ("Grenoble", "Grenoble"), ("Montpellier", "Montpellier"), ("Dijon", "Dijon"), ("Metz", "Metz"),
]

NETWORKS = ["Twitter", "Instagram", "Facebook", "Mastodon", "Bluesky", "Threads", "TikTok",
            "YouTube", "LinkedIn", "Snapchat", "WeChat", "Sina Weibo"]

PLACES: list[Pair] = [
    ("le quartier de la gare", "the station district"), ("les berges du fleuve", "the riverbanks"),
    ("la vieille ville", "the old town"), ("le marché couvert", "the covered market"),
    ("les jardins publics", "the public gardens"), ("la médiathèque", "the media library"),
    ("le port de plaisance", "the marina"), ("les pistes cyclables", "the cycle lanes"),
    ("la piscine municipale", "the municipal pool"), ("le théâtre", "the theatre"),
    ("les écoles", "the schools"), ("le musée des beaux-arts", "the fine arts museum"),
    ("la patinoire", "the ice rink"), ("le stade", "the stadium"), ("les parcs", "the parks"),
    ("l'hôtel de ville", "the city hall"), ("le jardin botanique", "the botanical garden"),
    ("les halles", "the market halls"), ("le conservatoire", "the conservatory"),
    ("la gare routière", "the bus station"), ("les quais", "the quays"),
    ("le centre historique", "the historic centre"), ("les bibliothèques", "the libraries"),
    ("le zoo", "the zoo"), ("la plage urbaine", "the city beach"), ("l'opéra", "the opera house"),
    ("les marchés de quartier", "the neighbourhood markets"), ("le planétarium", "the planetarium"),
]

EVENTS: list[Pair] = [
    ("le festival d'été", "the summer festival"), ("le marathon", "the marathon"),
    ("la fête de la musique", "the music day"), ("les journées du patrimoine", "the heritage days"),
    ("le marché de Noël", "the Christmas market"), ("la semaine du vélo", "bike week"),
    ("le salon du livre", "the book fair"), ("les élections municipales", "the local elections"),
    ("la canicule", "the heatwave"), ("les inondations", "the floods"),
    ("la grève des transports", "the transport strike"), ("la rentrée scolaire", "the start of the school year"),
    ("la nuit des musées", "museum night"), ("le carnaval", "the carnival"),
    ("la course des garçons de café", "the waiters' race"), ("le feu d'artifice", "the fireworks"),
    ("la tempête de neige", "the snowstorm"), ("le festival de jazz", "the jazz festival"),
    ("la braderie", "the street market"), ("le tour cycliste", "the cycling tour"),
    ("les jeux universitaires", "the university games"), ("la foire aux vins", "the wine fair"),
]

AUDIENCES: list[Pair] = [
    ("les habitants", "residents"), ("les visiteurs", "visitors"), ("les familles", "families"),
    ("les étudiants", "students"), ("les commerçants", "shopkeepers"),
    ("les associations", "local associations"), ("les touristes", "tourists"),
    ("les aînés", "older people"), ("les cyclistes", "cyclists"), ("les parents d'élèves", "parents"),
    ("les usagers des transports", "public transport users"), ("les artistes", "artists"),
    ("les bénévoles", "volunteers"), ("les sportifs", "athletes"), ("les riverains", "neighbours"),
    ("les agents municipaux", "municipal staff"), ("les lycéens", "high school students"),
]

# Quote sentences, first person plural.
QUOTE_SENTENCES: list[Pair] = [
    ("Nous remercions {aud} de {city} pour leur fidélité !", "We thank the {aud} of {city} for their loyalty!"),
    ("Ce succès, nous le partageons d'abord avec {aud}, qui nous écrivent chaque jour.",
     "This success belongs first to the {aud} who write to us every day."),
    ("Pendant {event}, le compte a été le premier relais des informations pratiques.",
     "During {event}, the account was the first to pass on practical information."),
    ("Qui aurait cru, en {year}, qu'un simple compte deviendrait un service public à part entière ?",
     "Who would have thought, in {year}, that a simple account would become a public service in its own right?"),
    ("Nous voulions parler comme on parle dans {place} : simplement, et avec humour.",
     "We wanted to talk the way people talk around {place}: simply, and with humour."),
    ("Notre règle est claire : répondre vite, et répondre juste.",
     "Our rule is clear: answer quickly, and answer right."),
    ("Les messages sur {place} sont toujours ceux qui font réagir le plus ; c'est un bon signe.",
     "Posts about {place} always get the most replies; that is a good sign."),
    ("Le réseau {network} nous oblige à être brefs -- et c'est une excellente école.",
     "{network} forces us to be brief -- and that is an excellent school."),
    ("Nous avons appris beaucoup pendant {event}... et nous continuons d'apprendre.",
     "We learned a lot during {event}... and we are still learning."),
    ("Merci à toutes celles et à tous ceux qui nous suivent depuis {year} !",
     "Thank you to everyone who has followed us since {year}!"),
    ("Pour {aud}, ce compte est devenu un \"guichet\" ouvert le soir et le week-end.",
     "For {aud}, this account has become a \"front desk\" open in the evenings and at weekends."),
    ("Rien de tout cela ne serait possible sans l'équipe qui veille sur {handle} jour et nuit.",
     "None of this would be possible without the team that looks after {handle} day and night."),
    ("Nous ne cherchons pas l'audience pour elle-même : nous cherchons à être utiles.",
     "We are not after an audience for its own sake: we want to be useful."),
    ("Quand il a fallu informer sur {event}, chaque minute comptait.",
     "When people needed news of {event}, every minute counted."),
    ("C'est une fierté pour {city}, et une responsabilité pour nous.",
     "It makes {city} proud, and it makes us responsible."),
    ("Nous répondrons toujours, même aux questions les plus inattendues sur {place} !",
     "We will always answer, even the most unexpected questions about {place}!"),
    ("Le ton a changé depuis {year} ; l'exigence, elle, est restée la même.",
     "The tone has changed since {year}; the standard has stayed the same."),
    ("Ce chiffre nous dit une chose : {aud} veulent une information directe.",
     "This figure tells us one thing: {aud} want information first-hand."),
    ("Chaque jour, nous relisons nos messages avant de les publier ; c'est la moindre des choses.",
     "Every day we read our posts again before publishing them; it is the least we can do."),
    ("Pourquoi {network} ? Parce que c'est là que {aud} posent leurs questions.",
     "Why {network}? Because that is where {aud} ask their questions."),
]

RECORD_SENTENCES: list[Pair] = [
    ("{handle} devient ainsi le compte public le plus suivi de {city} sur {network}, loin devant les autres institutions.",
     "{handle} is now the most-followed public account in {city} on {network}, far ahead of other institutions."),
    ("C'est un record pour une collectivité de cette taille, et le signe de l'attachement des habitants à leur ville.",
     "It is a record for a local authority of this size, and a sign of how attached residents are to their city."),
    ("Le compte rejoint ainsi les grandes métropoles européennes parmi les institutions les plus suivies sur {network}.",
     "The account now ranks with the great European cities among the most-followed institutions on {network}."),
    ("Jamais un compte municipal de {city} n'avait réuni une telle audience, en France comme à l'étranger.",
     "No municipal account in {city} had ever gathered such an audience, at home and abroad."),
    ("La progression s'est accélérée depuis {event}, quand le compte a servi de relais officiel.",
     "Growth has picked up since {event}, when the account served as the official channel."),
    ("{city} confirme ainsi sa place parmi les villes les plus actives sur {network}.",
     "{city} thus confirms its place among the most active cities on {network}."),
]

HIGHLIGHT_SENTENCES: list[Pair] = [
    ("{network} est aujourd'hui l'un des principaux canaux de la Ville pour informer {aud} et pour leur répondre.",
     "{network} has become one of the City's main channels for keeping {aud} informed, and for answering them."),
    ("Pour marquer l'événement, la Ville organise une visite commentée dans {place}, ouverte à tous.",
     "To mark the occasion, the City is holding a guided tour of {place}, open to all."),
    ("Les messages les plus partagés de l'année portaient sur {event} et sur {place}.",
     "The most shared posts of the year were about {event} and {place}."),
    ("L'équipe répond désormais aux questions en *moins d'une heure* en semaine.",
     "The team now answers questions in *less than an hour* on weekdays."),
    ("Une sélection des plus beaux messages est exposée dans {place} jusqu'à la fin du mois.",
     "A selection of the finest posts is on show at {place} until the end of the month."),
    ("Pendant {event}, le compte a publié des informations en continu, de jour comme de nuit.",
     "During {event}, the account posted updates around the clock."),
    ("Les abonnés peuvent proposer leurs photos prises dans {place} ; les meilleures seront publiées chaque semaine.",
     "Followers can send in their photos of {place}; the best will be posted every week."),
    ("Le compte publie aussi des alertes : travaux, météo, fermetures -- tout ce qui change la journée pour {aud}.",
     "The account also posts alerts: roadworks, weather, closures -- anything that changes the day for {aud}."),
    ("Depuis {year}, le compte a changé trois fois de ton, mais jamais de ligne : informer d'abord.",
     "Since {year}, the account has changed its tone three times, but never its line: inform first."),
    ("Les questions les plus fréquentes ? Les horaires dans {place}, et le programme pour {event}.",
     "The most frequent questions? Opening hours at {place}, and the programme for {event}."),
    ("Une charte publique fixe les règles de modération ; elle est consultable sur le site de la Ville.",
     "A public charter sets the moderation rules; it can be read on the City's website."),
    ("Les services municipaux s'appuient sur le compte pour recueillir les avis exprimés par {aud}.",
     "City departments rely on the account to hear from {aud}."),
]

ABOUT_SENTENCES: list[Pair] = [
    ("{org} anime le compte {handle} sur {network} depuis {year}.",
     "{org} has run the {handle} account on {network} since {year}."),
    ("Ses comptes informent chaque jour {aud} et les visiteurs de {city}, et répondent à leurs questions.",
     "Its accounts keep {aud} and visitors to {city} informed every day, and answer their questions."),
    ("L'équipe numérique publie aussi sur le site officiel de la ville et dans sa lettre d'information.",
     "The digital team also publishes on the city's official website and in its newsletter."),
    ("Elle travaille avec les services municipaux pour annoncer les travaux, les fermetures et les événements.",
     "It works with City departments to announce roadworks, closures and events."),
    ("Les messages sont écrits en français et, pour les grands événements, en anglais.",
     "Posts are written in French and, for major events, in English too."),
]

FIRST_NAMES = {  # by grammatical gender, so that « Julien Durand, directeur » agrees
    "masculine": ["Bruno", "David", "François", "Hugo", "Julien", "Louis", "Nicolas", "Pierre",
                  "Samuel", "Ulysse", "William", "Amadou", "Benoît", "Guillaume", "Karim", "Théo"],
    "feminine": ["Anne", "Camille", "Élise", "Gabrielle", "Inès", "Karima", "Manon", "Océane",
                 "Rachida", "Thérèse", "Valérie", "Yasmine", "Zoé", "Chloé", "Fatou", "Hélène"],
}
LAST_NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
              "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David",
              "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier",
              "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Diallo"]

ROLES: list[tuple[str, str, str]] = [  # French (masculine), French (feminine), English
    ("adjoint au maire chargé du numérique", "adjointe au maire chargée du numérique", "Deputy Mayor for Digital Affairs"),
    ("premier adjoint au maire", "première adjointe au maire", "First Deputy Mayor"),
    ("directeur de la communication", "directrice de la communication", "Director of Communications"),
    ("responsable des réseaux sociaux", "responsable des réseaux sociaux", "Head of Social Media"),
    ("maire", "maire", "Mayor"),
    ("conseiller municipal délégué à la jeunesse", "conseillère municipale déléguée à la jeunesse", "City Councillor for Youth"),
    ("chef du service des relations avec les usagers", "cheffe du service des relations avec les usagers", "Head of Public Relations"),
    ("community manager du compte", "community manager du compte", "the account's community manager"),
]

BODIES: list[tuple[str, str, str]] = [  # speaking bodies: French, grammatical gender, English
    ("l'équipe numérique de la Ville", "feminine", "the City's digital team"),
    ("la direction de la communication", "feminine", "the Communications department"),
    ("le service des relations avec les usagers", "masculine", "the Public Relations office"),
    ("le cabinet du maire", "masculine", "the Mayor's office"),
]

FIRST_POSTS: list[Pair] = [  # (text, its language); each names the account, so none repeats
    ("Bienvenue sur {handle}, le compte officiel ! Premières nouvelles depuis {place}", "fr"),
    ("Hello world, {handle} here, with greetings from {place}", "en"),
    ("Premier message de {handle} : on prépare {event}", "fr"),
    ("{handle} is getting ready for {event}", "en"),
    ("Bonjour à toutes et à tous, ici {handle} ; on commence par {place}", "fr"),
]

CONTACT_ROLES: list[Pair] = [
    ("Relations presse", "Media relations"), ("Service de presse", "Press office"),
    ("Communication numérique", "Digital communications"), ("Cabinet du maire", "Mayor's office"),
]

HASHTAG_WORDS = ["Merci", "Bravo", "Ensemble", "Record", "Fiers", "Cap", "Fete", "Abonnes", "Million"]

LINK_LABELS: list[Pair] = [  # each names the account, so no two milestones share a label
    ("Le compte {handle} sur {network}", "The {handle} account on {network}"),
    ("Le site officiel de {city}, animé par {handle}", "The official {city} website, run by {handle}"),
    ("La charte de modération du compte {handle}", "The {handle} moderation charter"),
    ("Le programme pour {event}, selon {handle}", "The programme for {event}, from {handle}"),
    ("Les horaires dans {place}, par {handle}", "Opening hours at {place}, from {handle}"),
]

IMAGE_ALTS: list[Pair] = [
    ("Une vue aérienne sur {place}, avec la mention « Merci {handle} »",
     "An aerial view of {place}, with the words “Thank you {handle}”"),
    ("L'équipe du compte {handle} réunie dans {place}", "The {handle} team gathered at {place}"),
    ("Une foule pendant {event}, photographiée pour {handle}", "A crowd during {event}, photographed for {handle}"),
]
IMAGE_CAPTIONS: list[Pair] = [
    ("« Merci {city} », vu depuis {place} par l'équipe de {handle}", "“Thank you {city},” seen from {place} by the {handle} team"),
    ("Un souvenir pris pendant {event}, partagé par {handle}", "A memory of {event}, shared by {handle}"),
    ("Dans {place}, le jour du record de {handle}", "At {place}, on the day of the {handle} record"),
]

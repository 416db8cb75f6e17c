// Words too common to name a theme, left out of theme discovery (docs/text-analytics.md, "Discovery"): articles,
// pronouns, auxiliaries, prepositions, conjunctions, negators, fillers and the numbers up to ten — not "again", "never",
// "always", "still", "wieder", "immer", "nie", which complaints are made of —, in lower case as the tokenizer gives
// them. Written for this project (the packages' own lists are empty or compiled into their models).
import type { TextLanguage } from "./stem";

const EN = `a about above after against all also am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
even every few for from further get got had hadn't has hasn't have haven't having he he'd he'll he's her here
here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's
me more most much must mustn't my myself no nor not now of off on once only or other ought our ours ourselves out over
own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this those through to too under until up
upon us very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who
who's whom why why's will with won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves
one two three four five six seven eight nine ten really quite already ok okay yes please thanks thank well`;

const DE = `aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus bei
bin bis bist da damit dann das dass dasselbe dazu dein deine deinem deinen deiner dem demselben den denn denselben der
derer derselbe derselben des desselben dessen dich die dies diese dieselbe dieselben diesem diesen dieser dieses dir
doch dort du durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges einmal er es etwas
euch euer eure eurem euren eurer für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen
ihr ihre ihrem ihren ihrer ihres im in indem ins ist ja jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt
kann kein keine keinem keinen keiner keines können könnte machen man manche manchem manchen mancher manches mein meine
meinem meinen meiner mich mir mit muss musste nach nicht nichts noch nun nur ob oder ohne schon sehr sein seine seinem
seinen seiner seit sich sie sind so solche solchem solchen solcher sollte sondern sonst über um und uns unser unsere
unter viel vom von vor war waren warst was weg weil weiter welche welchem welchen welcher welches wenn werde werden wie
will wir wird wirst wo wollen wollte würde würden zu zum zur zwar zwischen ganz gar mal eben halt
bitte danke ok okay eins zwei drei vier fünf sechs sieben acht neun zehn`;

const build = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

export const STOPWORDS: Readonly<Record<TextLanguage, ReadonlySet<string>>> = { en: build(EN), de: build(DE) };

"""Where an English posting is, as far as its numeric dates go: a post in the United Kingdom,
Ireland, Australia, New Zealand, India, South-East Asia, Africa, the Gulf or continental Europe
writes 11/01/2027 for 11 January; one in the United States writes it for 1 November. A reader
takes the place's habit when the dates themselves do not show it (none past 12); the importer
does so too, but offers such a date as a guess to check (see text_dates)."""

from __future__ import annotations

import re

from tracker.importers.dates import fold

# The gazetteer: the countries and regions a posting names alone (folded), and the towns the
# day-first table below knows, one table for every rule that asks whether words name a place.
COUNTRIES = (
    r"united arab emirates|uae|saudi arabia|kingdom of saudi arabia|ksa|qatar|oman|bahrain|"
    r"kuwait|united kingdom|uk|england|scotland|wales|ireland|united states|usa|u\.s\.a?\.?|"
    r"canada|australia|new zealand|france|belgique|belgium|suisse|switzerland|luxembourg|"
    r"kenya|nigeria|ghana|uganda|south africa|tanzania|india|singapore|malaysia|egypt|"
    r"morocco|maroc|senegal|cameroun|cameroon|cote d'ivoire|germany|allemagne|spain|italy")
_COUNTRY = re.compile(rf"^(?:{COUNTRIES})$")
# French-speaking towns a heading names after the post ('– Lyon'), beside the table's.
_TOWNS = (r"paris|lyon|marseille|toulouse|bordeaux|lille|nantes|strasbourg|montpellier|rennes|"
          r"nice|grenoble|rouen|toulon|dijon|angers|nimes|reims|le havre|brest|tours|limoges|"
          r"amiens|metz|besancon|orleans|caen|nancy|mulhouse|clermont-ferrand|perpignan|"
          r"geneve|lausanne|berne|bern|fribourg|neuchatel|sion|bruxelles|liege|namur|charleroi|"
          r"montreal|quebec|laval|gatineau|sherbrooke|ottawa|toronto|vancouver|calgary")


def is_country(name: str) -> bool:
    """A country or a region named alone ('United Arab Emirates', 'Belgique')."""
    return bool(_COUNTRY.match(fold(name).strip(" .,:")))


def is_place(name: str) -> bool:
    """Whether words name a place the gazetteer knows: a country, a town of its tables."""
    key = fold(name).strip(" .,:")
    return is_country(key) or bool(re.fullmatch(_TOWNS, key)) or bool(
        _DAY_FIRST.fullmatch(name.strip(" .,:")) and not re.search(r"[£€₹₦]|^[A-Z]{2,4}$", name))

# Places and currencies of countries that write the day first (one alternation, read once).
# (not a state of the United States, 'New Mexico', 'New England', nor a town of one: 'Paris, TX',
# 'Dublin, OH')
_DAY_FIRST = re.compile(
    r"(?<!New )\b(United Kingdom|England|Scotland|Wales|Northern Ireland|London|Manchester|Birmingham|"
    r"Leeds|Glasgow|Edinburgh|Cardiff|Belfast|Bristol|NHS|Ireland|Dublin|Cork|Galway|"
    r"Australia|Sydney|Melbourne|Brisbane|Perth|Adelaide|Canberra|New Zealand|Aotearoa|"
    r"Auckland|Wellington|Christchurch|India|Bengaluru|Bangalore|Mumbai|Delhi|Hyderabad|"
    r"Chennai|Pune|Kolkata|Gurugram|Noida|Singapore|Malaysia|Kuala Lumpur|Penang|Hong Kong|"
    r"Pakistan|Karachi|Lahore|Bangladesh|Dhaka|Sri Lanka|Colombo|South Africa|Johannesburg|"
    r"Cape Town|Pretoria|Durban|Kenya|Nairobi|Mombasa|Nigeria|Lagos|Abuja|Ghana|Accra|Uganda|"
    r"Kampala|Tanzania|Dar es Salaam|Rwanda|Kigali|Ethiopia|Addis Ababa|Zambia|Lusaka|"
    r"Zimbabwe|Harare|Botswana|Namibia|Malawi|United Arab Emirates|UAE|Dubai|Abu Dhabi|"
    r"Sharjah|Qatar|Doha|Saudi Arabia|Riyadh|Jeddah|Kuwait|Bahrain|Manama|Oman|Muscat|"
    r"Egypt|Cairo|Jordan|Amman|Lebanon|Beirut|Luxembourg|Belgium|Brussels|Netherlands|"
    r"Amsterdam|Germany|Berlin|France|Paris|Spain|Madrid|Italy|Rome|Switzerland|Geneva|"
    r"Zurich|Austria|Vienna|Denmark|Copenhagen|Sweden|Stockholm|Norway|Oslo|Finland|Helsinki|"
    r"Portugal|Lisbon|Greece|Athens|Poland|Warsaw|Czech|Prague|European Union|Senegal|Dakar|"
    r"C[ôo]te d'Ivoire|Ivory Coast|Abidjan|Mali|Bamako|Burkina Faso|Ouagadougou|Niger|Niamey|"
    r"Cameroon|Yaound[ée]|Douala|Morocco|Rabat|Casablanca|Tunisia|Tunis|Algeria|Algiers|"
    r"Madagascar|Congo|Kinshasa|Benin|Cotonou|Togo|Lom[ée]|Guinea|Conakry|N'Djamena|Gabon|"
    r"Mozambique|Maputo|Sudan|Somalia|Mogadishu|Afghanistan|Kabul|Iraq|Baghdad|Erbil|Syria|"
    r"Yemen|Indonesia|Jakarta|Thailand|Bangkok|Vietnam|Hanoi|Cambodia|Phnom Penh|Nepal|"
    r"Kathmandu|Myanmar|Brazil|Mexico|Colombia|Bogot[áa]|Peru|Lima|Chile|Santiago|Argentina|"
    r"Buenos Aires|Haiti|Port-au-Prince)\b(?!,\s*+(?-i:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|"
    r"KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|"
    r"VA|WA|WV|WI|WY|DC)\b)"
    r"|[£€₹₦]|\b(?-i:GBP|EUR|INR|MYR|SGD|AUD|NZD|ZAR|KES|NGN|GHS|AED|QAR|SAR|KWD|BHD|OMR|EGP|"
    r"XOF|XAF|FCFA|RM|Ksh|KSh)\b", re.I)
# Places of the United States (and US state abbreviations after a town), where the month is
# written first.
_MONTH_FIRST = re.compile(
    r"\b(United States|USA|U\.S\.|USAJOBS|GS-?\d|[A-Z][a-z]+, (?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|"
    r"HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|"
    r"SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)\b|Pacific Time|Eastern Time|Central Time|"
    r"Mountain Time|(?-i:PST|PDT|EST|EDT|CST|CDT|MST|MDT)\b)")


# A town and its state, province or territory, as North America and Australia write a place
# ('Cedar Rapids, IA', 'Kelowna, BC', 'Wollongong, NSW').
TOWN_AND_STATE = re.compile(
    r"^[A-Z][\w .'’-]{1,40},\s*+(?-i:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|"
    r"MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|"
    r"DC|ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|NSW|VIC|QLD|TAS|ACT|NT|SA)\b")


def numeric_order_by_place(text: str) -> str | None:
    """'dmy' when the posting names a place (or a currency) of a country that writes the day
    first and no place of the United States; 'mdy' for the converse; None otherwise (Canada,
    and posts that name both)."""
    day = _DAY_FIRST.search(text) is not None
    month = _MONTH_FIRST.search(text) is not None
    if day and not month:
        return "dmy"
    if month and not day:
        return "mdy"
    return None

"""The words breakdown suggestions look for, and the forms they are matched in.

Each list is a module-level tuple so that it can be read, argued about and extended; none of
them is meant to be complete. Which category each list suggests is decided in `breakdown`.
"""

from __future__ import annotations

from collections.abc import Iterable

# Nouns are matched in the singular and in the plural made with -s/-es/-ies; verbs in their
# -s, -ing and -ed forms too. Irregular forms are listed beside the word they belong to.

VEHICLE_WORDS = (
    "car", "police car", "squad car", "patrol car", "police cruiser", "cruiser", "sedan",
    "convertible", "station wagon", "jeep", "suv", "limo", "limousine", "truck",
    "pickup", "pickup truck", "fire truck", "fire engine", "tow truck", "van", "minivan",
    "ambulance", "hearse", "taxi", "cab", "bus", "school bus", "motorcycle", "motorbike",
    "scooter", "bicycle", "bike", "tractor", "trailer", "rv", "forklift", "bulldozer",
    "golf cart", "wagon", "carriage", "stagecoach", "helicopter", "chopper", "plane",
    "airplane", "jet", "biplane", "boat", "rowboat", "speedboat", "canoe", "kayak", "raft",
    "ship", "yacht", "ferry", "submarine", "train", "subway", "tram", "trolley",
    "eighteen-wheeler", "semi", "semi-truck", "big rig", "tractor-trailer", "hatchback",
    "coupe", "dump truck", "flatbed", "camper", "motorhome", "atv", "dirt bike",
)  # fmt: skip

ANIMAL_WORDS = (
    "dog", "puppy", "cat", "kitten", "horse", "pony", "mule", "donkey", "cow", "bull", "pig",
    "sheep", "goat", "chicken", "rooster", "hen", "goose", "bird", "crow", "raven", "owl",
    "parrot", "pigeon", "eagle", "hawk", "snake", "spider", "rat", "mouse", "rabbit", "deer",
    "bear", "wolf", "fox", "lion", "tiger", "elephant", "monkey", "fish", "catfish", "shark",
    "frog", "lizard", "turtle", "bee", "wasp", "bug", "butterfly", "squirrel",
)  # fmt: skip

# Groups of people: the words stay as written (a crowd of patrons is not one patron).
BACKGROUND_WORDS = (
    "crowd", "crowds", "mob", "patrons", "passengers", "diners", "customers", "shoppers",
    "students", "pupils", "classmates", "cops", "police officers", "officers", "soldiers",
    "troops", "guards", "agents", "reporters", "photographers", "paparazzi", "tourists",
    "pedestrians", "passersby", "passers-by", "onlookers", "bystanders", "spectators",
    "audience", "fans", "congregation", "mourners", "guests", "partygoers", "dancers",
    "workers", "employees", "nurses", "doctors", "waiters", "kids", "children", "people",
    "townspeople", "townsfolk", "villagers", "citizens", "farmers", "prisoners", "inmates",
    "protesters", "commuters", "travelers", "travellers", "sailors", "firefighters",
    "firemen", "paramedics", "teenagers", "players", "athletes", "cheerleaders",
    "performers", "clowns", "neighbors", "neighbours", "extras",
)  # fmt: skip

# A person in capitals who never speaks is a silent bit or an extra: "a NURSE", "TWO COPS".
PERSON_WORDS = (
    "man", "woman", "boy", "girl", "kid", "child", "baby", "guy", "lady", "gentleman",
    "teenager", "person", "people", "nurse", "doctor", "guard", "cop", "officer", "soldier",
    "waiter", "waitress", "bartender", "driver", "cashier", "clerk", "teller", "attendant",
    "stewardess", "receptionist", "secretary", "janitor", "priest", "preacher", "minister",
    "judge", "mayor", "principal", "teacher", "professor", "student", "emcee", "clown",
    "farmer", "baker", "wife", "husband", "son", "daughter", "mother", "father", "brother",
    "sister", "twin", "neighbor", "stranger", "reporter", "photographer", "salesman",
    "vendor", "customer", "patron", "passenger", "worker", "butler", "maid", "chef", "cook",
    "pilot", "captain", "sheriff", "deputy", "detective", "lawyer", "messenger", "bride",
    "groom", "boss", "owner", "host", "hostess", "singer", "dancer", "musician", "coach",
    "referee", "hunter", "fisherman", "sailor", "well-wisher", "carny", "fiddler", "citizen",
    "employee", "scout", "agent", "gang", "crowd", "mob", "congregation", "passerby", "guide",
)  # fmt: skip

STUNT_WORDS = (
    "fight", "fistfight", "brawl", "scuffle", "punch", "kick", "tackle", "wrestle", "fall",
    "tumble", "jump", "leap", "dive", "crash",
    "collide", "collision", "flip", "somersault", "stab", "strangle", "chase", "shootout",
    "gunfight", "shove",
)  # fmt: skip

SFX_WORDS = (
    "explosion", "explode", "fire", "flames", "ablaze", "on fire", "smoke", "smoky", "fog",
    "foggy", "mist", "rain", "raining", "downpour", "drizzle", "snow", "snowing", "blizzard",
    "wind", "windy", "gust", "storm", "thunderstorm", "lightning", "thunder", "gunshot",
    "gunfire", "muzzle flash", "flash", "sparks", "steam", "flood", "flooded", "earthquake",
    "breakaway", "squib", "bullet hit",
)  # fmt: skip

VFX_WORDS = (
    "vanish", "disappear", "materialize", "materialise", "transform", "levitate", "hologram",
    "holographic", "morph", "teleport", "invisible", "glowing",
)  # fmt: skip

# Weapons always go to the props department (and the armourer); the rest are things an actor
# handles, the usual meaning of "prop".
PROP_WORDS = (
    "gun", "handgun", "pistol", "revolver", "rifle", "shotgun", "machine gun", "knife",
    "dagger", "sword", "axe", "machete", "crossbow", "spear", "grenade", "bomb", "holster",
    "bullet", "baseball bat", "phone", "telephone", "cellphone", "cell phone", "briefcase",
    "suitcase", "luggage", "wallet", "purse", "handbag", "envelope", "photograph", "photo",
    "camera", "newspaper", "cigarette", "cigar", "lighter", "bottle", "flask", "money",
    "cash", "flashlight", "lantern", "rope", "handcuffs", "badge", "map", "umbrella",
    "laptop", "notebook", "key", "wedding ring", "wedding band", "engagement ring",
    "fishing pole", "fishing rod", "fish hook", "lure", "parachute", "binoculars",
)  # fmt: skip

WARDROBE_WORDS = (
    "costume", "uniform", "tuxedo", "gown", "wedding dress", "dress", "suit", "jacket",
    "coat", "overcoat", "raincoat", "hat", "helmet", "boots", "shoes", "sneakers", "scarf",
    "gloves", "apron", "robe", "bathrobe", "pajamas", "nightgown", "veil", "necktie",
    "bow tie", "sweater", "overalls", "vest", "sunglasses", "mask",
)  # fmt: skip

MAKEUP_HAIR_WORDS = (
    "blood", "bloody", "bloodied", "bleeding", "wound", "wounded", "scar", "bruise",
    "bruised", "black eye", "tattoo", "wig", "beard", "mustache", "moustache", "makeup",
    "make-up", "sweaty", "prosthetic",
)  # fmt: skip

SPECIAL_EQUIPMENT_WORDS = (
    "underwater", "aerial", "aerial shot", "crane", "crane shot", "steadicam", "drone",
    "drone shot", "process trailer", "car mount", "dolly", "handheld", "slow motion",
    "time-lapse", "night vision",
)  # fmt: skip

SET_DRESSING_WORDS = (
    "poster", "banner", "curtains", "drapes", "candles", "chandelier", "christmas tree",
    "decorations", "painting", "portrait", "flowers", "daffodils", "wreath", "balloons",
    "neon sign",
)  # fmt: skip

MUSIC_WORDS = (
    "music", "song", "sing", "jukebox", "orchestra", "choir", "marching band",
    "drum roll", "piano", "guitar", "violin", "fiddle", "flute", "drum", "trumpet",
)  # fmt: skip

# Sounds are read only when written in capitals ("a loud BANG", "the crowd CHEERS"), the
# convention for a sound the editor must cut in; in lower case these words are just prose.
SOUND_WORDS = (
    "bang", "boom", "kaboom", "crash", "thud", "thump", "slam", "smash", "crack", "creak",
    "squeak", "squeal", "screech", "clang", "clank", "clink", "clatter", "rattle", "rumble",
    "roar", "growl", "hiss", "buzz", "hum", "whirr", "whir", "whoosh", "swoosh", "whistle",
    "beep", "honk", "ring", "ding", "ping", "jing", "pop", "snap", "click", "knock", "tap",
    "bark", "howl", "scream", "shriek", "yell", "shout", "holler", "gasp", "laugh",
    "laughter", "giggle", "titter", "cheer", "applause", "applaud", "cough", "sneeze",
    "groan", "moan", "sob", "wail", "cry", "cries", "splash", "drip", "chirp", "caw",
    "bleat", "squish", "stomp", "footsteps", "blast", "crunch", "zap", "pow", "bam", "wham",
    "ahh", "ohh", "huff", "breathe", "breathing", "hack", "sigh", "whimper", "grunt",
    "thwack", "whack", "smack", "vroom", "rev", "siren", "static", "whirring", "clap",
    "scrape", "thunk", "clunk",
)  # fmt: skip

# Plurals and past forms the simple rules cannot make.
IRREGULAR_PLURALS = {
    "mice": "mouse", "geese": "goose", "wolves": "wolf", "knives": "knife", "men": "man",
    "women": "woman", "children": "child", "ladies": "lady", "gentlemen": "gentleman",
    "firemen": "fireman", "policemen": "policeman", "wives": "wife", "passersby": "passerby",
    "oxen": "ox",
}  # fmt: skip
IRREGULAR_VERBS = {
    "fought": "fight", "fell": "fall", "fallen": "fall", "leapt": "leap", "dove": "dive",
    "sang": "sing", "sung": "sing", "shot": "shoot", "threw": "throw", "thrown": "throw",
}  # fmt: skip

# Capitalised words in action that are camera and editing directions, not things on set:
# "ANGLE ON", "CLOSE ON", "PUSH IN", "SERIES OF SHOTS". A run of capitals holding one of
# these is skipped (the plain-word rules may still find a crane or an underwater shot in it).
CAMERA_WORDS = (
    "ANGLE", "ANGLES", "SHOT", "SHOTS", "FRAME", "CAMERA", "MONTAGE", "POV", "INSERT",
    "CLOSE-UP", "CLOSEUP", "CU", "ECU", "MCU", "FLASHBACK", "FLASHFORWARD", "INTERCUT",
    "SUPER", "SUPERIMPOSE", "TITLE", "TITLES", "CREDITS", "SERIES", "SPLIT", "SCREEN",
    "ZOOM", "PAN", "TILT", "DOLLY", "TRACKING", "CRANE", "REVERSE", "OVERHEAD", "WIDE",
    "FADE", "DISSOLVE", "CUT", "SMASH", "MATCH", "CROSSFADE", "FREEZE", "SLOW", "MOTION",
    "INT", "EXT", "CONTINUOUS", "LATER", "END", "BEGIN", "OMITTED", "O.S", "V.O", "CONT'D",
)  # fmt: skip

# Words stripped from the ends of a run of capitals before it is read: articles, numbers
# are kept ("TWO COPS"), but "CLOSE ON", "HOLD ON", "LOOK UP", "RUSH IN" lose their
# directions. A run left empty is skipped.
LEADING_WORDS = (
    "A", "AN", "THE", "ON", "CLOSE", "TIGHT", "HOLD", "STAY", "BACK", "TO", "PUSH", "PULL",
    "LOOK", "MOVING", "MOVE", "LOW", "HIGH", "VERY", "WE", "SEE", "HEAR", "IN", "AT",
)  # fmt: skip
TRAILING_WORDS = (
    "IN", "ON", "UP", "DOWN", "OUT", "OFF", "BACK", "OVER", "AWAY", "THROUGH", "AROUND",
    "BEHIND", "WITH", "RIGHT", "LEFT", "ALONG", "INTO", "TOWARDS", "TOWARD", "ACROSS", "OPEN",
    "LOUDER", "AGAIN",
)  # fmt: skip
# Runs are split at these, so "ON WILL AND SANDRA" is read as two names.
JOINING_WORDS = ("AND", "OR", "NOR", "BUT", "THEN", "WITH", "&")
# Capitalised for emphasis or as an abbreviation, never an element.
IGNORED_WORDS = (
    "AGE", "DATE", "AM", "PM", "TM", "OK", "OKAY", "NO", "YES", "NOT", "NOW", "ALL", "STOP",
    "YOU", "ME", "HE", "SHE", "IT", "WE", "THEY", "HIM", "HER", "THEM", "THIS", "THAT",
    "WHAT", "WHO", "WHY", "HOW", "WHEN", "WHERE", "IS", "ARE", "WAS", "BE", "SO", "TOO",
    "REALLY", "NEVER", "EVER", "ONLY", "JUST", "MORE", "VOICE", "LEAD", "CAST", "MESSAGE",
    "WARNING", "HELP", "HEY", "OH", "NOTE", "NOTES", "PAGE", "SCENE", "ACT", "PART", "MR",
    "MRS", "MS", "DR", "ST", "JR", "SR",
)  # fmt: skip


def _plural(word: str) -> list[str]:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"]
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return [word[:-1] + "ies", word + "s"]
    if word.endswith("f"):
        return [word + "s", word[:-1] + "ves"]
    return [word + "s"]


def _verb_forms(word: str) -> list[str]:
    stem = word[:-1] if word.endswith("e") else word
    forms = [*_plural(word), stem + "ing", stem + "ed", word + "d"]
    if len(word) <= 4 and word[-1] not in "aeiouwxy" and word[-2:-1] in tuple("aeiou"):
        forms += [word + word[-1] + "ing", word + word[-1] + "ed"]  # pop -> popping, popped
    return forms


def word_forms(words: Iterable[str], *, verbs: bool) -> dict[str, str]:
    """Every form a listed word is matched in, to the word it is filed under."""
    forms: dict[str, str] = {}
    for word in words:
        forms.setdefault(word, word)
        head, _, last = word.rpartition(" ")
        for form in _verb_forms(last) if verbs else _plural(last):
            forms.setdefault(f"{head} {form}" if head else form, word)
    listed = set(words)
    for form, word in (IRREGULAR_VERBS if verbs else IRREGULAR_PLURALS).items():
        if word in listed:
            forms.setdefault(form, word)
    return forms


def singular(word: str) -> str:
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]

"""The demo production's people and vendors: an indie feature, as a coordinator would have it."""

from __future__ import annotations

# (department, position, first, last, union local or "", day rate, rate unit)
CREW = [
    ("Production", "Unit Production Manager", "Renata", "Okafor", "DGA", "4200", "week"),
    ("Production", "Production Coordinator", "Celia", "Marsh", "", "2100", "week"),
    ("Production", "Assistant Production Coordinator", "Theo", "Lindqvist", "", "1500", "week"),
    ("Production", "Production Secretary", "Imani", "Brooks", "", "1100", "week"),
    ("Production", "Key Set PA", "Diego", "Alvarez", "", "250", "day"),
    ("Production", "Office PA", "Hannah", "Cho", "", "225", "day"),
    ("Assistant Directors", "1st Assistant Director", "Marcus", "Bell", "DGA", "5200", "week"),
    ("Assistant Directors", "2nd Assistant Director", "Priya", "Raman", "DGA", "3400", "week"),
    ("Assistant Directors", "2nd 2nd Assistant Director", "Owen", "Fitzgerald", "DGA", "560", "day"),
    ("Camera", "Director of Photography", "Sofia", "Lindahl", "ICG Local 600", "7500", "flat"),
    ("Camera", "Camera Operator", "Jamal", "Whitaker", "ICG Local 600", "850", "day"),
    ("Camera", "1st AC", "Lena", "Novak", "ICG Local 600", "650", "day"),
    ("Camera", "2nd AC", "Ben", "Harper", "ICG Local 600", "520", "day"),
    ("Camera", "DIT", "Yuki", "Tanaka", "", "600", "day"),
    ("Grip", "Key Grip", "Frank", "Moreno", "IATSE Local 80", "620", "day"),
    ("Grip", "Best Boy Grip", "Tasha", "Greene", "IATSE Local 80", "560", "day"),
    ("Grip", "Dolly Grip", "Eli", "Sorensen", "IATSE Local 80", "560", "day"),
    ("Electric", "Gaffer", "Ruth", "Calloway", "IBEW Local 40", "620", "day"),
    ("Electric", "Best Boy Electric", "Nico", "Petrov", "IBEW Local 40", "560", "day"),
    ("Electric", "Electrician", "Sam", "Delgado", "", "480", "day"),
    ("Sound", "Production Sound Mixer", "Abel", "Kowalski", "IATSE Local 695", "750", "day"),
    ("Sound", "Boom Operator", "Grace", "Huang", "IATSE Local 695", "560", "day"),
    ("Art", "Production Designer", "Oona", "Reyes", "", "3800", "week"),
    ("Art", "Art Director", "Felix", "Baptiste", "", "2600", "week"),
    ("Set Dressing", "Set Decorator", "Mira", "Kaplan", "", "2400", "week"),
    ("Set Dressing", "Leadman", "Carl", "Jensen", "", "420", "day"),
    ("Props", "Property Master", "Dolores", "Vance", "", "520", "day"),
    ("Props", "Assistant Props", "Kai", "Mahoe", "", "380", "day"),
    ("Wardrobe", "Costume Designer", "Bea", "Laurent", "", "3200", "week"),
    ("Wardrobe", "Set Costumer", "Rosa", "Quintero", "", "400", "day"),
    ("Hair & Makeup", "Key Makeup Artist", "Lila", "Ferris", "IATSE Local 706", "560", "day"),
    ("Hair & Makeup", "Key Hair Stylist", "Noor", "Haddad", "IATSE Local 706", "560", "day"),
    ("Locations", "Location Manager", "Victor", "Ames", "", "2800", "week"),
    ("Locations", "Assistant Location Manager", "June", "Park", "", "380", "day"),
    ("Transportation", "Transportation Coordinator", "Hank", "Dorsey", "Teamsters Local 399", "2700", "week"),
    ("Transportation", "Driver", "Luis", "Ortega", "Teamsters Local 399", "420", "day"),
    ("Catering & Craft Service", "Craft Service", "Ada", "Mensah", "", "350", "day"),
    ("Accounting", "Production Accountant", "Gil", "Fairbanks", "", "2600", "week"),
    ("Accounting", "Payroll Accountant", "Wendy", "Stroud", "", "1700", "week"),
    ("Assistant Directors", "Script Supervisor", "Iris", "Mendel", "IATSE Local 871", "560", "day"),
]

# (cast number, character, first, last, day rate, union)
CAST = [
    (1, "JUNE HALLORAN", "Margot", "Ashby", "2500", "SAG-AFTRA"),
    (2, "EZRA HALLORAN", "Dev", "Kapoor", "2200", "SAG-AFTRA"),
    (3, "SHERIFF DALE ROOK", "Walter", "Brennan-Cole", "1800", "SAG-AFTRA"),
    (4, "LUCY PARRA", "Carmen", "Ybarra", "1500", "SAG-AFTRA"),
    (5, "OLD MAN HALLORAN", "Hollis", "Grant", "1200", "SAG-AFTRA"),
    (6, "TESS", "Fiona", "McCrae", "1000", "SAG-AFTRA"),
    (7, "DEPUTY ROSS", "Tyrell", "Banks", "1000", "SAG-AFTRA"),
    (8, "WAITRESS", "Ginny", "Albers", "1030", "SAG-AFTRA"),
    (9, "MOTEL CLERK", "Arjun", "Mehta", "1030", "SAG-AFTRA"),
    (10, "YOUNG JUNE", "Poppy", "Larkin", "1030", "SAG-AFTRA"),
]

DIETS = ["", "", "", "Vegetarian", "", "Vegan", "", "Gluten-free", "", "Nut allergy", "", ""]

# (company, categories, contact, role, phone, w9 received, tax id)
VENDORS = [
    ("Borrego Camera Rentals", ["rentals", "camera"], "Sal Ortiz", "Rental agent", "(818) 555-0140", True, "95-4417203"),
    ("High Desert Grip & Electric", ["rentals", "grip_electric"], "Terri Boone", "Account manager", "(760) 555-0182", True, "33-1029384"),
    ("Mesa Catering Co.", ["catering"], "Luis Barrera", "Owner", "(760) 555-0117", True, "46-2211339"),
    ("Starline Production Vehicles", ["transport", "rentals"], "Dana Kirk", "Dispatcher", "(818) 555-0163", False, ""),
    ("Sun Valley Expendables", ["expendables"], "Moe Patel", "Counter", "(818) 555-0124", True, "82-5566771"),
    ("Copper Canyon Props", ["props", "rentals"], "Ida Sorel", "Rental agent", "(323) 555-0178", False, ""),
    ("Palomino Motor Lodge", ["travel"], "Rick Shaw", "Manager", "(760) 555-0101", True, "20-7733445"),
    ("Joshua Tree Sound Rentals", ["rentals", "sound"], "Beth Amos", "Owner", "(760) 555-0155", True, "521-44-6789"),
]

"""Reference data: public facts about NHS England regions, Clinical Senates and ICBs.
Sources are in docs/domain.md §6. Where a fact is UNCONFIRMED the note says so; see
docs/reference-data.md for what was decided."""

REGIONS = [
    # (ODS code, slug, name)
    ("Y63", "north-east-and-yorkshire", "North East and Yorkshire"),
    ("Y62", "north-west", "North West"),
    ("Y60", "midlands", "Midlands"),
    ("Y61", "east-of-england", "East of England"),
    ("Y56", "london", "London"),
    ("Y59", "south-east", "South East"),
    ("Y58", "south-west", "South West"),
]

LAUNCH = "2013-04-01"

# (slug, name, region slug, established, ended, merged into, area)
SENATES = [
    (
        "northern-england",
        "Northern England Clinical Senate",
        "north-east-and-yorkshire",
        LAUNCH,
        None,
        None,
        "North Cumbria, the North East and part of North Yorkshire",
    ),
    (
        "yorkshire-and-the-humber",
        "Yorkshire and the Humber Clinical Senate",
        "north-east-and-yorkshire",
        LAUNCH,
        None,
        None,
        "Yorkshire and the Humber",
    ),
    (
        "north-west",
        "North West Clinical Senate",
        "north-west",
        "2021-03-01",
        None,
        None,
        "Cheshire and Merseyside, Greater Manchester, Lancashire and South Cumbria",
    ),
    ("east-midlands", "East Midlands Clinical Senate", "midlands", LAUNCH, None, None, "East Midlands"),
    ("west-midlands", "West Midlands Clinical Senate", "midlands", LAUNCH, None, None, "West Midlands"),
    ("east-of-england", "East of England Clinical Senate", "east-of-england", LAUNCH, None, None, "East of England"),
    ("london", "London Clinical Senate", "london", LAUNCH, None, None, "Greater London"),
    (
        "south-east",
        "South East Clinical Senate",
        "south-east",
        LAUNCH,
        None,
        None,
        "Berkshire West, Buckinghamshire, East and West Sussex, Hampshire, Isle of Wight, Kent, Oxfordshire "
        "and Surrey (from 2013 to its enlargement: Kent, Surrey and Sussex)",
    ),
    (
        "south-west",
        "South West Clinical Senate",
        "south-west",
        LAUNCH,
        None,
        None,
        "South West, including Dorset (formerly Wessex)",
    ),
    # The 2013 senates that no longer exist. The merger date of Thames Valley and Wessex into the South
    # East senate is UNCONFIRMED: recorded as 1 April 2019 and flagged in docs/reference-data.md.
    (
        "north-west-coast",
        "Cheshire and Merseyside (North West Coast) Clinical Senate",
        "north-west",
        LAUNCH,
        "2021-03-01",
        "north-west",
        "Cheshire, Merseyside, Lancashire and South Cumbria",
    ),
    (
        "greater-manchester",
        "Greater Manchester and Eastern Cheshire Clinical Senate",
        "north-west",
        LAUNCH,
        "2021-03-01",
        "north-west",
        "Greater Manchester and Eastern Cheshire",
    ),
    (
        "thames-valley",
        "Thames Valley Clinical Senate",
        "south-east",
        LAUNCH,
        "2019-04-01",
        "south-east",
        "Berkshire, Buckinghamshire, Oxfordshire",
    ),
    (
        "wessex",
        "Wessex Clinical Senate",
        "south-east",
        LAUNCH,
        "2019-04-01",
        "south-east",
        "Hampshire, Dorset and the Isle of Wight",
    ),
]

ICB_START = "2022-07-01"

# (ODS code, name, region slug, senate slug)
ICBS_2022 = [
    ("QHM", "North East and North Cumbria", "north-east-and-yorkshire", "northern-england"),
    ("QOQ", "Humber and North Yorkshire", "north-east-and-yorkshire", "yorkshire-and-the-humber"),
    ("QWO", "West Yorkshire", "north-east-and-yorkshire", "yorkshire-and-the-humber"),
    ("QF7", "South Yorkshire", "north-east-and-yorkshire", "yorkshire-and-the-humber"),
    ("QYG", "Cheshire and Merseyside", "north-west", "north-west"),
    ("QOP", "Greater Manchester", "north-west", "north-west"),
    ("QE1", "Lancashire and South Cumbria", "north-west", "north-west"),
    ("QJ2", "Derby and Derbyshire", "midlands", "east-midlands"),
    ("QT1", "Nottingham and Nottinghamshire", "midlands", "east-midlands"),
    ("QK1", "Leicester, Leicestershire and Rutland", "midlands", "east-midlands"),
    ("QJM", "Lincolnshire", "midlands", "east-midlands"),
    ("QPM", "Northamptonshire", "midlands", "east-midlands"),
    ("QHL", "Birmingham and Solihull", "midlands", "west-midlands"),
    ("QUA", "Black Country", "midlands", "west-midlands"),
    ("QWU", "Coventry and Warwickshire", "midlands", "west-midlands"),
    ("QGH", "Herefordshire and Worcestershire", "midlands", "west-midlands"),
    ("QOC", "Shropshire, Telford and Wrekin", "midlands", "west-midlands"),
    ("QNC", "Staffordshire and Stoke-on-Trent", "midlands", "west-midlands"),
    ("QMM", "Norfolk and Waveney", "east-of-england", "east-of-england"),
    ("QJG", "Suffolk and North East Essex", "east-of-england", "east-of-england"),
    ("QM7", "Hertfordshire and West Essex", "east-of-england", "east-of-england"),
    ("QH8", "Mid and South Essex", "east-of-england", "east-of-england"),
    ("QHG", "Bedfordshire, Luton and Milton Keynes", "east-of-england", "east-of-england"),
    ("QUE", "Cambridgeshire and Peterborough", "east-of-england", "east-of-england"),
    ("QRV", "North West London", "london", "london"),
    ("QMJ", "North Central London", "london", "london"),
    ("QMF", "North East London", "london", "london"),
    ("QKK", "South East London", "london", "london"),
    ("QWE", "South West London", "london", "london"),
    ("QKS", "Kent and Medway", "south-east", "south-east"),
    ("QXU", "Surrey Heartlands", "south-east", "south-east"),
    ("QNX", "Sussex", "south-east", "south-east"),
    ("QNQ", "Frimley", "south-east", "south-east"),
    ("QRL", "Hampshire and Isle of Wight", "south-east", "south-east"),
    ("QU9", "Buckinghamshire, Oxfordshire and Berkshire West", "south-east", "south-east"),
    ("QT6", "Cornwall and the Isles of Scilly", "south-west", "south-west"),
    ("QJK", "Devon", "south-west", "south-west"),
    ("QSL", "Somerset", "south-west", "south-west"),
    ("QUY", "Bristol, North Somerset and South Gloucestershire", "south-west", "south-west"),
    ("QOX", "Bath and North East Somerset, Swindon and Wiltshire", "south-west", "south-west"),
    ("QVV", "Dorset", "south-west", "south-west"),
    ("QR1", "Gloucestershire", "south-west", "south-west"),
]

MERGE_2026 = "2026-04-01"

# The first merged footprints from 1 April 2026 (ministerial statement, 9 Sept 2025). Their ODS codes
# were not public when this was written: the codes below are provisional (Senate's own, prefixed X26)
# and the exact boundaries are UNCONFIRMED. (code, name, region, senate, [(predecessor, kind, note)])
ICBS_2026 = [
    (
        "X26NS",
        "Norfolk and Suffolk",
        "east-of-england",
        "east-of-england",
        [("QMM", "merger", ""), ("QJG", "part", "Suffolk")],
    ),
    (
        "X26ES",
        "Essex",
        "east-of-england",
        "east-of-england",
        [("QH8", "merger", ""), ("QJG", "part", "North East Essex"), ("QM7", "part", "West Essex")],
    ),
    (
        "X26CE",
        "Central East",
        "east-of-england",
        "east-of-england",
        [("QHG", "merger", ""), ("QUE", "merger", ""), ("QM7", "part", "Hertfordshire")],
    ),
    ("X26WN", "West and North London", "london", "london", [("QRV", "merger", ""), ("QMJ", "merger", "")]),
    (
        "X26SS",
        "Surrey and Sussex",
        "south-east",
        "south-east",
        [("QXU", "merger", ""), ("QNX", "merger", ""), ("QNQ", "part", "Surrey Heath and north-west Surrey")],
    ),
    ("X26TV", "Thames Valley", "south-east", "south-east", [("QU9", "merger", ""), ("QNQ", "part", "East Berkshire")]),
]
# Hampshire and Isle of Wight continues under its own code and takes North East Hampshire and Farnham.
ICB_2026_PARTS_TO_CONTINUING = [("QNQ", "QRL", "North East Hampshire and Farnham")]

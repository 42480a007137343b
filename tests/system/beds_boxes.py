"""What both bed-model journeys type into the proposal's boxes: medical wards cut from 30 to 26 beds
with a virtual ward avoiding 200 admissions a year, simulated briefly."""

A_VIRTUAL_WARD_PROPOSAL = {
    "Proposal": "Medical wards proposed",
    "Beds proposed": "26",
    "Alternative provision": "Virtual ward",
    "Admissions avoided each year by the alternative provision": "200",
    "The workforce for the alternative provision": "4 WTE band 6 nurses and 1 WTE consultant geriatrician",
    "Simulation replications": "4",
    "Years simulated in each replication": "1",
}

"""Fictional names for demo people and places. Any likeness to real people is chance."""

FIRST = (
    "Aisha Alex Amara Amir Ana Anil Aoife Ben Bethan Callum Carys Chen Chloe Dafydd Daniel Deepa Dylan Eilidh "
    "Elena Emeka Emma Fatima Femi Fiona Gareth Grace Hamza Hannah Harriet Ian Imran Isla Jack James Jasmine "
    "Joanna Jonah Kamala Kate Kwame Laura Leah Liam Lucy Maja Marcus Maria Mei Mohammed Nadia Naomi Niamh "
    "Nikhil Olu Omar Owen Priya Rachel Rashid Rebecca Rhys Rosa Ruth Sam Sara Sean Simone Sofia Tariq Tom "
    "Uma Victoria Wei Yasmin Yusuf Zara Zoe"
).split()

LAST = (
    "Abbott Adeyemi Ahmed Ali Anderson Bailey Banerjee Barker Bennett Bhatt Brennan Campbell Chandra Chapman "
    "Clarke Cole Davies Desai Dixon Edwards Evans Fraser Gallagher Ghosh Green Griffiths Hall Harris Hughes "
    "Hussain Iqbal Jackson James Jenkins Johnson Jones Kaur Kelly Khan King Kowalski Lewis Lloyd Malik Martin "
    "Mensah Mitchell Morgan Murphy Nash Nguyen Novak Obi Okafor O'Neill Owen Parry Patel Phillips Price "
    "Quinn Rahman Reid Roberts Robinson Rose Shah Sharma Singh Smith Stewart Taylor Thomas Turner Walker "
    "Ward Watson White Williams Wilson Wood Wright Young Zhang"
).split()

TOWNS = (
    "Ashford Brackley Carnforth Dunmere Elmsworth Fairhaven Glenmouth Harrowgate Ivybridge Kingsmere "
    "Longford Marlow Newbridge Oakhampton Porthaven Queensbury Redcliffe Stanbridge Thornbury Upton "
    "Westbury Yarmouth Ambleside Bramley Chesterfield Daleford Eastwood Foxton Greystone Hadley"
).split()

# Put before a town to make another fictional place, so no two demo organisations share a name.
PLACE_PREFIXES = "North South East West Upper Lower Great Little Old New".split()

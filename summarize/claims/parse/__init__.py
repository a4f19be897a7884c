"""Reading Indonesian quantities: digit groups and spelled numbers, scale words, units and
counted nouns, dates and periods, and the stretches whose digits are labels, not quantities.
``parse_quantities`` (numbers.py) is the entry point; ``find_dates`` (dates.py) reads times."""

"""The Okabe & Ito (2008) colour-blind-safe palette, shared by dataset declarations and charts."""

BLUE = "#0072B2"
VERMILLION = "#D55E00"
GREEN = "#009E73"
ORANGE = "#E69F00"
SKY = "#56B4E9"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
GREY = "#7F7F7F"
BLACK = "#000000"

#: Colours given in vocabulary order to codes that declare none.
CYCLE = (BLUE, VERMILLION, GREEN, ORANGE, SKY, PURPLE, YELLOW, GREY, BLACK)
#: Marker symbols given in vocabulary order: a second channel for greyscale print and
#: colour-blind readers.
SYMBOLS = (
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "cross",
    "x",
    "star",
    "hexagon",
    "pentagon",
    "triangle-down",
)

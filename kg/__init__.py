"""summit-kg: a knowledge graph of the World Internet Conference Wuzhen Summit from Chinese news."""

__version__ = "0.1.0"

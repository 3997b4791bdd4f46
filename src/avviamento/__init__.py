"""avviamento: verifica delle Unioni di Comuni rispetto alla LR Emilia-Romagna 21/2012."""

__version__ = "0.1.0"

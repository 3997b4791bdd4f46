"""A new profile from the commented Italian starter: the Union's name, its Comuni looked up in the ISTAT list,
and the function catalogue as comments — the text `avviamento init` writes and `check` reads as is."""

from __future__ import annotations

import datetime as dt
import difflib
import json

from avviamento.comuni import ComuneRiferimento, anagrafe, normalizza
from avviamento.errors import Text
from avviamento.regole import RulePack
from avviamento.risorse import data_file


class ComuneSconosciuto(ValueError):
    def __init__(self, nome: str, proposte: list[str]) -> None:
        self.nome = nome
        self.proposte = proposte
        super().__init__(nome)

    def testo(self) -> Text:
        forse = ", ".join(f"'{p}'" for p in self.proposte)
        return {
            "it": f"Comune non trovato tra i Comuni dell'Emilia-Romagna: '{self.nome}'"
            + (f" (forse: {forse}?)" if forse else ""),
            "en": f"no Comune of Emilia-Romagna is called '{self.nome}'"
            + (f" (maybe: {forse}?)" if forse else ""),
        }


def cerca_comuni(nomi: list[str]) -> list[ComuneRiferimento]:
    """The ISTAT records of the named Comuni, in the order given; an unknown name names its closest matches."""
    indice = anagrafe()
    trovati = []
    for nome in nomi:
        trovato = indice.per_nome.get(normalizza(nome)) or indice.per_istat.get(nome.strip())
        if trovato is None:
            chiavi = difflib.get_close_matches(normalizza(nome), list(indice.per_nome), n=3, cutoff=0.6)
            raise ComuneSconosciuto(nome, [indice.per_nome[k].nome for k in chiavi])
        trovati.append(trovato)
    return trovati


def _valore(testo: str) -> str:
    return json.dumps(testo, ensure_ascii=False)  # a YAML double-quoted scalar


def _imposta(testo: str, chiave: str, valore: str, rientro: str = "  ") -> str:
    """`  nome:        # commento` → `  nome: "valore"   # commento`, keeping the comment's column."""
    prefisso = f"{rientro}{chiave}:"
    righe = testo.splitlines(keepends=True)
    for i, riga in enumerate(righe):
        if riga.startswith(prefisso):
            resto = riga[len(prefisso) :]
            commento = resto[resto.index("#") :] if "#" in resto else "\n"
            corpo = f"{prefisso} {valore}"
            spazio = max(1, len(riga) - len(resto.lstrip()) - len(corpo)) if "#" in resto else 0
            righe[i] = corpo + (" " * spazio + commento if "#" in resto else "\n")
            return "".join(righe)
    raise KeyError(chiave)


def profilo_nuovo(unione: str, comuni: list[ComuneRiferimento], pack: RulePack, oggi: dt.date) -> str:
    testo = data_file("profilo_nuovo.yaml").read_text(encoding="utf-8")
    testo = _imposta(testo, "data_riferimento", oggi.isoformat(), rientro="")
    testo = _imposta(testo, "nome", _valore(unione))
    province = {c.provincia for c in comuni}
    if len(province) == 1:
        testo = _imposta(testo, "provincia", province.pop())
    if len(comuni) == 1:
        testo = _imposta(testo, "sede", _valore(comuni[0].nome))
    elenco = "".join(
        f'  - {{nome: {_valore(c.nome)}, istat: "{c.istat}"'
        + (f", popolazione: {c.popolazione}" if c.popolazione is not None else "")
        + "}\n"
        for c in comuni
    )
    testo = testo.replace("comuni: []\n", "comuni:\n" + elenco, 1)
    larghezza = max(len(f.codice) for f in pack.pacchetto.funzioni)
    catalogo = "".join(
        f"#   {f.codice.ljust(larghezza)}  {f.etichetta.it}"
        + (" — obbligatoria per «avviata»" if f.art7_c3 == "obbligatoria" else "")
        + (" — funzione chiave (art. 7 c.3)" if f.art7_c3 == "chiave" else "")
        + "\n"
        for f in pack.pacchetto.funzioni
    )
    esempio = (
        "# Esempio di voce (togliere il cancelletto e completare):\n"
        f"#  - codice: polizia_locale\n"
        f"#    conferimenti:\n"
        f"#      - {{comune: {_valore(comuni[0].nome)}, delibera: {{numero: 12, data: 2024-03-28}}}}\n"
        "#    convenzione: {sottoscritta: 2024-04-15, durata: indeterminata, riparto_spese: popolazione}\n"
        "#    avvio: 2024-06-01               # avvio della gestione da parte dell'Unione\n"
        "#    integrale: true                 # conferita per intero (LR 21/2012 art. 24 c.4)\n"
        "#    personale: 3                    # personale trasferito, in equivalenti a tempo pieno\n"
        "#    spesa_in_bilancio_unione: true  # la spesa è nel bilancio dell'Unione\n"
        "# Codici delle funzioni (avviamento rules funzioni):\n"
    )
    return testo.replace("funzioni: []\n", "funzioni: []\n" + esempio + catalogo, 1)

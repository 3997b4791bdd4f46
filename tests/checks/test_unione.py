"""Unit tests of the Union-level and consistency check kinds."""

from __future__ import annotations

import datetime as dt

from avviamento.checks.common import NonApplicabile, Violazione
from tests.checks.helpers import TUTTI, esegui, funzione, profilo


def violazioni(found: list[object]) -> list[Violazione]:
    return [v for v in found if isinstance(v, Violazione)]


class TestComposizioneGiunta:
    PARAMS = {"ammesse": ["sindaci", "assessori_delegati"]}

    def test_mayors_pass(self) -> None:
        unione = {"nome": "U", "organi": {"giunta": "sindaci"}}
        assert esegui("composizione_giunta", self.PARAMS, profilo(unione=unione)) == []

    def test_mixed_fails_and_missing_fails_with_its_variant(self) -> None:
        [v] = violazioni(
            esegui(
                "composizione_giunta",
                self.PARAMS,
                profilo(unione={"nome": "U", "organi": {"giunta": "mista"}}),
            )
        )
        assert v.variante is None and v.valori["giunta"] == "mista"
        [m] = violazioni(esegui("composizione_giunta", self.PARAMS, profilo(unione={"nome": "U"})))
        assert m.variante == "mancante"


class TestPiccoliComuni:
    PARAMS = {
        "soglia": "soglia_comuni_obbligati",
        "soglia_montani": "soglia_comuni_obbligati_montani",
        "escluse": "lettere_escluse_obbligo",
    }

    def test_only_small_comuni_are_concerned(self) -> None:
        found = violazioni(
            esegui("piccoli_comuni", self.PARAMS, profilo(funzioni=[funzione("polizia_locale")]))
        )
        # Goro (3,475) is the only Comune ≤ 5,000; polizia locale (letter i) is conferred, the other 9 letters
        # not: a) to h) and l-bis) statistica — c.28 leaves out l) (anagrafe, stato civile, elettorale).
        assert [v.comuni for v in found] == [("Goro",)]
        codici = found[0].valori["codici"]
        assert isinstance(codici, list) and len(codici) == 9 and "polizia_locale" not in codici
        assert "statistica" in codici and "anagrafe_stato_civile" not in codici

    def test_montane_threshold_is_3000(self) -> None:
        comuni = [{"nome": "Goro", "istat": "038025", "montano": True}]
        found = violazioni(esegui("piccoli_comuni", self.PARAMS, profilo(comuni=comuni)))
        assert found == []  # 3,475 > 3,000

    def test_declared_population_wins_over_reference_data(self) -> None:
        comuni = [{"nome": "Codigoro", "istat": "038005", "popolazione": 4000}]
        assert len(violazioni(esegui("piccoli_comuni", self.PARAMS, profilo(comuni=comuni)))) == 1


class TestPopolazioneAmbito:
    PARAMS = {"soglia": "popolazione_minima_ambito", "soglia_montana": "popolazione_minima_ambito_montano"}

    def test_below_30000(self) -> None:
        [v] = violazioni(esegui("popolazione_ambito", self.PARAMS, profilo()))
        assert v.valori == {"popolazione": 11072 + 3475 + 6454, "soglia": 30000}

    def test_montane_union_uses_15000(self) -> None:
        data = profilo(unione={"nome": "U", "montana": True})
        assert esegui("popolazione_ambito", self.PARAMS, data) == []

    def test_unknown_population_is_not_applicable(self) -> None:
        data = profilo(comuni=[{"nome": "Comune immaginario"}])
        [n] = esegui("popolazione_ambito", self.PARAMS, data)
        assert isinstance(n, NonApplicabile)


class TestAdempimentiERegolamenti:
    def test_plan_missing_then_approved(self) -> None:
        params = {"adempimento": "piano_comunicazione"}
        assert len(violazioni(esegui("adempimento_approvato", params, profilo()))) == 1
        data = profilo(adempimenti={"piano_comunicazione": {"approvato": "2024-03-20"}})
        assert esegui("adempimento_approvato", params, data) == []
        # approved after the evaluation date: not yet approved
        assert len(violazioni(esegui("adempimento_approvato", params, data, dt.date(2024, 3, 1)))) == 1

    def test_regolamenti(self) -> None:
        params = {"tipi": ["organizzazione_uffici_servizi", "contabilita"]}
        data = profilo(adempimenti={"regolamenti": [{"tipo": "contabilita", "approvato": "2023-01-01"}]})
        [v] = violazioni(esegui("regolamenti_approvati", params, data))
        assert v.valori["tipo"] == "organizzazione_uffici_servizi"


class TestCoerenza:
    def test_non_member_conferral(self) -> None:
        data = profilo(funzioni=[funzione("suap", conferimenti=[*TUTTI, {"comune": "Ferrara"}])])
        [v] = violazioni(esegui("conferimento_non_membro", {}, data))
        assert v.percorso == ("funzioni", 0, "conferimenti", 3, "comune")

    def test_duplicates(self) -> None:
        comuni = [{"nome": "Goro", "istat": "038025"}, {"nome": "GORO"}]
        assert len(violazioni(esegui("comune_duplicato", {}, profilo(comuni=comuni)))) == 1
        data = profilo(funzioni=[funzione("suap"), funzione("suap")])
        assert len(violazioni(esegui("funzione_duplicata", {}, data))) == 1

    def test_istat_mismatch_and_unknown(self) -> None:
        comuni = [{"nome": "Goro", "istat": "038014"}, {"nome": "Altrove", "istat": "099999"}]
        found = violazioni(esegui("codice_istat", {}, profilo(comuni=comuni)))
        assert [(v.variante, v.valori["atteso"]) for v in found] == [
            (None, "Mesola (FE)"),
            ("sconosciuto", "—"),
        ]

    def test_dates(self) -> None:
        data = profilo(data_riferimento="2023-12-31", funzioni=[funzione("suap")])
        [v] = violazioni(esegui("date_coerenti", {}, data))
        assert v.percorso == ("funzioni", 0, "avvio")
        early = profilo(
            funzioni=[funzione("suap", conferimenti=[{"comune": "Goro", "delibera": {"data": "2021-01-01"}}])]
        )
        [d] = violazioni(esegui("delibera_prima_costituzione", {}, early))
        assert d.valori["data"] == dt.date(2021, 1, 1)

    def test_declared_class(self) -> None:
        data = profilo(unione={"nome": "U", "classe_dichiarata": "avviata"})
        [v] = violazioni(esegui("classe_dichiarata", {}, data))
        assert v.valori["dichiarata"] == {"it": "avviata", "en": "started (avviata)"}
        assert isinstance(esegui("classe_dichiarata", {}, profilo(unione={"nome": "U"}))[0], NonApplicabile)

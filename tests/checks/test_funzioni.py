"""Unit tests of the function-level check kinds (one test class per kind)."""

from __future__ import annotations

import datetime as dt

from avviamento.checks.common import NonApplicabile, Violazione
from tests.checks.helpers import TUTTI, esegui, funzione, profilo


class TestFunzioneEffettiva:
    def test_effective_function_passes(self) -> None:
        assert (
            esegui(
                "funzione_effettiva",
                {"funzione": "polizia_locale"},
                profilo(funzioni=[funzione("polizia_locale")]),
            )
            == []
        )

    def test_absent_function_fails(self) -> None:
        [v] = esegui("funzione_effettiva", {"funzione": "sistemi_informativi"}, profilo())
        assert isinstance(v, Violazione)
        assert isinstance(v.valori["motivi"], dict)
        assert "non è indicata" in v.valori["motivi"]["it"]

    def test_every_reason_is_listed(self) -> None:
        data = profilo(
            funzioni=[{"codice": "sistemi_informativi", "conferimenti": TUTTI[:1], "integrale": False}]
        )
        [v] = esegui("funzione_effettiva", {"funzione": "sistemi_informativi"}, data)
        assert isinstance(v, Violazione)
        motivi = v.valori["motivi"]
        assert isinstance(motivi, dict)
        assert motivi["it"] == (
            "manca la delibera del Comune di Goro; manca la delibera del Comune di Mesola; "
            "il servizio non è stato avviato dall'Unione; il conferimento non è integrale; "
            "né personale né spesa sono stati trasferiti all'Unione"
        )
        assert v.comuni == ("Goro", "Mesola")
        assert v.percorso == ("funzioni", 0)

    def test_budget_alone_counts_as_resources(self) -> None:
        data = profilo(funzioni=[funzione("tributi", personale=0, spesa_in_bilancio_unione=True)])
        assert esegui("funzione_effettiva", {"funzione": "tributi"}, data) == []


class TestMinimoFunzioni:
    PARAMS = {"gruppo": "art7_c3_chiave", "soglia": "soglia_funzioni_chiave"}

    def test_three_key_functions_pass(self) -> None:
        data = profilo(funzioni=[funzione("polizia_locale"), funzione("personale"), funzione("tributi")])
        assert esegui("minimo_funzioni", self.PARAMS, data) == []

    def test_two_fail_and_name_candidates(self) -> None:
        data = profilo(
            funzioni=[
                funzione("polizia_locale"),
                funzione("personale"),
                {"codice": "suap", "conferimenti": []},
            ]
        )
        [v] = esegui("minimo_funzioni", self.PARAMS, data)
        assert isinstance(v, Violazione)
        assert (v.valori["effettive"], v.valori["soglia"], v.valori["mancanti"]) == (2, 3, 1)
        assert v.valori["codici"] == ["suap"]

    def test_ict_does_not_count_among_the_seven(self) -> None:
        data = profilo(
            funzioni=[funzione("sistemi_informativi"), funzione("polizia_locale"), funzione("tributi")]
        )
        [v] = esegui("minimo_funzioni", self.PARAMS, data)
        assert isinstance(v, Violazione) and v.valori["effettive"] == 2

    def test_no_threshold_in_force_is_not_applicable(self) -> None:
        [n] = esegui("minimo_funzioni", self.PARAMS, profilo(), dt.date(2010, 1, 1))
        assert isinstance(n, NonApplicabile)


class TestClasseRaggiunta:
    def test_avviata_passes(self) -> None:
        codici = ["sistemi_informativi", "polizia_locale", "personale", "tributi"]
        data = profilo(funzioni=[funzione(c) for c in codici])
        assert esegui("classe_raggiunta", {"classe": "avviata"}, data) == []

    def test_non_avviata_fails_naming_functions_to_make_effective(self) -> None:
        data = profilo(funzioni=[funzione("sistemi_informativi"), {"codice": "protezione_civile"}])
        [v] = esegui("classe_raggiunta", {"classe": "avviata"}, data)
        assert isinstance(v, Violazione)
        assert v.valori["codici"] == ["protezione_civile"]
        assert v.valori["classe"] == {"it": "non avviata", "en": "not started (non avviata)"}


class TestConferimentoCompleto:
    def test_one_failure_per_incomplete_function(self) -> None:
        data = profilo(
            funzioni=[
                funzione("polizia_locale"),
                funzione("suap", conferimenti=TUTTI[1:]),
                {"codice": "tributi", "conferimenti": []},
            ]
        )
        found = esegui("conferimento_completo", {}, data)
        assert [(v.funzione, v.comuni) for v in found if isinstance(v, Violazione)] == [
            ("suap", ("Codigoro",)),
            ("tributi", ("Codigoro", "Goro", "Mesola")),
        ]


class TestIntegralitaERisorse:
    def test_planned_function_is_not_examined(self) -> None:
        data = profilo(funzioni=[{"codice": "tributi", "conferimenti": TUTTI[:1]}])
        assert esegui("integralita", {}, data) == []
        assert esegui("risorse_trasferite", {}, data) == []

    def test_started_function_must_be_whole_and_resourced(self) -> None:
        data = profilo(funzioni=[funzione("tributi", integrale=None, personale=None)])
        [v] = esegui("integralita", {}, data)
        assert isinstance(v, Violazione) and v.percorso == ("funzioni", 0, "integrale")
        [r] = esegui("risorse_trasferite", {}, data)
        assert isinstance(r, Violazione) and r.funzione == "tributi"


class TestTempoIndeterminato:
    PARAMS = {"soglia": "soglia_comuni_obbligati", "soglia_montani": "soglia_comuni_obbligati_montani"}

    def test_fixed_term_with_an_obliged_comune_fails(self) -> None:
        convenzione = {"sottoscritta": "2023-11-06", "durata": 5, "riparto_spese": "popolazione"}
        [v] = esegui(
            "tempo_indeterminato", self.PARAMS, profilo(funzioni=[funzione("suap", convenzione=convenzione)])
        )
        # Goro has 3,475 inhabitants (≤ 5,000); Codigoro 11,072 and Mesola 6,454 are not obliged.
        assert isinstance(v, Violazione) and v.comuni == ("Goro",)

    def test_open_ended_passes(self) -> None:
        assert esegui("tempo_indeterminato", self.PARAMS, profilo(funzioni=[funzione("suap")])) == []


class TestContenutiConvenzione:
    def test_missing_fields_are_named(self) -> None:
        data = profilo(funzioni=[funzione("suap", convenzione={"sottoscritta": "2023-11-06"})])
        [v] = esegui("contenuti_convenzione", {"campi": ["durata", "riparto_spese"]}, data)
        assert isinstance(v, Violazione)
        assert v.valori["campi"] == {
            "it": "la durata né il riparto delle spese",
            "en": "the duration nor the cost sharing",
        }

    def test_unsigned_is_not_examined(self) -> None:
        data = profilo(funzioni=[funzione("suap", convenzione={"sottoscritta": None})])
        assert esegui("contenuti_convenzione", {"campi": ["durata"]}, data) == []

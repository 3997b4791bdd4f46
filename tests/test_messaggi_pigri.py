"""Findings' messages are composed only when read: the text is the one the rule's template gives."""

from __future__ import annotations

import dataclasses
import pickle

from avviamento.engine import evaluate
from avviamento.esito import DaComporre, Esito
from avviamento.profilo import validate_profile
from avviamento.regole import load_pack_cached
from avviamento.risorse import default_rules
from avviamento.yamlio import load_yaml
from tests.conftest import EXAMPLES


def _esito() -> Esito:
    caricato = validate_profile(load_yaml(EXAMPLES / "profilo-esempio.yaml", "profilo-esempio.yaml"))
    return evaluate(caricato, load_pack_cached(default_rules()))


def test_open_findings_are_composed_on_first_read_with_the_values_filled_in() -> None:
    esito = _esito()
    violati = [r for r in esito.rilievi if r.stato not in ("soddisfatta", "non_applicabile")]
    assert violati
    assert all(isinstance(r.testo, DaComporre) for r in violati)
    for r in violati:
        messaggio = r.messaggio
        assert set(messaggio) == {"it", "en"}
        assert all("{" not in testo and testo.strip() for testo in messaggio.values()), messaggio
        assert r.testo == messaggio  # composed once, then kept
        assert r.messaggio is messaggio
    grizzana = [r.messaggio["it"] for r in violati if "Grizzana Morandi" in r.messaggio["it"]]
    assert grizzana, [r.messaggio["it"] for r in violati]


def test_a_lazy_finding_equals_the_composed_one_and_survives_pickling() -> None:
    pigri, letti = _esito().rilievi, _esito().rilievi
    for r in letti:
        r.messaggio  # noqa: B018
    assert pigri == letti  # equality is about what a finding says, composed or not
    copie = pickle.loads(pickle.dumps(pigri))  # what a review worker sends to the parent
    assert [r.messaggio for r in copie] == [r.messaggio for r in letti]
    assert [r.messaggio for r in pigri] == [r.messaggio for r in letti]


def test_findings_with_different_messages_differ() -> None:
    esito = _esito()
    primo = next(r for r in esito.rilievi if isinstance(r.testo, DaComporre))
    assert isinstance(primo.testo, DaComporre)
    altro = DaComporre(primo.testo.modelli, {}, primo.testo.componi)  # every value missing: «—»
    assert dataclasses.replace(primo, testo=altro) != primo

"""Reference data of the Comuni, and where the bundled resources are found."""

from __future__ import annotations

from pathlib import Path

import avviamento
from avviamento.comuni import anagrafe, indice_membro, normalizza
from avviamento.profilo import Comune, Profilo
from avviamento.risorse import default_rules, templates_dir


def test_reference_data() -> None:
    registro = anagrafe()
    assert len(registro.per_istat) == 330
    imola = registro.per_istat["037032"]
    assert (imola.nome, imola.provincia, imola.codice_catastale, imola.popolazione) == (
        "Imola",
        "BO",
        "E289",
        69121,
    )
    # the two Comuni that joined the region in 2021 have no population in the source
    assert registro.per_nome[normalizza("Montecopiolo")].popolazione is None


def test_names_are_matched_loosely() -> None:
    assert normalizza("Castel d’Aiano") == normalizza("castel d'aiano")
    assert normalizza("Sant'Agata  Bolognese") == normalizza("SANT'AGATA BOLOGNESE")
    registro = anagrafe()
    assert registro.popolazione(Comune(nome="Mesola")) == 6454
    assert registro.popolazione(Comune(nome="Mesola", popolazione=7000)) == 7000
    assert registro.popolazione(Comune(nome="Atlantide")) is None


def test_conferral_by_name_or_code() -> None:
    profilo = Profilo.model_validate(
        {"unione": {"nome": "U"}, "comuni": [{"nome": "Goro", "istat": "038025"}, {"nome": "Mesola"}]}
    )
    assert indice_membro(profilo, "038025") == 0
    assert indice_membro(profilo, "mesola") == 1
    assert indice_membro(profilo, "Ferrara") is None


def test_bundled_resources_are_found_installed_or_in_the_source_tree() -> None:
    package = Path(avviamento.__file__).resolve().parent
    assert default_rules().is_file()
    assert templates_dir().is_dir()
    if package.parent.name != "src":  # a non-editable install: the wheel must carry them
        assert default_rules().is_relative_to(package)
        assert templates_dir().is_relative_to(package)

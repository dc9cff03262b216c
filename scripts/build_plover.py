#!/usr/bin/env python3
"""Build accord/knowledge/plover.json: the PLOVER ontology as data, in one place.

usage: python scripts/build_plover.py [../shared/eval/plover/CAMEO2PLOVER-2021.txt]

Reads the CAMEO->PLOVER conversion table (PLOVER manual draft 0.8, 2021) and adds what the table
does not hold: each type's quad class (PLOVER manual), the contexts and modes lists, and the
Goldstein (1992) conflict-cooperation score of each CAMEO code (3-digit codes; 4-digit codes take
their parent's). Run it again only when the ontology changes; its output is committed.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

QUAD = {
    "AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation", "SUPPORT": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation", "COOPERATE": "material_cooperation", "AID": "material_cooperation",
    "RETREAT": "material_cooperation", "REQUEST": "verbal_conflict", "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict", "THREATEN": "verbal_conflict", "PROTEST": "material_conflict",
    "SANCTION": "material_conflict", "MOBILIZE": "material_conflict", "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}
# PLOVER modes per type (PLOVER manual 2021 and CONTRACT.md); the table below adds those it uses.
MODES = {
    "AGREE": [], "CONSULT": ["visit", "multilateral", "phone", "third-party"], "SUPPORT": [], "CONCEDE": [],
    "COOPERATE": [], "AID": [], "RETREAT": ["release", "return", "ease", "access", "disarm", "ceasefire", "withdraw"],
    "REQUEST": ["assist", "change", "yield", "meet"], "ACCUSE": ["investigate", "disapprove", "allege"],
    "REJECT": ["assist", "change", "yield", "meet"],
    "THREATEN": ["relations", "restrict", "ban", "political", "expel", "violence", "territory"],
    "PROTEST": ["demo", "hunger", "boycott", "obstruct", "riot"], "SANCTION": ["withdraw", "discontinue", "expel"],
    "MOBILIZE": ["police", "troops"],
    "COERCE": ["seize", "restrict", "ban", "curfew", "martial-law", "arrest", "deport"],
    "ASSAULT": ["abduct", "beat", "sexual", "torture", "suicide-attack", "explosives", "assassinate", "firearms",
                "heavy-weapons", "massacre", "cleansing", "unconventional"],
}
# PLOVER contexts: those the CAMEO table uses, and the rest of the PLOVER/POLECAT list.
EXTRA_CONTEXTS = [
    "agriculture", "border", "cyber", "disaster", "election", "environment", "gender", "health", "legislative",
    "migration", "pandemic", "refugee", "resource", "technology", "terrorism", "territory",
]
GOLDSTEIN = {
    "010": 0.0, "011": -0.1, "012": -0.4, "013": 0.4, "014": 0.0, "015": 0.0, "016": 3.4, "017": 0.0, "018": 3.4,
    "019": 3.4, "020": 3.0, "021": 3.4, "022": 3.2, "023": 3.4, "024": -0.3, "025": -0.3, "026": 4.0, "027": 4.0,
    "028": 4.0, "030": 4.0, "031": 5.2, "032": 4.5, "033": 5.2, "034": 7.0, "035": 7.0, "036": 4.0, "037": 5.0,
    "038": 7.0, "039": 5.0, "040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8, "044": 2.5, "045": 5.0, "046": 7.0,
    "050": 3.5, "051": 3.4, "052": 3.5, "053": 3.8, "054": 6.0, "055": 7.0, "056": 7.0, "057": 8.0, "060": 6.0,
    "061": 6.4, "062": 7.4, "063": 7.4, "064": 7.0, "070": 7.0, "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5,
    "075": 7.0, "080": 5.0, "081": 5.0, "082": 5.0, "083": 5.0, "084": 7.0, "085": 7.0, "086": 9.0, "087": 9.0,
    "090": -2.0, "091": -2.0, "092": -2.0, "093": -2.0, "094": -2.0, "100": -5.0, "101": -5.0, "102": -4.9,
    "103": -5.0, "104": -5.0, "105": -5.0, "106": -5.0, "107": -5.0, "108": -5.0, "110": -2.0, "111": -2.0,
    "112": -2.0, "113": -2.0, "114": -2.0, "115": -2.0, "116": -2.0, "120": -4.0, "121": -4.0, "122": -4.0,
    "123": -4.0, "124": -5.0, "125": -5.0, "126": -5.0, "127": -5.0, "128": -5.0, "129": -5.0, "130": -4.4,
    "131": -5.8, "132": -5.8, "133": -5.8, "134": -5.8, "135": -5.8, "136": -7.0, "137": -7.0, "138": -7.0,
    "139": -6.9, "140": -6.5, "141": -6.5, "142": -6.5, "143": -6.5, "144": -7.5, "145": -7.5, "150": -7.2,
    "151": -7.2, "152": -7.2, "153": -7.2, "154": -7.2, "160": -4.0, "161": -4.0, "162": -5.6, "163": -8.0,
    "164": -7.0, "165": -7.0, "166": -7.0, "170": -7.0, "171": -9.2, "172": -5.0, "173": -5.0, "174": -5.0,
    "175": -9.0, "180": -9.0, "181": -9.0, "182": -9.5, "183": -10.0, "184": -8.0, "185": -8.0, "186": -10.0,
    "190": -10.0, "191": -9.5, "192": -9.5, "193": -10.0, "194": -10.0, "195": -10.0, "196": -9.5, "200": -10.0,
    "201": -9.5, "202": -10.0, "203": -10.0, "204": -10.0,
}


def main() -> None:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/plover/CAMEO2PLOVER-2021.txt")
    cameo: dict[str, dict] = {}
    contexts: set[str] = set(EXTRA_CONTEXTS)
    modes = {t: list(m) for t, m in MODES.items()}
    for line in src.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*?)\s*,\s*([^#]*?)\s*#\s*(.*)$", line)
        if not m:
            continue
        code, etype, mode, ctx, label = m.groups()
        mode = mode.strip() or None
        ctxs = [c.strip() for c in ctx.split(";") if c.strip()]
        contexts.update(ctxs)
        if mode and mode not in modes[etype]:
            modes[etype].append(mode)
        entry = {"type": etype, "mode": mode, "contexts": ctxs, "label": label.strip()}
        g = GOLDSTEIN.get(code[:3])
        if g is not None:
            entry["goldstein"] = g
        cameo.setdefault(code, entry)  # the table lists 175 twice; keep the first
    out = {
        "_doc": "PLOVER ontology (types, quad classes, modes, contexts) and the CAMEO->PLOVER map with "
                "Goldstein scores. Built by scripts/build_plover.py; edit the script, not this file.",
        "types": {t: {"quad": QUAD[t], "modes": modes[t]} for t in QUAD},
        "contexts": sorted(contexts),
        "modalities": ["historical", "future", "hypothetical", "negation"],
        "cameo": dict(sorted(cameo.items())),
    }
    dest = Path(__file__).resolve().parent.parent / "accord" / "knowledge" / "plover.json"
    dest.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{dest}: {len(cameo)} CAMEO codes, {len(contexts)} contexts")


if __name__ == "__main__":
    main()

"""Run the attribution rules over a WikiNews quotation split and score them (tuning loop).

    python training/attribution/tune.py /tmp/attr/train [--n 200] [--show 5]
    python training/attribution/tune.py /tmp/attr/train --last 150     # the held-out part of train

Uses only the language and attribution components (fast); the scorer is the shared
score_quotes.py metric via quellenlage.evaluation.quotes.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import tempfile

from quellenlage.evaluation.quotes import load_scorer
from quellenlage.model import Article, to_dict

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _pipe import LangAttr  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=pathlib.Path)
    ap.add_argument("--n", type=int, default=0)
    ap.add_argument("--last", type=int, default=0, help="score only the last N documents (held-out part)")
    ap.add_argument("--skip-last", type=int, default=0, help="leave out the last N documents")
    ap.add_argument("--show", type=int, default=0, help="print N documents' gold vs predicted quotes")
    a = ap.parse_args()
    files = sorted(a.gold.glob("*.json"))
    if a.skip_last:
        files = files[: -a.skip_last]
    if a.last:
        files = files[-a.last:]
    if a.n:
        files = files[: a.n]
    pipe = LangAttr()
    scorer = load_scorer()
    with tempfile.TemporaryDirectory() as td:
        gd, pd = pathlib.Path(td, "gold"), pathlib.Path(td, "pred")
        gd.mkdir()
        pd.mkdir()
        for f in files:
            g = json.loads(f.read_text())
            (gd / f.name).symlink_to(f.resolve())
            doc = pipe(Article(body=g["originalText"], id=g["documentName"]))
            (pd / f.name).write_text(json.dumps(to_dict(doc), ensure_ascii=False))
        r = scorer.score(gd, pd)
        print(json.dumps(r))
        for f in files[: a.show]:
            g = json.loads(f.read_text())
            T = g["originalText"]
            p = json.loads((pd / f.name).read_text())
            print("=" * 30, f.name)
            for x in g["annotations"]:
                gs = {r: " | ".join(T[s["charBegin"]:s["charEnd"]] for s in ((x.get(r) or {}).get("spans") or []))
                      for r in ("speaker", "cue", "quote")}
                print(f"G {x['type'][:8]:8s} S[{gs['speaker']}] C[{gs['cue']}] Q[{gs['quote'][:90]}]")
            for q in p["quotes"]:
                ps = {r: " | ".join(T[s["start"]:s["end"]] for s in q[r]) for r in ("speaker", "cue", "content")}
                print(f"P {q['type'][:8]:8s} S[{ps['speaker']}] C[{ps['cue']}] Q[{ps['content'][:90]}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())

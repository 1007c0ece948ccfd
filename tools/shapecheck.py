"""Shape-check one scenario data file: python /tmp/shapecheck.py FILE"""
import sys
from pathlib import Path
sys.path.insert(0, "/work/main")
from pydantic import ValidationError
from engine.scenario.yamlio import read_yaml
from engine.scenario.model import SectionsFile
for f in sys.argv[1:]:
    doc = read_yaml(Path(f))
    for loc, m, msg in doc.problems:
        print(f"{f}:{m.line}:{m.col}: {msg}")
    try:
        SectionsFile.model_validate(doc.data or {})
        print(f"{f}: shape OK")
    except ValidationError as e:
        for err in e.errors():
            m = doc.where(err["loc"])
            print(f"{f}:{m.line}:{m.col}: {'.'.join(map(str, err['loc']))}: {err['msg']}")

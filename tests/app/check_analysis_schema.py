# SPDX-License-Identifier: MIT
# Checks `pianola-cli analyze --json` output (JSON Lines) against analysis.schema.json.
"""Usage: check_analysis_schema.py <pianola-cli> <analysis.schema.json> FILE...

Runs the CLI once on all FILEs, expects one JSON object per line in argument order, each valid
under the schema and naming its file. Then checks that the schema rejects broken documents (so
the check can fail). Exit 0 ok, 1 a problem, 77 no python3-jsonschema (CTest skip).
"""
import json
import pathlib
import subprocess
import sys

SKIP = 77


def main(argv):
    if len(argv) < 4:
        print(__doc__)
        return 1
    try:
        import jsonschema
    except ImportError:
        print("check_analysis_schema.py: python3-jsonschema is not installed; skipping")
        return SKIP
    cli, schema_path, files = argv[1], pathlib.Path(argv[2]), argv[3:]
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    run = subprocess.run([cli, "analyze", "--json", "--quiet", *files], capture_output=True,
                         text=True, check=False)
    if run.returncode != 0:
        print(f"FAIL: exit {run.returncode}: {run.stderr}")
        return 1
    lines = run.stdout.splitlines()
    if len(lines) != len(files):
        print(f"FAIL: {len(lines)} lines for {len(files)} files")
        return 1
    failures = 0
    documents = []
    for path, line in zip(files, lines):
        document = json.loads(line)
        documents.append(document)
        errors = list(validator.iter_errors(document))
        if document.get("file") != path:
            print(f"FAIL {path}: line names {document.get('file')!r}")
            failures += 1
        for error in errors[:5]:
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            print(f"FAIL {path}: {where}: {error.message}")
            failures += 1
        if not errors:
            print(f"ok   {path}: {len(document['chords'])} chords, key "
                  f"{document['key']['tonic']} {document['key']['mode']}")
    broken = [dict(documents[0], key={"tonic": "H", "mode": "major", "confidence": 0.5}),
              {k: v for k, v in documents[0].items() if k != "duration_ms"},
              dict(documents[0], extra=1)]
    for document in broken:
        if validator.is_valid(document):
            print("FAIL: the schema accepts a broken document")
            failures += 1
    print(f"{failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

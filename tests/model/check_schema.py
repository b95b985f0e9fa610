# SPDX-License-Identifier: MIT
# Checks that plan.schema.json accepts every valid sample plan and rejects every invalid one.
"""Usage: check_schema.py <plan.schema.json> <valid dir> <invalid dir>

Exit codes: 0 all samples agree with the schema, 1 a sample disagrees or a file is unreadable,
77 the jsonschema module is missing (CTest SKIP_RETURN_CODE; Debian: python3-jsonschema).
"""
import json
import pathlib
import sys

SKIP = 77


def load_validator(schema_path):
    try:
        import jsonschema
    except ImportError:
        print("check_schema.py: the Python module 'jsonschema' is not installed "
              "(Debian/Ubuntu: apt-get install python3-jsonschema); skipping")
        sys.exit(SKIP)
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def samples(directory):
    files = sorted(pathlib.Path(directory).glob("*.json"))
    if not files:
        raise SystemExit(f"check_schema.py: no *.json samples in {directory}")
    return files


def first_error(validator, path):
    document = json.loads(path.read_text(encoding="utf-8"))
    error = next(iter(validator.iter_errors(document)), None)
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "(root)"
    return f"{where}: {error.message}"


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 1
    validator = load_validator(pathlib.Path(argv[1]))
    failures = 0
    for path in samples(argv[2]):
        error = first_error(validator, path)
        if error is not None:
            print(f"FAIL {path.name}: valid sample rejected by the schema: {error}")
            failures += 1
        else:
            print(f"ok   {path.name}: accepted")
    for path in samples(argv[3]):
        error = first_error(validator, path)
        if error is None:
            print(f"FAIL {path.name}: invalid sample accepted by the schema")
            failures += 1
        else:
            print(f"ok   {path.name}: rejected ({error})")
    print(f"{failures} disagreement(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

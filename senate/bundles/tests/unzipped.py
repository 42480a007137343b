import csv
import io
import json
import zipfile


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as bundle:
        return {name: bundle.read(name) for name in bundle.namelist()}


def rows(files: dict[str, bytes], name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(files[f"records/{name}.csv"].decode("utf-8-sig"))))


def manifest(files: dict[str, bytes]) -> dict:
    return json.loads(files["MANIFEST.json"])

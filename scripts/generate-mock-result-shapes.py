#!/usr/bin/env python3
"""Generates src/main/resources/dev/aslunit/server/mock-result-shapes/: for every AWS service, the
output shapes of its API operations (one gzipped JSON file per service, read when a test first
mocks that service), which TestState's fieldValidationMode checks mocked results against.

The shapes come from the AWS service models (the service-2.json files the AWS SDKs are generated
from: aws-sdk-java-v2's codegen-resources and botocore's data folder hold the same models). The
AWS SDK for Java v2 jars on Maven Central do not ship them, so this reads botocore's copy:

    pip install --upgrade botocore && python3 scripts/generate-mock-result-shapes.py

Re-run it to bring the shapes up to date; SOURCE in that folder records the botocore version they
came from.
Only what validation needs is kept: output shapes reachable from an operation, their members
(first letter upper-cased, as Step Functions presents results), required members, types, enum
values and min/max constraints.
"""
import gzip
import json
import os
import sys

import botocore
from botocore.loaders import Loader

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "dev", "aslunit", "server",
                   "mock-result-shapes")
SCALARS = {"string", "integer", "long", "float", "double", "boolean", "timestamp", "blob", "bigdecimal",
           "biginteger", "document"}


def upper_first(name):
    return name[:1].upper() + name[1:]


def compact(shapes, name, out):
    if name in out:
        return
    shape = shapes[name]
    t = shape["type"]
    if t == "structure":
        if shape.get("document"):
            out[name] = "document"
            return
        out[name] = None  # recursion guard
        members = {upper_first(m): ref["shape"] for m, ref in shape.get("members", {}).items()}
        entry = {"t": "structure", "m": members}
        required = [upper_first(r) for r in shape.get("required", [])]
        if required:
            entry["r"] = required
        out[name] = entry
        for ref in members.values():
            compact(shapes, ref, out)
    elif t == "list":
        out[name] = {"t": "list", "e": shape["member"]["shape"]}
        compact(shapes, shape["member"]["shape"], out)
    elif t == "map":
        out[name] = {"t": "map", "v": shape["value"]["shape"]}
        compact(shapes, shape["value"]["shape"], out)
    else:
        entry = {"t": t}
        for k in ("min", "max"):
            if k in shape:
                entry[k] = shape[k]
        if "enum" in shape:
            entry["enum"] = shape["enum"]
        out[name] = entry if len(entry) > 1 else t


def service_key(model):
    # Step Functions' aws-sdk integrations name a service as the AWS SDK for Java v2 does: its service
    # id in lower case, without spaces
    return model["metadata"]["serviceId"].lower().replace(" ", "").replace("-", "")


def main():
    loader = Loader()
    services = {}
    for name in sorted(loader.list_available_services("service-2")):
        model = loader.load_service_model(name, "service-2")
        shapes = model["shapes"]
        ops, table = {}, {}
        for op_name, op in model["operations"].items():
            output = op.get("output", {}).get("shape")
            if output:
                ops[op_name] = output
                compact(shapes, output, table)
        key = service_key(model)
        if key in services:
            continue
        services[key] = {"operations": ops, "shapes": table}
    if os.path.isdir(OUT):
        for old in os.listdir(OUT):
            os.remove(os.path.join(OUT, old))
    os.makedirs(OUT, exist_ok=True)
    total = 0
    for key, service in services.items():
        data = json.dumps(service, separators=(",", ":"), sort_keys=True).encode()
        path = os.path.join(OUT, key + ".json.gz")
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
            f.write(data)
        total += os.path.getsize(path)
    with open(os.path.join(OUT, "SOURCE"), "w") as f:
        f.write("AWS service models (service-2.json) from botocore %s, by scripts/generate-mock-result-shapes.py\n"
                % botocore.__version__)
    print("%d services, %d bytes gzipped -> %s" % (len(services), total, OUT), file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Drafts docs/openapi.json from what the CLI really prints.

Runs the CLI (--format json) over a fresh demo database for every question the API
answers, infers each response's JSON Schema from those outputs (keys present in every
sample are required; `..._note` keys never are; a number with a `_note` sibling or a
non-count number may be null; `null` seen means nullable), adds the enums the Swift
code has and the parts the demo leaves empty, and writes the whole document. Review
the diff before committing it, then run Tests/api/embed_openapi.py.

    python3 Tests/api/draft_openapi.py [--bin .build/debug/piloteval] [--out docs/openapi.json]
"""
import argparse, collections, glob, json, os, pathlib, shutil, subprocess, sys, tempfile


def kind(v):
    if v is None: return "null"
    if isinstance(v, bool): return "boolean"
    if isinstance(v, int): return "integer"
    if isinstance(v, float): return "number"
    if isinstance(v, str): return "string"
    if isinstance(v, list): return "array"
    return "object"

class Node:
    def __init__(self):
        self.kinds = collections.Counter()
        self.count = 0
        self.props = {}           # key -> Node
        self.prop_counts = collections.Counter()
        self.obj_count = 0
        self.items = None
        self.strings = collections.Counter()
        self.keysets = set()
    def add(self, v):
        self.count += 1
        k = kind(v); self.kinds[k] += 1
        if k == "object":
            self.obj_count += 1
            self.keysets.add(tuple(sorted(v)))
            for key, val in v.items():
                self.prop_counts[key] += 1
                self.props.setdefault(key, Node()).add(val)
        elif k == "array":
            if self.items is None: self.items = Node()
            for x in v: self.items.add(x)
        elif k == "string":
            self.strings[v] += 1


INT_KEYS = {"n", "events", "censored", "met", "not_met", "model_version", "latest_version", "version_count",
            "version", "numerator", "denominator", "source_import", "source_line", "rank", "units",
            "respondents", "excluded", "min_group", "limit_days", "lines", "imports", "distribution", "items"}
ASSESSMENT = ["fully_met", "partly_met", "not_met", "cannot_assess"]
TARGET_STATUS = ["met", "not_met", "no_data", "no_comparison", "not_assessed"]
IND_UNIT = ["percent", "count", "mean", "index", "days", "sek", "ratio"]
ENUMS = {  # path suffix -> values
    ".assessment": ASSESSMENT, ".manual_assessment": ASSESSMENT, ".assessments[].result": ASSESSMENT,
    ".status": TARGET_STATUS, ".target_status": TARGET_STATUS, ".city_target_status": TARGET_STATUS,
    "goals[].level": ["kf", "namnd", "enhet"],
    ".direction": ["increase", "decrease", "none"],
    "indicators[].unit": IND_UNIT,
    "indicators[].frequency": ["month", "tertial", "quarter", "year", "wave"],
    ".counts": ["persons", "events"],
    ".set_by": ["unit", "city"], ".status_basis": ["unit", "city"],
    ".term": ["short", "intermediate", "long"],
    "$.language": ["sv", "en"],
    "change_unit": IND_UNIT[1:] + ["percentage_points"],
    "points[].source": ["observation", "computed", "baseline", "target_only"],
    "$.kind": ["continuous", "binary", "time_to_event"], "by_gender[].kind": ["continuous", "binary", "time_to_event"],
    "$.design": ["unadjusted", "adjusted", "did", "permutation"],
    "by_gender[].gender": ["girl", "boy", "other"],
    ".verdict": ["yes", "within_units_only", "between_units_only", "no", "cannot_assess"],
}
MAPS = {  # paths whose keys are data: schema of values; propertyNames enum or None
    "$.indicators[].groups": None, "$.indicators[].points[].groups": None,
    "$.indicators[].breakdowns": None,
    "$.descriptive.pilot.by_gender": ["girl", "boy", "other"],
    "$.descriptive.comparison.by_gender": ["girl", "boy", "other"],
    "$.by_gender[].descriptive.pilot.by_gender": ["girl", "boy", "other"],
}
SPECIAL = {}  # path -> schema (filled per endpoint)
warnings = []

def enum_for(path):
    for suffix, values in ENUMS.items():
        if path.endswith(suffix): return values
    return None

def merge_nodes(nodes):
    m = Node()
    for n in nodes:
        # re-merge by replaying is not possible; merge structurally
        m.kinds.update(n.kinds); m.count += n.count; m.obj_count += n.obj_count; m.strings.update(n.strings)
        for k, v in n.props.items():
            m.prop_counts[k] += n.prop_counts[k]
            m.props[k] = merge_nodes([m.props[k], v]) if k in m.props else v
        if n.items is not None:
            m.items = merge_nodes([m.items, n.items]) if m.items is not None else n.items
    return m

def schema(node, path, key, siblings=()):
    if path in SPECIAL: return SPECIAL[path]
    kinds = {k for k in node.kinds if k != "null"}
    nullable = "null" in node.kinds
    figure_note = (key + "_note") in siblings
    types = []
    s = {}
    if kinds == {"integer"} or kinds == {"integer", "number"} or kinds == {"number"}:
        if kinds == {"integer"} and key in INT_KEYS:
            types = ["integer"]
        else:
            types = ["number"]; nullable = True if key not in INT_KEYS else nullable
        nullable = nullable or figure_note
    elif kinds == {"string"}:
        types = ["string"]
        e = enum_for(path)
        if e:
            missing = set(node.strings) - set(e)
            if missing: warnings.append(f"{path}: values {missing} not in enum {e}")
            s["enum"] = e + ([None] if nullable else [])
    elif kinds == {"boolean"}: types = ["boolean"]
    elif kinds == {"array"}:
        types = ["array"]
        if path + "[]" in SPECIAL:
            s["items"] = SPECIAL[path + "[]"]
        elif node.items is None or node.items.count == 0:
            warnings.append(f"{path}: empty array everywhere"); s["items"] = {}
        else:
            s["items"] = schema(node.items, path + "[]", key)
    elif kinds == {"object"}:
        types = ["object"]
        if path in MAPS:
            vals = merge_nodes(list(node.props.values())) if node.props else None
            s["additionalProperties"] = schema(vals, path + ".*", "*") if vals else {}
            if MAPS[path]: s["propertyNames"] = {"enum": MAPS[path]}
        else:
            props = {}
            for k in sorted(node.props):
                props[k] = schema(node.props[k], path + "." + k, k, node.props.keys())
                if k.endswith("_note") and "type" in props[k] and props[k]["type"] == "string":
                    pass
            req = [k for k in sorted(node.props) if node.prop_counts[k] == node.obj_count and not k.endswith("_note")]
            s["properties"] = props
            if req: s["required"] = req
    elif not kinds:
        warnings.append(f"{path}: only null"); return {"type": "null"}
    else:
        warnings.append(f"{path}: mixed {kinds}")
        return {}
    s = {"type": types[0] if not nullable else [types[0], "null"], **s}
    return s

def build(files, special=None):
    SPECIAL.clear(); SPECIAL.update(special or {})
    n = Node()
    for f in files: n.add(json.load(open(f)))
    return schema(n, "$", "$")


O = None
infer = build
def files(p): return sorted(glob.glob(O + p))
OUTCOMES = ["days_to_assessment", "assessment_within_14d", "investigation_days", "investigation_within_4m",
            "re_referral_12m", "distinct_caseworkers", "investigations_per_child"]


def collect_samples(binary, work):
    """The CLI's JSON for the API's questions over a fresh demo, as files in work."""
    demo = os.path.join(work, "demo")
    subprocess.run([binary, "demo", "--out", demo], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = os.path.join(demo, "piloteval.db")
    def run(name, *args):
        r = subprocess.run([binary, *args, "--db", db, "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if r.returncode == 0:
            pathlib.Path(work, name + ".json").write_bytes(r.stdout)
        return r.stdout if r.returncode == 0 else None
    models = [m["id"] for m in json.loads(run("list", "model", "list"))]
    for m in models:
        shown = json.loads(run(f"show-{m}", "model", "show", m))
        run(f"status-{m}", "indicators", "status", "--model", m)
        trend = json.loads(run(f"trend-{m}", "indicators", "trend", "--model", m))
        periods = sorted({p["period"] for i in trend["indicators"] for p in i["points"]
                          if p.get("source") in ("observation", "computed")})
        for p in periods:
            run(f"status-{m}-{p}", "indicators", "status", "--model", m, "--period", p)
        for i in trend["indicators"][:1]:
            run(f"trend-{m}-{i['id']}", "indicators", "trend", "--model", m, "--indicator", i["id"])
        if (shown.get("cohorts") or {}).get("pilot"):
            for o in OUTCOMES:
                for d in ["unadjusted", "adjusted", "did", "permutation"]:
                    run(f"cmp-{m}-{o}-{d}", "cases", "compare", "--model", m, "--outcome", o, "--design", d)
                    run(f"cmp-{m}-{o}-{d}-g", "cases", "compare", "--model", m, "--outcome", o, "--design", d, "--by", "gender")
        for i in {(x.get("data") or {}).get("readiness") for x in shown["indicators"]} - {None}:
            for w in json.loads(subprocess.run([binary, "readiness", "trend", "--instrument", i, "--db", db, "--format", "json"],
                                               stdout=subprocess.PIPE).stdout)["waves"]:
                run(f"rs-{i}-{w['wave']}", "readiness", "summary", "--instrument", i, "--wave", w["wave"])


def main():
    root = pathlib.Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=str(root / ".build/debug/piloteval"))
    parser.add_argument("--out", default=str(root / "docs/openapi.json"))
    args = parser.parse_args()
    global O
    work = tempfile.mkdtemp(prefix="piloteval-openapi-")
    O = work + "/"
    collect_samples(os.path.abspath(args.bin), work)
    pathlib.Path(args.out).write_text(document(), encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    print("\n".join(warnings), file=sys.stderr)


def document():
    global SPECIAL
    TARGET_RULE = {"$ref": "#/components/schemas/TargetRule"}
    ASSESS = {"type": "object", "required": ["period", "result"], "additionalProperties": False,
              "properties": {"period": {"type": "string"}, "result": {"type": "string", "enum": ASSESSMENT},
                             "justification": {"type": "string"}}}
    REMOVED = {"type": "array", "items": {"type": "object", "additionalProperties": False,
            "required": ["id", "periods", "observations", "note"],
            "properties": {"id": {"type": "string"}, "title": {"type": "string"},
                           "last_model_version": {"type": "integer"},
                           "periods": {"type": "array", "items": {"type": "string"}},
                           "observations": {"type": "integer"}, "note": {"type": "string"}}}}
    def nullable_ref(ref): return {"oneOf": [{"$ref": ref}, {"type": "null"}]}

    schemas = {}
    schemas["ModelList"] = infer(files('list.json'))
    schemas["LogicModel"] = infer(files('show-*.json'), {"$.indicators[].targets[].rule": TARGET_RULE,
        "$.outcomes[].assessments[]": ASSESS, "$.goals[].assessments[]": ASSESS,
        "$.indicators[].data": {"type": "object", "additionalProperties": False,
            "description": "Where values are computed from: a readiness item or subscale, a case outcome, or a measure.",
            "properties": {k: {"type": "string"} for k in ["readiness", "item", "subscale", "cases", "measure"]}
                          | {"cohort": {"type": "string", "enum": ["pilot", "line"]}, "comparison": {"type": "string", "enum": ["pilot", "line"]}}},
        "$.indicators[].breakdowns": {"type": "object", "description": "Breakdown name → allowed values.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}}}})
    # Optional Swift properties are left out of the model's JSON when nil (synthesized Codable).
    MODEL_REQUIRED = {
        (): ["schema", "id", "name", "language", "goals", "outcomes", "outputs", "activities", "inputs", "assumptions", "indicators"],
        ("cohorts",): ["pilot", "comparison"], ("period",): ["start", "end"],
        ("goals", "[]"): ["id", "title", "assessments"],
        ("outcomes", "[]"): ["id", "title", "term", "contributes_to", "assessments"],
        ("outputs", "[]"): ["id", "title", "leads_to"], ("activities", "[]"): ["id", "title", "leads_to"],
        ("inputs", "[]"): ["id", "title", "supports"], ("assumptions", "[]"): ["id", "text", "on", "critical"],
        ("indicators", "[]"): ["id", "title", "measures", "unit", "direction", "targets", "breakdowns", "illustrative"],
        ("indicators", "[]", "baseline"): ["period", "value"], ("indicators", "[]", "targets", "[]"): ["period", "rule", "set_by"],
    }
    def at(schema, path):
        for step in path:
            schema = schema["items"] if step == "[]" else schema["properties"][step]
        return schema
    for path, required in MODEL_REQUIRED.items():
        node = at(schemas["LogicModel"], path)
        assert set(required) <= set(node["properties"]), (path, set(required) - set(node["properties"]))
        node["required"] = required
    for path in [("outputs", "[]"), ("activities", "[]"), ("inputs", "[]"), ("goals", "[]"), ("outcomes", "[]")]:
        at(schemas["LogicModel"], path)["properties"].setdefault("description", {"type": "string"})
    at(schemas["LogicModel"], ("indicators", "[]"))["properties"].update(
        {k: {"type": "string"} for k in ["description", "note", "source"]})
    schemas["IndicatorStatus"] = infer(files('status-*.json'), {"$.indicators[].target_rule": {"oneOf": [TARGET_RULE, {"type": "null"}]},
        "$.indicators[].city_target_rule": {"oneOf": [TARGET_RULE, {"type": "null"}]},
        "$.removed_indicators": REMOVED})
    schemas["IndicatorTrend"] = infer(files('trend-*.json'), {"$.removed_indicators": REMOVED,"$.indicators[].points[].target_rule": {"oneOf": [TARGET_RULE, {"type": "null"}]},
        "$.indicators[].points[].city_target_rule": {"oneOf": [TARGET_RULE, {"type": "null"}]}})
    cmp_files = [f for f in files('cmp-*.json') if open(f).read().strip()]
    schemas["CaseComparison"] = infer(cmp_files)
    schemas["ReadinessSummary"] = infer(files('rs-*.json'))
    print("\n".join(warnings), file=sys.stderr)

    schemas["ReportList"] = {"type": "array", "items": {"type": "object", "additionalProperties": False,
        "required": ["id", "model", "model_version", "kind", "language", "audience", "period", "created_at",
                     "record_sha256", "html_sha256", "docx_sha256"],
        "properties": {"id": {"type": "integer"}, "model": {"type": "string"}, "model_version": {"type": "integer"},
                       "kind": {"type": "string", "enum": ["final", "steering", "tertial"]},
                       "language": {"type": "string", "enum": ["sv", "en"]},
                       "audience": {"type": "string", "enum": ["public", "internal"]},
                       "period": {"type": ["string", "null"]}, "created_at": {"type": "string"},
                       "record_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                       "html_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                       "docx_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}}}}
    schemas["TargetRule"] = {
        "description": "A target as written in the model: a rule such as \">= 75\", \"qualitative\", or a choice {\"any\": [...]}.",
        "oneOf": [{"type": "string"},
                  {"type": "object", "required": ["any"], "additionalProperties": False,
                   "properties": {"any": {"type": "array", "items": {"$ref": "#/components/schemas/TargetRule"}}}}]}
    schemas["Problem"] = {
        "description": "RFC 9457 problem details; `detail` is the same sentence the CLI prints on stderr.",
        "type": "object", "required": ["type", "title", "status", "detail"], "additionalProperties": False,
        "properties": {"type": {"type": "string", "const": "about:blank"}, "title": {"type": "string"},
                       "status": {"type": "integer", "minimum": 400, "maximum": 599}, "detail": {"type": "string"}}}
    schemas["OpenAPIDocument"] = {"type": "object", "required": ["openapi", "info", "paths"],
                                  "properties": {"openapi": {"type": "string", "const": "3.1.0"}}}

    def problem(desc, extra=None):
        r = {"description": desc, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        if extra: r.update(extra)
        return r
    responses = {
        "BadRequest": problem("A parameter is missing or not readable (a period that is not one, a design or `by` the CLI does not take, an outcome no case has)."),
        "Unauthorized": problem("No `Authorization: Bearer T` header, or a wrong token.",
                                {"headers": {"WWW-Authenticate": {"schema": {"type": "string", "const": "Bearer"}}}}),
        "NotFound": problem("No stored model, instrument, wave or indicator with that id, or no data yet to answer the question."),
    }
    def ok(ref, desc):
        return {"description": desc, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/" + ref}}}}
    def errs(*codes):
        m = {"400": "BadRequest", "401": "Unauthorized", "404": "NotFound"}
        return {c: {"$ref": "#/components/responses/" + m[c]} for c in codes}
    model_id = {"$ref": "#/components/parameters/ModelID"}
    parameters = {"ModelID": {"name": "id", "in": "path", "required": True,
                              "description": "A stored model's id (`piloteval model list`).",
                              "schema": {"type": "string"}, "example": "vallingbyteamet"}}
    OUTCOMES = ["days_to_assessment", "assessment_within_14d", "investigation_days", "investigation_within_4m",
                "re_referral_12m", "distinct_caseworkers", "investigations_per_child"]
    paths = {
     "/api/v1/openapi.json": {"get": {"operationId": "openapi", "summary": "This document.", "tags": ["meta"],
        "responses": {"200": ok("OpenAPIDocument", "The OpenAPI 3.1 document (docs/openapi.json)."), **errs("401")}}},
     "/api/v1/models": {"get": {"operationId": "listModels", "tags": ["models"],
        "summary": "Every stored model with its versions.",
        "description": "CLI twin: `piloteval model list --format json`.",
        "responses": {"200": ok("ModelList", "The models, by id."), **errs("401")}}},
     "/api/v1/models/{id}": {"get": {"operationId": "showModel", "tags": ["models"],
        "summary": "A stored model (latest version) as JSON.",
        "description": "CLI twin: `piloteval model show ID --format json`.",
        "parameters": [model_id],
        "responses": {"200": ok("LogicModel", "The logic model document."), **errs("401", "404")}}},
     "/api/v1/models/{id}/indicators/status": {"get": {"operationId": "indicatorStatus", "tags": ["indicators"],
        "summary": "Each indicator against its targets in one period, and each goal's assessment.",
        "description": "CLI twin: `piloteval indicators status --model ID [--period P] --format json`. 404 when no observations are stored for the model.",
        "parameters": [model_id, {"name": "period", "in": "query", "required": False,
            "description": "2022, 2022-T1, 2022-Q1 or 2022-03; default: the latest period with data.",
            "schema": {"type": "string"}, "examples": {"year": {"value": "2022"}, "tertial": {"value": "2022-T1"}}}],
        "responses": {"200": ok("IndicatorStatus", "The status report."), **errs("400", "401", "404")}}},
     "/api/v1/models/{id}/indicators/trend": {"get": {"operationId": "indicatorTrend", "tags": ["indicators"],
        "summary": "Each indicator across every period, with its target line.",
        "description": "CLI twin: `piloteval indicators trend --model ID [--indicator I] --format json`.",
        "parameters": [model_id, {"name": "indicator", "in": "query", "required": False,
            "description": "Only this indicator id (404 when the model has no such indicator).",
            "schema": {"type": "string"}, "example": "I1"}],
        "responses": {"200": ok("IndicatorTrend", "The trend report."), **errs("400", "401", "404")}}},
     "/api/v1/models/{id}/cases/compare": {"get": {"operationId": "casesCompare", "tags": ["cases"],
        "summary": "The pilot's cases against the line's on one outcome.",
        "description": "CLI twin: `piloteval cases compare --model ID --outcome O [--design D] [--by gender] [--from-start] --format json` "
                       "(the `did` design's wild cluster bootstrap: 9999 replicates, seed 20240601, the CLI's defaults). "
                       "400 when no case has the outcome; 404 when the model has no `cohorts.pilot` or no case extract.",
        "parameters": [model_id,
            {"name": "outcome", "in": "query", "required": True,
             "description": "A derived measure (" + ", ".join(OUTCOMES) + ") or another outcome column of the extract.",
             "schema": {"type": "string"}, "examples": {o: {"value": o} for o in ["days_to_assessment", "investigation_within_4m", "re_referral_12m"]}},
            {"name": "design", "in": "query", "required": False,
             "schema": {"type": "string", "enum": ["unadjusted", "adjusted", "did", "permutation"], "default": "unadjusted"}},
            {"name": "by", "in": "query", "required": False, "description": "Also compare within each gender.",
             "schema": {"type": "string", "enum": ["gender"]}},
            {"name": "from", "in": "query", "required": False,
             "description": "`start`: compare only cases referred from the pilot's start (`--from-start`); "
                            "the difference in differences still reads the years before.",
             "schema": {"type": "string", "enum": ["start"]}}],
        "responses": {"200": ok("CaseComparison", "The comparison."), **errs("400", "401", "404")}}},
     "/api/v1/reports": {"get": {"operationId": "listReports", "tags": ["reports"],
        "summary": "The reports made in the browser and kept in the database, newest first.",
        "description": "Each report's settings and the SHA-256 of its record, HTML and DOCX (made on the model's Reports page).",
        "parameters": [{"name": "model", "in": "query", "required": False, "description": "Only this model's reports.",
                        "schema": {"type": "string"}, "example": "vallingbyteamet"}],
        "responses": {"200": ok("ReportList", "The reports (an empty list when there are none)."), **errs("401")}}},
     "/api/v1/models/{id}/readiness/summary": {"get": {"operationId": "readinessSummary", "tags": ["readiness"],
        "summary": "One readiness survey wave per unit and item.",
        "description": "CLI twin: `piloteval readiness summary --instrument I [--wave W] --format json` (groups under 5 respondents withheld, the CLI's default).",
        "parameters": [model_id,
            {"name": "instrument", "in": "query", "required": True, "description": "A stored instrument's id.",
             "schema": {"type": "string"}, "example": "vallingbyteamet-readiness"},
            {"name": "wave", "in": "query", "required": False, "description": "The wave (default: the latest stored).",
             "schema": {"type": "string"}, "example": "2023-03"}],
        "responses": {"200": ok("ReadinessSummary", "The summary."), **errs("400", "401", "404")}}},
    }
    doc = {
     "openapi": "3.1.0",
     "info": {"title": "piloteval API", "version": "1",
              "description": "Read-only JSON API of `piloteval serve`. Every read answers byte for byte what the CLI's `--format json` prints for the same question. Authenticate with `Authorization: Bearer T`, T being the token in the address `piloteval serve` prints on its first line. See docs/api.md."},
     "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
     "security": [{"bearerAuth": []}],
     "paths": paths,
     "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer",
                      "description": "The token of the address `piloteval serve` prints (`?token=T`)."}},
                    "parameters": parameters, "responses": responses, "schemas": schemas},
    }
    out = json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    return out


if __name__ == "__main__":
    main()
